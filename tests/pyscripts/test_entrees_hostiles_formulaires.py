"""Aucune entrée des routes des formulaires (requête OP, exposé, Cerfa 16146) ne finit en
« erreur de l'outil », quelle que soit sa forme JSON, ni ne tourne des minutes.

Chaque cas écrit ci-dessous finissait en « erreur de l'outil » ou en panne avant la correction :
témoins en nombres, Infinity/NaN et listes dans les réponses du simulateur, « aujourdhui » en 9999,
200 faits citant chacun 200 pièces nouvelles (298 s). Les tests de propriétés envoient des entrées
imbriquées quelconques (chronologie, témoins, pièces, valeurs, réponses du simulateur) ; la durée la
plus longue d'un appel, par route, est écrite dans le rapport des tests (jamais comparée à une borne :
la machine de test est partagée, les objectifs de vitesse sont dans `make bench`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import unicodedata
from collections import defaultdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyscripts.aj.entree import LIBELLES as LIBELLES_AJ
from pyscripts.api import dispatch
from pyscripts.formulaires.definition import champs_pdf, lit_formulaire
from pyscripts.op import expose
from pyscripts.op.mesures import donnees as donnees_mesures
from tests.fixtures.proprietes import valeurs_json

MESSAGE_MAXIMUM = 1000
INVISIBLES = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
DUREES: dict[str, float] = defaultdict(float)  # route → durée la plus longue d'un appel (s)


@pytest.fixture(scope="module", autouse=True)
def rapport_des_durees(request):
    """À la fin du module : la durée la plus longue d'un appel de chaque route, dans le rapport."""
    yield
    greffons = request.config.pluginmanager
    terminal, capture = greffons.get_plugin("terminalreporter"), greffons.get_plugin("capturemanager")
    if terminal is not None and capture is not None and DUREES:
        lignes = ", ".join(f"{route} {1000 * duree:.0f} ms" for route, duree in sorted(DUREES.items()))
        with capture.global_and_fixture_disabled():  # écrit même quand pytest capture la sortie
            terminal.write_line(f"\nRoutes des formulaires, appel le plus long (CPython, machine partagée) : {lignes}")


def appelle(route: str, entree) -> dict:
    """dispatch, chronométré ; la réponse doit être un résultat ou une erreur pour une personne."""
    texte = entree if isinstance(entree, str) else json.dumps(entree)
    debut = time.perf_counter()
    reponse = dispatch(route, texte)
    DUREES[route] = max(DUREES[route], time.perf_counter() - debut)
    reponse.encode("utf-8")  # écrivable tel quel, même avec un demi-caractère reçu
    lue = json.loads(reponse)
    assert set(lue) in ({"resultat"}, {"erreur"}), lue
    if "erreur" in lue:
        verifie_erreur(lue["erreur"])
    return lue


def verifie_erreur(erreur: dict) -> None:
    assert set(erreur) == {"champ", "message"} and erreur["champ"] != "interne", erreur
    champ, message = erreur["champ"], erreur["message"]
    assert champ and len(champ) <= 200, champ
    assert not any(unicodedata.category(c) in INVISIBLES for c in champ + message), erreur
    assert (message[0].isupper() or message[0] == "«") and message.endswith("."), erreur
    assert len(message) <= MESSAGE_MAXIMUM, len(message)
    # Jamais une forme Python dans nos mots (une clé que la personne a nommée « True » est la sienne).
    nos_mots = re.sub(r"« [^»]*»", "« … »", message)
    assert not re.search(r"\{'|\['|\bNone\b|\bTrue\b|\bFalse\b|Traceback", nos_mots), message
    # Une valeur reçue n'est citée qu'en extrait court.
    assert all(len(cite) <= 45 for cite in re.findall(r"« ([^»]*) »", message)), message


# ── Cas écrits : chacun finissait en « erreur de l'outil » ─────────────────────────

BASE_OP = {
    "formulaire": "cerfa-15458",
    "aujourdhui": "2026-11-29",
    "valeurs": {"requerant_nom": "Martin", "situation_pacses": True},
    "mesures": ["interdiction_contact"],
    "chronologie": [{"date": "14/03/2025", "faits": "Il m'a poussée.", "temoins": ["Mme R."], "piece": [1]}],
    "pieces": ["Certificat médical"],
}


