"""L'entretien du Cerfa 16146 dans Chromium, par les seuls libellés visibles : du résultat du simulateur
au PDF rempli (relu avec pypdf) et à la liste des pièces, sans requête vers une autre origine ni
rien de stocké."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.fixtures import offre_pdf
from tests.fixtures.entretien import PYTHON_MS, etape_, remplit_entretien, simulateur_puis_entretien, visible
from tests.fixtures.navigateur import nouvelle_page, stockage_vide

pytestmark = pytest.mark.navigateur


@pytest.fixture(scope="module")
def resultat(navigateur, adresse):
    """Un entretien rempli par les libellés jusqu'à « Votre formulaire est prêt », pour les tests de ce que
    la personne en fait (un parcours complet coûte un Python et un pypdf froids : fait une fois)."""
    page = nouvelle_page(navigateur, adresse)
    simulateur_puis_entretien(page, adresse)
    remplit_entretien(page)
    page.get_by_role("button", name="Obtenir le formulaire").click()
    expect(page.get_by_role("heading", name="Votre formulaire est prêt")).to_be_visible(timeout=PYTHON_MS)
    yield page
    page.context.close()


def test_entretien_jusqu_au_pdf(resultat):
    from pyscripts.formulaires.remplissage import valeurs_du_pdf

    page = resultat
    # La liste personnelle : identité, avis d'imposition, attestation sur l'honneur pour l'assurance ; rien de la CNDA.
    liste = page.locator(".pieces-liste")
    expect(liste).to_contain_text("Votre avis d'imposition le plus récent.")
    expect(liste).to_contain_text("Livret de famille")
    expect(liste).to_contain_text("attestation sur l'honneur indiquant que vous n'avez pas d'assurance")
    expect(liste).not_to_contain_text("Cour nationale du droit d'asile")

    # Proposé sous un nom neutre ; enregistré sous celui que la personne a choisi, après l'avertissement sur les traces.
    expect(page.get_by_label("Nom du fichier")).to_have_value("document.pdf")
    page.get_by_label("Nom du fichier").fill("papiers")
    valeurs = valeurs_du_pdf(offre_pdf.enregistre(page, "Enregistrer le PDF", "papiers.pdf"))
    attendues = {
        "civilite_madame": True,
        "civilite_monsieur": False,
        "nom_naissance": "Martin",
        "prenoms": "Léa Anaïs",
        "naissance_date": "05/03/1990",
        "nationalite": "Française",
        "situation_familiale_celibataire": True,
        "foyer_nombre": "2",
        "foyer_1_lien": "fils",
        "code_postal": "42000",
        "rfr": "9 000",
        "epargne_non": True,
        "procedure_juge_souhaite": True,
        "juge_lequel": "Juge aux affaires familiales",
        "protection_juridique_non": True,
        "soussigne": "Léa Martin",
    }
    assert {nom: valeurs[nom] for nom in attendues} == attendues
    assert not any(nom in valeurs for nom in ("hors_ue", "contrat_pj_non"))  # questions de l'entretien seulement

    assert page.journal.externes() == []
    assert not [e for e in page.journal.erreurs if "favicon" not in e], page.journal.erreurs
    stockage_vide(page)


def test_enregistrer_sous_un_nom_neutre_apres_l_avertissement(resultat):
    """Le nom proposé ne dit rien de la procédure ; un nom vidé revient à lui."""
    page = resultat
    nom = page.get_by_label("Nom du fichier")
    nom.fill("")
    offre_pdf.enregistre(page, "Enregistrer le PDF", "document.pdf")
    nom.fill("document.pdf")


def test_ouvrir_pour_imprimer_apres_l_avertissement(resultat):
    page = resultat
    offre_pdf.ouvre(page, "Ouvrir le formulaire pour le lire et l'imprimer")
    assert not page.get_by_role("link", name=re.compile("Ouvrir le formulaire")).count()  # pas de lien blob: nu


def test_imprimer_la_liste_des_pieces_apres_l_avertissement(resultat):
    page = resultat
    imprimer = page.get_by_role("button", name="Imprimer la liste des pièces")
    imprimer.click()
    boite = offre_pdf.avertissement(page, "Avant d'imprimer")
    boite.get_by_role("button", name="Annuler").click()
    expect(boite).to_have_count(0)
    expect(page.locator("html")).not_to_have_attribute("data-imprime", re.compile("."))  # rien de marqué à imprimer
    expect(imprimer).to_be_focused()


def test_erreur_a_cote_du_champ(page_, adresse):
    """Une réponse obligatoire laissée vide, puis une date mal formée : le message est à côté de son champ."""
    page = page_
    simulateur_puis_entretien(page, adresse)
    visible(page, "Madame").check()
    page.get_by_role("button", name="Étape suivante").click()
    champ = visible(page, "Votre nom de famille (nom de naissance)")
    expect(champ).to_have_attribute("aria-invalid", "true")
    erreur = page.locator("#" + champ.get_attribute("aria-describedby").split()[0])
    expect(erreur).to_have_text("Erreur : Répondez à cette question.")
    expect(page.get_by_role("heading", name="Vérifiez vos réponses")).to_be_visible()

    champ.fill("Martin")
    visible(page, "Vos prénoms").fill("Léa")
    visible(page, "Date de naissance").fill("1990-03-05")
    visible(page, "Lieu de naissance (commune, et pays si ce n'est pas la France)").fill("Lyon")
    page.get_by_role("button", name="Étape suivante").click()
    date = visible(page, "Date de naissance")
    # Le moteur vérifie la date : le worker lit peut-être encore le PDF vierge (entretien tout juste ouvert).
    expect(date).to_have_attribute("aria-invalid", "true", timeout=30_000)
    expect(page.locator(".erreur-champ")).to_contain_text("jj/mm/aaaa")
    expect(etape_(page, 1)).to_be_visible()
