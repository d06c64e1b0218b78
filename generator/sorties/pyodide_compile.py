"""Python précompilé pour Pyodide à la construction, et seulement la bibliothèque standard que nos outils importent.

Le `python_stdlib.zip` de npm (2,5 Mo compressé, 9,6 Mo de `.py`) contient toute la bibliothèque, en
source : chaque démarrage compilait les quelque 140 modules que Pyodide et nos règles importent (Node,
2 cœurs : 3,1–4,1 s avec le zip de npm, 1,1–1,5 s précompilé). Nous livrons à la place, en `.pyc`
seulement (à empreinte non vérifiée, PEP 552 : pas de date, mêmes sources → mêmes octets ; sans
docstrings, assert gardés ; les numéros de ligne sans la colonne de chaque instruction, `-X no_debug_ranges`,
que seuls les ^^^ d'une trace lisent : 10 à 30 % de moins ; un grand dictionnaire de constantes écrit
comme un seul tuple de paires, le même dictionnaire : pypdf 0,43 → 0,38 Mo en brotli) :

- le zip que charge chaque page d'outil : ce qu'importent le démarrage de Pyodide, l'installation de
  notre roue, l'import de nos modules et l'appel de nos routes (phase 1 de pyodide_compile.mjs) ;
- un complément pour les roues en plus qu'une page peut charger (pypdf) : les modules que seules elles
  importent (phase 2), livrés en roue dont elles dépendent (generator/sorties/pyodide.py) : une page où
  l'on ne remplit aucun formulaire ne les télécharge jamais ;
- nos modules et ceux des roues en plus en `.pyc`, à la place de leurs `.py`.

« Importer » se mesure, ne se devine pas : Pyodide tourne dans Node sur les roues telles qu'elles sont
livrées et, en plus des imports qui ont lieu, essaie chaque nom de module qu'une instruction d'import du
code livré nomme (dans les fonctions aussi) et chaque littéral qui nomme un codec (pypdf cherche
« utf-16-be » par son nom quand un champ contient de l'arabe) : generator/sorties/pyodide_imports.py. Un
module qui manquerait malgré tout fait échouer les tests, qui passent chaque route sur la bibliothèque
réduite (tests/pyodide/test_stdlib_reduite.py), jamais le navigateur d'une personne.

Les archives sont écrites sans compression (stockées) : les `.br` et `.gz` du site
(generator/sorties/compression.py) les compressent d'un seul tenant, bien mieux que zip fichier par
fichier (la bibliothèque standard : 0,65 Mo en brotli contre 0,95 Mo compressée fichier par fichier).

Cache, build/cache/pyodide/ : le résultat par (version de Pyodide, zip de npm, nos `.py`, routes, roues
en plus) : une reconstruction sans changement ne lance rien ; chaque fichier compilé de la bibliothèque
par zip de npm : un changement de code ne compile que ce qu'il importe de nouveau.
`PYODIDE_PRECOMPILE=0` dans l'environnement livre le zip de npm et les sources tels quels (`make bench`
compare les deux).
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
from .pyodide_imports import noms_et_litteraux, sources_de_roue
from .roue import ecrit_roue, ecrit_zip

FORMAT = "7"  # à changer quand la sortie change : les anciennes entrées du cache sont alors ignorées
GARDES = 4  # résultats gardés en cache (les plus anciens sont retirés)
NODE = Path(__file__).with_name("pyodide_compile.mjs")


@dataclass(frozen=True)
class Precompile:
    stdlib: Path  # le zip que charge chaque page d'outil : les modules de la phase 1, en .pyc
    complement: dict[str, bytes]  # les modules que seules les roues en plus importent : chemin → .pyc
    pyc: dict[str, bytes]  # chemin d'une source dans site-packages (pyscripts/api.py, pypdf/_page.py) → son .pyc


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
    """`sources` : les fichiers de notre roue (chemin dans site-packages → octets), `modules` ceux à
    importer, `routes` celles du registre, appelées avant et après l'installation des roues en plus
    `roues` (pypdf)."""
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
    os.utime(dossier)  # le plus récemment servi : gardé par _elague
    with zipfile.ZipFile(dossier / "site.zip") as archive:
        pyc = {nom: archive.read(nom) for nom in archive.namelist()}
    with zipfile.ZipFile(dossier / "complement.zip") as archive:
        complement = {nom: archive.read(nom) for nom in archive.namelist()}
    return Precompile(stdlib=dossier / "python_stdlib.zip", complement=complement, pyc=pyc)


def _phase(npm_zip: Path, sources: dict[str, bytes], **autres) -> dict:
    """Les noms de la bibliothèque standard et les littéraux de codecs de `sources`, avec le reste d'une
    phase du .mjs."""
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
    par_module = dossier.parent / f"stdlib-{FORMAT}-{npm_cle}"  # chaque fichier compilé de ce zip de npm
    par_module.mkdir(parents=True, exist_ok=True)
    deja = sorted(p.relative_to(par_module).as_posix().removesuffix("c") for p in par_module.rglob("*.pyc"))
    extras = {}
    for roue in roues:
        extras.update(sources_de_roue(roue))
    # Écrit à côté du cache puis renommé : deux constructions à la fois ne voient jamais un demi-résultat.
    with tempfile.TemporaryDirectory(dir=dossier.parent, prefix=".en-cours-") as tmp:
        sortie = Path(tmp) / "sortie.zip"
        demarrage = Path(tmp) / "demarrage.zip"  # le zip de npm, ce qui est déjà compilé en .pyc : démarre plus vite
        with zipfile.ZipFile(npm_zip) as npm_archive:
            ecrit_zip(demarrage, _npm_precompile(npm_archive, set(deja), par_module))
        notre = ecrit_roue(Path(tmp), "a-precompiler", "0", sources)  # installée par loadPackage, comme au navigateur
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
        except OSError:  # déjà là : fini entre-temps par une autre construction, ou laissé à moitié
            if not (dossier / "fait").is_file():
                shutil.rmtree(dossier, ignore_errors=True)
                os.rename(neuf, dossier)


def repartit(premiere: list[str], seconde: list[str]) -> tuple[list[str], list[str]]:
    """Les fichiers du zip que charge chaque page, et ceux de la roue complément. Un module de la seconde
    phase dont le zip contient déjà le paquet de tête va dans le zip : `encodings.cp1252` ne serait jamais
    trouvé dans site-packages, Python cherche `encodings.*` dans le dossier de l'`encodings` importé."""
    dans_le_zip = {nom.split("/")[0] for nom in premiere if "/" in nom}
    base = sorted({*premiere, *(n for n in seconde if n.split("/")[0] in dans_le_zip)})
    return base, sorted(set(seconde) - set(base))


def _npm_precompile(npm_archive: zipfile.ZipFile, deja: set[str], par_module: Path):
    """Les entrées de npm dans l'ordre de npm, un module déjà compilé sous forme de son .pyc."""
    for info in npm_archive.infolist():
        nom = info.filename
        if nom in deja:
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


def _elague(cache: Path) -> None:
    for ancien in _recents(cache)[GARDES:]:
        shutil.rmtree(ancien, ignore_errors=True)
