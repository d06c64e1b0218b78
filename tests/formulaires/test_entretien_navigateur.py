"""The Cerfa 16146 interview in Chromium, by visible labels only: from a simulator result to
the filled PDF (read back with pypdf) and the list of documents, with no request to another
origin and nothing stored."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from . import offre_pdf
from .conftest import stockage_vide

pytestmark = pytest.mark.navigateur
PYTHON_MS = 90_000  # cold start of Pyodide on a busy 2-core machine
SIMULATEUR = "/outils/simulateur-aide-juridictionnelle.html"


def visible(page, libelle: str):
    """The one visible control labelled `libelle`, « (obligatoire) » or not (a hidden question
    may share its label)."""
    motif = re.escape(libelle).replace(r"\ ", r"\s")  # the page's spaces before « ? : » are no-break
    return page.get_by_label(re.compile(rf"^{motif}(\s\(obligatoire\))?$")).filter(visible=True)


def etape_(page, numero: int):
    """The step's <fieldset>, found by its <legend> « Étape n sur 4 : … »."""
    return page.get_by_role("group", name=re.compile(rf"^Étape {numero} sur 4"))


def suivant(page, etape: int) -> None:
    page.get_by_role("button", name="Étape suivante").click()
    expect(etape_(page, etape)).to_be_visible(timeout=30_000)  # the worker may be busy on a loaded machine


def simulateur_puis_entretien(page, adresse: str) -> float:
    """The simulator's answer, then « Préparer ma demande »: returns the time of that click."""
    page.goto(adresse + SIMULATEUR)
    expect(page.locator("#simulateur.outil-pret")).to_be_attached(timeout=PYTHON_MS)
    page.get_by_label("Combien de personnes compte votre foyer fiscal, vous compris ?").fill("2")
    page.get_by_label("Revenu fiscal de référence, en euros").fill("9000")
    page.get_by_role("button", name="Voir le résultat").click()
    expect(page.get_by_role("heading", name="Vous pouvez avoir l'aide juridictionnelle totale.")).to_be_visible()
    debut = time.perf_counter()
    page.get_by_role("button", name="Préparer ma demande").click()
    expect(etape_(page, 1)).to_be_visible()
    return debut


def remplit_entretien(page) -> None:
    # 1. Identité : la nationalité vient du simulateur.
    expect(visible(page, "Votre nationalité")).to_have_value("Française")
    visible(page, "Madame").check()
    visible(page, "Votre nom de famille (nom de naissance)").fill("Martin")
    visible(page, "Vos prénoms").fill("Léa Anaïs")
    visible(page, "Date de naissance").fill("05/03/1990")
    visible(page, "Lieu de naissance (commune, et pays si ce n'est pas la France)").fill("Saint-Étienne")
    suivant(page, 2)
    # 2. Famille et coordonnées : le foyer vient du simulateur.
    expect(visible(page, "Combien de personnes composent votre foyer fiscal ?")).to_have_value("2")
    visible(page, "Célibataire").check()
    personne = page.get_by_role("group", name="Personne 1")
    personne.get_by_label("Nom et prénom").fill("Martin Noé")
    personne.get_by_label("Date de naissance jj/mm/aaaa").fill("12/07/2016")
    personne.get_by_label("Lien avec le demandeur (ex. époux, partenaire d'un PACS, fils, nièce, etc.)").fill("fils")
    visible(page, "Votre adresse").fill("3 rue des Lilas")
    visible(page, "Code postal").fill("42000")
    visible(page, "Commune").fill("Saint-Étienne")
    suivant(page, 3)
    # 3. Ressources : RFR et épargne viennent du simulateur.
    expect(
        visible(page, "Revenu fiscal de référence de votre avis d'imposition le plus récent, en euros")
    ).to_have_value("9 000")
    expect(
        page.get_by_role("group", name=re.compile("Vous disposez d'une épargne")).get_by_label("Non")
    ).to_be_checked()
    page.get_by_role("group", name=re.compile("Êtes-vous propriétaire")).get_by_label("Non").check()
    suivant(page, 4)
    # 4. Affaire, assurance, attestation.
    visible(
        page,
        "1. Vous souhaitez aller devant un juge, si possible indiquez lequel (juge aux affaires familiales, "
        "juge de l'exécution, juge des tutelles, juge administratif, conseil des prud'hommes, etc.).",
    ).check()
    visible(page, "Lequel ?").fill("Juge aux affaires familiales")
    visible(page, "Exposez brièvement votre affaire").fill(
        "Je demande la résidence de mon fils et une pension alimentaire."
    )
    visible(page, "Non, je n'en ai pas").check()
    expect(
        page.get_by_role("group", name=re.compile("prend-elle en charge vos frais de justice")).get_by_label("Non")
    ).to_be_checked()
    visible(page, "Je soussigné(e) (prénom, nom)").fill("Léa Martin")
    visible(page, "Fait à").fill("Saint-Étienne")


@pytest.fixture(scope="module")
def resultat(navigateur, adresse):
    """One interview completed by labels up to « Votre formulaire est prêt », for the tests of what
    the person does with it (a full run costs a cold Python and pypdf: done once)."""
    from tests.navigateur.conftest import nouvelle_page

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
