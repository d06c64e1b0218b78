"""Python precompiled for Pyodide at build time, and only the standard library our tools import.

npm's `python_stdlib.zip` (2.5 MB compressed, 9.6 MB of `.py`) holds the whole library, as source: each
start compiled the ~140 modules Pyodide and our rules import (Node, 2 cores: 3.1–4.1 s with npm's zip,
1.1–1.5 s precompiled). We ship instead, as `.pyc` only (unchecked-hash, PEP 552: no timestamp, same
sources → same bytes; docstrings left out, asserts kept):

- the stdlib zip every tool page loads: what Pyodide's start, installing our wheel, importing our modules
  and calling our routes import (phase 1 of generator/sorties/pyodide_compile.mjs);
- a complement for the extra wheels a page may load (pypdf): the stdlib modules they alone import (phase
  2), shipped as a wheel of their own that they depend on (generator/sorties/pyodide.py), so a page that
  never fills a form never downloads them;
- our modules and the extra wheels' as `.pyc` in place of their `.py`.

"Import" is measured, not guessed: Pyodide runs in Node on the wheels as shipped, and besides the
imports that happen, tries every module name an import statement of the shipped code names (inside
functions too) and every literal that names a codec (pypdf looks "utf-16-be" up by name when a field holds
Arabic) — generator/sorties/pyodide_imports.py. A module missing all the same fails the tests, which run
every route under the trimmed stdlib (tests/pyodide/test_stdlib_reduite.py), never a person's browser.

The archives are written uncompressed (stored): the site's `.br` and `.gz` (generator/sorties/compression.py)
compress them as a whole, which shrinks them far more than zip's file-by-file deflate (stdlib: 0.85 MB in
brotli against 1.2 MB deflated).

Cache, build/cache/pyodide/: the result per (Pyodide version, npm zip, our `.py`, routes, extra wheels), so
a no-op rebuild runs nothing; each compiled stdlib file per npm zip, so a code change compiles only what
it newly imports. `PYODIDE_PRECOMPILE=0` in the environment ships npm's zip and the sources as they are
(`make bench` compares both).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..erreurs import BuildError
from .pyodide_imports import noms_et_litteraux, sources_de_roue
from .roue import ecrit_roue, ecrit_zip

FORMAT = "5"  # bump when the output changes: old cache entries are then ignored
GARDES = 4  # results kept in the cache (the older ones are removed)
NODE = Path(__file__).with_name("pyodide_compile.mjs")


@dataclass(frozen=True)
class Precompile:
    stdlib: Path  # the zip every tool page loads: the stdlib modules of phase 1, as .pyc
    complement: dict[str, bytes]  # stdlib modules only the extra wheels import: path → .pyc
    pyc: dict[str, bytes]  # source path in site-packages (pyscripts/api.py, pypdf/_page.py) → its .pyc


def active() -> bool:
    return os.environ.get("PYODIDE_PRECOMPILE", "1") != "0"


def empreinte(*morceaux: bytes | str) -> str:
    h = hashlib.sha256()
    for morceau in morceaux:
        h.update(morceau.encode() if isinstance(morceau, str) else morceau)
        h.update(b"\0")
    return h.hexdigest()


def precompile(
    root: Path,
    npm: Path,
    version: str,
    sources: dict[str, bytes],
    modules: list[str],
    routes: list[str],
    roues: list[Path],
) -> Precompile:
    """`sources`: our wheel's files (path in site-packages → bytes), `modules` the ones to import, `routes`
    those of pyscripts.api, called before and after installing the extra wheels `roues` (pypdf)."""
    npm_zip = npm / "python_stdlib.zip"
    cache = root / "build" / "cache" / "pyodide"
    npm_cle = empreinte(version, npm_zip.read_bytes())[:16]
    cle = empreinte(
        FORMAT,
        npm_cle,
        *modules,
        "\0".join(routes),
        *(f"{p}\0{empreinte(c)}" for p, c in sorted(sources.items()) if p.endswith(".py")),
        *(f"{r.name}\0{empreinte(r.read_bytes())}" for r in roues),
    )[:16]
    dossier = cache / f"resultat-{cle}"
    if not (dossier / "fait").is_file():
        cache.mkdir(parents=True, exist_ok=True)
        _calcule(dossier, npm, npm_zip, npm_cle, sources, modules, routes, roues)
        _elague(cache)
    os.utime(dossier)  # most recently used: kept by _elague
    with zipfile.ZipFile(dossier / "site.zip") as archive:
        pyc = {nom: archive.read(nom) for nom in archive.namelist()}
    with zipfile.ZipFile(dossier / "complement.zip") as archive:
        complement = {nom: archive.read(nom) for nom in archive.namelist()}
    return Precompile(stdlib=dossier / "python_stdlib.zip", complement=complement, pyc=pyc)


def _phase(npm_zip: Path, sources: dict[str, bytes], **autres) -> dict:
    """The stdlib names and codec literals of `sources`, with the rest of a phase of the .mjs."""
    noms, litteraux = noms_et_litteraux(sources)
    with zipfile.ZipFile(npm_zip) as archive:
        premiers = {nom.split("/")[0].removesuffix(".py") for nom in archive.namelist()}
    return {"imports": sorted(n for n in noms if n.split(".")[0] in premiers), "codecs": sorted(litteraux), **autres}


def _calcule(
    dossier: Path,
    npm: Path,
    npm_zip: Path,
    npm_cle: str,
    sources: dict[str, bytes],
    modules: list[str],
    routes: list[str],
    roues: list[Path],
) -> None:
    par_module = dossier.parent / f"stdlib-{FORMAT}-{npm_cle}"  # each compiled stdlib file of this npm zip
    par_module.mkdir(parents=True, exist_ok=True)
    deja = sorted(p.relative_to(par_module).as_posix().removesuffix("c") for p in par_module.rglob("*.pyc"))
    extras = {}
    for roue in roues:
        extras.update(sources_de_roue(roue))
    # Written beside the cache then renamed: two builds at once never see half a result.
    with tempfile.TemporaryDirectory(dir=dossier.parent, prefix=".en-cours-") as tmp:
        sortie = Path(tmp) / "sortie.zip"
        demarrage = Path(tmp) / "demarrage.zip"  # npm's zip, what is already compiled as .pyc: starts faster
        with zipfile.ZipFile(npm_zip) as npm_archive:
            ecrit_zip(demarrage, _npm_precompile(npm_archive, set(deja), par_module))
        notre = ecrit_roue(Path(tmp), "a-precompiler", "0", sources)  # installed by loadPackage, as in a browser
        _node(
            {
                "runtime": str(npm),
                "stdlib": str(npm_zip),
                "demarrage": str(demarrage),
                "phases": [
                    _phase(npm_zip, sources, roues=[str(notre)], modules=modules, routes=routes),
                    _phase(npm_zip, extras, roues=list(map(str, roues)), modules=[], routes=routes),
                ],
                "deja": deja,
                "sortie": str(sortie),
            }
        )
        with zipfile.ZipFile(sortie) as archive:
            modules_json = json.loads(archive.read("modules.json"))
            compiles = {n: archive.read(n) for n in archive.namelist() if n != "modules.json"}
        for nom, pyc in compiles.items():
            if nom.startswith("stdlib/"):
                cible = par_module / nom.removeprefix("stdlib/")
                cible.parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / "pyc").write_bytes(pyc)
                os.replace(Path(tmp) / "pyc", cible)
        base, complement = repartit(*modules_json["phases"])
        neuf = Path(tmp) / "resultat"
        neuf.mkdir()
        ecrit_zip(
            neuf / "python_stdlib.zip", ((n + "c", (par_module / (n + "c")).read_bytes()) for n in base), stocke=True
        )
        ecrit_zip(neuf / "complement.zip", ((n + "c", (par_module / (n + "c")).read_bytes()) for n in complement))
        ecrit_zip(
            neuf / "site.zip",
            sorted(
                (nom.removeprefix("site/").removesuffix("c"), pyc)
                for nom, pyc in compiles.items()
                if nom.startswith("site/")
            ),
        )
        (neuf / "fait").write_text(
            json.dumps({"npm": npm_cle, "python": modules_json["python"], "stdlib": base, "complement": complement})
        )
        try:
            os.rename(neuf, dossier)
        except OSError:  # there already: finished by another build meanwhile, or left half-done
            if not (dossier / "fait").is_file():
                shutil.rmtree(dossier, ignore_errors=True)
                os.rename(neuf, dossier)


def repartit(premiere: list[str], seconde: list[str]) -> tuple[list[str], list[str]]:
    """Stdlib files of the zip every page loads, and of the complement wheel. A module of the second phase
    whose top-level package the zip already holds goes in the zip: `encodings.cp1252` would never be found in
    site-packages, Python looks for `encodings.*` in the folder of the `encodings` it imported."""
    dans_le_zip = {nom.split("/")[0] for nom in premiere if "/" in nom}
    base = sorted({*premiere, *(n for n in seconde if n.split("/")[0] in dans_le_zip)})
    return base, sorted(set(seconde) - set(base))


def _npm_precompile(npm_archive: zipfile.ZipFile, deja: set[str], par_module: Path):
    """npm's entries in npm's order, a module already compiled as its .pyc."""
    for info in npm_archive.infolist():
        nom = info.filename
        if nom in deja:
            yield nom + "c", (par_module / (nom + "c")).read_bytes()
        else:
            yield nom, npm_archive.read(nom)


def _node(demande: dict) -> None:
    node = shutil.which("node")
    if node is None:
        raise BuildError(
            "Node introuvable : il faut Node ≥ 20 pour préparer Python pour le navigateur "
            "(installez-le, puis `make install`)."
        )
    fini = subprocess.run([node, str(NODE)], input=json.dumps(demande), capture_output=True, text=True, timeout=600)
    if fini.returncode != 0:
        raise BuildError(
            "La précompilation de Python pour le navigateur a échoué (generator/sorties/pyodide_compile.mjs) : "
            f"{_fin(fini.stderr)}"
        )


def _fin(texte: str) -> str:
    """The end of Node's error output, without the lines of minified JavaScript it quotes."""
    lignes = [
        ligne
        for ligne in texte.strip().splitlines()
        if ligne.strip() and len(ligne) < 300 and not ligne.lstrip().startswith("at ")
    ]
    return "\n".join(lignes[-15:])


def _recents(cache: Path) -> list[Path]:
    return sorted((d for d in cache.glob("resultat-*") if (d / "fait").is_file()), key=lambda d: -d.stat().st_mtime)


def _elague(cache: Path) -> None:
    for ancien in _recents(cache)[GARDES:]:
        shutil.rmtree(ancien, ignore_errors=True)
