"""Python precompiled for Pyodide at build time, so the browser does not compile it at every start.

npm's `python_stdlib.zip` holds `.py` only: each start compiled the ~140 modules that Pyodide and our
rules import. Measured in Node on this 2-core machine (tools' cold start, 3 runs): 3.1–4.1 s with the
npm zip, 1.1–1.5 s precompiled. Compiling only the modules actually imported gives that same gain for
+0.7 MB (zip of 3.2 MB) where compiling all 559 costs +2.0 MB (`.pyc` only, 4.5 MB) or +4.5 MB (`.py`
kept, 7.1 MB): we compile the imported ones, which replace their `.py` in the zip (the others stay
`.py` and compile on use, as before). Our own modules (≈ 250–480 ms to compile in Pyodide) get their
`__pycache__/*.cpython-314.pyc` next to the `.py` in our wheel; an extra wheel a page asks for (pypdf:
1.8 MB of source, its import 4.3 s → 1.0 s in Node under load) gets `.pyc` instead of its `.py`.

`.pyc` are unchecked-hash (PEP 552): no timestamp, so the same sources give the same bytes.

Which modules: those imported once our code has run in Pyodide in Node (every module of the
wheels we ship imported, each tool called once) — generator/sorties/pyodide_compile.mjs.
Compiler: pyodide-build's `pyodide py-compile` when a host CPython of Pyodide's version has it
(CPython 3.14 for Pyodide 314; absent from these machines), otherwise Pyodide's own Python, in the
same Node run.

Cache, build/cache/pyodide/: the result per (Pyodide version, npm zip, our `.py`, extra wheels), so a
no-op rebuild runs nothing; each compiled stdlib file per npm zip, so a code change compiles only
what it newly imports. `PYODIDE_PRECOMPILE=0` in the environment turns all this off (`make bench`
compares both).
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
from .roue import ecrit_roue, ecrit_zip

FORMAT = "4"  # bump when the output changes: old cache entries are then ignored
GARDES = 4  # results kept in the cache (the older ones are removed)
NODE = Path(__file__).with_name("pyodide_compile.mjs")
# .pyc header (PEP 552): magic, flags, source hash. Flags 0b01 = hash-based, unchecked.
NON_VERIFIE = (1).to_bytes(4, "little")


@dataclass(frozen=True)
class Precompile:
    stdlib: Path  # the zip to ship: npm's, imported modules as .pyc instead of .py
    pyc: dict[str, bytes]  # source path in site-packages (pyscripts/api.py, pypdf/_page.py) → its .pyc
    cache_tag: str  # "cpython-314": where the importer looks for a .pyc, __pycache__/<name>.<tag>.pyc


def active() -> bool:
    return os.environ.get("PYODIDE_PRECOMPILE", "1") != "0"


def empreinte(*morceaux: bytes | str) -> str:
    h = hashlib.sha256()
    for morceau in morceaux:
        h.update(morceau.encode() if isinstance(morceau, str) else morceau)
        h.update(b"\0")
    return h.hexdigest()


def precompile(
    root: Path, npm: Path, version: str, sources: dict[str, bytes], roues: list[Path], paquets: list[str]
) -> Precompile:
    """`sources`: our wheel's files (path in site-packages → bytes); `roues`: the other wheels shipped;
    `paquets`: their top-level packages, imported in Pyodide as a page would (ours: every module)."""
    npm_zip = npm / "python_stdlib.zip"
    cache = root / "build" / "cache" / "pyodide"
    npm_cle = empreinte(version, npm_zip.read_bytes())[:16]
    cle = empreinte(
        FORMAT,
        npm_cle,
        *paquets,
        *(f"{p}\0{empreinte(c)}" for p, c in sorted(sources.items()) if p.endswith(".py")),
        *(f"{r.name}\0{empreinte(r.read_bytes())}" for r in roues),
    )[:16]
    dossier = cache / f"resultat-{cle}"
    if not (dossier / "fait").is_file():
        cache.mkdir(parents=True, exist_ok=True)
        _calcule(dossier, npm, npm_zip, npm_cle, sources, roues, paquets)
        _elague(cache)
    os.utime(dossier)  # most recently used: kept by _elague
    with zipfile.ZipFile(dossier / "site.zip") as archive:
        pyc = {nom: archive.read(nom) for nom in archive.namelist()}
    fait = json.loads((dossier / "fait").read_text())
    return Precompile(stdlib=dossier / "python_stdlib.zip", pyc=pyc, cache_tag=fait["cache_tag"])


def _calcule(
    dossier: Path,
    npm: Path,
    npm_zip: Path,
    npm_cle: str,
    sources: dict[str, bytes],
    roues: list[Path],
    paquets: list[str],
) -> None:
    hote = compilateur_hote(version_python(npm))
    par_module = dossier.parent / f"stdlib-{FORMAT}-{npm_cle}"  # each compiled stdlib file of this npm zip
    par_module.mkdir(parents=True, exist_ok=True)
    deja = sorted(p.relative_to(par_module).as_posix().removesuffix("c") for p in par_module.rglob("*.pyc"))
    demarrage = _demarrage(dossier.parent, npm_cle)
    # Written beside the cache then renamed: two builds at once never see half a result.
    with tempfile.TemporaryDirectory(dir=dossier.parent, prefix=".en-cours-") as tmp:
        sortie = Path(tmp) / "sortie.zip"
        notre = ecrit_roue(Path(tmp), "a-precompiler", "0", sources)  # installed by loadPackage, as in a browser
        _node(
            {
                "runtime": str(npm),
                "stdlib": str(npm_zip),
                "sources": sorted(sources),
                "demarrage": str(demarrage) if demarrage else None,
                "roues": [str(notre), *map(str, roues)],
                "paquets": paquets,
                "compiler": hote is None,
                "deja": deja,
                "sortie": str(sortie),
            }
        )
        with zipfile.ZipFile(sortie) as archive:
            modules = json.loads(archive.read("modules.json"))
            compiles = {n: archive.read(n) for n in archive.namelist() if n != "modules.json"}
        if hote is not None:
            compiles = _compile_hote(hote, npm_zip, modules["stdlib"], sources, Path(tmp))
        for nom, pyc in compiles.items():
            if nom.startswith("stdlib/"):
                cible = par_module / nom.removeprefix("stdlib/")
                cible.parent.mkdir(parents=True, exist_ok=True)
                (Path(tmp) / "pyc").write_bytes(pyc)
                os.replace(Path(tmp) / "pyc", cible)
        importes = set(modules["stdlib"])
        neuf = Path(tmp) / "resultat"
        neuf.mkdir()
        with zipfile.ZipFile(npm_zip) as npm_archive:
            ecrit_zip(neuf / "python_stdlib.zip", _stdlib(npm_archive, importes, par_module))
        ecrit_zip(
            neuf / "site.zip",
            sorted(
                (nom.removeprefix("site/").removesuffix("c"), pyc)
                for nom, pyc in compiles.items()
                if nom.startswith("site/")
            ),
        )
        (neuf / "fait").write_text(
            json.dumps(
                {
                    "npm": npm_cle,
                    "python": modules["python"],
                    "cache_tag": modules["cache_tag"],
                    "stdlib": sorted(importes),
                }
            )
        )
        try:
            os.rename(neuf, dossier)
        except OSError:  # there already: finished by another build meanwhile, or left half-done
            if not (dossier / "fait").is_file():
                shutil.rmtree(dossier, ignore_errors=True)
                os.rename(neuf, dossier)


def _stdlib(npm_archive: zipfile.ZipFile, importes: set[str], par_module: Path):
    """npm's entries in npm's order; an imported module's .py replaced by its .pyc."""
    for info in npm_archive.infolist():
        nom = info.filename
        if nom in importes:
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


