"""Les mêmes réponses remplies dans Pyodide (Node, la roue et le pypdf que reçoit le navigateur) et dans
CPython donnent les mêmes valeurs de champs, la même liste de pièces, le même pré-remplissage."""

from __future__ import annotations

import base64
import json

import pytest

from pyscripts.api import dispatch
from pyscripts.formulaires.remplissage import valeurs_du_pdf
from tests.fixtures.formulaires import REPONSES

pytestmark = [pytest.mark.pyodide, pytest.mark.pdf]

# L'environnement Pyodide de tests/pyodide (un processus Node pour la session, notre roue + pypdf) : la
# fixture partagée, importée sans repli — une fixture absente est une erreur, jamais un test sauté en silence.

SIMULATEUR = {
    "personnes_foyer": 3,
    "rfr": None,
    "revenus_6_mois": 4800,
    "nationalite": "autre",
    "exception_residence": "partie_civile",
    "protection_juridique": "partielle",
    "patrimoine_mobilier": 1200,
    "date_demande": "2026-11-29",
}


def test_meme_pypdf_des_deux_cotes(pyodide_node):
    import pypdf

    versions = pyodide_node.demande({"paquets": ["pypdf"]})["versions"]
    assert versions["pypdf"] == pypdf.__version__


def test_meme_pdf_rempli(pyodide_node, pdf_vierge):
    entree = {
        "formulaire": "cerfa-16146",
        "valeurs": REPONSES,
        "pdf": base64.b64encode(pdf_vierge["cerfa-16146"]).decode("ascii"),
    }
    pyodide_node.demande({"paquets": ["pypdf"]})
    dans_pyodide = json.loads(pyodide_node.demande({"cas": [["formulaire_remplir", entree]]})["sorties"][0])
    dans_cpython = json.loads(dispatch("formulaire_remplir", json.dumps(entree)))
    octets = {
        nom: base64.b64decode(sortie["resultat"]["pdf"])
        for nom, sortie in (("pyodide", dans_pyodide), ("cpython", dans_cpython))
    }
    assert valeurs_du_pdf(octets["pyodide"]) == valeurs_du_pdf(octets["cpython"])
    assert {nom: valeurs_du_pdf(octets["pyodide"])[nom] for nom in REPONSES} == REPONSES
    assert octets["pyodide"] == octets["cpython"]  # même pypdf, mêmes octets : la personne reçoit ce qui est testé


def test_memes_erreurs_pieces_et_prerempli(pyodide_node):
    cas = [
        ["formulaire_pieces", {"simulateur": SIMULATEUR, "valeurs": {"contentieux_administratif": True}}],
        ["formulaire_prerempli", {"simulateur": SIMULATEUR}],
        ["formulaire_verifier", {"formulaire": "cerfa-16146", "valeurs": {"naissance_date": "1990-03-05"}}],
        ["formulaire_verifier", {"formulaire": "cerfa-16146", "valeurs": REPONSES}],
        ["formulaire_remplir", {"formulaire": "cerfa-16146", "valeurs": {}, "pdf": "pas du base64 !"}],
    ]
    sorties = pyodide_node.demande({"cas": cas})["sorties"]
    for (outil, entree), sortie in zip(cas, sorties):
        assert json.loads(sortie) == json.loads(dispatch(outil, json.dumps(entree))), outil


def test_meme_pdf_avec_annexes_et_ecritures(pyodide_node, pdf_vierge):
    """Tout le moteur d'impression (mesures, façonnage et bidi de l'arabe, pages d'annexe, numéros de
    page, la requête en ordonnance de protection avec son exposé et son bordereau) donne les mêmes
    octets dans Pyodide et dans CPython."""
    from tests.formulaires.test_impression import CAPITALES, LONG, cas_op

    cas = [
        {
            "formulaire": "cerfa-16146",
            "valeurs": {
                "nom_naissance": CAPITALES,
                "prenoms": "فاطمة الزهراء",
                "nom_usage": "مُحَمَّد שָׁלוֹם",  # signes dessinés en tracés, lignes alignées à droite
                "naissance_lieu": "Nguyễn ሰላም Ольга",
                "expose": LONG * 4,
                **{f"foyer_{i}_nom_prenom": f"Personne {i}" for i in range(1, 9)},
            },
            "pdf": base64.b64encode(pdf_vierge["cerfa-16146"]).decode("ascii"),
        },
        {**cas_op(), "pdf": base64.b64encode(pdf_vierge["cerfa-15458"]).decode("ascii")},
    ]
    pyodide_node.demande({"paquets": ["pypdf"]})
    for entree in cas:
        dans_pyodide = json.loads(pyodide_node.demande({"cas": [["formulaire_remplir", entree]]})["sorties"][0])
        dans_cpython = json.loads(dispatch("formulaire_remplir", json.dumps(entree)))
        assert dans_pyodide == dans_cpython, entree["formulaire"]
