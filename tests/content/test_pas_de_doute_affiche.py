"""Honnête sans inquiéter : le lecteur ne voit jamais les doutes internes de l'équipe.

Les doutes qui restent vivent dans les champs `note` des fichiers de données et dans UNE page,
« Limites de ce site » (content/limites.md). Partout ailleurs, le lecteur lit l'action prudente, pas
« à vérifier » ni « selon notre lecture »."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.contenu import frontmatter
from generator.contenu.validation import pages
from tests.fixtures.chemins import REPO
from tests.fixtures.doutes import doutes

CONTENT = REPO / "content"
PAGE_DES_LIMITES = "limites.md"


def _pages_lues_par_le_public() -> list[Path]:
    return [p for p in pages(CONTENT) if p.relative_to(CONTENT).as_posix() != PAGE_DES_LIMITES]


@pytest.mark.parametrize("page", _pages_lues_par_le_public(), ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_aucune_page_ne_montre_un_doute_interne(page):
    texte = page.read_text(encoding="utf-8")
    trouves = [(n, d) for n, ligne in enumerate(texte.split("\n"), 1) for d in doutes(ligne)]
    assert not trouves, (
        f"{page.relative_to(CONTENT)} : {trouves} — donnez l'action prudente, et mettez le doute dans {PAGE_DES_LIMITES}"
    )


def test_le_lexique_ne_montre_pas_de_doute():
    termes = yaml.safe_load((CONTENT / "lexique.yml").read_text(encoding="utf-8"))
    fautifs = [(t["terme"], doutes(t["definition"])) for t in termes if doutes(t["definition"])]
    assert not fautifs


def test_les_numeros_utiles_ne_montrent_pas_de_doute():
    data = yaml.safe_load((CONTENT / "data" / "urgences.yml").read_text(encoding="utf-8"))
    affiche = [
        (e["numero"], champ, e[champ])
        for e in data["urgence"] + data["ecoute"]
        for champ in ("libelle", "quand")
        if doutes(str(e[champ]))
    ]
    assert not affiche


def test_la_page_des_limites_existe_et_est_dans_la_navigation():
    """Les doutes ont une seule page, accessible depuis chaque page."""
    from generator.config import lit_config_du_site

    page = CONTENT / PAGE_DES_LIMITES
    assert frontmatter.lit_entete(page.read_text(encoding="utf-8")).data["titre"] == "Limites de ce site"
    assert PAGE_DES_LIMITES in lit_config_du_site(CONTENT.parent).nav_pages()


@pytest.mark.parametrize(
    "phrase",
    [
        "point à vérifier",
        "(numéro à vérifier)",
        "Selon notre lecture",
        "nous n'avons pas retrouvé le texte",
        "nous n’avons pas pu dater",
    ],
)
def test_le_detecteur_reconnait_les_formules_de_doute(phrase):
    assert doutes(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "Vérifiez votre avis d'imposition.",
        "ce qu'il va probablement coûter",
        "une association peut vous aider à contrôler votre téléphone",
    ],
)
def test_le_detecteur_laisse_passer_le_francais_ordinaire(phrase):
    assert not doutes(phrase)
