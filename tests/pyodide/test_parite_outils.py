"""Les moteurs des deux outils sous Pyodide (Node) donnent les mêmes octets que sous CPython, sur une table
de situations réelles : chaque issue de l'aide juridictionnelle, les règles des délais (mois, jours
fériés, distance, délai franc, territoires), les deux scénarios, l'export .ics et les refus.

Répondu par la seule Pyodide dans Node de la session (tests/fixtures/pyodide.py : pyodide_node).
`pytest -m "not pyodide"` l'écarte.
"""

from __future__ import annotations

import json

import pytest

from pyscripts.api import dispatch

pytestmark = pytest.mark.pyodide

JOUR = "2025-03-10"
AJ = [
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": 12000},  # totale
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": 12862},  # au plafond exact
    {"date_demande": JOUR, "personnes_foyer": 2, "rfr": 17000},  # 55 %
    {"date_demande": JOUR, "personnes_foyer": 3, "rfr": 23000},  # 25 %
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": 25000},  # non éligible
    {"date_demande": JOUR, "personnes_foyer": 6, "rfr": 21000, "patrimoine_mobilier": 500},  # plafonds calculés
    {"date_demande": JOUR, "personnes_foyer": 2, "changement_situation": True, "revenus_6_mois": 5000.55},
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": None, "revenus_6_mois": 6000},
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": 9000, "patrimoine_mobilier": 20000},
    {"date_demande": JOUR, "personnes_foyer": 2, "rfr": 9000, "patrimoine_immobilier": 90000},
    {"date_demande": JOUR, "cas_particulier": "A"},
    {"date_demande": JOUR, "cas_particulier": "C", "nationalite": "autre", "residence_habituelle": True},
    {"date_demande": JOUR, "audition_mineur": True},
    {"date_demande": JOUR, "protection_juridique": "totale"},
    {"date_demande": JOUR, "protection_juridique": "partielle", "personnes_foyer": 1, "rfr": 14000},
    {"date_demande": JOUR, "ordonnance_protection": True, "personnes_foyer": 1, "rfr": 40000},
    {"date_demande": JOUR, "nationalite": "autre", "exception_residence": "retention", "personnes_foyer": 1, "rfr": 0},
    {
        "date_demande": "2024-03-01",
        "nationalite": "autre",
        "residence_habituelle": True,
        "residence_reguliere": False,
        "personnes_foyer": 1,
        "rfr": 5000,
    },
    {"date_demande": "2021-06-01", "personnes_foyer": 1, "rfr": 11000},  # ancien barème, comparaison stricte
    {"date_demande": "2027-01-15", "personnes_foyer": 1, "rfr": 11000},  # barème peut-être dépassé
    # Refus : le message doit être le même aussi.
    {"date_demande": JOUR, "personnes_foyer": 0, "rfr": 1},
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": "12 000"},
    {"date_demande": "2020-12-31", "personnes_foyer": 1, "rfr": 1},
    {"date_demande": JOUR, "nationalite": "autre", "personnes_foyer": 1, "rfr": 1},
    # moteurs : barème 2026 annoncé près d'un plafond, date en chiffres arabes, montant démesuré,
    # demi-caractère (messages nettoyés, même octets), année 9999.
    {"date_demande": "2026-03-10", "personnes_foyer": 1, "rfr": 13000, "patrimoine_mobilier": 12863},
    # Barème 2026 (plafond calculé dépassé de peu, date concurrente), 2027 pas encore publié.
    {"date_demande": "2026-03-10", "personnes_foyer": 1, "rfr": 15400, "patrimoine_immobilier": 38900},
    {"date_demande": "2026-01-10", "personnes_foyer": 3, "rfr": 17621},
    {"date_demande": "2027-02-01", "personnes_foyer": 1, "rfr": 19434, "patrimoine_mobilier": 12958},
    {"date_demande": "٢٠٢٥-٠٣-١٠", "personnes_foyer": 4, "changement_situation": True, "revenus_6_mois": 7000.5},
    # (Un nombre de 309 chiffres deviendrait Infinity puis null en traversant JavaScript : la page envoie
    # ses chiffres en texte, comme ici.)
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": 0, "patrimoine_mobilier": "9" * 400},
    {"date_demande": JOUR, "personnes_foyer": 1, "rfr": 1, "nationalite": "\ud800\u202efrance"},
    {"date_demande": "9999-01-01", "personnes_foyer": 1, "rfr": 1},
]
DEPART = "2025-06-05"
DELAIS = [
    {"depart": DEPART, "duree": {"jours": 2}},  # Pentecôte
    {"depart": DEPART, "duree": {"jours": 15}, "franc": True},
    {"depart": "2025-01-31", "duree": {"mois": 1, "jours": 15}},
    {"depart": "2025-01-31", "delai": "appel_civil"},  # 28 février
    {"depart": "2025-01-31", "delai": "appel_civil", "residence_partie": "la-reunion"},
    {"depart": "2025-01-31", "delai": "appel_civil", "residence_partie": "etranger"},
    {"depart": "2025-04-03", "duree": {"jours": 15}, "lieu_juridiction": "alsace-moselle"},  # Vendredi saint
    {"depart": "2025-05-12", "duree": {"jours": 15}, "lieu_juridiction": "guadeloupe"},
    {"depart": "2025-12-10", "delai": "appel_ordonnance_protection"},
    {"depart": "2024-11-02", "delai": "pourvoi_cassation", "ics": True, "horodatage": "2024-11-02T08:00:00Z"},
    {"depart": "2025-07-14", "delai": "prescription_delit"},
    {"depart": "2025-02-28", "delai": "op_duree_mesures"},
    {
        "scenario": "ordonnance_protection",
        "ordonnance_fixant_audience": DEPART,
        "date_audience": "2025-06-13",
        "notification_op": "2025-06-16",
        "ics": True,
        "horodatage": "2025-06-12T10:00:00Z",
    },
    {"scenario": "ordonnance_protection", "notification_op": "2024-05-02"},
    {
        "scenario": "aide_juridictionnelle_recours",
        "delai": "appel_civil",
        "depart": "2025-03-03",
        "demande_aj": "2025-03-20",
        "decision_baj": "2025-05-06",
        "sens_decision": "admission_totale",
        "ics": True,
        "horodatage": "2025-05-06T12:00:00Z",
    },
    {
        "scenario": "aide_juridictionnelle_recours",
        "duree": {"jours": 15},
        "depart": "2025-03-03",
        "demande_aj": "2025-03-10",
        "decision_baj": "2025-04-01",
        "sens_decision": "admission_partielle",
        "designations_avocat": ["2025-04-20", "2025-05-02"],
    },
    # Refus.
    {"depart": "2025-02-30", "duree": {"jours": 2}},
    {"depart": DEPART, "duree": {"semaines": 2}},
    {"depart": DEPART, "duree": {"jours": 15}, "lieu_juridiction": "nouvelle-caledonie"},
    {"depart": DEPART, "duree": {"jours": 15}, "sens": "avant"},
    {"scenario": "ordonnance_protection"},
    # moteurs : date sûre d'un délai libre loin, appel de l'OP augmenté pour la distance, OP de 2012 (4 mois),
    # durée sans nombre, date en chiffres persans.
    {
        "depart": "2025-03-03",
        "duree": {"jours": 15},
        "residence_partie": "etranger",
        "ics": True,
        "horodatage": "2025-03-03T09:00:00Z",
    },
    {"scenario": "ordonnance_protection", "notification_op": "2025-06-06", "residence_partie": "guadeloupe"},
    {"scenario": "ordonnance_protection", "notification_op": "2012-01-05"},
    {"depart": DEPART, "duree": {"jours": None}},
    {"depart": "۲۰۲۵-۰۶-۰۵", "delai": "appel_refere"},
]


