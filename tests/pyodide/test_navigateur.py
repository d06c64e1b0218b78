"""outils.mjs, outils-worker.mjs et le paquet Pyodide dans Chromium, servis avec le vrai en-tête CSP du site.

Une page minimale (sans script en ligne) tient lieu de page d'outil. Pas d'eval ici non plus : la page
écrit son résultat dans #sortie, lu par un locator.
"""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from playwright.sync_api import expect

from generator.serve import cree_serveur
from generator.sorties.compression import CACHE, precompresse, tailles
from generator.sorties.pyodide import NOM_PAQUET, RUNTIME
from pyscripts.api import dispatch
from tests.fixtures.pyodide import REPO, VERSION, cas_de_reference, construit_site, lock_de, stdlib_de

pytestmark = [pytest.mark.navigateur, pytest.mark.pyodide]

CAS = cas_de_reference()
PAGE = """<!doctype html>
<html lang="fr" data-pyodide="pyodide/{version}/" data-stdlib="pyodide/{version}/{stdlib}"
      data-lock="pyodide/paquets/{lock}" data-octets='{octets}'><head><meta charset="utf-8"><title>Essai des outils</title>
<script type="module" src="essai.mjs"></script></head><body><pre id="sortie"></pre></body></html>
"""
ESSAI = """import { demarreOutils } from "./assets/js/outils.mjs";
const etapes = [];
const sortie = (objet) => { document.getElementById("sortie").textContent = JSON.stringify(objet); };
const { pyodide, stdlib, lock, octets } = document.documentElement.dataset;
const outils = demarreOutils({ base: pyodide, stdlib, lock, octets, outil: "delais", surProgression: (etape) => {
  if (etape.etape !== etapes.at(-1)?.etape) console.info(`étape ${etape.etape}`);
  etapes.push(etape);
} });
try {
  const cas = await (await fetch("cas.json")).json();
  await outils.pret;
  sortie({ etapes, reponses: await Promise.all(cas.map(([outil, entree]) => outils.appelle(outil, entree))) });
} catch (erreur) {
  sortie({ etapes, echec: `${erreur.name}: ${erreur.message}` });
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site_outils")
    runtime = construit_site(site)
    shutil.copytree(REPO / "theme" / "assets" / "js", site / "assets" / "js")
    stdlib = stdlib_de(runtime)
    precompresse(site / "pyodide", REPO / CACHE)  # as the build does: served in brotli
    octets = json.dumps(tailles([(runtime / "pyodide.asm.wasm").read_bytes(), stdlib.read_bytes()], REPO / CACHE))
    (site / "index.html").write_text(
        PAGE.format(version=VERSION, stdlib=stdlib.name, lock=lock_de(runtime).name, octets=octets), encoding="utf-8"
    )
    (site / "essai.mjs").write_text(ESSAI, encoding="utf-8")
    (site / "cas.json").write_text(json.dumps(CAS), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def adresse(site):
    server = cree_serveur(site, port=0, verbose=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def visite(adresse, navigateur):
    """Load the page once; return (outcome, requested URLs, console errors, storage state, ordered events:
    each request's URL and each stage begun, « étape … »)."""
    contexte = navigateur.new_context()
    contexte.route(lambda url: not url.startswith(adresse), lambda route: route.abort())
    page = contexte.new_page()
    requetes, erreurs, evenements = [], [], []
    page.on("request", lambda r: (requetes.append(r.url), evenements.append(r.url)))
    page.on("console", lambda m: erreurs.append(m.text) if m.type == "error" else None)
    page.on("console", lambda m: evenements.append(m.text) if m.text.startswith("étape ") else None)
    page.goto(adresse + "/index.html")
    expect(page.locator("#sortie")).not_to_be_empty(timeout=60_000)
    issue = json.loads(page.locator("#sortie").text_content())
    etat = contexte.storage_state(indexed_db=True)
    contexte.close()
    return issue, requetes, erreurs, etat, evenements


def test_reponses_identiques_a_cpython(visite):
    issue, _, erreurs, _, _ = visite
    assert issue.get("echec") is None, erreurs
    assert issue["reponses"] == [json.loads(dispatch(outil, json.dumps(entree))) for outil, entree in CAS]


def test_progression_reelle(visite, site):
    """The bytes of the .wasm and the stdlib as they travel (brotli: 3.4 MB, not the 12.4 MB decoded), as they
    arrive, then Python's start, our rules, ready."""
    issue, _, _, _, _ = visite
    etapes = issue["etapes"]
    noms = [e["etape"] for e in etapes]
    premiere = noms.index("demarrage")
    assert set(noms[:premiere]) == {"telechargement"} and noms[premiere:] == ["demarrage", "regles", "pret"]
    telechargements = etapes[:premiere]
    runtime = site / "pyodide" / VERSION
    total = sum(p.with_name(p.name + ".br").stat().st_size for p in (runtime / "pyodide.asm.wasm", stdlib_de(runtime)))
    assert telechargements[-1]["total"] == total
    recus = [e["recus"] for e in telechargements]
    assert recus == sorted(recus) and recus[0] < total and recus[-1] == total


def test_ne_charge_que_le_necessaire_et_rien_d_ailleurs(visite, adresse, site):
    _, requetes, _, _, _ = visite
    assert all(u.startswith(adresse) for u in requetes)
    runtime = site / "pyodide" / VERSION
    lock = lock_de(runtime)
    roue = json.loads(lock.read_text())["packages"][NOM_PAQUET]["file_name"]
    # Each file once (the worker's early downloads are the ones Pyodide uses), npm's lock never, no pypdf.
    assert sorted(u.removeprefix(f"{adresse}/pyodide/") for u in requetes if "/pyodide/" in u) == sorted(
        [f"{VERSION}/{nom}" for nom in RUNTIME]
        + [f"{VERSION}/{stdlib_de(runtime).name}", f"paquets/{lock.name}", f"paquets/{roue}"]
    )


def test_nos_regles_voyagent_pendant_que_python_demarre(visite, adresse, site):
    """Notre roue (et le verrou qui la nomme) est demandée dès la fin des téléchargements, pendant que Python
    démarre, pas une fois Python prêt (étape « regles ») : sur un téléphone lent, le réseau travaille pendant
    que le processeur démarre Python."""
    _, _, _, _, evenements = visite
    lock = lock_de(site / "pyodide" / VERSION)
    roue = json.loads(lock.read_text())["packages"][NOM_PAQUET]["file_name"]
    rang = {evenement.removeprefix(adresse): i for i, evenement in reversed(list(enumerate(evenements)))}
    assert rang[f"/pyodide/paquets/{roue}"] < rang["étape regles"]


def test_aucune_trace_sur_l_appareil(visite):
    _, _, _, etat, _ = visite
    assert etat["cookies"] == []
    assert all(not o.get("localStorage") and not o.get("indexedDB") for o in etat["origins"])
