"""Les pages d'outils avec ce que les gens tapent vraiment, et ce qu'ils emportent : des montants trop
longs pour JavaScript, la date sûre d'un délai de nature inconnue pour une personne qui habite loin, un
agenda neutre sauf demande, un fichier corrigé qui remplace le premier, et des titres de pages d'outils
qui ne nomment jamais les violences.

Utilise les pages d'outils gardées chaudes de la session (tests/fixtures/navigateur.py : page_aj, page_delais).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from pyscripts.delais import calcule as calcule_delai
from pyscripts.delais import en_ics

pytestmark = pytest.mark.navigateur


@pytest.fixture
def avertissement(site_construit):
    """L'avertissement d'export est le composant Export (theme/assets/js/composants/export.mjs)."""
    assert (site_construit / "assets" / "js" / "composants" / "export.mjs").is_file()


REPONSE = 15_000  # ms : une réponse une fois Python prêt (quelques ms en pratique)
DEPASSE = re.compile(r"dépasse 100\s000\s000 €")
# Ce qu'un agenda partagé ne doit pas dire (tout le fichier .ics, export par défaut).
REVELATEURS = re.compile(
    r"ordonnance|protection|violen|tribunal|juge|\bcour\b|\bappel|justice|avocat|greffe|"
    r"audience|plainte|délai",
    re.IGNORECASE,
)
NEUTRES = {"Date limite", "Rendez-vous", "Rappel"}


# ── Des montants trop longs pour JavaScript ──────────────────────────────────


def _aj_une_personne(page, rfr="9000"):
    page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
    page.get_by_label("Revenu fiscal de référence").fill(rfr)


def test_aj_une_epargne_de_400_chiffres_est_refusee_et_jamais_aide_totale(page_aj):
    page = page_aj
    _aj_une_personne(page)
    page.get_by_label("Épargne et placements, en euros").fill("9" * 400)
    page.get_by_role("button", name="Voir le résultat").click()
    expect(page.locator("#aj-epargne-erreur")).to_contain_text(DEPASSE, timeout=REPONSE)
    expect(page.locator("#aj-resultat")).not_to_contain_text("totale")
    expect(page.locator("#aj-resultat .outil-erreurs")).to_contain_text("Épargne et placements")


def test_aj_un_revenu_de_400_chiffres_n_est_pas_lu_comme_pas_d_avis_d_impot(page_aj):
    page = page_aj
    _aj_une_personne(page, rfr="9" * 400)
    page.get_by_role("button", name="Voir le résultat").click()
    expect(page.locator("#aj-rfr-erreur")).to_contain_text(DEPASSE, timeout=REPONSE)
    expect(page.locator("#aj-resultat")).not_to_contain_text("6 derniers mois")


def test_aj_une_erreur_du_moteur_ne_repete_pas_la_question_a_cote_du_champ(page_aj):
    page = page_aj
    _aj_une_personne(page, rfr="douze mille")
    page.get_by_role("button", name="Voir le résultat").click()
    erreur = page.locator("#aj-rfr-erreur")
    expect(erreur).to_have_text(
        "Erreur : « douze mille » n'est pas un nombre. Écrivez seulement des chiffres, par exemple 12 000.",
        timeout=REPONSE,
    )
    resume = page.locator("#aj-resultat .outil-erreurs li")
    expect(resume).to_have_text(
        "Votre revenu fiscal de référence : « douze mille » n'est pas un nombre. "
        "Écrivez seulement des chiffres, par exemple 12 000."
    )


def test_delais_une_duree_de_400_chiffres_n_est_pas_un_delai_de_zero_jour(page_delais):
    page = page_delais
    page.get_by_label("Votre démarche").select_option("autre")
    page.get_by_label("Nombre", exact=True).fill("9" * 400)
    page.get_by_label("Date de départ du délai").fill("2025-06-05")
    page.get_by_role("button", name="Calculer").click()
    expect(page.locator("#delais-duree-erreur")).to_contain_text("dépasse", timeout=REPONSE)
    expect(page.locator("#delais-actions")).to_be_hidden()


# ── La date sûre ─────────────────────────────────────────────────────────────


def _delai_libre(page, residence, jours="15", depart="2025-03-03"):
    page.get_by_label("Votre démarche").select_option("autre")
    page.get_by_label("Nombre", exact=True).fill(jours)
    page.get_by_label("Date de départ du délai").fill(depart)
    page.get_by_label("Où habite la personne qui doit agir ?").select_option(residence)
    page.get_by_role("button", name="Calculer").click()


@pytest.mark.parametrize(
    "residence, augmentee",
    [
        ("etranger", "lundi 19 mai 2025"),  # 3 mars + 2 mois + 15 jours = dimanche 18 mai → lundi
        ("la-reunion", "vendredi 18 avril 2025"),  # + 1 mois (outre-mer, tribunal en métropole)
    ],
)
def test_delai_de_nature_inconnue_la_date_sure_sans_augmentation_d_abord(page_delais, residence, augmentee):
    page = page_delais
    _delai_libre(page, residence)
    resultat = page.locator("#delais-resultat")
    expect(resultat.locator("h2")).to_have_text("Dernier jour pour agir : mardi 18 mars 2025", timeout=REPONSE)
    encadre = resultat.locator(".outil-encadre")
    expect(encadre).to_contain_text("Date sûre : mardi 18 mars 2025.")
    expect(encadre).to_contain_text("Si ce délai est un délai de comparution, d'appel, d'opposition")
    expect(encadre).to_contain_text(f"jusqu'au {augmentee}")
    # Les étapes sont celles de la date sûre ; l'avertissement que donne déjà l'encadré n'est pas répété.
    expect(resultat.locator(".outil-explications")).to_contain_text(
        "Lundi 3 mars 2025 + 15 jours = mardi 18 mars 2025."
    )
    expect(resultat.locator(".outil-avertissements")).not_to_contain_text("L'augmentation pour distance ne vaut que")


def test_un_delai_d_appel_du_catalogue_loin_a_sa_date_augmentee_pour_date_sure(page_delais):
    page = page_delais
    page.get_by_label("Votre démarche").select_option("appel_ordonnance_protection")
    page.get_by_label("Date de départ du délai").fill("2025-06-06")
    page.get_by_label("Où habite la personne qui doit agir ?").select_option("etranger")
    resultat = page.locator("#delais-resultat")
    expect(resultat.locator("h2")).to_have_text("Dernier jour pour agir : jeudi 21 août 2025", timeout=REPONSE)
    expect(resultat).to_contain_text("2 mois de plus pour la distance.")


def test_une_etape_qui_ne_s_applique_pas_n_est_pas_montree(page_delais):
    """Sans distance, ni « augmentation pour distance » ni article 643 dans le calcul."""
    page = page_delais
    page.get_by_label("Votre démarche").select_option("appel_ordonnance_protection")
    page.get_by_label("Date de départ du délai").fill("2025-06-06")
    resultat = page.locator("#delais-resultat")
    expect(resultat.locator("h2")).to_have_text("Dernier jour pour agir : lundi 23 juin 2025", timeout=REPONSE)
    expect(resultat).not_to_contain_text("distance")
    expect(resultat).not_to_contain_text("643")


# ── L'agenda : neutre par défaut, après l'avertissement ──────────────────────


def _exporte(page) -> tuple[str, str]:
    """Clique sur « Ajouter à mon agenda », passe l'avertissement : (nom du fichier, texte)."""
    page.get_by_role("button", name="Ajouter à mon agenda (.ics)").click()
    dialogue = page.get_by_role("dialog")
    expect(dialogue).to_be_visible()
    with page.expect_download() as telechargement:
        dialogue.get_by_role("button", name="Continuer").click()
    fichier = telechargement.value
    return fichier.suggested_filename, fichier.path().read_bytes().decode("utf-8")


