"""prepare_pyodide : le runtime auto-hébergé, la bibliothèque standard précompilée et réduite, nos roues, le
fichier de verrouillage, des noms qui changent avec le contenu, les paquets demandés seulement, les erreurs."""

from __future__ import annotations

import filecmp
import hashlib
import importlib.util
import json
import zipfile
from importlib import metadata

import pytest

from generator.erreurs import ErreurDeConstruction
from generator.sorties import pyodide_compile
from generator.sorties.pyodide import (
    NOM_COMPLEMENT,
    NOM_PAQUET,
    RUNTIME,
    STDLIB,
    optionnels,
    prepare,
    prepare_pyodide,
)
from tests.fixtures.pyodide import REPO, VERSION, construit_site, lock_de, stdlib_de

pytestmark = pytest.mark.pyodide

NPM = REPO / "node_modules" / "pyodide"


def lock(runtime) -> dict:
    return json.loads(lock_de(runtime).read_text(encoding="utf-8"))


def court(chemin) -> str:
    return hashlib.sha256(chemin.read_bytes()).hexdigest()[:12]


@pytest.fixture(scope="module")
def sans_paquet(tmp_path_factory):
    """The bundle of a site whose pages ask for no extra package (the real site today)."""
    return construit_site(tmp_path_factory.mktemp("sans_paquet"))


def test_runtime_copie_a_l_identique(runtime):
    stdlib = stdlib_de(runtime)
    assert sorted(p.name for p in runtime.iterdir()) == sorted([*RUNTIME, stdlib.name])
    for nom in RUNTIME:
        assert filecmp.cmp(runtime / nom, NPM / nom, shallow=False), nom


def test_noms_qui_changent_avec_le_contenu(runtime):
    """Cached for a year, so each name carries its content: a new content is a new URL."""
    assert stdlib_de(runtime).name == f"python_stdlib.{court(stdlib_de(runtime))}.zip"
    assert lock_de(runtime).name == f"pyodide-lock.{court(lock_de(runtime))}.json"
    assert not (runtime.parent / "paquets" / "pyodide-lock.json").exists()


def test_stdlib_precompilee_pour_ce_qui_est_importe(runtime):
    """Each file of our zip is the unchecked-hash .pyc (PEP 552) of one of npm's .py, compiled by Pyodide's
    Python; only what the tools import is there (tests/pyodide/test_stdlib_reduite.py proves it suffices)."""
    with zipfile.ZipFile(NPM / STDLIB) as npm, zipfile.ZipFile(stdlib_de(runtime)) as notre:
        sources, noms = set(npm.namelist()), notre.namelist()
        magiques = set()
        for nom in noms:
            assert nom.endswith(".pyc") and nom.removesuffix("c") in sources, nom
            pyc = notre.read(nom)
            magiques.add(pyc[:4])
            assert pyc[4:8] == (1).to_bytes(4, "little"), nom  # hash-based, not checked against a source
    (magique,) = magiques  # one Python compiled them all: Pyodide's (3.14), not this host's
    assert magique[2:] == b"\r\n" and magique != importlib.util.MAGIC_NUMBER
    # Python's own start, our engines' imports (date, json, fractions…), the worker's: there.
    for attendu in (
        "encodings/__init__.py",
        "_pyodide/_base.py",
        "json/decoder.py",
        "datetime.py",
        "fractions.py",
        "decimal.py",
        "importlib/metadata/__init__.py",
    ):
        assert attendu + "c" in noms
    # Never imported by the tools: not shipped.
    for jamais in ("unittest/case.py", "http/client.py", "sqlite3/__init__.py"):
        assert jamais not in noms and jamais + "c" not in noms
    assert 100 < len(noms) < 250, len(noms)


