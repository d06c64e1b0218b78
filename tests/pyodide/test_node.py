"""Pyodide dans Node, hors ligne : mêmes réponses, octet pour octet, que CPython.

Lent (≈ 3 s par démarrage de Pyodide) : `pytest -m "not pyodide"` les écarte.
"""

from __future__ import annotations

import json
import zipfile
from importlib import metadata

import pytest

from pyscripts.api import dispatch
from tests.fixtures.pyodide import STEMS, cas_de_reference, lance_node, lock_de, stdlib_de

pytestmark = pytest.mark.pyodide

CAS = cas_de_reference()


def test_dispatch_identique_octet_pour_octet(pyodide_node):
    sorties = pyodide_node.demande({"cas": CAS})["sorties"]
    assert sorties == [dispatch(outil, json.dumps(entree)) for outil, entree in CAS]


def test_parametres_embarques_lus_sous_pyodide(pyodide_node, runtime):
    from pyscripts.donnees import en_json

    (roue,) = (runtime.parent / "paquets").glob("justice_pas_a_pas_pyscripts-*.whl")
    with zipfile.ZipFile(roue) as archive:
        stems = [n.split("/")[-1].removesuffix(".json") for n in archive.namelist() if "/_donnees/" in n]
    assert stems and set(stems) <= set(STEMS)
    lu = pyodide_node.demande({"donnees": stems})
    assert lu["source_presente"] is False  # so charge() can only have read _donnees/*.json
    assert lu["donnees"] == {stem: en_json(stem) for stem in stems}


def test_pypdf_charge_depuis_notre_lock(pyodide_node):
    """The pypdf of the browser is the one CPython fills with (pinned once, in pyproject.toml)."""
    assert pyodide_node.demande({"paquets": ["pypdf"]})["versions"] == {"pypdf": metadata.version("pypdf")}


def test_aucun_acces_reseau(pyodide_node):
    pyodide_node.demande({"cas": CAS})
    assert pyodide_node.demande({"reseau": True})["reseau"] == []


def base(runtime) -> str:
    return runtime.as_uri() + "/"


def test_page_et_worker_de_bout_en_bout(runtime):
    """outils.mjs → outils-worker.mjs → Pyodide, calls sent together and matched by id."""
    sortie = lance_node(
        "outils_node.mjs",
        {
            "base": base(runtime),
            "stdlib": stdlib_de(runtime).as_uri(),
            "lock": lock_de(runtime).as_uri(),
            "outil": "aj",
            "cas": CAS,
        },
    )
    # In Node nothing is downloaded (files are read): the stages after the download, in order.
    assert [e["etape"] for e in sortie["progression"]] == ["demarrage", "regles", "pret"]
    assert sortie["pret"] == "ok"
    assert sortie["reponses"] == [json.loads(dispatch(outil, json.dumps(entree))) for outil, entree in CAS]
    assert sortie["reseau"] == []


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        ({"base": "file:///nulle-part/pyodide/"}, "n'a pas pu démarrer"),
        ({"base": "file:///nulle-part/", "sans_worker": True}, "Ce navigateur ne peut pas"),
    ],
)
def test_repli_quand_python_ne_peut_pas_tourner(scenario, message):
    sortie = lance_node("outils_node.mjs", {**scenario, "cas": [["aj", {}]]})
    assert sortie["pret"].startswith("OutilsIndisponibles: ") and message in sortie["pret"]
    assert sortie["reponses"] == [{"rejet": sortie["pret"]}]
