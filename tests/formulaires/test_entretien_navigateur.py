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
    """One interview completed by labels up to « Votre formulaire est prêt », for the tests of what
    the person does with it (a full run costs a cold Python and pypdf: done once)."""
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
    # The personal list: identity, the tax notice, the sworn statement on insurance; no CNDA piece.
    liste = page.locator(".pieces-liste")
    expect(liste).to_contain_text("Votre avis d'imposition le plus récent.")
    expect(liste).to_contain_text("Livret de famille")
    expect(liste).to_contain_text("attestation sur l'honneur indiquant que vous n'avez pas d'assurance")
    expect(liste).not_to_contain_text("Cour nationale du droit d'asile")

    # Offered under a neutral name; saved under the one the person chose, after the warning about traces.
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
    assert not any(nom in valeurs for nom in ("hors_ue", "contrat_pj_non"))  # interview-only questions

    assert page.journal.externes() == []
    assert not [e for e in page.journal.erreurs if "favicon" not in e], page.journal.erreurs
    stockage_vide(page)


def test_enregistrer_sous_un_nom_neutre_apres_l_avertissement(resultat):
    """The name offered says nothing of the procedure; an emptied name falls back to it."""
    page = resultat
    nom = page.get_by_label("Nom du fichier")
    nom.fill("")
    offre_pdf.enregistre(page, "Enregistrer le PDF", "document.pdf")
    nom.fill("document.pdf")


def test_ouvrir_pour_imprimer_apres_l_avertissement(resultat):
    page = resultat
    offre_pdf.ouvre(page, "Ouvrir le formulaire pour le lire et l'imprimer")
    assert not page.get_by_role("link", name=re.compile("Ouvrir le formulaire")).count()  # no bare blob: link


def test_imprimer_la_liste_des_pieces_apres_l_avertissement(resultat):
    page = resultat
    imprimer = page.get_by_role("button", name="Imprimer la liste des pièces")
    imprimer.click()
    boite = offre_pdf.avertissement(page, "Avant d'imprimer")
    boite.get_by_role("button", name="Annuler").click()
    expect(boite).to_have_count(0)
    expect(page.locator("html")).not_to_have_attribute("data-imprime", re.compile("."))  # nothing marked to print
    expect(imprimer).to_be_focused()


def test_erreur_a_cote_du_champ(page_, adresse):
    """A required answer left empty, then a malformed date: the message is next to its field."""
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
    # The engine checks the date: the worker may still be reading the blank PDF (interview just opened).
    expect(date).to_have_attribute("aria-invalid", "true", timeout=30_000)
    expect(page.locator(".erreur-champ")).to_contain_text("jj/mm/aaaa")
    expect(etape_(page, 1)).to_be_visible()