def test_notre_roue_sans_source_ni_ce_que_le_navigateur_ne_lit_pas(runtime):
    """Our modules as .pyc only (the browser never reads the .py), only those a route reaches; the data
    once, compact, only the files the code names."""
    (roue,) = (runtime.parent / "paquets").glob("justice_pas_a_pas_pyscripts-*.whl")
    with zipfile.ZipFile(roue) as archive:
        noms = set(archive.namelist())
        for nom in noms - {n for n in noms if ".dist-info/" in n}:
            assert nom.endswith((".pyc", ".json")), nom
            if nom.endswith(".pyc"):
                assert archive.read(nom)[4:8] == (1).to_bytes(4, "little"), nom
        donnees = archive.read("pyscripts/_donnees/delais.json")
    assert {"pyscripts/api.pyc", "pyscripts/aj/regles.pyc", "pyscripts/formulaires/remplissage.pyc"} <= noms
    # Command lines, page contexts, build-time checks, data no route reads: left out.
    for absent in ("pyscripts/aj/__main__.pyc", "pyscripts/aj/verification.pyc", "pyscripts/aj/formulaire.pyc"):
        assert absent not in noms
    assert "pyscripts/_donnees/urgences.json" not in noms
    assert b"\n" not in donnees and json.loads(donnees)  # compact JSON


def test_pyc_compacts_et_fideles(pyodide_node):
    """The .pyc shipped keep their line numbers, not the column of each instruction; pypdf's 17,000 glyph
    names are one constant tuple, and still the very same dict (same pairs, same order) as pypdf's own."""
    from pypdf._codecs.adobe_glyphs import adobe_glyphs

    pyodide_node.demande({"paquets": ["pypdf"]})
    lu = pyodide_node.demande(
        {
            "python": """
import importlib, json, marshal
module = importlib.import_module("pypdf._codecs.adobe_glyphs")
code = marshal.loads(open(module.__spec__.origin, "rb").read()[16:])  # after the 16-byte header (PEP 552)
json.dumps({
    "paires": list(module.adobe_glyphs.items()),
    "tuple": max(len(c) for c in code.co_consts if isinstance(c, tuple)),
    "colonnes": sorted({str(p[2]) for p in code.co_positions()}),
})"""
        }
    )["python"]
    lu = json.loads(lu)
    assert [tuple(p) for p in lu["paires"]] == list(adobe_glyphs.items())
    assert lu["tuple"] > 4000 and lu["colonnes"] == ["None"]


def test_pypdf_livre_precompile(runtime):
    """The wheel a page asks for ships its .pyc in place of its .py (1.8 MB of source not compiled in the
    browser), RECORD rewritten, under a name of its own: same version, other bytes, other URL."""
    from packaging.utils import parse_wheel_filename

    from generator.sorties.roue import empreinte

    (roue,) = (runtime.parent / "paquets").glob("pypdf-*.whl")
    nom, version, build, _ = parse_wheel_filename(roue.name)
    assert (nom, str(version)) == ("pypdf", metadata.version("pypdf")) and build and build[1].startswith("pyc")
    with zipfile.ZipFile(REPO / "build" / "wheels" / optionnels()["pypdf"]) as publiee, zipfile.ZipFile(roue) as livree:
        sources = {n for n in publiee.namelist() if n.endswith(".py")}
        noms = set(livree.namelist())
        assert sources and not sources & noms and {s + "c" for s in sources} <= noms
        record = next(n for n in noms if n.endswith("RECORD"))
        lignes = {ligne.rsplit(",", 2)[0]: ligne for ligne in livree.read(record).decode().splitlines()}
        assert set(lignes) == noms
        for n in noms - {record}:
            assert lignes[n] == f"{n},{empreinte(livree.read(n))},{len(livree.read(n))}"


def test_lock_liste_nos_roues_avec_leur_sha256(runtime):
    spec = lock(runtime)
    paquets = runtime.parent / "paquets"
    assert set(spec["packages"]) == {NOM_PAQUET, "pypdf", NOM_COMPLEMENT}  # this bundle asked for pypdf
    roues = sorted(p.name for p in paquets.glob("*.whl"))
    assert sorted(p["file_name"] for p in spec["packages"].values()) == roues
    for paquet in spec["packages"].values():
        assert paquet["sha256"] == hashlib.sha256((paquets / paquet["file_name"]).read_bytes()).hexdigest()


def test_pypdf_seulement_si_une_page_le_demande(sans_paquet):
    assert set(lock(sans_paquet)["packages"]) == {NOM_PAQUET}
    assert not list((sans_paquet.parent / "paquets").glob("pypdf*"))
    assert not list((sans_paquet.parent / "paquets").glob("justice_pas_a_pas_stdlib*"))


def test_paquet_inconnu_refuse():
    with pytest.raises(ErreurDeConstruction, match="Paquet Python inconnu pour le navigateur : numpy"):
        prepare(REPO, VERSION, ["numpy"])


