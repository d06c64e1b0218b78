"""Python précompilé pour Pyodide à la construction : le navigateur ne le compile pas à chaque démarrage.

Le `python_stdlib.zip` de npm ne contient que des `.py` : chaque démarrage compilait les quelque 140
modules qu'importent Pyodide et nos règles. Mesuré dans Node sur cette machine à 2 cœurs (démarrage à
froid des outils, 3 fois) : 3,1 à 4,1 s avec le zip de npm, 1,1 à 1,5 s précompilé. Ne compiler que les
modules vraiment importés donne le même gain pour +0,7 Mo (zip de 3,2 Mo), là où compiler les 559 coûte
+2,0 Mo (`.pyc` seuls, 4,5 Mo) ou +4,5 Mo (`.py` gardés, 7,1 Mo) : nous compilons ceux importés, qui
remplacent leur `.py` dans le zip (les autres restent en `.py` et se compilent à l'usage, comme avant).
Nos modules (250 à 480 ms de compilation dans Pyodide) ont leur `__pycache__/*.cpython-314.pyc` à côté
du `.py` dans notre roue ; une roue en plus qu'une page demande (pypdf : 1,8 Mo de source, son import
passe de 4,3 s à 1,0 s dans Node chargé) a des `.pyc` à la place de ses `.py`.

Les `.pyc` sont à empreinte non vérifiée (PEP 552) : sans horodatage, les mêmes sources donnent les
mêmes octets.

Quels modules : ceux importés une fois notre code lancé dans Pyodide dans Node (chaque module des roues
livrées importé, chaque route des outils appelée une fois) — generator/sorties/pyodide_compile.mjs.
Compilateur : `pyodide py-compile` de pyodide-build quand un CPython hôte de la version de Pyodide l'a
(CPython 3.14 pour Pyodide 314 ; absent de ces machines), sinon le Python de Pyodide, dans le même
passage de Node.

Cache, build/cache/pyodide/ : le résultat par (version de Pyodide, zip de npm, nos `.py`, roues en
plus), pour qu'une reconstruction sans changement ne lance rien ; chaque fichier compilé de la
bibliothèque standard par zip de npm, pour qu'un changement de code ne compile que ce qu'il importe de
nouveau. `PYODIDE_PRECOMPILE=0` dans l'environnement coupe tout cela (`make bench` compare les deux).
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

from ..erreurs import ErreurDeConstruction
from .roue import ecrit_roue, ecrit_zip

FORMAT = "4"  # à augmenter quand la sortie change : les anciennes entrées du cache sont alors ignorées
GARDES = 4  # résultats gardés en cache (les plus anciens sont effacés)
NODE = Path(__file__).with_name("pyodide_compile.mjs")
# En-tête d'un .pyc (PEP 552) : nombre magique, drapeaux, empreinte de la source. 0b01 = empreinte non vérifiée.
NON_VERIFIE = (1).to_bytes(4, "little")


@dataclass(frozen=True)
class Precompile:
    stdlib: Path  # le zip à livrer : celui de npm, les modules importés en .pyc au lieu de .py
    pyc: dict[str, bytes]  # chemin de la source dans site-packages (pyscripts/api.py, pypdf/_page.py) → son .pyc
    cache_tag: str  # "cpython-314" : où l'importeur cherche un .pyc, __pycache__/<nom>.<tag>.pyc


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
    """`sources` : les fichiers de notre roue (chemin dans site-packages → octets) ; `roues` : les autres roues
    livrées ; `paquets` : leurs paquets de tête, importés dans Pyodide comme le ferait une page (les
    nôtres : chaque module)."""
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
    os.utime(dossier)  # utilisé en dernier : gardé par _elague
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
    par_module = (
        dossier.parent / f"stdlib-{FORMAT}-{npm_cle}"
    )  # chaque fichier compilé de la bibliothèque standard de ce zip de npm
    par_module.mkdir(parents=True, exist_ok=True)
    deja = sorted(p.relative_to(par_module).as_posix().removesuffix("c") for p in par_module.rglob("*.pyc"))
    demarrage = _demarrage(dossier.parent, npm_cle)
    # Écrit à côté du cache puis renommé : deux constructions simultanées ne voient jamais un demi-résultat.
    with tempfile.TemporaryDirectory(dir=dossier.parent, prefix=".en-cours-") as tmp:
        sortie = Path(tmp) / "sortie.zip"
        notre = ecrit_roue(
            Path(tmp), "a-precompiler", "0", sources
        )  # installée par loadPackage, comme dans un navigateur
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
        except OSError:  # déjà là : fini entre-temps par une autre construction, ou laissé à moitié
            if not (dossier / "fait").is_file():
                shutil.rmtree(dossier, ignore_errors=True)
                os.rename(neuf, dossier)


def _stdlib(npm_archive: zipfile.ZipFile, importes: set[str], par_module: Path):
    """Les entrées de npm dans l'ordre de npm ; le .py d'un module importé remplacé par son .pyc."""
    for info in npm_archive.infolist():
        nom = info.filename
        if nom in importes:
            yield nom + "c", (par_module / (nom + "c")).read_bytes()
        else:
            yield nom, npm_archive.read(nom)


def _node(demande: dict) -> None:
    node = shutil.which("node")
    if node is None:
        raise ErreurDeConstruction(
            "Node introuvable : il faut Node ≥ 20 pour préparer Python pour le navigateur "
            "(installez-le, puis `make install`)."
        )
    fini = subprocess.run([node, str(NODE)], input=json.dumps(demande), capture_output=True, text=True, timeout=600)
    if fini.returncode != 0:
        raise ErreurDeConstruction(
            "La précompilation de Python pour le navigateur a échoué (generator/sorties/pyodide_compile.mjs) : "
            f"{_fin(fini.stderr)}"
        )


def _fin(texte: str) -> str:
    """La fin de la sortie d'erreur de Node, sans les lignes de JavaScript minifié qu'elle cite."""
    lignes = [
        ligne
        for ligne in texte.strip().splitlines()
        if ligne.strip() and len(ligne) < 300 and not ligne.lstrip().startswith("at ")
    ]
    return "\n".join(lignes[-15:])


def _recents(cache: Path) -> list[Path]:
    return sorted((d for d in cache.glob("resultat-*") if (d / "fait").is_file()), key=lambda d: -d.stat().st_mtime)


def _demarrage(cache: Path, npm_cle: str) -> Path | None:
    """Un zip précompilé du même zip de npm démarre Pyodide plus vite que celui de npm (environ 1 s au lieu de 3)."""
    for dossier in _recents(cache):
        if json.loads((dossier / "fait").read_text()).get("npm") == npm_cle:
            return dossier / "python_stdlib.zip"
    return None


def _elague(cache: Path) -> None:
    for ancien in _recents(cache)[GARDES:]:
        shutil.rmtree(ancien, ignore_errors=True)


def version_python(npm: Path) -> str:
    """ "3.14" pour Pyodide 314, lu dans le lockfile de npm."""
    info = json.loads((npm / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    return ".".join(info["python"].split(".")[:2])


# ── pyodide-build, quand l'hôte a le bon CPython ──────────────────────────────


def compilateur_hote(version: str) -> Path | None:
    """La commande `pyodide` de pyodide-build à côté d'un CPython hôte `version` qui a pyodide_build, ou None."""
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
    """`pyodide py-compile` sur un zip des fichiers à compiler ; ses .pyc rendus à empreinte non vérifiée."""
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
        raise ErreurDeConstruction(f"`{pyodide} py-compile` a échoué : {_fin(fini.stderr + fini.stdout)}")
    with zipfile.ZipFile(a_compiler) as archive:
        return {n: non_verifie(archive.read(n)) for n in archive.namelist() if n.endswith(".pyc")}


def non_verifie(pyc: bytes) -> bytes:
    """Un .pyc à empreinte (pyodide-build les écrit vérifiés sous SOURCE_DATE_EPOCH) rendu non vérifié :
    l'importeur ne relit alors jamais la source pour la hacher. Un .pyc horodaté est refusé."""
    if not int.from_bytes(pyc[4:8], "little") & 1:
        raise ErreurDeConstruction(
            "pyodide py-compile a écrit des .pyc datés (non reproductibles) : mettez pyodide-build à jour."
        )
    return pyc[:4] + NON_VERIFIE + pyc[8:]
