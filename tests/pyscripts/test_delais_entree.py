"""Entrées refusées (message en français qui nomme le champ) et contrat de `python -m pyscripts.delais`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pyscripts.delais import calcule
from pyscripts.delais.entree import LIBELLES
from pyscripts.erreurs import EntreeInvalide
from tests.fixtures.chemins import REPO

BASE = {"depart": "2025-06-05", "duree": {"jours": 2}}

# (titre, entrée, champ attendu, mot attendu dans le message)
REFUS = [
    ("champ inconnu", {**BASE, "depot": "2025-06-05"}, "entree", "n'est pas une question"),
    ("date absente", {"duree": {"jours": 2}}, "depart", "obligatoire"),
    ("date avec une heure", {**BASE, "depart": "2025-06-05T10:00"}, "depart", "sans heure"),
    ("date au format français", {**BASE, "depart": "05/06/2025"}, "depart", "AAAA-MM-JJ"),
    ("date compacte ISO refusée", {**BASE, "depart": "20250605"}, "depart", "AAAA-MM-JJ"),
    ("date qui n'existe pas", {**BASE, "depart": "2025-02-29"}, "depart", "n'existe pas"),
    ("date en nombre", {**BASE, "depart": 20250605}, "depart", "AAAA-MM-JJ"),
    ("date avant 1990", {**BASE, "depart": "1989-12-31"}, "depart", "1990"),
    ("date après 2100", {**BASE, "depart": "2101-01-01"}, "depart", "2100"),
    ("échéance après 2100", {"depart": "2100-12-20", "duree": {"mois": 1}}, "duree", "2101"),
    ("durée absente", {"depart": "2025-06-05"}, "duree", "durée"),
    ("durée en texte", {**BASE, "duree": "15 jours"}, "duree", "nombre de jours"),
    ("durée vide", {**BASE, "duree": {}}, "duree", "nombre de jours"),
    ("durée négative (à rebours)", {**BASE, "duree": {"jours": -15}}, "duree.jours", "à rebours"),
    ("durée nulle", {**BASE, "duree": {"jours": 0}}, "duree.jours", "au moins 1"),
    ("durée énorme", {**BASE, "duree": {"jours": 100000}}, "duree.jours", "dépasse 3\u202f660 jours"),
    ("années énormes", {**BASE, "duree": {"annees": 99}}, "duree.annees", "dépasse 30 ans"),
    ("oui/non au lieu d'un nombre", {**BASE, "duree": {"mois": True}}, "duree.mois", "n'est pas un nombre"),
    ("nombre décimal", {**BASE, "duree": {"jours": 1.5}}, "duree.jours", "nombre entier"),
    ("délai en heures", {**BASE, "duree": {"heures": 24}}, "duree", "heures"),
    ("délai en semaines", {**BASE, "duree": {"semaines": 2}}, "duree", "7 jours"),
    ("unité inconnue", {**BASE, "duree": {"trimestres": 1}}, "duree", "unité"),
    ("délai à rebours demandé", {**BASE, "sens": "avant"}, "sens", "à rebours"),
    ("franc en texte", {**BASE, "franc": "oui"}, "franc", "oui ou par non"),
    ("territoire inconnu", {**BASE, "lieu_juridiction": "corse"}, "lieu_juridiction", "n'est pas un lieu connu"),
    (
        "juridiction en Nouvelle-Calédonie",
        {**BASE, "lieu_juridiction": "nouvelle-caledonie"},
        "lieu_juridiction",
        "propre code de procédure civile",
    ),
    (
        "juridiction en Polynésie française",
        {**BASE, "lieu_juridiction": "polynesie-francaise"},
        "lieu_juridiction",
        "Polynésie française",
    ),
    ("juridiction à l'étranger", {**BASE, "lieu_juridiction": "etranger"}, "lieu_juridiction", "française"),
    ("résidence inconnue", {**BASE, "residence_partie": "lune"}, "residence_partie", "n'est pas une réponse prévue"),
    (
        "délai du catalogue inconnu",
        {"depart": "2025-06-05", "delai": "appel_imaginaire"},
        "delai",
        "n'est pas un délai",
    ),
    ("catalogue et durée ensemble", {**BASE, "delai": "appel_civil"}, "duree", "ne l'indiquez pas"),
    (
        "pourvoi ailleurs qu'à Paris",
        {"depart": "2025-06-05", "delai": "pourvoi_cassation", "lieu_juridiction": "martinique"},
        "lieu_juridiction",
        "en métropole",
    ),
    ("ics en texte", {**BASE, "ics": "oui"}, "ics", "oui ou par non"),
    ("scénario inconnu", {"scenario": "divorce"}, "scenario", "n'est pas"),
]


@pytest.mark.parametrize("entree, champ, mot", [r[1:] for r in REFUS], ids=[r[0] for r in REFUS])
def test_entree_refusee(entree, champ, mot):
    with pytest.raises(EntreeInvalide) as erreur:
        calcule(entree)
    assert erreur.value.champ == champ
    assert mot in erreur.value.message
    if champ != "entree":  # le message commence par le nom de SA donnée, en français
        libelle = LIBELLES[champ]
        assert erreur.value.message.startswith(f"{libelle[0].upper()}{libelle[1:]} ({champ}) : ")


def test_la_residence_peut_etre_un_lieu_ou_l_on_ne_calcule_pas():
    assert calcule({**BASE, "residence_partie": "polynesie-francaise"})["augmentation_distance"]["mois"] == 1


# ── Ligne de commande ───────────────────────────────────────────────────────


def _lance(texte: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pyscripts.delais"],
        input=texte,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        encoding="utf-8",
    )


def test_ligne_de_commande_resultat_code_0():
    sortie = _lance(json.dumps({"depart": "2025-06-12", "duree": {"jours": 2}}))
    assert sortie.returncode == 0, sortie.stderr
    resultat = json.loads(sortie.stdout)
    assert (resultat["echeance"], resultat["echeance_brute"]) == ("2025-06-16", "2025-06-14")
    assert [p["motif"] for p in resultat["prorogations"]] == ["samedi", "dimanche"]
    assert sortie.stderr == ""


def test_ligne_de_commande_scenario_et_ics():
    sortie = _lance(
        json.dumps({"scenario": "ordonnance_protection", "ordonnance_fixant_audience": "2025-06-02", "ics": True})
    )
    assert sortie.returncode == 0, sortie.stderr
    resultat = json.loads(sortie.stdout)
    assert resultat["etapes"][1]["date_sure"] == "2025-06-04"
    assert resultat["ics"].startswith("BEGIN:VCALENDAR\r\n")


def test_ligne_de_commande_erreur_code_2_en_json():
    sortie = _lance(json.dumps({"depart": "2025-06-05", "duree": {"heures": 24}}))
    assert sortie.returncode == 2
    assert json.loads(sortie.stdout)["erreur"]["champ"] == "duree"
    assert sortie.stderr == ""


@pytest.mark.parametrize(
    "texte",
    [
        "n'importe quoi",
        "[1, 2]",
        "null",
        '"2025-06-05"',
        '{"depart": ',
        '{"depart": {}}',
        '{"duree": [1]}',
        '{"depart": "2025-06-05", "duree": {"jours": 1e308}}',
        "\x00\xff",
        '{"scenario": ["ordonnance_protection"]}',
        '{"scenario": "aide_juridictionnelle_recours", "designations_avocat": "2025-01-01"}',
    ],
)
def test_ligne_de_commande_jamais_de_trace_python(texte):
    sortie = _lance(texte)
    assert sortie.returncode == 2
    assert sortie.stderr == ""
    erreur = json.loads(sortie.stdout)["erreur"]
    assert set(erreur) == {"champ", "message"} and erreur["message"]
