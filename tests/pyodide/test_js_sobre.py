"""Le JavaScript des outils ne laisse aucune trace et respecte la CSP (pas d'eval)."""

from __future__ import annotations

import re

import pytest

from tests.fixtures.pyodide import REPO

JS = sorted((REPO / "theme" / "assets" / "js").glob("outils*.mjs"))
# Storage would keep what a person typed on a device someone else may check;
# eval-like calls and classic workers fail under script-src 'self' / Pyodide 314.
INTERDITS = "|".join(
    [
        r"localStorage",
        r"sessionStorage",
        r"indexedDB",
        r"caches\.",
        r"document\.cookie",
        r"\beval\(",
        r"new Function",
        r"importScripts",
        r"setTimeout\(\s*['\"]",
    ]
)


@pytest.mark.parametrize("fichier", JS, ids=lambda p: p.name)
def test_ni_stockage_ni_eval(fichier):
    assert re.findall(INTERDITS, fichier.read_text(encoding="utf-8")) == []


def test_les_deux_modules_sont_la():
    assert [p.name for p in JS] == ["outils-worker.mjs", "outils.mjs"]
    assert 'type: "module"' in (REPO / "theme/assets/js/outils.mjs").read_text(encoding="utf-8")