@pytest.mark.parametrize("route", ["op", "op_expose"])
@pytest.mark.parametrize(
    "modification, champ",
    [
        ({"temoins": 3}, "chronologie.1.temoins"),
        ({"temoins": [3]}, "chronologie.1.temoins.1"),
        ({"temoins": [{"nom": "x"}]}, "chronologie.1.temoins.1"),
        ({"piece": [True]}, "chronologie.1.piece.1"),
        ({"piece": 9}, "chronologie.1.piece"),
        ({"date": "2" * 5000}, "chronologie.1.date"),
        ({"date": "\u202e2025-01-01x"}, "chronologie.1.date"),
        ({"date": "0000-01-01"}, "chronologie.1.date"),
        ({"periode": {"du": "2025-01", "au": 2025}}, "chronologie.1.periode.au"),
    ],
)
def test_un_fait_mal_forme_est_refuse_en_nommant_son_champ(route, modification, champ):
    fait = {k: v for k, v in BASE_OP["chronologie"][0].items() if not ("periode" in modification and k == "date")}
    erreur = appelle(route, {**BASE_OP, "chronologie": [{**fait, **modification}]})["erreur"]
    assert erreur["champ"] == champ


@pytest.mark.parametrize("route", ["op", "op_expose"])
@pytest.mark.parametrize("aujourdhui", ["9999-12-31", "0001-01-01", "2025-W01-1", 20251129, "2025-02-30"])
def test_la_date_du_jour_est_bornee(route, aujourdhui):
    entree = {**BASE_OP, "aujourdhui": aujourdhui, "chronologie": [{"date": "9999-12", "faits": "x"}]}
    assert appelle(route, entree)["erreur"]["champ"] == "aujourdhui"


def test_une_mesure_inconnue_demesuree_est_citee_en_extrait():
    erreur = appelle("op", {**BASE_OP, "mesures": ["x" * 100_000]})["erreur"]
    assert erreur["champ"] == "mesures" and "x" * 41 not in erreur["message"]


@pytest.mark.parametrize(
    "simulateur, champ",
    [
        ('{"rfr": Infinity}', "simulateur.rfr"),
        ('{"rfr": NaN}', "simulateur.rfr"),
        ('{"patrimoine_mobilier": -Infinity}', "simulateur.patrimoine_mobilier"),
        ('{"rfr": 1e308}', "simulateur.rfr"),
        ('{"nationalite": ["francaise"]}', "simulateur.nationalite"),
        ('{"exception_residence": {"a": 1}}', "simulateur.exception_residence"),
        ('{"date_demande": "0001-01-01"}', "simulateur.date_demande"),
        ('{"date_demande": "9999-12-31"}', "simulateur.date_demande"),
        ('{"date_demande": "2025-W10-1"}', "simulateur.date_demande"),
        ('{"date_demande": "20250310"}', "simulateur.date_demande"),
        ('{"inconnue": 1}', "simulateur"),
        ("[]", "simulateur"),
    ],
)
@pytest.mark.parametrize("route", ["formulaire_prerempli", "formulaire_pieces"])
def test_les_reponses_du_simulateur_sont_lues_comme_le_simulateur_les_lit(route, simulateur, champ):
    erreur = appelle(route, f'{{"simulateur": {simulateur}}}')["erreur"]
    assert erreur["champ"] == champ


def test_un_montant_a_309_chiffres_n_est_jamais_recopie_dans_le_formulaire():
    assert appelle("formulaire_prerempli", '{"simulateur": {"rfr": 1' + "0" * 308 + "}}")["erreur"]


# ── 200 faits × 200 pièces : refusé tout de suite ──────────────────────────────────


