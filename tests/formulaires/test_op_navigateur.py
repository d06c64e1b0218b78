"""La préparation de la requête comme une personne la fait : chaque étape par ses libellés, dans
Chromium, sous la vraie CSP, le moteur Python dans Pyodide ; les documents obtenus ; aucune
requête vers une autre origine, rien de gardé, et l'adresse cachée absente du PDF.
"""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import expect

from tests.fixtures import offre_pdf
from tests.fixtures.navigateur import stockage_vide
from tests.fixtures.requete_op import CHEMIN, REPONSE, cache_l_adresse
from tests.fixtures.requete_op import documents as _documents
from tests.fixtures.requete_op import etape as _etape
from tests.fixtures.requete_op import ouvre as _ouvre
from tests.fixtures.requete_op import suivante as _suivante

pytestmark = pytest.mark.navigateur


def test_toutes_les_etapes_jusqu_aux_documents(page_, adresse):
    page = page_
    _ouvre(page, adresse)
    _etape(page, 1)

    # 1. La sécurité d'abord : l'adresse cachée fait élire domicile.
    # 2. Identité : l'adresse, demandée pour vérifier seulement.
    verifier = cache_l_adresse(page, "Tribunal judiciaire, 1 parvis du Tribunal")
    verifier.get_by_label("Votre adresse", exact=True).fill("12 rue des Lilas")
    page.get_by_role("radio", name="Madame", exact=True).check()
    page.get_by_label("Votre nom de famille").fill("Martin")
    page.get_by_label("Votre/vos prénom(s)").fill("Julie")
    page.get_by_label("Votre date de naissance").fill("1990-04-12")
    _suivante(page, 3)

    # 3. L'autre partie.
    page.get_by_label("Son nom de famille").fill("Durand")
    page.get_by_label("Son/ses prénom(s)").fill("Paul")
    page.get_by_label("Adresse du défendeur", exact=True).fill("4 impasse des Roses")
    _suivante(page, 4)

    # 4. Situation familiale et enfants.
    page.get_by_role("radio", name="mariés", exact=True).check()
    page.get_by_role("group", name="Avez-vous des enfants en commun ?").get_by_label("Oui").check()
    page.get_by_role("textbox", name="Nom et prénom(s)").fill("Léa Durand")
    _suivante(page, 5)

    # 5. Le bracelet seul est refusé : il faut l'interdiction de contact (art. 515-11-1).
    page.get_by_role("checkbox", name="Bracelet anti-rapprochement").check()
    bracelet = page.locator(".op-mesure").filter(has=page.get_by_role("checkbox", name="Bracelet anti-rapprochement"))
    expect(bracelet.get_by_text("Vous cachez votre adresse : n'écrivez ici ni votre adresse")).to_be_visible()
    page.get_by_label("Raisons de la demande de bracelet anti-rapprochement").fill(
        "Il m'attend à la sortie de mon travail."
    )
    page.get_by_role("button", name="Étape suivante").click()
    expect(page.get_by_role("alert")).to_contain_text("Interdiction de contact", timeout=REPONSE)
    _etape(page, 5)
    page.get_by_role("checkbox", name="Interdiction de contact").check()
    _suivante(page, 6)

    # 6. Logement (mariés), animal, aide juridictionnelle provisoire.
    page.get_by_role("checkbox", name="Garder le logement conjugal (mariés)").check()
    page.get_by_role("checkbox", name="Garder l'animal de compagnie").check()
    page.get_by_role("group", name="Demandez-vous l'aide juridictionnelle provisoire ?").get_by_label("Oui").check()
    _suivante(page, 7)

    # 7. Deux faits, saisis dans le désordre ; le danger ; une autre pièce.
    page.get_by_label("Date, ou début de la période").fill("14/03/2025")
    page.get_by_label("Où ?").fill("au domicile")
    page.get_by_label("Ce qui s'est passé").fill("Il m'a giflée devant les enfants.")
    page.get_by_label("Pièces qui le prouvent").fill("Certificat médical du 14 mars 2025")
    page.get_by_role("button", name="Ajouter un fait").click()
    page.get_by_label("Date, ou début de la période").nth(1).fill("02/2025")
    page.get_by_label("Ce qui s'est passé").nth(1).fill("Il a cassé mon téléphone.")
    page.get_by_label("Pièces qui le prouvent").nth(1).fill("Photos du téléphone cassé")
    page.get_by_label("Pourquoi vous sentez-vous en danger").fill("Il a dit qu'il me retrouverait.")
    page.get_by_label("Autres pièces que vous joindrez").fill("Copie intégrale de l'acte de mariage")
    _suivante(page, 8)

    # 8. Tribunal, date, documents.
    documents = _documents(page)
    expose = documents.locator(".op-expose li")
    expect(expose).to_have_count(2)
    expect(expose.nth(0)).to_contain_text("En février 2025 : Il a cassé mon téléphone. (pièce n° 1)")
    expect(expose.nth(1)).to_contain_text(
        "Le 14 mars 2025, au domicile : Il m'a giflée devant les enfants. (pièce n° 2)"
    )
    expect(documents.locator(".op-bordereau tbody tr")).to_have_count(3)
    expect(documents.locator("#op-a-apporter")).to_contain_text("acte de mariage, de moins de 3 mois")
    expect(documents.locator("#op-a-apporter")).to_contain_text("actes de naissance des enfants")
    expect(documents).to_contain_text("Votre adresse n'y figure pas")

    # Le PDF : après l'avertissement, enregistré sous un nom neutre (valeurs lues avec pypdf), ou ouvert.
    expect(page.get_by_role("button", name="Enregistrer la requête (PDF)")).to_be_visible(timeout=REPONSE)
    expect(page.get_by_label("Nom du fichier")).to_have_value("document.pdf")
    pdf = offre_pdf.enregistre(page, "Enregistrer la requête (PDF)", "document.pdf")
    offre_pdf.ouvre(page, "Ouvrir la requête (PDF) pour la relire et l'imprimer")
    from pypdf import PdfReader

    champs = {nom: str(c.get("/V", "")) for nom, c in PdfReader(io.BytesIO(pdf)).get_fields().items()}
    assert champs["requerant_nom"] == "Martin" and champs["requerant_date_naissance"] == "12/04/1990"
    assert champs["adresse_cachee"] == "/on" and champs["election_procureur"] == "/on"
    assert (
        champs["mesure_bracelet"] == "/on"
        and champs["mesure_contact"] == "/on"
        and champs["logement_conjugal"] == "/on"
    )
    assert champs["aj_provisoire_oui"] == "/on" and "515-11 3° bis" in champs["autres_demandes"]
    assert champs["expose_faits"].startswith("1. En février 2025")
    assert champs["pieces_3_designation"] == "Copie intégrale de l'acte de mariage"
    assert champs.get("requerant_adresse", "") in ("", "None")

    assert page.journal.externes() == []
    stockage_vide(page)


