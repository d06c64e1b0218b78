"""Le moteur de la requête en ordonnance de protection sous Pyodide (Node) répond comme sous CPython :
mêmes valeurs, même exposé, même bordereau, mêmes refus ; et le Cerfa 15458 rempli par pypdf dans
Pyodide porte les mêmes valeurs de champs que rempli dans CPython.

Une seule Pyodide pour la session (tests/fixtures/pyodide.py : pyodide_node). `pytest -m "not pyodide"`
le saute.
"""

from __future__ import annotations

import base64
import json

import pytest

from pyscripts.api import dispatch
from pyscripts.formulaires.remplissage import valeurs_du_pdf
from pyscripts.op.requete import prepare
from tests.fixtures.adresse_cachee import ECRITURES, LEGITIMES, entree

pytestmark = [pytest.mark.pyodide, pytest.mark.pdf]

# La Pyodide partagée de tests/pyodide (runtime) : un seul Node pour la session. Importée sans
# repli : une fixture absente est une erreur, jamais un test sauté en silence.

JOUR = "2026-11-29"
CHRONOLOGIE = [
    {
        "date": "2025-03-14",
        "lieu": "au domicile",
        "faits": "Il m'a giflée devant les enfants.",
        "temoins": ["Mme A., voisine"],
        "piece": ["certificat", "Récépissé de plainte du 15 mars 2025"],
    },
    {"periode": {"du": "04/2024", "au": "06/2024"}, "faits": "Insultes et menaces par SMS.", "piece": "captures"},
    {"periode": {"du": "2023"}, "faits": "Il contrôle mes dépenses."},
]
PIECES = [
    {"id": "certificat", "designation": "Certificat médical du 14 mars 2025"},
    {"id": "captures", "designation": "Captures d'écran des SMS"},
    "Copie intégrale de l'acte de mariage",
]
CACHEE = {
    "adresse_cachee": True,
    "requerant_adresse": "12 rue des Lilas",
    "requerant_code_postal": "69003",
    "election_procureur": True,
    "election_procureur_adresse": "Tribunal judiciaire de Lyon",
}
COMPLET = {
    "formulaire": "cerfa-15458",
    "aujourdhui": JOUR,
    "valeurs": {
        **CACHEE,
        "requerant_nom": "Martin",
        "requerant_prenoms": "Julie",
        "situation_maries": True,
        "enfants_communs_oui": True,
        "enfants_1_nom_prenoms": "Léa",
        "residence_enfants": "Chez moi.",
        "bracelet_raisons": "Il m'attend à la sortie du travail, 8 avenue Jean Jaurès.",
        "tribunal": "Lyon",
        "fait_a": "Lyon",
        "fait_le": "29/11/2026",
    },
    "mesures": [
        "interdiction_contact",
        "bracelet",
        "interdiction_arme",
        "remise_armes",
        "logement_conjugal",
        "animal",
        "residence_enfants",
        "aide_juridictionnelle_provisoire",
        "accord_oppi",
    ],
    "chronologie": CHRONOLOGIE,
    "danger": "Il a dit qu'il me retrouverait.",
    "pieces": PIECES,
}
CAS = [
    ["op", COMPLET],
    ["op_expose", COMPLET],
    ["op", {**COMPLET, "mesures": ["bracelet"]}],  # refus : le bracelet exige l'interdiction de contact
    [
        "op",
        {
            **COMPLET,
            "valeurs": {**COMPLET["valeurs"], "lieux_precisions": "Au 12 rue des Lilas."},
            "mesures": ["interdiction_lieux", "interdiction_contact"],
        },
    ],  # refus : adresse cachée reprise
    ["op", {**COMPLET, "chronologie": [{"date": "2030-01-01", "faits": "x"}]}],  # refus : date future
    ["op", {**COMPLET, "valeurs": {"situation_concubinage": True}, "mesures": ["logement_conjugal"]}],  # refus
    [
        "op",
        {
            "formulaire": "cerfa-15458",
            "aujourdhui": JOUR,
            "valeurs": {
                "mariage_force_motifs": "Menace.",
                "requerant_date_naissance": "30/11/2008",
                "fait_le": "29/11/2026",
            },
            "mesures": ["sortie_territoire_mariage_force"],
        },
    ],
]
SOUS_CPYTHON = [dispatch(outil, json.dumps(entree)) for outil, entree in CAS]


@pytest.fixture(scope="module")
def sous_pyodide(pyodide_node):
    return pyodide_node.demande({"cas": CAS})["sorties"]


def test_la_table_couvre_resultats_et_refus():
    reponses = [json.loads(s) for s in SOUS_CPYTHON]
    assert "resultat" in reponses[0] and "resultat" in reponses[1]
    assert [r["erreur"]["champ"] for r in reponses[2:]] == [
        "mesure_bracelet",
        "lieux_precisions",
        "chronologie.1.date",
        "logement_conjugal",
        "mariage_force",
    ]


@pytest.mark.parametrize("rang", range(len(CAS)), ids=[f"{o}-{i}" for i, (o, _) in enumerate(CAS)])
def test_meme_reponse_octet_pour_octet(sous_pyodide, rang):
    assert sous_pyodide[rang] == SOUS_CPYTHON[rang], CAS[rang]


def test_le_pdf_rempli_dans_pyodide_a_les_memes_valeurs(pyodide_node, pdf_vierge):
    entree = {**COMPLET, "pdf": base64.b64encode(pdf_vierge["cerfa-15458"]).decode("ascii")}
    pyodide_node.demande({"paquets": ["pypdf"]})
    sortie = json.loads(pyodide_node.demande({"cas": [["formulaire_remplir", entree]]})["sorties"][0])
    attendu = json.loads(dispatch("formulaire_remplir", json.dumps(entree)))
    octets_pyodide, octets_cpython = (base64.b64decode(r["resultat"]["pdf"]) for r in (sortie, attendu))
    dans_pyodide, dans_cpython = valeurs_du_pdf(octets_pyodide), valeurs_du_pdf(octets_cpython)
    assert dans_pyodide == dans_cpython
    assert octets_pyodide == octets_cpython
    # Chaque valeur préparée par le moteur (exposé, bordereau, mesures, élection de domicile) est dans le PDF.
    preparees = prepare(COMPLET)["valeurs"]
    assert len(preparees) >= 25
    assert {nom: dans_pyodide[nom] for nom in preparees} == preparees
    assert dans_pyodide["requerant_nom"] == "Martin" and dans_pyodide["mesure_bracelet"] is True
    assert not dans_pyodide.get("requerant_adresse")


def test_l_adresse_cachee_memes_refus_et_avertissements(pyodide_node):
    """Les tables de tests/fixtures/adresse_cachee.py : normalisation (unicodedata, chiffres,
    nombres en lettres) et décisions identiques dans la Pyodide que reçoit le navigateur."""
    cas = [["op", entree(c, t)] for c, t, _ in ECRITURES] + [["op", entree(c, t, a)] for a, c, t, _ in LEGITIMES]
    cas += [["formulaire_verifier", {**entree(c, t), "formulaire": "cerfa-15458"}] for c, t, _ in ECRITURES[-5:]]
    sous_pyodide = pyodide_node.demande({"cas": cas})["sorties"]
    sous_cpython = [dispatch(outil, json.dumps(e)) for outil, e in cas]
    assert sous_pyodide == sous_cpython
    refus = [json.loads(s)["erreur"]["champ"] for s in sous_cpython[: len(ECRITURES)] if "erreur" in s]
    assert refus == [c for c, _, a in ECRITURES if a == "refus"]