@pytest.mark.parametrize("route", ["op", "op_expose"])
def test_deux_cents_faits_citant_chacun_deux_cents_pieces_nouvelles_sont_refuses(route):
    """40 000 pièces par la chronologie (846 Ko) : 298 s avant (numérotation quadratique), refus
    aussitôt maintenant, en nommant le fait. La durée est dans le rapport (fixture ci-dessus)."""
    chronologie = [
        {"date": "2025-01-01", "faits": "x", "piece": [f"Pièce {i}-{j}" for j in range(200)]} for i in range(200)
    ]
    erreur = appelle(route, {**BASE_OP, "chronologie": chronologie, "pieces": []})["erreur"]
    assert erreur["champ"].startswith("chronologie.")


@pytest.mark.parametrize("route", ["op", "op_expose"])
def test_les_pieces_comptent_apres_numerotation(route):
    """200 faits qui citent les mêmes pièces : un bordereau de 200 pièces, accepté ; une pièce
    nouvelle de plus, citée par la chronologie, est refusée au fait qui la cite."""
    pieces = [f"Pièce {j}" for j in range(expose.MAX_PIECES)]
    chronologie = [{"date": "2025-01-01", "faits": "x", "piece": pieces[i % 7 :: 7]} for i in range(200)]
    resultat = appelle(route, {**BASE_OP, "chronologie": chronologie, "pieces": pieces})["resultat"]
    assert len(resultat["bordereau"]) == expose.MAX_PIECES
    chronologie[-1] = {**chronologie[-1], "piece": ["Une pièce de trop"]}
    erreur = appelle(route, {**BASE_OP, "chronologie": chronologie, "pieces": pieces})["erreur"]
    assert erreur["champ"].endswith(".piece") and "Trop de pièces" in erreur["message"]


def test_l_expose_est_compte_tel_qu_il_sera_imprime():
    """Des faits courts qui citent chacun 200 pièces : les renvois « (pièces n° 1, 2, … 200) » font
    dépasser l'exposé ; refusé au fait qui le fait dépasser, avant d'atteindre l'impression. La borne
    est celle d'une réponse imprimée."""
    from pyscripts.formulaires.remplissage import MAX_TEXTE

    assert expose.MAX_EXPOSE == MAX_TEXTE
    pieces = [f"Pièce {j}" for j in range(200)]
    chronologie = [{"date": "2025-01-01", "faits": "x", "piece": list(range(1, 201))} for _ in range(200)]
    for route in ("op", "op_expose"):
        erreur = appelle(route, {**BASE_OP, "chronologie": chronologie, "pieces": pieces})["erreur"]
        assert erreur["champ"].startswith("chronologie.") and "environ 17 pages" in erreur["message"]


def test_un_expose_demesure_est_refuse_avant_d_etre_assemble():
    chronologie = [{"date": "2025-01-01", "faits": "y" * expose.MAX_TEXTE} for _ in range(expose.MAX_FAITS)]
    erreur = appelle("op_expose", {**BASE_OP, "chronologie": chronologie})["erreur"]
    assert erreur["champ"].startswith("chronologie.") and "trop long" in erreur["message"]


# ── Propriétés : des entrées imbriquées quelconques ────────────────────────────────

