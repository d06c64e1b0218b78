"""bundle_pyodide : le runtime auto-hébergé, nos roues, le fichier de verrouillage, les erreurs."""

from __future__ import annotations

import filecmp
import hashlib
import json

import pytest

from generator.errors import BuildError
from generator.pyodide_bundle import NOM_PAQUET, PYPDF, RUNTIME, bundle_pyodide

from .noeud import ROOT, VERSION, construit_site

NPM = ROOT / "node_modules" / "pyodide"


def lock(paquets) -> dict:
    return json.loads((paquets / "pyodide-lock.json").read_text(encoding="utf-8"))


def test_runtime_copie_a_l_identique_et_rien_de_plus(runtime):
    assert sorted(p.name for p in runtime.iterdir()) == sorted(RUNTIME)
    for nom in RUNTIME:
        assert filecmp.cmp(runtime / nom, NPM / nom, shallow=False), nom


def test_lock_liste_nos_deux_roues_avec_leur_sha256(paquets):
    spec = lock(paquets)
    assert set(spec["packages"]) == {NOM_PAQUET, "pypdf"}
    roues = sorted(p.name for p in paquets.glob("*.whl"))
    assert sorted(p["file_name"] for p in spec["packages"].values()) == roues
    for paquet in spec["packages"].values():
        assert paquet["sha256"] == hashlib.sha256((paquets / paquet["file_name"]).read_bytes()).hexdigest()


def test_lock_se_suffit_a_lui_meme(paquets):
    """A dependency missing from our lock would send Pyodide to a CDN: none may be missing."""
    spec = lock(paquets)
    for paquet in spec["packages"].values():
        assert set(paquet["depends"]) <= set(spec["packages"])
        assert "/" not in paquet["file_name"]  # relative to the lock, so the site works under any path
    assert spec["packages"][NOM_PAQUET]["imports"] == ["pyscripts"]
    assert spec["packages"]["pypdf"]["imports"] == ["pypdf"]


def test_lock_porte_l_abi_du_runtime(paquets):
    """Pyodide refuses a lock whose info.abi_version differs from its own."""
    npm_info = json.loads((NPM / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    assert lock(paquets)["info"] == npm_info


def test_idempotent_et_sans_reste(runtime, tmp_path):
    construit_site(tmp_path)
    reste = tmp_path / "pyodide" / "paquets" / "ancienne-0.0.1-py3-none-any.whl"
    reste.write_bytes(b"")
    ailleurs = tmp_path / "index.html"
    ailleurs.write_text("page")
    construit_site(tmp_path)
    assert not reste.exists()
    assert ailleurs.read_text() == "page"  # only site/pyodide/ is ours
    premier, second = runtime.parent, tmp_path / "pyodide"
    assert sorted(p.relative_to(premier) for p in premier.rglob("*")) == sorted(
        p.relative_to(second) for p in second.rglob("*"))
    lock_json = "paquets/pyodide-lock.json"
    assert (premier / lock_json).read_bytes() == (second / lock_json).read_bytes()


def faux_npm(root, version=VERSION, fichiers=()):
    npm = root / "node_modules" / "pyodide"
    npm.mkdir(parents=True)
    (npm / "package.json").write_text(json.dumps({"name": "pyodide", "version": version}))
    for nom in fichiers:
        (npm / nom).write_bytes(b"")
    return npm


def echec(site, root) -> str:
    with pytest.raises(BuildError) as erreur:
        bundle_pyodide(site, root, VERSION)
    assert not (site / "pyodide").exists()  # nothing half-written
    return str(erreur.value)


def test_sans_node_modules(tmp_path):
    message = echec(tmp_path / "site", tmp_path)
    assert "Pyodide n'est pas installé" in message and "make install" in message and "npm ci" in message


def test_version_npm_differente(tmp_path):
    faux_npm(tmp_path, version="0.27.0", fichiers=(*RUNTIME, "pyodide-lock.json"))
    message = echec(tmp_path / "site", tmp_path)
    assert "0.27.0" in message and VERSION in message and "npm ci" in message


def test_fichier_du_runtime_manquant(tmp_path):
    faux_npm(tmp_path, fichiers=[n for n in RUNTIME if n != "pyodide.asm.mjs"] + ["pyodide-lock.json"])
    message = echec(tmp_path / "site", tmp_path)
    assert "pyodide.asm.mjs" in message and "npm ci" in message


def test_roue_pypdf_manquante(tmp_path):
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    message = echec(tmp_path / "site", tmp_path)
    assert PYPDF in message and "make install" in message and "pip download" in message
