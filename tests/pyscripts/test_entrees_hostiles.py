"""Ce qu'une personne (ou un programme) tape ne donne
jamais une mauvaise réponse ni une erreur brute.

Chaque test ci-dessous échouait avant sa correction :
montants de 309 chiffres lus comme « aide totale », demi-caractère qui fait planter les
deux lignes de commande, messages en Python (« None », « {'a': 1} »), en jargon JSON
(« sans guillemets », « vrai/faux »), sans le nom de leur donnée, recopiant 50 Mo ou un
caractère qui retourne le texte, année 9999 acceptée, chiffres arabes dits « inexistants »,
null et 2.0 lus différemment par les deux moteurs. Le test de propriétés en fin de fichier
envoie des entrées quelconques aux deux lignes de commande et à `api.dispatch`.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyscripts.aj import calcule as calcule_aj
from pyscripts.aj.entree import LIBELLES as LIBELLES_AJ
from pyscripts.api import dispatch
from pyscripts.delais import calcule as calcule_delais
from pyscripts.delais.entree import LIBELLES as LIBELLES_DELAIS
from pyscripts.delais.ics import LIBELLES as LIBELLES_ICS
from pyscripts.donnees import charge
from pyscripts.erreurs import EntreeInvalide
from pyscripts.lecture import MONTANT_MAXIMUM
from pyscripts.outils import OUTILS as OUTILS_DU_REGISTRE
from tests.fixtures.chemins import REPO
from tests.fixtures.proprietes import valeurs_json

AJ = {"date_demande": "2025-03-10", "personnes_foyer": 1, "rfr": 12000}
DELAI = {"depart": "2025-03-10", "duree": {"jours": 15}}
# Toutes les données qu'un message peut nommer, avec leur nom en français.
LIBELLES = {**LIBELLES_AJ, **LIBELLES_DELAIS, **LIBELLES_ICS}
SANS_LIBELLE = {"entree", "outil", "interne"}  # erreurs de l'entrée elle-même, pas d'une question
MESSAGE_MAXIMUM = 1000
# Ce qu'une personne ne doit jamais lire : de l'écriture Python ou du jargon JSON.
JARGON = re.compile(
    r"\b(None|True|False|null|true|false|NaN|Infinity|inf|nan)\b|\{'|\['|\\u[0-9a-f]{4}|"
    r"Traceback|guillemets|vrai/faux|nombre entier de ans|objet JSON, entre"
)


def _erreur_aj(**modification) -> EntreeInvalide:
    with pytest.raises(EntreeInvalide) as erreur:
        calcule_aj({**AJ, **modification})
    return erreur.value


def _erreur_delais(entree: dict) -> EntreeInvalide:
    with pytest.raises(EntreeInvalide) as erreur:
        calcule_delais(entree)
    return erreur.value


def verifie_message(erreur: dict) -> None:
    """Un message pour une personne : il nomme SA donnée, il est court et sans caractère caché."""
    champ, message = erreur["champ"], erreur["message"]
    assert champ in LIBELLES or champ in SANS_LIBELLE, champ
    if champ in LIBELLES:
        libelle = LIBELLES[champ]
        assert message.startswith(f"{libelle[0].upper()}{libelle[1:]} ({champ}) : "), (champ, message)
    assert message[0].isupper() and message.endswith("."), message
    assert len(message) <= MESSAGE_MAXIMUM, len(message)
    assert not any(unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"} for c in message), message
    # Nos propres mots, pas le texte de la personne cité entre « … » (une clé nommée "NaN", c'est elle qui l'a nommée).
    nos_mots = re.sub(r"« [^»]*»", "« … »", message)
    assert not JARGON.search(nos_mots), (JARGON.search(nos_mots), message)


# ── Montants démesurés : jamais « aide totale » ni « pas d'avis d'impôt » ────


@pytest.mark.parametrize("champ", ["rfr", "revenus_6_mois", "patrimoine_mobilier", "patrimoine_immobilier"])
@pytest.mark.parametrize(
    "valeur",
    [10**309, float("inf"), "9" * 400, MONTANT_MAXIMUM + 1],
    ids=["309 chiffres", "infini (1e400 en JSON)", "400 chiffres en texte", "borne + 1"],
)
def test_un_montant_demesure_est_refuse_en_nommant_son_champ(champ, valeur):
    situation = {"changement_situation": True, "revenus_6_mois": 1000} if champ == "revenus_6_mois" else {}
    erreur = _erreur_aj(**{**situation, champ: valeur})
    assert erreur.champ == champ
    assert "dépasse 100\u202f000\u202f000 €" in erreur.message
    verifie_message(erreur.en_json()["erreur"])


@pytest.mark.parametrize("duree", [{"jours": None}, {"mois": None, "jours": None}, {}])
def test_une_duree_sans_nombre_n_est_jamais_un_delai_de_zero_jour(duree):
    """La page envoyait null pour un nombre trop long (Infinity en JavaScript) : 0 jour, échéance = départ."""
    assert _erreur_delais({"depart": "2025-03-10", "duree": duree}).champ == "duree"


def test_la_borne_elle_meme_est_acceptee():
    assert calcule_aj({**AJ, "rfr": 40000, "patrimoine_immobilier": MONTANT_MAXIMUM})["resultat"] == "non_eligible"


def test_un_nombre_de_309_chiffres_dans_le_json_ne_devient_pas_zero():
    texte = '{"date_demande": "2025-03-10", "personnes_foyer": 1, "rfr": 0, "patrimoine_mobilier": 1' + "0" * 309 + "}"
    erreur = json.loads(dispatch("aj", texte))["erreur"]
    assert erreur["champ"] == "patrimoine_mobilier"


# ── Demi-caractère (« \ud800 ») : jamais de trace ni de JSON coupé ───────────


def _cli(module: str, texte: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module],
        input=texte.encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "module, texte",
    [
        ("pyscripts.aj", '{"personnes_foyer": 1, "rfr": 1, "cas_particulier": "\\ud800"}'),
        ("pyscripts.aj", '{"\\ud800": 1}'),
        ("pyscripts.aj", '{"date_demande": "\\udfff2025-03-10"}'),
        ("pyscripts.delais", '{"depart": "\\ud800", "duree": {"jours": 1}}'),
        ("pyscripts.delais", '{"depart": "2025-03-10", "delai": "\\ud800"}'),
        ("pyscripts.delais", '{"depart": "2025-03-10", "duree": {"\\ud800": 1}}'),
    ],
)
def test_un_demi_caractere_donne_le_code_2_et_une_erreur_json(module, texte):
    fini = _cli(module, texte)
    assert fini.returncode == 2 and fini.stderr == b""
    verifie_message(json.loads(fini.stdout.decode("utf-8"))["erreur"])


def test_un_demi_caractere_ne_passe_jamais_dans_la_reponse_de_dispatch():
    reponse = dispatch("delais", '{"depart": "\\ud800", "duree": {"jours": 1}}')
    reponse.encode("utf-8")  # écrivable tel quel
    assert json.loads(reponse)["erreur"]["champ"] == "depart"


# ── Messages : français, leur donnée, un extrait court et propre ─────────────


@pytest.mark.parametrize(
    "modification, champ",
    [
        ({"cas_particulier": {"a": 1}}, "cas_particulier"),
        ({"nationalite": [None]}, "nationalite"),
        ({"personnes_foyer": "2"}, "personnes_foyer"),
        ({"rfr": "12 000 €"}, "rfr"),
        ({"changement_situation": "oui"}, "changement_situation"),
        ({"date_demande": 20250310}, "date_demande"),
        ({"rfr": float("nan")}, "rfr"),
    ],
)
def test_aj_les_messages_sont_en_francais_pour_une_personne(modification, champ):
    erreur = _erreur_aj(**modification)
    assert erreur.champ == champ
    verifie_message(erreur.en_json()["erreur"])


@pytest.mark.parametrize(
    "entree, champ",
    [
        ({**DELAI, "lieu_juridiction": {"a": 1}}, "lieu_juridiction"),
        ({**DELAI, "residence_partie": True}, "residence_partie"),
        ({**DELAI, "franc": "non"}, "franc"),
        ({"depart": "2025-03-10", "duree": {"annees": "2"}}, "duree.annees"),
        ({"depart": "2025-03-10", "duree": {"jours": True}}, "duree.jours"),
        ({"depart": "2025-03-10", "duree": "15"}, "duree"),
        ({"depart": None, "duree": {"jours": 15}}, "depart"),
        (
            {"scenario": "ordonnance_protection", "notification_op": "2025-03-10", "duree_mesures_mois": "six"},
            "duree_mesures_mois",
        ),
        ({"scenario": ["x"]}, "scenario"),
    ],
)
def test_delais_les_messages_sont_en_francais_pour_une_personne(entree, champ):
    erreur = _erreur_delais(entree)
    assert erreur.champ == champ
    verifie_message(erreur.en_json()["erreur"])


def test_une_valeur_de_50_mo_n_est_pas_recopiee():
    erreur = _erreur_aj(cas_particulier="x" * 50_000_000)
    assert len(erreur.message) < 400 and "x" * 41 not in erreur.message


def test_un_caractere_qui_retourne_le_texte_n_est_pas_recopie():
    for erreur in (
        _erreur_aj(nationalite="\u202efr\u200b\u0000ance\u2066"),
        _erreur_delais({**DELAI, "lieu_juridiction": "\u202eparis"}),
    ):
        assert "« france »" in erreur.message or "« paris »" in erreur.message
        verifie_message(erreur.en_json()["erreur"])


# ── Dates : bornées par les données, chiffres d'autres écritures ─────────────


def test_aj_l_annee_9999_est_refusee_avec_la_periode_couverte():
    erreur = _erreur_aj(date_demande="9999-01-01")
    parametres = charge("aide_juridictionnelle")
    fin = max(b["annee"] for b in parametres["baremes"]) + parametres["simulation"]["annees_apres_le_dernier_bareme"]
    assert erreur.champ == "date_demande" and f"après le 31 décembre {fin}" in erreur.message
    verifie_message(erreur.en_json()["erreur"])


def test_delais_l_annee_9999_est_refusee_avec_la_periode_couverte():
    erreur = _erreur_delais({**DELAI, "depart": "9999-12-31"})
    assert erreur.champ == "depart" and "1er janvier 1990 au 31 décembre 2100" in erreur.message


@pytest.mark.parametrize(
    "ecrite",
    ["٢٠٢٥-٠٣-١٠", "۲۰۲۵-۰۳-۱۰", "२०२५-०३-१०", "２０２５-０３-１０"],
    ids=["arabe", "persan", "devanagari", "pleine chasse"],
)
def test_une_date_en_chiffres_d_une_autre_ecriture_est_lue(ecrite):
    assert calcule_aj({**AJ, "date_demande": ecrite}) == calcule_aj(AJ)
    assert calcule_delais({**DELAI, "depart": ecrite}) == calcule_delais(DELAI)


def test_une_date_impossible_dit_laquelle_en_francais():
    erreur = _erreur_delais({**DELAI, "depart": "٢٠٢٥-٠٢-٣٠"})
    assert "le 30 février 2025 n'existe pas" in erreur.message


# ── null et nombres à virgule : la même lecture dans les deux moteurs ────────


@pytest.mark.parametrize("valeur", [2.5, -1, "2", True, float("nan"), float("inf"), [2]])
def test_un_nombre_entier_refuse_l_est_par_la_meme_phrase_dans_les_deux_moteurs(valeur):
    aj = _erreur_aj(personnes_foyer=valeur).message.split(") : ", 1)[1]
    delais = _erreur_delais(
        {"scenario": "ordonnance_protection", "notification_op": "2025-03-10", "duree_mesures_mois": valeur}
    ).message.split(") : ", 1)[1]
    assert re.sub(r"par exemple \d+|dépasse .*", "", aj) == re.sub(r"par exemple \d+|dépasse .*", "", delais)


def test_deux_point_zero_vaut_deux_dans_les_deux_moteurs():
    assert calcule_aj({**AJ, "personnes_foyer": 2.0}) == calcule_aj({**AJ, "personnes_foyer": 2})
    assert calcule_delais({"depart": "2025-03-10", "duree": {"jours": 15.0}}) == calcule_delais(DELAI)
    op = {"scenario": "ordonnance_protection", "notification_op": "2025-03-10"}
    assert calcule_delais({**op, "duree_mesures_mois": 6.0}) == calcule_delais({**op, "duree_mesures_mois": 6})


def test_null_veut_dire_pas_repondu_dans_les_deux_moteurs():
    assert calcule_aj({**AJ, "nationalite": None, "ordonnance_protection": None}) == calcule_aj(AJ)
    nuls = {
        "franc": None,
        "lieu_juridiction": None,
        "residence_partie": None,
        "sens": None,
        "delai": None,
        "scenario": None,
        "ics": None,
    }
    assert calcule_delais({**DELAI, **nuls}) == calcule_delais(DELAI)
    op = {"scenario": "ordonnance_protection", "notification_op": "2025-03-10"}
    assert calcule_delais({**op, "duree_mesures_mois": None}) == calcule_delais(op)


# ── Test de propriétés : n'importe quelle entrée ─────────────────────────────

CHAMPS = sorted(set(LIBELLES_AJ) | {c.split(".")[0] for c in LIBELLES_DELAIS} | {"ics", "resultat"})
json_quelconque = valeurs_json()
# Des entrées qui ressemblent aux vraies : des données connues, des valeurs quelconques.
entree_plausible = st.dictionaries(st.sampled_from(CHAMPS), json_quelconque, max_size=6)
date_plausible = st.dates().map(lambda d: d.isoformat()) | st.text(alphabet="0123456789-٠١٢٣T:", max_size=12)
entree_datee = st.fixed_dictionaries(
    {},
    optional={
        "depart": date_plausible,
        "date_demande": date_plausible,
        "notification_op": date_plausible,
        "duree": st.dictionaries(st.sampled_from(["jours", "mois", "annees", "semaines"]), json_quelconque, max_size=2),
        "scenario": st.sampled_from(["ordonnance_protection", "aide_juridictionnelle_recours", "autre"]),
        "personnes_foyer": json_quelconque,
        "rfr": json_quelconque,
        "delai": st.sampled_from(["appel_civil", "x"]),
    },
)
texte_quelconque = st.text(max_size=60) | json_quelconque.map(lambda v: json.dumps(v))
# Les routes du simulateur et du calculateur (registre pyscripts/outils.py).
OUTILS = [*OUTILS_DU_REGISTRE["aj"].routes, *OUTILS_DU_REGISTRE["delais"].routes]


def verifie_reponse(reponse: dict) -> None:
    assert set(reponse) in ({"resultat"}, {"erreur"})
    if "erreur" in reponse:
        assert set(reponse["erreur"]) == {"champ", "message"}
        assert reponse["erreur"]["champ"] != "interne", reponse  # une entrée ne provoque jamais une panne
        verifie_message(reponse["erreur"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(OUTILS), json_quelconque | entree_plausible | entree_datee)
def test_dispatch_toute_entree_json_donne_un_resultat_ou_une_erreur_en_francais(outil, entree):
    texte = json.dumps(entree)
    reponse = dispatch(outil, texte)
    reponse.encode("utf-8")
    verifie_reponse(json.loads(reponse))


# Une entrée valide dont UNE donnée est remplacée par n'importe quoi : atteint les contrôles profonds
# (scénarios, dates liées entre elles) que des entrées tirées au hasard n'atteignent pas.
BASES = [
    ("aj", AJ, [*LIBELLES_AJ]),
    (
        "delais",
        DELAI,
        [
            "depart",
            "duree",
            "delai",
            "lieu_juridiction",
            "residence_partie",
            "franc",
            "sens",
            "ics",
            "titres_complets",
            "dossier",
            "sequence",
            "horodatage",
        ],
    ),
    (
        "delais",
        {
            "scenario": "ordonnance_protection",
            "ordonnance_fixant_audience": "2025-06-02",
            "notification_op": "2025-06-06",
            "ics": True,
        },
        [
            "ordonnance_fixant_audience",
            "date_audience",
            "notification_op",
            "duree_mesures_mois",
            "lieu_juridiction",
            "residence_partie",
            "scenario",
        ],
    ),
    (
        "delais",
        {
            "scenario": "aide_juridictionnelle_recours",
            "delai": "appel_civil",
            "depart": "2025-03-03",
            "demande_aj": "2025-03-20",
            "decision_baj": "2025-05-06",
            "sens_decision": "rejet",
        },
        [
            "delai",
            "duree",
            "franc",
            "depart",
            "demande_aj",
            "admission_provisoire",
            "caducite",
            "decision_baj",
            "sens_decision",
            "decision_recours",
            "designations_avocat",
            "lieu_juridiction",
            "residence_partie",
        ],
    ),
]
base_abimee = st.sampled_from(BASES).flatmap(
    lambda b: st.tuples(st.just(b[0]), st.just(b[1]), st.sampled_from(b[2]), json_quelconque | date_plausible)
)


@settings(max_examples=600)
@given(base_abimee)
def test_dispatch_une_donnee_quelconque_dans_une_entree_valide(cas):
    outil, base, champ, valeur = cas
    reponse = dispatch(outil, json.dumps({**base, champ: valeur}))
    reponse.encode("utf-8")
    verifie_reponse(json.loads(reponse))


@settings(max_examples=200)
@given(st.sampled_from(OUTILS), texte_quelconque)
def test_dispatch_tout_texte_donne_un_resultat_ou_une_erreur_en_francais(outil, texte):
    verifie_reponse(json.loads(dispatch(outil, texte)))


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["pyscripts.aj", "pyscripts.delais"]),
    (json_quelconque | entree_plausible | entree_datee).map(json.dumps) | texte_quelconque,
)
def test_les_lignes_de_commande_repondent_code_0_ou_2_et_json(module, texte):
    fini = _cli(module, texte)
    assert fini.returncode in (0, 2) and fini.stderr == b"", fini.stderr
    reponse = json.loads(fini.stdout.decode("utf-8"))
    if fini.returncode == 2:
        verifie_reponse(reponse)
    else:
        assert isinstance(reponse, dict) and "erreur" not in reponse


# Les routes des formulaires (requête OP, exposé, 16146 sans pypdf) : mêmes garanties de forme ;
# leurs champs sont ceux des définitions, nommés par leur propre message.
OUTILS_FORMULAIRES = [
    nom
    for outil in ("op", "formulaires")
    for nom, route in OUTILS_DU_REGISTRE[outil].routes.items()
    if not route.paquets  # sans pypdf ni PDF vierge
]
entree_formulaire = st.dictionaries(
    st.sampled_from(
        [
            "formulaire",
            "valeurs",
            "chronologie",
            "pieces",
            "entree",
            "entretien",
            "adresse_cachee",
            "mesures",
            "situation",
            "simulateur",
        ]
    )
    | st.text(max_size=10),
    json_quelconque | st.sampled_from(["cerfa-16146", "cerfa-15458", "cerfa-11527"]),
    max_size=5,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(OUTILS_FORMULAIRES), json_quelconque | entree_formulaire)
def test_dispatch_des_formulaires_toute_entree_donne_un_resultat_ou_une_erreur_en_francais(outil, entree):
    reponse = json.loads(dispatch(outil, json.dumps(entree)))
    assert set(reponse) in ({"resultat"}, {"erreur"})
    if "erreur" in reponse:
        erreur = reponse["erreur"]
        assert set(erreur) == {"champ", "message"} and erreur["champ"] != "interne", reponse
        message = erreur["message"]
        assert erreur["champ"] and (message[0].isupper() or message[0] == "«") and message.endswith("."), erreur
        # Jamais une écriture Python dans nos mots (une clé que la personne a nommée « True » est la sienne, citée).
        nos_mots = re.sub(r"« [^»]*»", "« … »", message)
        assert not re.search(r"\{'|\bNone\b|\bTrue\b|\bFalse\b", nos_mots), message
        assert len(message) <= MESSAGE_MAXIMUM, len(message)
        assert not any(unicodedata.category(c) in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"} for c in message), message
