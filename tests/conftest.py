"""La configuration commune des tests : les fixtures vivent dans tests/fixtures/ (une seule maison),
déclarées ici comme greffons de pytest, la manière documentée de les partager entre dossiers.

Chaque fichier de test qui construit un site, rend des PDF, lance Node ou Chromium porte sa marque
(`build`, `pdf`, `pyodide`, `navigateur`, déclarées dans pyproject.toml) : `make test-rapide` les
laisse de côté. Un test qui demande une fixture lente sans porter sa marque est refusé ici.
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

# Fixture lente → les marques dont l'une doit être portée par tout test qui la demande
# (un test du navigateur construit aussi le site : « navigateur » suffit).
SITE = ("build", "navigateur")
MARQUES = {
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
            f"{item.path.relative_to(config.rootpath)} : marque « {' ou '.join(marques)} » manquante (fixture {fixture})"
            for item in items
            for fixture, marques in MARQUES.items()
            if fixture in item.fixturenames and not any(item.get_closest_marker(m) for m in marques)
        }
    )
    if oublis:
        raise pytest.UsageError("Marques manquantes (voir tests/conftest.py) :\n" + "\n".join(oublis))