def _demarrage(cache: Path, npm_cle: str) -> Path | None:
    """A precompiled zip of the same npm zip starts Pyodide faster than npm's (≈ 1 s instead of 3)."""
    for dossier in _recents(cache):
        if json.loads((dossier / "fait").read_text()).get("npm") == npm_cle:
            return dossier / "python_stdlib.zip"
    return None


def _elague(cache: Path) -> None:
    for ancien in _recents(cache)[GARDES:]:
        shutil.rmtree(ancien, ignore_errors=True)


def version_python(npm: Path) -> str:
    """ "3.14" for Pyodide 314, read from npm's lockfile."""
    info = json.loads((npm / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return ".".join(info["python"].split(".")[:2])


# ── pyodide-build, when the host has the right CPython ───────────────────────


def compilateur_hote(version: str) -> Path | None:
    """pyodide-build's `pyodide` command next to a host CPython `version` that has pyodide_build, or None."""
    candidats = [
        shutil.which(f"python{version}"),
        *sorted(Path.home().glob(f".pyenv/versions/{version}*/bin/python{version}")),
    ]
    for python in filter(None, candidats):
        pyodide = Path(python).with_name("pyodide")
        if not pyodide.is_file():
            continue
        verifie = subprocess.run(
            [str(python), "-c", "import sys, pyodide_build; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if verifie.returncode == 0 and verifie.stdout.strip() == version:
            return pyodide
    return None


def _compile_hote(
    pyodide: Path, npm_zip: Path, importes: list[str], sources: dict[str, bytes], tmp: Path
) -> dict[str, bytes]:
    """`pyodide py-compile` on a zip of the files to compile; its .pyc made unchecked-hash."""
    a_compiler = tmp / "a-compiler.zip"
    with zipfile.ZipFile(npm_zip) as npm_archive:
        ecrit_zip(
            a_compiler,
            [
                *((f"stdlib/{n}", npm_archive.read(n)) for n in importes),
                *((f"site/{p}", c) for p, c in sorted(sources.items()) if p.endswith(".py")),
            ],
        )
    fini = subprocess.run(
        [str(pyodide), "py-compile", "--silent", str(a_compiler)],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "0"},
        timeout=600,
    )
    if fini.returncode != 0:
        raise BuildError(f"`{pyodide} py-compile` a échoué : {_fin(fini.stderr + fini.stdout)}")
    with zipfile.ZipFile(a_compiler) as archive:
        return {n: non_verifie(archive.read(n)) for n in archive.namelist() if n.endswith(".pyc")}


def non_verifie(pyc: bytes) -> bytes:
    """A hash-based .pyc (pyodide-build writes checked ones under SOURCE_DATE_EPOCH) made unchecked:
    the importer then never reads the source to hash it. A timestamp .pyc is refused."""
    if not int.from_bytes(pyc[4:8], "little") & 1:
        raise BuildError(
            "pyodide py-compile a écrit des .pyc datés (non reproductibles) : mettez pyodide-build à jour."
        )
    return pyc[:4] + NON_VERIFIE + pyc[8:]
