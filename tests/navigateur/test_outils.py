"""The two tools as a person uses them: filled by their labels in Chromium, under the real CSP,
answered by the Python engines running in Pyodide — and nothing kept, nothing sent elsewhere.

Python starts once per tool and session (the `page_aj` / `page_delais` fixtures of tests/fixtures/navigateur.py: a
warmed page, its form emptied between tests); only the tests about loading itself open a fresh page.
Pyodide's cold start takes seconds on a 2-core machine, more under load: waits are generous.
"""

from __future__ import annotations

import re
import time
from datetime import date
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from generator import csp
from pyscripts.aj.entree import EXCEPTIONS_RESIDENCE
from pyscripts.delais import calcule as calcule_delai
from pyscripts.delais import calendrier, catalogue
from pyscripts.delais.francais import date_fr
from tests.fixtures.navigateur import OUTILS, PYTHON, stockage_vide

pytestmark = pytest.mark.navigateur

AJ, DELAIS = OUTILS["aj"], OUTILS["delais"]
REPONSE = 15_000  # ms: one answer once Python is ready (a few ms in practice)


# ── Helpers ──────────────────────────────────────────────────────────────────


def ouvre(page, adresse, chemin):
    page.goto(adresse + chemin)
    return page.locator(".outil")


def erreurs_console(page) -> list[str]:
    """Console errors, minus Chromium's request for /favicon.ico (the site has none, and Playwright
    does not report that request): a 404 only counts as the favicon when no seen response was a 404."""
    vus_404 = any(statut == 404 for statut in page.journal.statuts.values())
    return [
        e
        for e in page.journal.erreurs
        if vus_404 or not e.startswith("Failed to load resource: the server responded with a status of 404")
    ]