def _calendrier_op(page, notification="2025-06-06"):
    page.get_by_label("Le calendrier d'une ordonnance de protection").check()
    page.get_by_label("Date où le juge a fixé l'audience (jour 0)").fill("2025-06-02")
    page.get_by_label("Date de notification de l'ordonnance de protection, si elle est rendue").fill(notification)
    page.get_by_role("button", name="Calculer").click()
    expect(page.locator("#delais-resultat h2")).to_have_text(
        "Ordonnance de protection : les dates clés", timeout=REPONSE
    )


def _evenements(texte: str) -> list:
    calendrier = Calendar.from_ical(texte)
    assert calendrier.errors == []
    return list(calendrier.walk("VEVENT"))


def test_l_agenda_est_neutre_par_defaut(page_delais, avertissement):
    page = page_delais
    _calendrier_op(page)
    expect(page.get_by_label("Écrire dans l'agenda le nom de chaque démarche")).not_to_be_checked()
    nom, texte = _exporte(page)
    assert nom == "agenda.ics"
    assert str(Calendar.from_ical(texte)["X-WR-CALNAME"]) == "Rendez-vous"
    assert {str(e["SUMMARY"]) for e in _evenements(texte)} <= NEUTRES
    assert not REVELATEURS.search(texte.replace("\r\n ", ""))
    # Pyodide = CPython, octet pour octet, sauf les UID (tirés du dossier aléatoire de la page).
    heure = _evenements(texte)[0]["DTSTAMP"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    resultat = calcule_delai(
        {
            "scenario": "ordonnance_protection",
            "ordonnance_fixant_audience": "2025-06-02",
            "notification_op": "2025-06-06",
        }
    )
    cpython = en_ics({"resultat": resultat, "horodatage": heure})
    assert re.sub(r"UID:\w+", "UID", texte) == re.sub(r"UID:\w+", "UID", cpython)


def test_les_titres_complets_sont_un_choix_explicite(page_delais, avertissement):
    page = page_delais
    _calendrier_op(page)
    page.get_by_label("Écrire dans l'agenda le nom de chaque démarche").check()
    nom, texte = _exporte(page)
    assert nom == "ordonnance-protection.ics"
    titres = {str(e["SUMMARY"]) for e in _evenements(texte)}
    assert "Dernier jour : Faire appel de l'ordonnance de protection (15 jours)" in titres
    # « Effacer mes réponses » remet le choix au neutre pour qui se sert de l'appareil ensuite.
    page.get_by_role("button", name="Effacer mes réponses").click()
    expect(page.get_by_label("Écrire dans l'agenda le nom de chaque démarche")).not_to_be_checked()


def test_un_fichier_corrige_remplace_les_dates_du_premier(page_delais, avertissement):
    page = page_delais
    _calendrier_op(page, notification="2025-06-06")
    _, premier = _exporte(page)
    correction = page.get_by_label("Ce fichier corrige celui que je viens d'enregistrer")
    expect(correction).to_be_checked()
    notification = page.get_by_label("Date de notification de l'ordonnance de protection, si elle est rendue")
    notification.fill("2025-06-09")
    expect(page.locator("#delais-resultat")).to_contain_text("mardi 24 juin 2025", timeout=REPONSE)
    _, corrige = _exporte(page)
    avant, apres = _evenements(premier), _evenements(corrige)
    assert sorted(str(e["UID"]) for e in avant) == sorted(str(e["UID"]) for e in apres)
    assert {int(e["SEQUENCE"]) for e in apres} == {1}
    # La date de notification effacée : les étapes qui en partaient sont annulées à leurs dates.
    notification.fill("")
    expect(page.locator("#delais-resultat")).not_to_contain_text("mardi 24 juin 2025", timeout=REPONSE)
    _, efface = _exporte(page)
    annules = [e for e in _evenements(efface) if str(e.get("STATUS")) == "CANCELLED"]
    assert "2025-06-24" in {e["DTSTART"].dt.isoformat() for e in annules}
    assert {str(e["UID"]) for e in annules} <= {str(e["UID"]) for e in apres}
    assert {int(e["SEQUENCE"]) for e in _evenements(efface)} == {2} and {str(e["SUMMARY"]) for e in annules} == {
        "Annulé"
    }
    # Une autre personne, une autre affaire : case décochée, le fichier suivant ajoute ses propres événements.
    correction.uncheck()
    _, autre = _exporte(page)
    assert {str(e["UID"]) for e in _evenements(autre)}.isdisjoint(str(e["UID"]) for e in apres)


# ── Les titres ───────────────────────────────────────────────────────────────


class _Titre(HTMLParser):
    def __init__(self):
        super().__init__()
        self.dans, self.titre = False, ""

    def handle_starttag(self, tag, attrs):
        self.dans = tag == "title"

    def handle_endtag(self, tag):
        self.dans = False

    def handle_data(self, data):
        if self.dans:
            self.titre += data


VIOLENCE = re.compile(r"violen|ordonnance|protection|conjug|agress|victime", re.IGNORECASE)


@pytest.mark.parametrize("chemin", ["outils/calculateur-delais.html", "outils/simulateur-aide-juridictionnelle.html"])
def test_le_titre_d_une_page_d_outil_ne_nomme_pas_la_violence(site_construit, chemin):
    lecteur = _Titre()
    lecteur.feed((site_construit / chemin).read_text(encoding="utf-8"))
    assert lecteur.titre.strip() and not VIOLENCE.search(lecteur.titre), lecteur.titre


def test_le_titre_ne_change_pas_avec_un_calendrier_d_ordonnance_de_protection(page_delais):
    page = page_delais
    avant = page.title()
    _calendrier_op(page)
    assert page.title() == avant and not VIOLENCE.search(page.title())
