"""La bibliothèque standard réduite suffit : chaque route de pyscripts.api, appelée avec une vraie entrée
(formulaires remplis avec de l'arabe, du polonais, des accents) sous Pyodide (Node) avec le bundle tel que
le site le livre, répond comme sous CPython, et aucun module de la bibliothèque complète ni de pyscripts
n'a manqué à l'import — même un import dont le code rattrape l'échec (tests/fixtures/pyodide.py les
surveille). Un module manquant fait échouer ce test, jamais le navigateur d'une personne.
"""

from __future__ import annotations

import base64
import json
import zipfile

import pytest

from generator.sorties.pyodide import NOM_COMPLEMENT
from pyscripts.api import dispatch
from pyscripts.formulaires.remplissage import valeurs_du_pdf
from pyscripts.outils import routes
from tests.fixtures.formulaires import REPONSES
from tests.fixtures.pyodide import lock_de, stdlib_de

pytestmark = [pytest.mark.pyodide, pytest.mark.pdf]

JOUR = "2026-11-29"
ECRITURES = {
    **REPONSES,
    "nom_naissance": "العلي",  # arabe : pypdf l'écrit en UTF-16 (un codec importé par son nom)
    "prenoms": "مريم Zoë",
    "naissance_lieu": "Łódź (Pologne)",
}
SIMULATEUR = {
    "personnes_foyer": 2,
    "rfr": 14000,
    "date_demande": JOUR,
    "nationalite": "autre",
    "residence_habituelle": True,
}
OP = {
    "formulaire": "cerfa-15458",
    "aujourdhui": JOUR,
    "valeurs": {
        "requerant_nom": "حداد",
        "requerant_prenoms": "Leïla",
        "fait_a": "Lyon",
        "fait_le": "29/11/2026",
        "adresse_cachee": True,  # l'adresse cachée est cherchée dans chaque texte (pyscripts/op/reperage.py)
        "requerant_adresse": "12 rue des Lilas",
        "requerant_code_postal": "69003",
        "election_procureur": True,
        "election_procureur_adresse": "Tribunal judiciaire de Lyon",
    },
    "mesures": ["interdiction_contact"],
    "chronologie": [{"date": "2025-03-14", "faits": "Il m'a menacée : « je te retrouverai »."}],
    "pieces": ["Captures d'écran des SMS"],
}


def cas(pdf_vierge) -> list[list]:
    vierge = base64.b64encode(pdf_vierge["cerfa-16146"]).decode("ascii")
    requete = {**OP, "pdf": base64.b64encode(pdf_vierge["cerfa-15458"]).decode("ascii")}  # mesurée sur le PDF
    resultat_delais = json.loads(dispatch("delais", json.dumps({"depart": "2025-06-05", "delai": "appel_civil"})))
    return [
        ["aj", SIMULATEUR],
        ["delais", {"depart": "2025-06-05", "delai": "appel_civil", "ics": True, "horodatage": "2025-06-05T10:00:00Z"}],
        ["delais_ics", {"resultat": resultat_delais["resultat"], "horodatage": "2025-06-05T10:00:00Z"}],
        ["op", requete],
        ["op_expose", OP],
        ["formulaire_prerempli", {"simulateur": SIMULATEUR}],
        ["formulaire_pieces", {"simulateur": SIMULATEUR, "valeurs": {"contentieux_administratif": True}}],
        ["formulaire_verifier", {"formulaire": "cerfa-16146", "valeurs": ECRITURES, "pdf": vierge}],
        ["formulaire_preparer", {"formulaire": "cerfa-16146", "pdf": vierge}],
        ["formulaire_remplir", {"formulaire": "cerfa-16146", "valeurs": ECRITURES, "pdf": vierge}],
        ["formulaire_remplir", requete],
    ]


def test_chaque_route_repond_sans_module_manquant(pyodide_node, pdf_vierge):
    table = cas(pdf_vierge)
    assert {route for route, _ in table} == set(routes()), "une route sans cas ici : ajoutez-en un"
    pyodide_node.demande({"paquets": ["pypdf"]})  # comme la page avant une route de formulaire
    sorties = pyodide_node.demande({"cas": table})["sorties"]
    for (route, entree), sortie in zip(table, sorties):
        dans_pyodide, dans_cpython = json.loads(sortie), json.loads(dispatch(route, json.dumps(entree)))
        assert "resultat" in dans_cpython, (route, dans_cpython)
        if route == "formulaire_remplir":
            pdfs = [base64.b64decode(r["resultat"]["pdf"]) for r in (dans_pyodide, dans_cpython)]
            assert valeurs_du_pdf(pdfs[0]) == valeurs_du_pdf(pdfs[1]), route
        else:
            assert dans_pyodide == dans_cpython, route
    assert pyodide_node.manquants() == []


def test_stdlib_livree_en_pyc_seulement(runtime):
    """Le zip que charge chaque page d'outil : des modules compilés seulement, ce que les outils importent et
    rien comme le cadre de tests ou un serveur web ; les modules dont seul pypdf a besoin viennent avec lui,
    dans une roue dont il dépend."""
    with zipfile.ZipFile(stdlib_de(runtime)) as archive:
        noms = set(archive.namelist())
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())  # .br/.gz le compressent
    assert noms and all(n.endswith(".pyc") for n in noms)
    for attendu in ("_pyodide/_base.pyc", "encodings/utf_8.pyc", "json/decoder.pyc", "datetime.pyc", "fractions.pyc"):
        assert attendu in noms
    for jamais in ("unittest/case.pyc", "http/client.pyc", "sqlite3/__init__.pyc", "xml/dom/minidom.pyc"):
        assert jamais not in noms
    spec = json.loads(lock_de(runtime).read_text(encoding="utf-8"))["packages"]
    assert spec["pypdf"]["depends"] == [NOM_COMPLEMENT]
    assert "xml" in spec[NOM_COMPLEMENT]["imports"]
