"""La configuration commune des tests : les fixtures vivent dans tests/fixtures/ (une seule maison),
déclarées ici comme greffons de pytest, la manière documentée de les partager entre dossiers.

Chaque fichier de test qui construit un site, rend des PDF, lance Node ou Chromium porte son marqueur
(`build`, `pdf`, `pyodide`, `navigateur`, déclarées dans pyproject.toml) : `make test-rapide` les
laisse de côté. Un test qui demande une fixture lente sans porter son marqueur est refusé ici.
"""

from __future__ import annotations

import pytest

pytest_plugins = [
    "tests.fixtures.projet",
    "tests.fixtures.site",
    "tests.fixtures.navigateur",
    "tests.fixtures.pyodide",
    "tests.fixtures.formulaires",
    "tests.fixtures.proprietes",
]

# Fixture lente → les marqueurs dont l'un doit être porté par tout test qui la demande
# (un test du navigateur construit aussi le site : « navigateur » suffit).
SITE = ("build", "navigateur")
MARQUEURS = {
    "build_project": ("build",),
    "site_construit": SITE,
    "pages_du_site": SITE,
    "adresse": SITE,
    "navigateur": ("navigateur",),
    "page_": ("navigateur",),
    "page_aj": ("navigateur",),
    "page_delais": ("navigateur",),
    "runtime": ("pyodide",),
    "paquets": ("pyodide",),
    "pyodide_node": ("pyodide",),
    "pdf_vierge": ("pdf",),
}


def pytest_collection_modifyitems(config, items):
    oublis = sorted(
        {
            f"{item.path.relative_to(config.rootpath)} : marqueur « {' ou '.join(marqueurs)} » manquant (fixture {fixture})"
            for item in items
            for fixture, marqueurs in MARQUEURS.items()
            if fixture in item.fixturenames and not any(item.get_closest_marker(m) for m in marqueurs)
        }
    )
    if oublis:
        raise pytest.UsageError("Marqueurs manquants (voir tests/conftest.py) :\n" + "\n".join(oublis))
