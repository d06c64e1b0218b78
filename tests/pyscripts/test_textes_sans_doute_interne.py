"""Honnête sans inquiéter : ce que les moteurs écrivent à une personne (explications,
avertissements, textes des étapes, messages d'erreur) ne montre jamais un doute interne de
l'équipe (« à vérifier », « nous n'avons pas pu… ») : il dit l'action prudente. Même détecteur
que pour les pages (tests/fixtures/doutes.py)."""

from __future__ import annotations

import json

import pytest

from pyscripts.aj import calcule as calcule_aj
from pyscripts.aj.entree import CAS_PARTICULIERS, EXCEPTIONS_RESIDENCE
from pyscripts.delais import calcule as calcule_delais
from pyscripts.delais import catalogue
from tests.fixtures.doutes import doutes

JOUR = "2025-03-10"
AJ = (
    [
        {"date_demande": JOUR, "cas_particulier": c, "nationalite": "autre", "residence_habituelle": True}
        for c in CAS_PARTICULIERS
    ]
    + [
        {"date_demande": JOUR, "nationalite": "autre", "exception_residence": e, "personnes_foyer": 1, "rfr": 0}
        for e in EXCEPTIONS_RESIDENCE
    ]
    + [
        {"date_demande": d, "personnes_foyer": n, "rfr": r, "ordonnance_protection": True}
        for d in ("2021-03-01", "2023-01-17", "2024-03-01", "2025-01-10", "2026-03-10")
        for n in (1, 5)
        for r in (0, 14000, 17000, 40000)
    ]
)
DELAIS = [
    {"depart": JOUR, "delai": e["id"], "residence_partie": r}
    for e in catalogue()
    for r in (None, "etranger", "guadeloupe")
] + [
    {"depart": JOUR, "duree": {"jours": 15}, "residence_partie": "etranger", "lieu_juridiction": "mayotte"},
    {
        "scenario": "ordonnance_protection",
        "ordonnance_fixant_audience": JOUR,
        "notification_op": "2025-03-14",
        "date_audience": "2025-03-12",
    },
    {"scenario": "ordonnance_protection", "notification_op": "2020-03-14"},
    {
        "scenario": "aide_juridictionnelle_recours",
        "delai": "appel_civil",
        "depart": "2025-03-03",
        "demande_aj": "2025-03-20",
        "decision_baj": "2025-05-06",
        "sens_decision": "rejet",
        "designations_avocat": [],
        "residence_partie": "etranger",
    },
]


def _textes(valeur) -> list[str]:
    if isinstance(valeur, dict):
        return [t for k, v in valeur.items() if k not in ("reference", "source", "url", "ics") for t in _textes(v)]
    if isinstance(valeur, list):
        return [t for v in valeur for t in _textes(v)]
    return [valeur] if isinstance(valeur, str) else []


@pytest.mark.parametrize("situation", AJ, ids=lambda s: json.dumps(s, ensure_ascii=False)[:80])
def test_le_simulateur_ne_montre_pas_de_doute_interne(situation):
    textes = _textes(calcule_aj(situation))
    assert not [(t, doutes(t)) for t in textes if doutes(t)]


@pytest.mark.parametrize("entree", DELAIS, ids=lambda s: json.dumps(s, ensure_ascii=False)[:80])
def test_le_calculateur_ne_montre_pas_de_doute_interne(entree):
    textes = _textes(calcule_delais({k: v for k, v in entree.items() if v is not None}))
    assert not [(t, doutes(t)) for t in textes if doutes(t)]
