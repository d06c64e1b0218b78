"""What the browser's Python needs, read from the code itself (ast): generator/sorties/pyodide.py ships only
our modules a route can reach, pyodide_compile.py tries every module name and codec name the code holds.

Every import statement counts, those inside functions and `try` blocks included: a module imported late
(api.py imports each engine at its first call) must be in the browser all the same. The sources are the
files as shipped (path in site-packages → bytes).
"""

from __future__ import annotations

import ast
import re
import zipfile
from pathlib import Path

# A literal that may name a codec ("utf-16-be", "cp1252", "latin-1"): pypdf and str.encode() look encodings up
# by name at run time, an import no statement shows.
CODEC = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{1,30}")


def nom_module(chemin: str) -> str:
    """`pyscripts/aj/regles.py` → `pyscripts.aj.regles`; `pyscripts/aj/__init__.py` → `pyscripts.aj`."""
    parties = chemin.removesuffix(".py").split("/")
    return ".".join(parties[:-1] if parties[-1] == "__init__" else parties)


def _arbre(chemin: str, source: bytes) -> ast.Module | None:
    try:
        return ast.parse(source, chemin)
    except SyntaxError:  # syntax newer than this host's Python: Pyodide's own run still traces it
        return None


def noms_importes(chemin: str, arbre: ast.Module) -> set[str]:
    """Absolute names of the modules an import statement of `chemin` names, and of what `from x import y`
    imports (y may be a submodule); relative imports resolved against the module's package."""
    module = nom_module(chemin)
    paquet = module if chemin.endswith("/__init__.py") else module.rpartition(".")[0]
    noms = set()
    for noeud in ast.walk(arbre):
        if isinstance(noeud, ast.Import):
            noms.update(alias.name for alias in noeud.names)
        elif isinstance(noeud, ast.ImportFrom):
            if noeud.level:
                base = paquet.split(".")[: len(paquet.split(".")) - (noeud.level - 1)]
                origine = ".".join([*base, *([noeud.module] if noeud.module else [])])
            else:
                origine = noeud.module or ""
            noms.add(origine)
            noms.update(f"{origine}.{alias.name}" for alias in noeud.names if alias.name != "*")
    # `import a.b.c` imports a and a.b too.
    return {".".join(nom.split(".")[: i + 1]) for nom in noms if nom for i in range(nom.count(".") + 1)}


def modules_atteints(sources: dict[str, bytes], racines: list[str]) -> set[str]:
    """Our modules reachable from `racines` (module names) by import statements, parent packages included."""
    fichiers = {nom_module(chemin): chemin for chemin in sources if chemin.endswith(".py")}
    vus: set[str] = set()
    a_voir = list(racines)
    while a_voir:
        module = a_voir.pop()
        if module in vus or module not in fichiers:
            continue
        vus.add(module)
        a_voir.extend(".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1))
        arbre = _arbre(fichiers[module], sources[fichiers[module]])
        if arbre is not None:
            a_voir.extend(noms_importes(fichiers[module], arbre))
    return vus


def noms_et_litteraux(sources: dict[str, bytes]) -> tuple[set[str], set[str]]:
    """Every module name the sources' import statements name, and their short literals that may name a codec."""
    noms, litteraux = set(), set()
    for chemin, source in sources.items():
        if not chemin.endswith(".py") or (arbre := _arbre(chemin, source)) is None:
            continue
        noms |= noms_importes(chemin, arbre)
        litteraux |= {
            n.value
            for n in ast.walk(arbre)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and CODEC.fullmatch(n.value)
        }
    return noms, litteraux


def sources_de_roue(roue: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(roue) as archive:
        return {nom: archive.read(nom) for nom in archive.namelist() if nom.endswith(".py")}
