"""La page « Naviguer en sécurité » existe, est dans la navigation, dit ce que la sortie rapide ne
fait PAS, et chaque page de l'ordonnance de protection y mène."""

from __future__ import annotations

import pytest

from generator.config import lit_config_du_site
from tests.fixtures.chemins import REPO

CONTENT = REPO / "content"
PAGE = CONTENT / "securite.md"


def test_la_page_est_dans_la_navigation():
    assert "securite.md" in lit_config_du_site(REPO).nav_pages()


@pytest.mark.parametrize(
    "ancre", ["quitter", "navigation-privee", "historique", "comptes", "appels", "fichiers", "courrier"]
)
def test_la_page_couvre_chaque_trace(ancre):
    assert "{#" + ancre + "}" in PAGE.read_text(encoding="utf-8")


def test_la_page_dit_ce_que_la_sortie_rapide_ne_fait_pas():
    texte = PAGE.read_text(encoding="utf-8")
    assert "Ce qu'il ne fait pas" in texte and "n'efface pas l'historique" in texte


@pytest.mark.parametrize("page", sorted((CONTENT / "ordonnance-protection").glob("*.md")), ids=lambda p: p.name)
def test_chaque_page_de_l_ordonnance_de_protection_mene_a_naviguer_en_securite(page):
    """Les pages de l'ordonnance de protection renvoient à la page de sécurité."""
    assert "../securite.md" in page.read_text(encoding="utf-8")
