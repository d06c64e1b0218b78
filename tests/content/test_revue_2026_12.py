"""Legal review of December 2026 (shared/rules/revue_juridique_2026-12.md), S1 and S2 findings.

Each test reads the page a reader sees and fails on the wording the review found wrong: the
old sentence must be gone, and the safe action must be where the person looks for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _page(chemin: str) -> str:
    return (CONTENT / chemin).read_text(encoding="utf-8")


def _section(chemin: str, ancre: str) -> str:
    """The text of the section whose title carries `{#ancre}`, up to the next title of the same level or higher."""
    texte = _page(chemin)
    debut = texte.index("{#" + ancre + "}")
    niveau = texte.rfind("\n", 0, debut)
    dieses = len(texte[niveau + 1 :].split(" ", 1)[0])
    fin = re.search(r"\n#{1," + str(dieses) + "} ", texte[debut:])
    return texte[debut : debut + fin.start()] if fin else texte[debut:]


def _plat(texte: str) -> str:
    """Without Markdown emphasis and line breaks, so that a test reads the words, not the layout."""
    return re.sub(r"\s+", " ", texte.replace("**", ""))


def _bloc(chemin: str, contenu: str) -> str:
    """The paragraph (or list, or box) of the page that contains `contenu`."""
    return _plat(next(b for b in _page(chemin).split("\n\n") if contenu in b))


def _lexique(terme: str) -> dict:
    return next(t for t in yaml.safe_load(_page("lexique.yml")) if t["terme"] == terme)


# ── G1 (S1) : le téléphone grave danger sans interdiction préalable ──────────────────────────

ANCIENNE_CONDITION_TGD = "Il faut que l'autre personne ait une **interdiction de vous contacter** décidée par un juge"
TGD = "aide-aux-victimes.md#telephone-grave-danger"


def test_g1_aucune_page_ne_dit_plus_qu_une_interdiction_du_juge_est_exigee():
    for page in CONTENT.rglob("*.md"):
        assert ANCIENNE_CONDITION_TGD not in page.read_text(encoding="utf-8"), page


def test_g1_la_page_des_victimes_dit_qu_on_peut_le_demander_avant_toute_interdiction_et_comment():
    section = _plat(_section("aide-aux-victimes.md", "telephone-grave-danger"))
    assert "en cas de danger grave et imminent, le procureur peut vous le confier avant cette interdiction" in section
    assert "N'attendez pas une décision du juge" in section
    assert "en fuite" in section and "victime de viol" in section
    # how to ask: any means, to the people she meets first
    for qui in ("police", "gendarmerie", "avocat", "bureau d'aide aux victimes", "116 006"):
        assert qui in section, qui


@pytest.mark.parametrize(
    "page",
    ["porter-plainte/index.md", "ordonnance-protection/index.md", "ordonnance-protection/apres-ordonnance.md"],
)
def test_g1_les_pages_lues_avant_et_sans_ordonnance_menent_au_telephone_sans_attendre_le_juge(page):
    bloc = _bloc(page, "../" + TGD)
    assert "téléphone grave danger" in bloc
    assert re.search(r"sans attendre|avant toute interdiction", bloc, re.IGNORECASE), bloc


def test_g1_le_lexique_dit_qu_un_juge_n_est_pas_toujours_necessaire():
    terme = _lexique("Téléphone grave danger")
    assert "avant toute décision d'un juge" in terme["definition"]
    assert "par tout moyen" in terme["definition"]
    assert terme["voir"][0] == "aide-aux-victimes.md"