def test_lock_se_suffit_a_lui_meme(runtime):
    """A dependency missing from our lock would send Pyodide to a CDN: none may be missing."""
    spec = lock(runtime)
    for paquet in spec["packages"].values():
        assert set(paquet["depends"]) <= set(spec["packages"])
        assert "/" not in paquet["file_name"]  # relative to the lock, so the site works under any path
    assert spec["packages"][NOM_PAQUET]["imports"] == ["pyscripts"]
    assert spec["packages"]["pypdf"]["imports"] == ["pypdf"]


def test_lock_porte_l_abi_du_runtime(runtime):
    """Pyodide refuses a lock whose info.abi_version differs from its own."""
    npm_info = json.loads((NPM / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    assert lock(runtime)["info"] == npm_info


def test_idempotent_et_sans_reste(sans_paquet, tmp_path):
    construit_site(tmp_path)
    reste = tmp_path / "pyodide" / "paquets" / "ancienne-0.0.1-py3-none-any.whl"
    reste.write_bytes(b"")
    ailleurs = tmp_path / "index.html"
    ailleurs.write_text("page")
    construit_site(tmp_path)
    assert not reste.exists()
    assert ailleurs.read_text() == "page"  # only site/pyodide/ is ours
    premier, second = sans_paquet.parent, tmp_path / "pyodide"
    fichiers = sorted(p.relative_to(premier) for p in premier.rglob("*"))
    assert fichiers == sorted(p.relative_to(second) for p in second.rglob("*"))
    for relatif in fichiers:  # same names AND same bytes: the build is reproducible
        assert (premier / relatif).is_dir() or (premier / relatif).read_bytes() == (second / relatif).read_bytes()


def test_sans_precompilation_sur_demande(tmp_path, monkeypatch):
    """PYODIDE_PRECOMPILE=0 (for `make bench`): npm's stdlib as is, a wheel without .pyc."""
    monkeypatch.setenv("PYODIDE_PRECOMPILE", "0")
    runtime = construit_site(tmp_path)
    assert stdlib_de(runtime).read_bytes() == (NPM / STDLIB).read_bytes()
    (roue,) = (runtime.parent / "paquets").glob("*.whl")
    with zipfile.ZipFile(roue) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".pyc")]


def test_une_construction_sans_changement_ne_relance_pas_pyodide(monkeypatch, tmp_path):
    """The compiled result is cached: a no-op rebuild never runs Node."""
    prepare_pyodide(tmp_path, REPO, VERSION)  # fills the cache if needed

    def interdit(demande):
        raise AssertionError("Pyodide relancé alors que rien n'a changé")

    monkeypatch.setattr(pyodide_compile, "_node", interdit)
    prepare_pyodide(tmp_path, REPO, VERSION)


def faux_npm(root, version=VERSION, fichiers=()):
    npm = root / "node_modules" / "pyodide"
    npm.mkdir(parents=True)
    (npm / "package.json").write_text(json.dumps({"name": "pyodide", "version": version}))
    for nom in fichiers:
        (npm / nom).write_bytes(b"")
    return npm


def echec(site, root, paquets=()) -> str:
    with pytest.raises(ErreurDeConstruction) as erreur:
        prepare_pyodide(site, root, VERSION, paquets)
    assert not (site / "pyodide").exists()  # nothing half-written
    return str(erreur.value)


def test_sans_node_modules(tmp_path):
    message = echec(tmp_path / "site", tmp_path)
    assert "Pyodide n'est pas installé" in message and "make install" in message and "npm ci" in message


def test_version_npm_differente(tmp_path):
    faux_npm(tmp_path, version="0.27.0", fichiers=(*RUNTIME, STDLIB, "pyodide-lock.json"))
    message = echec(tmp_path / "site", tmp_path)
    assert "0.27.0" in message and VERSION in message and "npm ci" in message


def test_fichier_du_runtime_manquant(tmp_path):
    faux_npm(tmp_path, fichiers=[n for n in RUNTIME if n != "pyodide.asm.mjs"] + [STDLIB, "pyodide-lock.json"])
    message = echec(tmp_path / "site", tmp_path)
    assert "pyodide.asm.mjs" in message and "npm ci" in message


def test_roue_pypdf_manquante(tmp_path):
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    message = echec(tmp_path / "site", tmp_path, paquets=("pypdf",))
    assert optionnels()["pypdf"] in message and "make install" in message and "pip download" in message
