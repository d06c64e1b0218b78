"""Une victime sur son téléphone, puis sur un ordinateur : du guide de l'ordonnance de protection à l'outil
(trouvé par un lien du guide), les huit étapes, le PDF ouvert (titre d'onglet neutre, lu dans la liste des
onglets du navigateur), puis « Quitter rapidement ». À chaque écran : aucun bloc de texte de moins de 10 em.
« Tout effacer » demande une confirmation ; « Quitter rapidement » jamais.

Les deux largeurs partagent un contexte : la seconde relit Pyodide dans le cache du navigateur.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.fixtures.largeurs import blocs_etroits
from tests.fixtures.navigateur import nouvelle_page, stockage_vide
from tests.fixtures.parcours import (
    MOTS_SENSIBLES,
    TITRE_NEUTRE,
    dans_le_premier_ecran_et_assez_grand,
    dit_ou_deposer,
    en_haut_de_l_ecran,
    ouvre_le_pdf,
    titre_de_l_onglet,
)

pytestmark = pytest.mark.navigateur

GUIDE = "/ordonnance-protection/index.html"
PYTHON = 90_000  # ms : démarrage de Pyodide sur une machine chargée
REPONSE = 30_000  # ms : une réponse du moteur, pypdf chargé la première fois


@pytest.fixture(scope="module")
def page_op(navigateur, adresse):
    page = nouvelle_page(navigateur, adresse)
    yield page
    page.context.close()


def _etape(page, numero: int):
    expect(page.locator("#op-titre-etape")).to_contain_text(f"Étape {numero} sur 8", timeout=REPONSE)
    assert blocs_etroits(page) == [], f"étape {numero}"


def _suivante(page, numero: int):
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, numero)


def _urgences_en_haut(page):
    """17, 114 par SMS et 3919 dans le premier écran, en liens tel:/sms: assez grands pour le doigt."""
    zone = page.get_by_role("complementary", name="Numéros d'urgence")
    for numero, lien in (("17", "tel:17"), ("114", "sms:114"), ("3919", "tel:3919")):
        numero_lien = zone.get_by_role("link", name=re.compile(rf"^{numero}\b"))
        expect(numero_lien).to_have_attribute("href", lien)
        dans_le_premier_ecran_et_assez_grand(page, numero_lien)


@pytest.mark.parametrize("largeur", [390, 1280])
def test_du_guide_au_pdf_puis_quitter(page_op, adresse, navigateur, largeur):
    page = page_op
    page.set_viewport_size({"width": largeur, "height": 844 if largeur == 390 else 900})
    page.goto(adresse + GUIDE)
    _urgences_en_haut(page)
    assert blocs_etroits(page) == []

    # L'outil, trouvé depuis le guide avec les mots des gens ; son propre titre (historique) reste neutre.
    page.get_by_role("link", name="remplir ma demande d'ordonnance de protection, pas à pas").first.click()
    expect(page.locator("#preparer .outil-etat")).to_contain_text("Prêt", timeout=PYTHON)
    assert not any(mot in page.title().lower() for mot in ("ordonnance", "protection", "violence")), page.title()
    _urgences_en_haut(page)
    page.get_by_role("button", name="Commencer").click()
    _etape(page, 1)

    # 1. Sécurité : adresse cachée, domicile élu chez le procureur (« élire domicile » expliqué là).
    page.get_by_role("checkbox", name="Je ne veux pas que l'autre partie connaisse mon adresse").check()
    expect(page.get_by_text("« Élire domicile », c'est donner au tribunal une autre adresse")).to_be_visible()
    page.get_by_role("radio", name="Élire domicile auprès du procureur de la République").check()
    page.get_by_label("Adresse du tribunal auquel vous adressez la requête").fill("Tribunal judiciaire, 1 parvis")
    _suivante(page, 2)
    page.get_by_role("radio", name="Madame", exact=True).check()
    page.get_by_label("Votre nom de famille").fill("Martin")
    page.get_by_label("Votre/vos prénom(s)").fill("Julie")
    _suivante(page, 3)
    page.get_by_label("Son nom de famille").fill("Durand")
    _suivante(page, 4)
    page.get_by_role("radio", name="en concubinage", exact=True).check()
    page.get_by_role("group", name="Avez-vous des enfants en commun ?").get_by_label("Non").check()
    _suivante(page, 5)

    # 5. L'article est dans l'explication, pas dans le nom de la case ; l'arme se décrit sous sa case.
    contact = page.get_by_role("checkbox", name="Interdiction de contact")
    expect(contact).to_have_accessible_name("Interdiction de contact")
    contact.check()
    arme = page.get_by_role("checkbox", name="Interdiction d'avoir ou de porter une arme")
    arme.check()
    expect(page.get_by_role("checkbox", name="Remise de ses armes à la police ou à la gendarmerie")).to_be_visible()
    description = page.get_by_label(re.compile("décrivez le plus précisément possible l'arme"))
    expect(description).to_be_visible()
    assert description.bounding_box()["y"] > arme.bounding_box()["y"]  # sous la case cochée
    _suivante(page, 6)
    # 6. Concubins : ni les obligations financières, ni leur titre vide.
    expect(page.get_by_role("heading", name=re.compile("obligations financières"))).to_have_count(0)
    page.get_by_role("group", name="Demandez-vous l'aide juridictionnelle provisoire ?").get_by_label("Oui").check()
    _suivante(page, 7)

    # 7. Les dates comme on les écrit, un mois reste un mois ; un témoin garde sa virgule.
    page.get_by_label("Date, ou début de la période").fill("14 juin 2025")
    page.get_by_label("Ce qui s'est passé").fill("Il m'a giflée devant ma voisine.")
    page.get_by_label("Témoins (un par ligne)").fill("Sarah B., voisine")
    page.get_by_role("button", name="Ajouter un fait").click()
    page.get_by_label("Date, ou début de la période").nth(1).fill("mai 2025")
    page.get_by_label("Ce qui s'est passé").nth(1).fill("Il a cassé mon téléphone.")
    page.get_by_label("Pourquoi vous sentez-vous en danger").fill("Il a dit qu'il me retrouverait.")
    _suivante(page, 8)
    page.get_by_label("Tribunal judiciaire de").fill("Lyon")
    page.get_by_label("Fait à").fill("Lyon")

    # « Préparer mes documents » : le titre en haut de l'écran, l'exposé, et où déposer.
    page.get_by_role("button", name="Préparer mes documents").click()
    documents = page.locator("#op-resultat")
    titre = documents.get_by_role("heading", name="Vos documents")
    expect(titre).to_be_focused(timeout=REPONSE)
    en_haut_de_l_ecran(page, titre)
    expose = documents.locator(".op-expose li")
    expect(expose.nth(0)).to_contain_text("En mai 2025 : Il a cassé mon téléphone.")
    expect(expose.nth(1)).to_contain_text(
        "Le 14 juin 2025 : Il m'a giflée devant ma voisine. Témoin : Sarah B., voisine."
    )
    dit_ou_deposer(
        documents.get_by_role("region", name="Où et comment déposer la requête"),
        ("greffe du juge aux affaires familiales", "Pas par internet"),
        "notice-cerfa-15458.html#ou",
    )
    expect(documents).to_contain_text("Le bordereau est la liste numérotée des pièces")
    assert blocs_etroits(page) == []

    # Le PDF : son onglet porte un titre neutre, lu dans la liste des onglets du navigateur.
    expect(page.get_by_role("button", name="Ouvrir la requête (PDF) pour la relire et l'imprimer")).to_be_visible(
        timeout=REPONSE
    )
    titre_pdf = ouvre_le_pdf(page, navigateur, "Ouvrir la requête (PDF) pour la relire et l'imprimer")
    assert titre_pdf == TITRE_NEUTRE

    # « Quitter rapidement » : aucune question, la page part aussitôt.
    page.get_by_role("link", name="Quitter rapidement").click()
    page.wait_for_url(lambda url: not url.startswith(adresse), timeout=10_000)
    assert page.get_by_role("dialog").count() == 0
    stockage_vide(page)


def test_tout_effacer_demande_confirmation(page_op, adresse):
    page = page_op
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(adresse + "/outils/preparer-requete.html")
    page.get_by_role("button", name="Commencer").click()
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, 2)
    nom = page.get_by_label("Votre nom de famille")
    nom.fill("Martin")
    effacer = page.get_by_role("button", name="Tout effacer")
    suivant = page.get_by_role("button", name="Étape suivante")
    # Loin du bouton pour avancer : pas de faux mouvement du doigt.
    assert effacer.bounding_box()["y"] - (suivant.bounding_box()["y"] + suivant.bounding_box()["height"]) >= 40

    effacer.click()
    boite = page.get_by_role("dialog", name="Effacer toutes vos réponses ?")
    expect(boite).to_contain_text("ne pourra pas être retrouvé")
    expect(boite.get_by_role("button", name="Garder mes réponses")).to_be_focused()  # la réponse sûre d'abord
    page.keyboard.press("Escape")
    expect(boite).to_have_count(0)
    expect(effacer).to_be_focused()
    expect(nom).to_have_value("Martin")

    effacer.click()
    page.get_by_role("dialog").get_by_role("button", name="Garder mes réponses").click()
    expect(nom).to_have_value("Martin")

    effacer.click()
    page.get_by_role("dialog").get_by_role("button", name="Tout effacer").click()
    _etape(page, 1)
    page.get_by_role("button", name="Étape suivante").click()
    expect(page.get_by_label("Votre nom de famille")).to_have_value("", timeout=REPONSE)


def test_le_formulaire_vierge_s_ouvre_apres_l_avertissement_avec_un_titre_neutre(page_op, adresse, navigateur):
    """Le 15458 vierge depuis sa page : le même avertissement que pour les autres exports, puis un nouvel onglet
    intitulé « Document »."""
    page = page_op
    page.goto(adresse + "/formulaires/cerfa-15458.html")
    onglets = len(page.context.pages)
    lien = page.get_by_role("link", name="Le formulaire vierge en PDF")
    lien.click()
    boite = page.get_by_role("dialog", name="Avant d'ouvrir ce document")
    boite.get_by_role("button", name="Annuler").click()
    assert len(page.context.pages) == onglets and page.url.endswith("cerfa-15458.html")
    lien.click()
    with page.context.expect_page() as nouvelle:
        page.get_by_role("dialog").get_by_role("button", name="Continuer").click()
    onglet = nouvelle.value
    titre = titre_de_l_onglet(navigateur, onglet.url)
    onglet.close()
    assert titre == TITRE_NEUTRE and not any(mot in titre.lower() for mot in MOTS_SENSIBLES)
    assert page.url.endswith("cerfa-15458.html")  # la page, et sa sortie rapide avec elle, reste où elle était


def test_menu_sur_une_ligne_a_1280_px_et_accueil_sans_faux_sens(page_op, adresse):
    """Groupes et pages du menu sur une ligne, à l'identique ; l'accueil ne lie aucun mot à la mauvaise
    entrée du lexique (l'« audience » d'un tribunal n'est pas une mesure d'audience)."""
    page = page_op
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(adresse + "/index.html")
    entrees = page.locator(".menu > ul > li")
    cadres = [entrees.nth(i).bounding_box() for i in range(entrees.count())]
    assert len(cadres) >= 8 and len({round(c["y"]) for c in cadres}) == 1, cadres
    assert len({round(c["height"]) for c in cadres}) == 1, cadres  # un groupe ressemble à une page
    groupe = page.locator(".menu summary", has_text="Violences conjugales")
    groupe.click()
    expect(page.get_by_role("link", name="Remplir ma demande d'ordonnance de protection, pas à pas")).to_be_visible()
    expect(page.locator("main a.terme[href$='#audience']")).to_have_count(0)
