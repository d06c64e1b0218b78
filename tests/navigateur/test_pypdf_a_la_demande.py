"""pypdf (0,4 Mo avec les modules de la bibliothèque dont lui seul a besoin) ne circule que quand on le
demande. Sur une connexion que le navigateur dit lente (« 3g ») : rien après la réponse du simulateur ;
à « Préparer ma demande », la première étape de l'entretien s'affiche aussitôt, pypdf arrive pendant
qu'on la remplit. Sur une connexion libre (« 4g », sans économie de données) : préchargé au repos, une
fois l'outil prêt."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.fixtures.navigateur import ARGS, CHROMIUM, OUTILS, PYTHON, attend_python, nouvelle_page

pytestmark = [pytest.mark.navigateur, pytest.mark.build]

PYPDF = ("/pyodide/paquets/pypdf-", "/pyodide/paquets/justice_pas_a_pas_stdlib-")


def pypdf_demande(page) -> list[str]:
    return [u for u in page.journal.requetes if any(p in u for p in PYPDF)]


@pytest.fixture(scope="module")
def navigateur_3g(navigateur):
    """Le même Chromium, qui se croit sur une connexion mobile lente (navigator.connection.effectiveType)."""
    lent = navigateur.browser_type.launch(
        executable_path=CHROMIUM, args=[*ARGS, "--force-effective-connection-type=3G"], headless=True
    )
    yield lent
    lent.close()


def reponse_du_simulateur(page) -> None:
    attend_python(page)
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill("12000")
    page.get_by_role("button", name="Voir le résultat").click()
    expect(page.locator("#aj-resultat h2")).to_contain_text("totale", timeout=PYTHON)


def test_connexion_lente_pypdf_seulement_a_la_demande(navigateur_3g, adresse):
    page = nouvelle_page(navigateur_3g, adresse)
    retenues = []
    try:
        page.route("**/pyodide/paquets/pypdf-*.whl", lambda route: retenues.append(route))
        page.goto(adresse + OUTILS["aj"])
        reponse_du_simulateur(page)
        page.wait_for_timeout(2000)  # ready and idle: time enough for a preload that must not come
        assert pypdf_demande(page) == []
        page.get_by_role("button", name="Préparer ma demande").click()
        # The first step at once, while pypdf is still on its way (held here).
        expect(page.locator(".entretien-etape:visible > legend")).to_contain_text("Étape 1 sur")
        debut = time.monotonic()
        while not retenues and time.monotonic() - debut < 30:
            page.wait_for_timeout(100)
        assert len(retenues) == 1 and not page.locator("#entretien-cerfa-16146[data-pdf-pret]").count()
        retenues[0].continue_()
        expect(page.locator("#entretien-cerfa-16146[data-pdf-pret]")).to_be_attached(timeout=PYTHON)
        assert len(pypdf_demande(page)) == 2  # pypdf and the stdlib modules it alone imports, once each
    finally:
        page.context.close()


def test_connexion_libre_pypdf_precharge_au_repos(page_, adresse):
    page_.goto(adresse + OUTILS["aj"])
    attend_python(page_)
    debut = time.monotonic()
    while len(pypdf_demande(page_)) < 2 and time.monotonic() - debut < 30:
        page_.wait_for_timeout(200)
    assert len(pypdf_demande(page_)) == 2  # without any action of the person