json_quelconque = valeurs_json(10)
texte = st.text(max_size=40) | st.sampled_from(["", " ", "\u202e", "\ud800", "x" * 500, "Mme R.", "12 rue des Lilas"])
date_op = (
    st.dates().map(lambda d: d.isoformat())
    | st.sampled_from(["2025", "2025-03", "03/2025", "14/03/2025", "2025-02-30", "9999-12", "0000", "1899-12-31"])
    | st.text(alphabet="0123456789-/٠١٢", max_size=12)
    | json_quelconque
)
fait = st.fixed_dictionaries(
    {},
    optional={
        "date": date_op,
        "periode": st.fixed_dictionaries({}, optional={"du": date_op, "au": date_op}) | json_quelconque,
        "lieu": texte | json_quelconque,
        "faits": texte | json_quelconque,
        "temoins": st.lists(texte | st.integers(), max_size=4) | texte | json_quelconque,
        "piece": st.lists(texte | st.integers(min_value=-1, max_value=6), max_size=5) | json_quelconque,
    },
)
# Un fait qui passe les premiers contrôles (une date passée, un récit) : la numérotation, les renvois aux
# pièces, l'exposé et la recherche d'adresse sont atteints avec des témoins, lieux et pièces quelconques.
fait_plausible = st.fixed_dictionaries(
    {
        "date": st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2026, 11, 1)).map(lambda d: d.isoformat()),
        "faits": st.text(min_size=1, max_size=60).filter(str.strip),
    },
    optional={
        "lieu": texte,
        "temoins": st.lists(texte, max_size=4) | texte,
        "piece": st.lists(texte.filter(str.strip) | st.integers(min_value=1, max_value=3), max_size=5),
    },
)
piece = (
    texte | st.fixed_dictionaries({}, optional={"id": texte | json_quelconque, "designation": texte}) | json_quelconque
)
NOMS_15458 = sorted({c["nom"] for c in champs_pdf(lit_formulaire("cerfa-15458"))})
MESURES = [m["id"] for m in donnees_mesures()["mesures"]]
entree_op = st.fixed_dictionaries(
    {"aujourdhui": st.just("2026-11-29") | date_op},
    optional={
        "formulaire": st.sampled_from(["cerfa-15458", "cerfa-16146"]) | json_quelconque,
        "valeurs": st.dictionaries(st.sampled_from(NOMS_15458), st.booleans() | texte | json_quelconque, max_size=6)
        | json_quelconque,
        "mesures": st.lists(st.sampled_from(MESURES) | texte, max_size=4) | json_quelconque,
        "chronologie": st.lists(fait_plausible | fait | json_quelconque, max_size=5) | json_quelconque,
        "danger": texte | json_quelconque,
        "pieces": st.lists(piece, max_size=5) | json_quelconque,
    },
)
nombre_hostile = st.sampled_from([float("inf"), float("-inf"), float("nan"), 1e308, -1.0, 2.5, 10**20])
simulateur = st.dictionaries(
    st.sampled_from(sorted(LIBELLES_AJ)) | st.text(max_size=8),
    json_quelconque | nombre_hostile | date_op,
    max_size=6,
)
entree_16146 = st.fixed_dictionaries(
    {},
    optional={
        "formulaire": st.sampled_from(["cerfa-16146", "cerfa-15458"]) | json_quelconque,
        "simulateur": simulateur | json_quelconque,
        "valeurs": st.dictionaries(st.text(max_size=20), st.booleans() | texte | json_quelconque, max_size=5)
        | json_quelconque,
    },
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["op", "op_expose"]), entree_op)
def test_op_toute_entree_imbriquee_donne_un_resultat_ou_une_erreur_en_francais(route, entree):
    appelle(route, entree)


# Une entrée valide dont UNE partie est remplacée : atteint les contrôles profonds (numérotation,
# adresse cachée, mesures) que des entrées tirées au hasard n'atteignent pas.
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["op", "op_expose"]),
    st.sampled_from(["valeurs", "mesures", "chronologie", "danger", "pieces"]),
    st.data(),
)
def test_op_une_partie_quelconque_dans_une_entree_valide(route, cle, data):
    strategie = {
        "chronologie": st.lists(fait_plausible | fait, min_size=1, max_size=4),
        "pieces": st.lists(piece, max_size=4),
    }
    valeur = data.draw(strategie.get(cle, json_quelconque) | json_quelconque)
    appelle(route, {**BASE_OP, cle: valeur})


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["formulaire_prerempli", "formulaire_pieces", "formulaire_verifier"]), entree_16146)
def test_16146_toute_entree_imbriquee_donne_un_resultat_ou_une_erreur_en_francais(route, entree):
    appelle(route, entree)


# ── Lignes de commande : une panne n'imprime jamais de trace ───────────────────────


def test_une_panne_de_commande_donne_le_code_1_et_le_message_de_l_outil(capsys):
    from pyscripts.cli import execute
    from pyscripts.erreurs import INTERNE

    def en_panne(entree):
        raise ZeroDivisionError("division by zero")

    assert execute(en_panne, "{}") == (1, INTERNE)
    erreur = capsys.readouterr().err
    assert erreur == "Erreur de l'outil (ZeroDivisionError) : ce n'est pas votre saisie ; signalez-la.\n"