def test_adresse_cachee_et_avertissements(page_, adresse):
    page = page_
    _ouvre(page, adresse)
    # L'adresse saisie puis cachée reste dans la page pour la vérification ; le PDF ne la porte pas
    # (test_op_adresse_navigateur.py).
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, 2)
    page.get_by_label("Votre adresse", exact=True).fill("12 rue des Lilas")
    page.get_by_role("button", name="Étape précédente").click()
    page.get_by_role("checkbox", name="Je ne veux pas que l'autre partie connaisse mon adresse").check()
    page.get_by_role("button", name="Étape suivante").click()
    expect(page.get_by_role("alert")).to_contain_text("élisez domicile", timeout=REPONSE)
    page.get_by_role("radio", name="Élire domicile chez l'avocat qui vous assiste ou vous représente").check()
    page.get_by_label("Nom et coordonnées de votre avocat").fill("Maître X, barreau de Lyon")
    _suivante(page, 2)
    page.get_by_label("Je ne veux pas que l'autre partie connaisse mon adresse")  # toujours là, à l'étape 1
    for numero in (3, 4):
        _suivante(page, numero)
    page.get_by_role("radio", name="en concubinage", exact=True).check()
    _suivante(page, 5)
    page.get_by_role("checkbox", name="Interdiction de venir dans certains lieux").check()
    page.get_by_label("Précisez ces lieux").fill("Mon travail au 8 avenue Jean Jaurès")
    _suivante(page, 6)
    page.get_by_role("button", name="Étape précédente").click()
    _etape(page, 5)
    expect(page.get_by_text(re.compile("semble contenir une adresse"))).to_be_visible()