def session_vide(page, origine: str) -> None:
    """No sessionStorage either (read through the DevTools protocol: the CSP forbids eval)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOMStorage.enable")
    items = cdp.send(
        "DOMStorage.getDOMStorageItems", {"storageId": {"securityOrigin": origine, "isLocalStorage": False}}
    )
    assert items["entries"] == []


def rien_garde_rien_envoye(page, adresse):
    """The privacy promise of the tool pages, checked after a real computation."""
    assert page.journal.externes() == []
    assert erreurs_console(page) == []
    stockage_vide(page)
    session_vide(page, adresse)
    assert page.context.service_workers == []
    worker = [u for u in page.journal.reponses if "/assets/js/outils-worker.mjs" in u]
    assert worker, "le worker de Pyodide n'a pas été chargé"
    assert page.journal.reponses[worker[0]]["content-security-policy"] == csp.header()


def groupe(page, nom):
    return page.get_by_role("group", name=nom)


# ── Simulateur d'aide juridictionnelle ───────────────────────────────────────


def test_simulateur_aide_totale_par_les_libelles(page_aj, adresse):
    page = page_aj
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill("12 000")
    page.get_by_label("Date de dépôt de la demande").fill("2025-03-10")
    page.get_by_role("button", name="Voir le résultat").click()

    titre = page.locator("#aj-resultat h2")
    expect(titre).to_have_text("Vous pouvez avoir l'aide juridictionnelle totale.", timeout=REPONSE)
    expect(titre).to_be_focused()  # le focus suit la réponse
    resultat = page.locator("#aj-resultat")
    expect(resultat).to_have_attribute("aria-live", "polite")
    expect(resultat).to_contain_text("Les plafonds pour un foyer de 1 personne")
    expect(resultat).to_contain_text("12\u202f862\u00a0€")  # plafond de l'aide totale 2025
    expect(resultat).to_contain_text("Vos ressources retenues : 12\u202f000\u00a0€")
    expect(resultat.get_by_role("link", name=re.compile(r"Décret n° 2020-1717"))).not_to_have_count(0)
    suite = page.locator("#aj-suite")
    expect(suite).to_be_visible()
    expect(suite.get_by_role("link", name="Déposez la demande")).to_have_attribute(
        "href", "../aide-juridictionnelle/deposer.html"
    )
    expect(suite.get_by_role("link", name="les pièces justificatives")).to_have_attribute(
        "href", "../aide-juridictionnelle/pieces-justificatives.html"
    )
    # One next step first: the request prepared on this page, below.
    expect(suite.locator("li").first.get_by_role("link")).to_have_attribute("href", "#entretien-cerfa-16146")
    assert page.url == adresse + AJ  # envoyer le formulaire ne navigue pas, ne recharge pas
    assert adresse + AJ not in page.journal.requetes
    rien_garde_rien_envoye(page, adresse)


def test_simulateur_repond_pendant_la_saisie(page_aj):
    """No button: the answer follows the typing (a foyer of 2 under 2025's 55 % ceiling)."""
    page = page_aj
    page.get_by_label("Date de dépôt de la demande").fill("2025-03-10")
    resultat = page.locator("#aj-resultat")
    # Chaque réponse fait nommer la question suivante, sans erreur affichée.
    expect(resultat).to_have_text(
        "Pour voir la réponse, répondez à la question « Combien de personnes compte "
        "votre foyer fiscal, vous compris ? ».",
        timeout=PYTHON,
    )
    page.get_by_label("Combien de personnes compte votre foyer fiscal").press_sequentially("2")
    expect(resultat).to_have_text(
        "Pour voir la réponse, répondez à la question « Revenu fiscal de référence, en euros ».", timeout=REPONSE
    )
    expect(page.locator(".erreur-champ")).to_have_count(0)
    page.get_by_label("Revenu fiscal de référence").press_sequentially("17000")  # des touches : pas d'événement change
    expect(resultat.locator("h2")).to_have_text(
        "Vous pouvez avoir l'aide juridictionnelle partielle, à 55 %.", timeout=PYTHON
    )
    expect(resultat).to_contain_text("15\u202f177\u00a0€")  # plafond de l'aide totale pour 2 personnes
    # Situation changée : la question des 6 mois remplace celle du revenu fiscal de référence.
    groupe(page, "Quels revenus pouvez-vous indiquer ?").get_by_label("Ma situation a changé").check()
    expect(page.get_by_label("Revenu fiscal de référence")).to_be_hidden()
    page.get_by_label("Revenus imposables des 6 derniers mois").fill("5 000")
    expect(resultat.locator("h2")).to_have_text("Vous pouvez avoir l'aide juridictionnelle totale.", timeout=REPONSE)
    expect(resultat).to_contain_text("9\u202f000\u00a0€")  # 5 000 × 2 − 10 %
    assert erreurs_console(page) == []


def test_simulateur_erreur_a_cote_du_champ(page_aj):
    page = page_aj
    champ = page.get_by_label("Combien de personnes compte votre foyer fiscal")
    champ.fill("0")
    page.get_by_label("Revenu fiscal de référence").fill("9000")
    page.get_by_role("button", name="Voir le résultat").click()

    message = "Votre foyer fiscal compte au moins une personne, vous : indiquez 1 ou plus."
    erreur = page.locator("#aj-personnes-erreur")
    expect(erreur).to_have_text("Erreur : " + message, timeout=PYTHON)
    expect(champ).to_have_attribute("aria-invalid", "true")
    expect(champ).to_have_attribute("aria-describedby", re.compile(r"^aj-personnes-erreur aj-personnes-aide$"))
    resume = page.locator("#aj-resultat .outil-erreurs")
    expect(resume.locator("h2")).to_be_focused()
    expect(resume).to_contain_text(
        "Le nombre de personnes de votre foyer fiscal, vous compris : votre foyer fiscal compte au moins une personne"
    )
    resume.get_by_role("link").click()
    expect(champ).to_be_focused()

    champ.fill("1")  # corrigé : l'erreur disparaît, la réponse arrive
    expect(page.locator("#aj-resultat h2")).to_contain_text("totale", timeout=REPONSE)
    expect(erreur).to_have_count(0)
    expect(champ).not_to_have_attribute("aria-invalid", "true")
    expect(champ).to_have_attribute("aria-describedby", "aj-personnes-aide")
    assert erreurs_console(page) == []


def test_simulateur_question_sans_reponse_signalee_a_l_envoi(page_aj):
    """A conditional question appears when needed; left empty, it is named next to itself."""
    page = page_aj
    habite = groupe(page, "Vivez-vous habituellement en France ?")
    expect(habite).to_be_hidden()
    groupe(page, "Quelle est votre nationalité ?").get_by_label("D'un autre pays", exact=True).check()
    expect(habite).to_be_visible()
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill("9000")
    expect(page.locator("#aj-resultat")).to_contain_text(
        "répondez à la question « Vivez-vous habituellement en France ? »", timeout=PYTHON
    )
    expect(habite.locator(".erreur-champ")).to_have_count(0)  # pas d'erreur avant l'envoi
    page.get_by_role("button", name="Voir le résultat").click()
    expect(habite.locator(".erreur-champ")).to_have_text("Erreur : Répondez à cette question pour voir le résultat.")
    expect(habite.get_by_label("Oui")).to_have_attribute("aria-invalid", "true")
    habite.get_by_label("Oui").check()
    expect(page.locator("#aj-resultat h2")).to_contain_text("totale", timeout=REPONSE)


def test_simulateur_ordonnance_de_protection(page_aj):
    page = page_aj
    groupe(page, "Demandez-vous l'aide pour une ordonnance de protection ?").get_by_label("Oui").check()
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill("30000")
    resultat = page.locator("#aj-resultat")
    expect(resultat.locator("h2")).to_contain_text("accordée tout de suite, à titre provisoire", timeout=PYTHON)
    expect(resultat).to_contain_text("Après l'examen de vos ressources : d'après vos réponses, vous ne pouvez pas")


def test_effacer_mes_reponses_vide_tout_sans_redemarrer_python(page_aj):
    """The reset button empties every answer, hidden ones too, and the answer; Python keeps running."""
    page = page_aj
    nationalite = groupe(page, "Quelle est votre nationalité ?")
    habite = groupe(page, "Vivez-vous habituellement en France ?")
    nationalite.get_by_label("D'un autre pays", exact=True).check()
    habite.get_by_label("Oui").check()
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill("9000")
    aujourd_hui = page.get_by_label("Date de dépôt de la demande").input_value()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", aujourd_hui)
    page.get_by_label("Date de dépôt de la demande").fill("2025-03-10")
    page.get_by_role("button", name="Voir le résultat").click()
    resultat = page.locator("#aj-resultat")
    expect(resultat.locator("h2")).to_contain_text("totale", timeout=REPONSE)
    expect(page.locator("#aj-suite")).to_be_visible()

    page.get_by_role("button", name="Effacer mes réponses").click()
    expect(resultat).to_have_text("Répondez aux questions : la réponse s'affichera ici.")
    expect(page.locator("#aj-suite")).to_be_hidden()
    expect(page.get_by_label("Revenu fiscal de référence")).to_have_value("")
    expect(page.get_by_label("Date de dépôt de la demande")).to_have_value(aujourd_hui)  # today again
    expect(nationalite.get_by_label("Française")).to_be_checked()
    expect(habite).to_be_hidden()
    nationalite.get_by_label("D'un autre pays", exact=True).check()
    expect(habite.get_by_label("Oui")).not_to_be_checked()  # hidden, yet emptied too
    assert not [u for u in page.journal.requetes if "/pyodide/" in u]  # Python was not started again
    expect(page.locator(".outil-etat")).to_contain_text("Calculateur prêt")
    assert erreurs_console(page) == []


# ── Calculateur de délais ────────────────────────────────────────────────────


def _dernier_jour(entree: dict) -> str:
    return date_fr(date.fromisoformat(calcule_delai(entree)["echeance"]))


def test_calculateur_delai_libre_et_agenda(page_delais, adresse):
    page = page_delais
    page.get_by_label("Votre démarche").select_option(label="Autre délai : je connais sa durée")
    page.get_by_label("Nombre", exact=True).fill("2")
    page.get_by_label("Compté en").select_option("jours")
    page.get_by_label("Date de départ du délai").fill("2025-06-05")  # un jeudi
    page.get_by_role("button", name="Calculer").click()

    entree = {"depart": "2025-06-05", "duree": {"jours": 2}, "franc": False}
    attendu = _dernier_jour(entree)
    assert attendu == "mardi 10 juin 2025"  # samedi, dimanche et lundi de Pentecôte sautés
    titre = page.locator("#delais-resultat h2")
    expect(titre).to_have_text(f"Dernier jour pour agir : {attendu}", timeout=REPONSE)
    expect(titre).to_be_focused()
    resultat = page.locator("#delais-resultat")
    expect(resultat).to_contain_text("samedi 7 juin 2025 : week-end.")
    expect(resultat).to_contain_text("lundi 9 juin 2025 : jour férié : lundi de Pentecôte.")
    expect(resultat).to_contain_text("C'est la date sûre")
    expect(resultat.get_by_role("link", name=re.compile(r"C\. proc\. civ\., art\. 642"))).not_to_have_count(0)
    expect(page.get_by_role("button", name="Imprimer")).to_be_visible()
    # The .ics itself (after securite's warning, neutral by default): test_outils_saisies.py.
    expect(page.get_by_role("button", name="Ajouter à mon agenda (.ics)")).to_be_visible()
    assert page.url == adresse + DELAIS and adresse + DELAIS not in page.journal.requetes
    rien_garde_rien_envoye(page, adresse)


def test_calculateur_delai_du_catalogue_pendant_la_saisie(page_delais):
    page = page_delais
    page.get_by_label("Votre démarche").select_option("appel_civil")
    expect(page.locator("#delais-depart-aide")).to_contain_text("Le jour de la signification (remise par commissaire")
    page.get_by_label("Où habite la personne qui doit agir ?").select_option("la-reunion")
    page.get_by_label("Date de départ du délai").fill("2025-01-31")
    attendu = _dernier_jour({"delai": "appel_civil", "depart": "2025-01-31", "residence_partie": "la-reunion"})
    resultat = page.locator("#delais-resultat")
    expect(resultat.locator("h2")).to_have_text(f"Dernier jour pour agir : {attendu}", timeout=PYTHON)
    expect(resultat).to_contain_text("1 mois de plus pour la distance.")
    assert erreurs_console(page) == []


def test_calculateur_erreur_a_cote_du_champ(page_delais):
    page = page_delais
    page.get_by_label("Votre démarche").select_option("autre")
    nombre = page.get_by_label("Nombre", exact=True)
    nombre.fill("quinze")
    page.get_by_label("Date de départ du délai").fill("2025-06-05")
    page.get_by_role("button", name="Calculer").click()
    erreur = page.locator("#delais-duree-erreur")
    expect(erreur).to_contain_text(
        "« quinze » n'est pas un nombre. Écrivez seulement des chiffres, par exemple 15.", timeout=PYTHON
    )
    expect(nombre).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#delais-resultat .outil-erreurs h2")).to_be_focused()
    expect(page.locator("#delais-actions")).to_be_hidden()  # pas d'agenda pour une erreur
    nombre.fill("15")
    expect(page.locator("#delais-resultat h2")).to_contain_text("Dernier jour pour agir", timeout=REPONSE)
    expect(erreur).to_have_count(0)


def test_calculateur_calendrier_ordonnance_de_protection(page_delais):
    page = page_delais
    page.get_by_label("Le calendrier d'une ordonnance de protection").check()
    expect(page.get_by_label("Votre démarche")).to_be_hidden()
    page.get_by_label("Date où le juge a fixé l'audience (jour 0)").fill("2025-06-05")
    page.get_by_label("Date de notification de l'ordonnance de protection").fill("2025-06-12")
    page.get_by_role("button", name="Calculer").click()
    entree = {
        "scenario": "ordonnance_protection",
        "ordonnance_fixant_audience": "2025-06-05",
        "notification_op": "2025-06-12",
    }
    resultat = calcule_delai(entree)
    appel = next(e for e in resultat["etapes"] if e["id"] == "appel_op")
    zone = page.locator("#delais-resultat")
    expect(zone.locator("h2")).to_have_text(resultat["titre"], timeout=PYTHON)
    expect(zone).to_contain_text(
        f"À retenir : {appel['titre']}, au plus tard le {date_fr(date.fromisoformat(appel['date_sure']))}."
    )
    expect(zone.locator(".etape h3")).to_have_text([e["titre"] for e in resultat["etapes"]])
    assert erreurs_console(page) == []


def test_calculateur_delai_relance_par_l_aide_juridictionnelle(page_delais):
    page = page_delais
    page.get_by_label("Le nouveau délai après une demande d'aide juridictionnelle").check()
    page.get_by_label("Votre démarche").select_option("appel_civil")
    page.get_by_label("Date de départ du délai").fill("2025-03-03")
    page.get_by_label("Date d'envoi de la demande d'aide juridictionnelle").fill("2025-03-20")
    page.get_by_label("Date de notification de la décision du bureau").fill("2025-05-06")
    page.get_by_label("Ce que dit la décision").select_option("admission_totale")
    entree = {
        "scenario": "aide_juridictionnelle_recours",
        "delai": "appel_civil",
        "depart": "2025-03-03",
        "demande_aj": "2025-03-20",
        "decision_baj": "2025-05-06",
        "sens_decision": "admission_totale",
    }
    nouveau = next(e for e in calcule_delai(entree)["etapes"] if e["id"] == "nouveau_delai")
    zone = page.locator("#delais-resultat")
    expect(zone).to_contain_text(f"au plus tard le {date_fr(date.fromisoformat(nouveau['date_sure']))}", timeout=PYTHON)
    expect(zone.locator(".etape h3").filter(has_text="Nouveau délai de 1 mois")).to_have_count(1)


# ── Python starts late, or never ─────────────────────────────────────────────


def test_formulaire_utilisable_pendant_le_chargement(page_, adresse, site_construit):
    """A person on a slow connection: the static form is filled before the page's module arrives, then
    sent while Python loads; Python's download has started without waiting for the page's module. Under
    the button, where she looks, as soon as the module is there: « Calcul
    dès que l'outil est prêt. », the real stage, a bar and the bytes as they travel (compressed: 3.4 MB,
    not the 12.4 MB of the decoded files); after 10 s, the static table « en attendant »; the answer comes
    as soon as Python is ready, without another click, and takes the focus."""
    page = page_
    module, wasm = [], []
    page.clock.install()  # the 10 s before « slow » pass in an instant (page timers only, not Python)
    page.route("**/assets/js/outil-aj.mjs", lambda route: module.append(route))  # held, not answered
    page.route("**/pyodide.asm.wasm", lambda route: wasm.append(route))
    page.goto(adresse + AJ, wait_until="domcontentloaded")  # "load" would wait for the held module
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill("12000")
    expect(page.get_by_label("Revenu fiscal de référence")).to_have_value("12000")
    resultat = page.locator("#aj-resultat")
    expect(resultat).to_have_text("Répondez aux questions : la réponse s'affichera ici.")
    # Python's download does not wait for the page's module (outils-tot.mjs starts the worker at once).
    debut = time.monotonic()
    while not wasm and time.monotonic() - debut < 30:
        page.wait_for_timeout(100)
    assert len(wasm) == 1 and len(module) == 1
    module[0].continue_()
    runtime = next((site_construit / "pyodide").glob("3*"))
    sur_le_fil = sum(
        f.stat().st_size for f in [runtime / "pyodide.asm.wasm.br", *runtime.glob("python_stdlib.*.zip.br")]
    )
    taille = f"{sur_le_fil / 1e6:.1f}".replace(".", ",") + "\xa0Mo"
    # Filled before the JavaScript was there: computed as soon as it is, without any action.
    attente = resultat.locator(".outil-attente")  # under the button, aria-live
    expect(attente).to_have_text(f"Calcul dès que l'outil est prêt. Téléchargement du calculateur ({taille})…")
    expect(resultat).to_have_attribute("aria-live", "polite")
    expect(resultat.get_by_role("progressbar", name="Téléchargement du calculateur")).to_be_visible()
    expect(resultat.locator(".outil-octets")).to_have_text(re.compile(rf"^\d+,\d\xa0Mo sur {taille}$"))
    etat = page.locator(".outil-etat")
    expect(etat).to_have_attribute("role", "status")
    expect(etat.locator(".outil-etat-texte")).to_have_text(f"Téléchargement du calculateur ({taille})…")
    expect(etat.get_by_role("progressbar", name="Téléchargement du calculateur")).to_be_visible()
    envoyer = page.get_by_role("button", name="Voir le résultat")
    envoyer.click()
    expect(attente).to_contain_text("Calcul dès que l'outil est prêt.")
    expect(envoyer).to_be_focused()  # nothing to read yet: the focus stays where the person is
    en_attendant = resultat.locator(".outil-lent")
    expect(en_attendant).to_be_hidden()
    page.clock.fast_forward("00:11")
    for lent in (etat.locator(".outil-lent"), en_attendant):  # above, and where she looks
        expect(lent).to_be_visible()
        expect(lent).to_contain_text("En attendant")
        expect(lent.get_by_role("link")).to_have_attribute("href", "#bareme")
    assert len(wasm) == 1
    wasm[0].continue_()
    expect(etat).to_contain_text("Calculateur prêt", timeout=PYTHON)
    expect(etat.locator(".outil-lent")).to_be_hidden()
    expect(etat.get_by_role("progressbar")).to_be_hidden()
    titre = resultat.locator("h2")
    expect(titre).to_have_text("Vous pouvez avoir l'aide juridictionnelle totale.", timeout=REPONSE)
    expect(titre).to_be_focused()


def test_envoi_pendant_le_chargement_puis_panne(page_, adresse):
    """Submitted while loading, then Python cannot start: the person is told under the button too."""
    page = page_
    retenues = []
    page.route("**/pyodide.asm.wasm", lambda route: retenues.append(route))
    ouvre(page, adresse, DELAIS)
    page.get_by_label("Votre démarche").select_option("appel_civil")
    page.get_by_label("Date de départ du délai").fill("2025-01-31")
    page.get_by_role("button", name="Calculer").click()
    resultat = page.locator("#delais-resultat")
    expect(resultat.locator(".outil-attente")).to_contain_text("Calcul dès que l'outil est prêt.")
    expect(page.locator("#delais-resultat h2")).to_have_count(0)
    retenues[0].abort()
    expect(resultat.locator(".outil-panne")).to_contain_text(
        "Le calcul ne peut pas se faire dans ce navigateur.", timeout=PYTHON
    )
    expect(resultat.get_by_role("link")).to_have_attribute("href", "#catalogue")


@pytest.mark.parametrize(
    "chemin, repli, tableau",
    [
        (AJ, "#bareme", "Personnes dans le foyer fiscal"),
        (DELAIS, "#catalogue", "Démarche"),
    ],
)
@pytest.mark.parametrize("refuse", ["pyodide.mjs", "pyodide.asm.wasm"])
def test_repli_quand_python_ne_demarre_pas(page_, adresse, chemin, repli, tableau, refuse):
    """Python's files cannot be fetched: the person is told in French and sent to the static table.
    (A failed .wasm download only rejects inside Pyodide: the worker reports it through onunhandledrejection.)"""
    page = page_
    page.route(f"**/pyodide/*/{refuse}", lambda route: route.abort())
    outil = ouvre(page, adresse, chemin)
    avis = outil.locator(".outil-panne:visible")
    expect(avis).to_have_count(1, timeout=PYTHON)
    expect(avis).to_contain_text("Le calcul ne peut pas se faire dans ce navigateur.")
    expect(outil.locator(".outil-etat-texte")).to_be_hidden()
    expect(outil.locator("form")).to_be_visible()  # le formulaire reste
    lien = avis.get_by_role("link")
    expect(lien).to_have_attribute("href", repli)
    lien.click()
    expect(page.locator(repli)).to_be_in_viewport()
    # Les tableaux sont dans une boîte défilante (generator/mkdocs/tableaux.py).
    expect(page.locator(f"{repli} ~ .tableau table").first).to_contain_text(tableau)


# ── Small screens, and the lists copied into the templates ───────────────────


@pytest.mark.parametrize(
    "outil, remplit",
    [
        (
            "aj",
            lambda p: (
                p.get_by_label("Combien de personnes compte votre foyer fiscal").fill("3"),
                p.get_by_label("Revenu fiscal de référence").fill("21000"),
            ),
        ),
        (
            "delais",
            lambda p: (
                p.get_by_label("Votre démarche").select_option("appel_ordonnance_protection"),
                p.get_by_label("Date de départ du délai").fill("2025-12-10"),
            ),
        ),
    ],
)
def test_outils_sur_telephone(request, outil, remplit):
    page = request.getfixturevalue(f"page_{outil}")
    page.set_viewport_size({"width": 375, "height": 800})
    remplit(page)
    expect(page.locator(".outil-resultat h2")).to_be_visible(timeout=REPONSE)
    assert page.locator("body").bounding_box()["width"] <= 375
    for element in page.locator(
        ".outil input:visible, .outil select:visible, .outil button:visible, .outil-resultat h2"
    ).all():
        boite = element.bounding_box()
        assert boite["x"] >= 0 and boite["x"] + boite["width"] <= 375, element


class _Options(HTMLParser):
    """<option value, data-depart, text> of each <select id>, from the built page."""

    def __init__(self):
        super().__init__()
        self.selects: dict[str, list[dict]] = {}
        self._select = self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._select = self.selects.setdefault(attrs["id"], [])
        elif tag == "option" and self._select is not None:
            self._option = {**attrs, "texte": ""}
            self._select.append(self._option)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "option":
            self._option = None

    def handle_data(self, data):
        if self._option is not None:
            self._option["texte"] += data.replace("\xa0", " ")  # the build's no-break spaces (typographie.py)


def _selects(site, chemin) -> dict[str, list[dict]]:
    lecteur = _Options()
    lecteur.feed((site / chemin.lstrip("/")).read_text(encoding="utf-8"))
    return lecteur.selects


def test_les_listes_des_gabarits_suivent_les_donnees(site_construit):
    """theme/outils/*.html copy content/data lists: an entry added to the data must be added there."""
    selects = _selects(site_construit, DELAIS)
    delais = [o for o in selects["delais-delai"] if o["value"] not in ("", "autre")]
    assert [o["value"] for o in delais] == [e["id"] for e in catalogue()]
    for option, entree in zip(delais, catalogue()):
        assert option["data-depart"] == entree["depart"]
        assert option["data-nature"] == entree["nature"]
        assert option["texte"] == f"{entree['libelle']} — {entree['duree_texte']}"
    table = calendrier.table()
    lieux = [*table["territoires"], *table["autres_lieux"]]
    assert [o["value"] for o in selects["delais-lieu"]] == lieux
    assert [o["value"] for o in selects["delais-residence"]] == ["", *lieux, "etranger"]
    assert [o["texte"] for o in selects["delais-lieu"]][: len(table["territoires"])] == [
        t["nom"] for t in table["territoires"].values()
    ]
    exceptions = [o["value"] for o in _selects(site_construit, AJ)["aj-exception"]]
    assert exceptions == ["", *EXCEPTIONS_RESIDENCE]