def _ics(entree: dict) -> dict:
    return json.loads(dispatch("delais", json.dumps(entree)))["resultat"]


HEURE = "2025-06-12T10:00:00Z"  # DTSTAMP donné : le texte .ics est le même d'un moteur à l'autre
CAS = (
    [["aj", e] for e in AJ]
    + [["delais", e] for e in DELAIS]
    + [
        ["delais_ics", {"resultat": _ics({"depart": DEPART, "duree": {"jours": 2}}), "horodatage": HEURE}],
        [
            "delais_ics",
            {
                "resultat": _ics(DELAIS[12]),
                "horodatage": HEURE,
                "titres_complets": True,
                "dossier": "dossier-parite-01",
                "sequence": 3,
            },
        ],
    ]
)
SOUS_CPYTHON = [dispatch(outil, json.dumps(entree)) for outil, entree in CAS]


@pytest.fixture(scope="module")
def sous_pyodide(pyodide_node):
    return pyodide_node.demande({"cas": CAS})["sorties"]


def test_la_table_couvre_chaque_issue():
    """La table ne vaut que si elle atteint chaque issue et chaque chemin de refus."""
    reponses = [json.loads(s) for s in SOUS_CPYTHON]
    issues = {r["resultat"]["resultat"] for (outil, _), r in zip(CAS, reponses) if outil == "aj" and "resultat" in r}
    assert issues == {"totale", "partielle_55", "partielle_25", "non_eligible", "sans_condition_de_ressources"}
    assert sum("erreur" in r for (outil, _), r in zip(CAS, reponses) if outil == "aj") == 7
    assert sum("erreur" in r for (outil, _), r in zip(CAS, reponses) if outil == "delais") == 6
    assert all(
        r["resultat"].startswith("BEGIN:VCALENDAR") for (outil, _), r in zip(CAS, reponses) if outil == "delais_ics"
    )
    assert sum("ics" in r.get("resultat", {}) for (outil, _), r in zip(CAS, reponses) if outil == "delais") == 4


@pytest.mark.parametrize("rang", range(len(CAS)), ids=[f"{o}-{i}" for i, (o, _) in enumerate(CAS)])
def test_meme_reponse_octet_pour_octet(sous_pyodide, rang):
    assert sous_pyodide[rang] == SOUS_CPYTHON[rang], CAS[rang]
