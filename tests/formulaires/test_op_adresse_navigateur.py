"""L'adresse cachée dans la vraie page, comme une personne la remplit (Chromium, la vraie CSP, le moteur
dans Pyodide) : l'adresse demandée pour vérifier seulement, trois façons de l'écrire arrêtées chacune à
son étape, un signal faible confirmé, le PDF enregistré sans l'adresse (pdftotext), et « n'y figure
pas » seulement après une vérification faite."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.fixtures import offre_pdf
from tests.fixtures.adresse_cachee import CACHEE
from tests.fixtures.navigateur import stockage_vide
from tests.fixtures.requete_op import REPONSE, cache_l_adresse
from tests.fixtures.requete_op import documents as _documents
from tests.fixtures.requete_op import etape as _etape
from tests.fixtures.requete_op import ouvre as _ouvre
from tests.fixtures.requete_op import suivante as _suivante
from tests.navigateur.test_securite_axe import contexte, violations

pytestmark = pytest.mark.navigateur

CASE = "Je ne veux pas que l'autre partie connaisse mon adresse"
GARDER = "Ce texte peut rester tel quel"


def _arretee(page, numero: int, champ):
    """« Étape suivante » refusé : on reste à l'étape, le champ marqué en erreur, le résumé (qui a le
    focus) y mène, l'adresse n'est pas répétée."""
    page.get_by_role("button", name="Étape suivante").click()
    resume = page.get_by_role("alert")
    expect(resume).to_contain_text("que vous avez demandé à cacher", timeout=REPONSE)
    _etape(page, numero)
    expect(champ).to_have_attribute("aria-invalid", "true")
    expect(resume.get_by_role("heading")).to_be_focused()
    assert "zola" not in resume.inner_text().casefold()
    resume.get_by_role("link").first.click()
    expect(champ).to_be_focused()


def _jusqu_a_l_etape_2(page, adresse):
    _ouvre(page, adresse)
    adresse_pour_verifier = cache_l_adresse(page, "Tribunal judiciaire de Lyon, 67 rue Servient")
    page.get_by_role("radio", name="Madame", exact=True).check()
    page.get_by_label("Votre nom de famille").fill("Martin")
    page.get_by_label("Votre/vos prénom(s)").fill("Julie")
    return adresse_pour_verifier


def _texte_du_pdf(pdf: bytes) -> str:
    sortie = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(sortie.stdout.decode().split()).casefold()


def test_trois_ecritures_arretees_a_leur_etape_et_absentes_du_pdf(page_, adresse):
    page = page_
    groupe = _jusqu_a_l_etape_2(page, adresse)
    groupe.get_by_label("Votre adresse", exact=True).fill(CACHEE["requerant_adresse"])
    groupe.get_by_label("Complément d'adresse").fill(CACHEE["requerant_adresse_complement"])
    groupe.get_by_label("Code postal").fill(CACHEE["requerant_code_postal"])
    groupe.get_by_label("Commune").fill(CACHEE["requerant_commune"])

    # 1. Étape 2 : la profession, en capitales et sans accent.
    profession = page.get_by_label("Votre profession")
    profession.fill("Boulangere, 12 BIS RUE EMILE ZOLA")
    _arretee(page, 2, profession)
    profession.fill("Boulangère")
    _suivante(page, 3)
    page.get_by_label("Son nom de famille").fill("Durand")
    _suivante(page, 4)
    page.get_by_role("radio", name="mariés", exact=True).check()
    _suivante(page, 5)

    # 2. Étape 5 : « r. », une initiale.
    page.get_by_role("checkbox", name="Interdiction de contact").check()
    page.get_by_role("checkbox", name="Interdiction de venir dans certains lieux").check()
    lieux = page.get_by_label("Précisez ces lieux")
    lieux.fill("Mon domicile, 12 r. E. Zola, et mon travail.")
    _arretee(page, 5, lieux)
    lieux.fill("Mon domicile et mon travail.")
    _suivante(page, 6)
    _suivante(page, 7)

    # 3. Étape 7 : le numéro en lettres, dans le lieu d'un fait.
    page.get_by_label("Date, ou début de la période").fill("14/03/2025")
    lieu = page.get_by_label("Où ?")
    lieu.fill("devant chez moi, douze rue Émile Zola")
    page.get_by_label("Ce qui s'est passé").fill("Il m'a giflée.")
    page.get_by_label("Autres pièces que vous joindrez").fill("Attestation du gardien, appartement 34")
    _arretee(page, 7, lieu)
    lieu.fill("au domicile")

    # Un signal faible (le complément) : arrêté aussi, jusqu'à ce qu'elle le confirme.
    page.get_by_role("button", name="Étape suivante").click()
    pieces = page.locator("[data-champ=pieces]")
    expect(pieces).to_contain_text("le complément de votre adresse", timeout=REPONSE)
    expect(page.get_by_role("alert")).to_contain_text("elle cite peut-être votre adresse")
    _etape(page, 7)
    pieces.get_by_role("checkbox", name=GARDER).check()
    _suivante(page, 8)
    documents = _documents(page)
    expect(documents).to_contain_text("Votre adresse n'y figure pas : chacune de vos réponses a été comparée")

    pdf = offre_pdf.enregistre(page, "Enregistrer la requête (PDF)", "document.pdf")
    texte = _texte_du_pdf(pdf)
    assert "martin" in texte and "boulangère" in texte and "mon domicile et mon travail" in texte
    assert "appartement 34" in texte  # averti, confirmé : il reste, comme elle l'a voulu
    for morceau in ("zola", "69003", "12 bis", "douze", "lyon 69"):
        assert morceau not in texte, morceau
    assert page.journal.externes() == []
    stockage_vide(page)

    # « Tout effacer » : l'adresse donnée pour vérifier part avec le reste.
    page.get_by_role("button", name="Tout effacer").click()
    page.get_by_role("dialog").get_by_role("button", name="Tout effacer").click()  # demandé d'abord
    page.get_by_role("checkbox", name=CASE).check()
    page.get_by_role("radio", name="Élire domicile auprès du procureur de la République").check()
    page.get_by_label("Adresse du tribunal auquel vous adressez la requête").fill("Tribunal judiciaire de Lyon")
    _suivante(page, 2)
    expect(page.get_by_label("Votre adresse", exact=True)).to_have_value("")
    expect(page.get_by_label("Code postal", exact=True)).to_have_value("")


def test_sans_l_adresse_la_page_dit_qu_elle_n_a_pas_pu_verifier(page_, adresse):
    page = page_
    _jusqu_a_l_etape_2(page, adresse)
    page.get_by_label("Votre profession").fill("Boulangère, 12 bis rue Émile Zola")  # rien pour comparer
    for numero in range(3, 9):
        _suivante(page, numero)
    documents = _documents(page)
    expect(documents).to_contain_text("la page n'a pas pu vérifier qu'elle n'apparaît pas ailleurs")
    expect(documents).not_to_contain_text("n'y figure pas")


def test_a_390_px_sans_violation_axe(navigateur, adresse, tmp_path):
    """L'étape de l'adresse cachée, un refus à son champ, un avertissement à confirmer et l'écran final,
    sur un téléphone : 0 violation axe ; la sortie rapide à l'écran. Captures dans $CAPTURES_OP si donné."""
    dossier = Path(os.environ.get("CAPTURES_OP") or tmp_path)
    context = contexte(navigateur, adresse, 390, python=True)
    page = context.new_page()
    page.journal = None  # le contexte d'axe n'a pas le journal des requêtes ; il refuse déjà tout autre site

    def verifie(nom: str):
        assert violations(page, adresse) == [], nom
        page.locator("#axe-resultat").evaluate("resultat => resultat.remove()")  # pour la mesure suivante
        expect(page.get_by_role("link", name="Quitter rapidement")).to_be_in_viewport()
        page.screenshot(path=dossier / f"op-adresse-{nom}.png", full_page=False)

    try:
        groupe = _jusqu_a_l_etape_2(page, adresse)
        groupe.scroll_into_view_if_needed()
        verifie("1-etape")
        groupe.get_by_label("Votre adresse", exact=True).fill(CACHEE["requerant_adresse"])
        groupe.get_by_label("Code postal").fill(CACHEE["requerant_code_postal"])
        groupe.get_by_label("Complément d'adresse").fill(CACHEE["requerant_adresse_complement"])
        profession = page.get_by_label("Votre profession")
        profession.fill("Boulangère, 12 bis rue Émile Zola")
        _arretee(page, 2, profession)
        verifie("2-refus")
        profession.fill("Boulangère")
        page.get_by_label("Votre nom d'usage").fill("Martin, bâtiment C")
        page.get_by_role("button", name="Étape suivante").click()
        garder = page.get_by_role("checkbox", name=GARDER)
        expect(garder).to_be_visible(timeout=REPONSE)
        verifie("3-resume")
        page.get_by_role("alert").get_by_role("link").first.click()
        expect(garder).to_be_focused()  # le résumé mène à la case qui confirme
        verifie("4-a-confirmer")
        garder.check()
        for numero in range(3, 9):
            _suivante(page, numero)
        _documents(page).get_by_text("Votre adresse n'y figure pas").scroll_into_view_if_needed()
        verifie("5-documents")
    finally:
        context.close()
