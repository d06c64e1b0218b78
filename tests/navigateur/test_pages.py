"""What a reader sees on ordinary pages, in a real browser under the real CSP."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator import csp

from .conftest import stockage_vide

pytestmark = pytest.mark.navigateur


def test_accueil_sans_requete_externe_ni_erreur(page_, adresse):
    page_.goto(adresse + "/index.html")
    expect(page_.get_by_role("heading", level=1)).to_contain_text("Vos démarches de justice")
    expect(page_.get_by_role("link", name="Quitter rapidement")).to_be_visible()
    page_.wait_for_load_state("networkidle")
    assert page_.journal.externes() == []
    assert page_.journal.erreurs == []
    assert page_.journal.reponses[adresse + "/index.html"]["content-security-policy"] == csp.header()
    assert not any("pyodide" in u for u in page_.journal.requetes)  # Python ne se charge que sur les outils
    stockage_vide(page_)


SORTIE = re.compile(r"^https://www\.google\.fr/")


def _site_neutre(page):
    """The neutral site answers locally (nothing leaves this machine)."""
    page.context.route(SORTIE, lambda route: route.fulfill(status=200, content_type="text/html", body="<p>météo</p>"))


def test_quitter_rapidement_remplace_la_page(page_, adresse):
    _site_neutre(page_)
    page_.goto(adresse + "/index.html")
    page_.goto(adresse + "/aide-juridictionnelle/index.html")
    page_.get_by_role("link", name="Quitter rapidement").click()
    page_.wait_for_url(SORTIE, wait_until="commit")
    # L'historique ne garde pas la page quittée : « Précédent » revient à l'accueil.
    page_.go_back(wait_until="commit")
    assert page_.url == adresse + "/index.html"


def test_echap_deux_fois_quitte(page_, adresse):
    _site_neutre(page_)
    page_.goto(adresse + "/ordonnance-protection/index.html")
    page_.keyboard.press("Escape")
    page_.keyboard.press("Escape")
    page_.wait_for_url(SORTIE, wait_until="commit")


@pytest.mark.parametrize("requete, attendu", [
    ("AJ", "aide juridictionnelle"),
    # Sans accent, trouve « éligibilité ». (« delai » ne prouverait rien : la racinisation
    # française réduit déjà « délai » et « delai » à la même racine.)
    ("eligibilite", "éligibilité"),
])
def test_recherche_en_francais(page_, adresse, requete, attendu):
    page_.goto(f"{adresse}/recherche.html?q={requete}")
    resultats = page_.locator("#mkdocs-search-results article")
    expect(resultats.first).to_be_visible(timeout=15000)
    expect(page_.locator("#mkdocs-search-results")).to_contain_text(attendu, ignore_case=True)
    assert page_.journal.erreurs == []


def test_definition_du_lexique_au_focus(page_, adresse):
    page_.goto(adresse + "/aide-juridictionnelle/index.html")
    terme = page_.locator("main a.terme").first
    definition = page_.locator("main .terme-def").first
    expect(definition).to_be_hidden()
    terme.focus()
    expect(definition).to_be_visible()


def test_page_lisible_sur_telephone(navigateur, adresse):
    context = navigateur.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(adresse + "/ordonnance-protection/index.html")
    # Pas de défilement horizontal : aucun bloc ne dépasse l'écran (les tableaux défilent en eux-mêmes).
    blocs = page.locator(".entete-interieur > *, .menu li, main article > *, .pied > *").all()
    assert len(blocs) > 20
    for bloc in blocs:
        boite = bloc.bounding_box()
        assert boite["x"] >= 0 and boite["x"] + boite["width"] <= 375.5, bloc.inner_text()[:60]
    expect(page.get_by_role("link", name="Quitter rapidement")).to_be_in_viewport()
    context.close()


@pytest.mark.parametrize("chemin", ["aide-juridictionnelle/ressources.html", "aide-juridictionnelle/pieces-justificatives.html",
                                    "ordonnance-protection/calendrier.html", "lexique.html", "modeles/certificat-medical.html"])
def test_pages_sans_erreur_de_console(page_, adresse, chemin):
    """Une violation de la CSP (style en ligne, script) apparaît comme une erreur de console."""
    page_.goto(f"{adresse}/{chemin}")
    page_.wait_for_load_state("networkidle")
    assert page_.journal.erreurs == []
    assert page_.journal.externes() == []