def test_documents_demandes_pendant_le_chargement(page_, adresse):
    """Sur une connexion lente, les huit étapes passées avant que Python soit prêt (elles ne sont pas
    vérifiées) : « Préparer mes documents » montre, là où les documents viendront, l'étape du chargement,
    une barre et les octets ; pas le tableau « en attendant » du simulateur (le message lent de cette page
    dit de continuer à répondre) ; Python prêt, les documents viennent sans autre clic."""
    page = page_
    wasm = []
    page.clock.install()  # les 10 s avant « lent » passent d'un coup (minuteurs de la page seulement)
    page.route("**/pyodide.asm.wasm", lambda route: wasm.append(route))  # retenu, pas servi
    page.goto(adresse + CHEMIN)
    page.get_by_role("button", name="Commencer").click()
    for numero in range(2, 9):
        _suivante(page, numero)
    page.get_by_role("button", name="Préparer mes documents").click()
    zone = page.locator("#op-resultat")
    expect(zone.locator(".outil-attente")).to_have_text(
        re.compile(r"^Préparation de vos documents… Téléchargement du calculateur \(\d+,\d\xa0Mo\)…$")
    )
    expect(zone.get_by_role("progressbar", name="Téléchargement du calculateur")).to_be_visible()
    expect(zone.locator(".outil-octets")).to_have_text(re.compile(r"^\d+,\d\xa0Mo sur \d+,\d\xa0Mo$"))
    page.clock.fast_forward("00:11")
    expect(page.locator("#preparer .outil-etat .outil-lent")).to_be_visible()
    expect(zone.locator(".outil-lent")).to_be_hidden()
    assert len(wasm) == 1
    wasm[0].continue_()
    # Sans autre clic : les documents, avec ce qui reste à compléter (rien n'a été répondu).
    expect(zone.get_by_role("heading", name="Vos documents")).to_be_visible(timeout=REPONSE * 3)
    expect(zone).to_contain_text("Encore vide")
    expect(zone.locator(".outil-attente-python")).to_have_count(0)


def test_rien_ne_reste_apres_avoir_quitte_la_page(page_, adresse):
    page = page_
    _ouvre(page, adresse)
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, 2)
    page.get_by_label("Votre nom de famille").fill("Martin")
    page.goto(adresse + "/index.html")
    page.go_back()
    expect(page.get_by_role("button", name="Commencer")).to_be_visible()
    page.get_by_role("button", name="Commencer").click()
    page.get_by_role("button", name="Étape suivante").click()
    expect(page.get_by_label("Votre nom de famille")).to_have_value("", timeout=REPONSE)
    stockage_vide(page)
    assert "?" not in page.url


@pytest.mark.parametrize("numero", [1, 5, 8])
def test_quitter_rapidement_a_chaque_etape(page_, adresse, numero):
    page = page_
    page.goto(adresse + CHEMIN)
    page.get_by_role("button", name="Commencer").click()
    for n in range(2, numero + 1):
        page.get_by_role("button", name="Étape suivante").click()
        _etape(page, n)
    page.get_by_role("link", name="Quitter rapidement").click()
    page.wait_for_url(lambda url: not url.startswith(adresse), timeout=10_000)


def test_la_page_pose_chaque_champ_et_chaque_mesure(site_construit):
    """Chaque champ du Cerfa 15458 est demandé (sauf l'exposé et le tableau des pièces, que le moteur
    écrit) et chaque mesure des données a sa case, une seule fois."""
    from pyscripts.formulaires.definition import champs_pdf, lit_formulaire
    from pyscripts.op import mesures as op_mesures

    html = (site_construit / "outils" / "preparer-requete.html").read_text(encoding="utf-8")
    noms = set(re.findall(r'\bname="([a-z0-9_]+)"', html))
    mesures = op_mesures.donnees()["mesures"]
    cases_des_mesures = {m["case"] for m in mesures if m.get("case") and m["id"] != "dissimulation_adresse"}
    attendus = set()
    for c in champs_pdf(lit_formulaire("cerfa-15458")):
        if c["nom"] == "expose_faits" or c["nom"].startswith("pieces_") or c["nom"] in cases_des_mesures:
            continue
        attendus.add(c["groupe"] or c["nom"])
    assert attendus - noms == set()
    for m in mesures:
        if m["id"] not in ("dissimulation_adresse", "aide_juridictionnelle_provisoire"):  # des cases du formulaire
            assert html.count(f'name="mesure" value="{m["id"]}"') == 1, m["id"]
