"""Ce dont le Python du navigateur a besoin, lu dans le code lui-même (ast) : generator/sorties/pyodide.py ne
livre que nos modules qu'une route atteint, pyodide_compile.py essaie chaque nom de module et de codec que
le code contient.

Chaque instruction d'import compte, celles des fonctions et des blocs `try` comprises : un module importé
tard (le registre importe chaque moteur à son premier appel) doit quand même être dans le navigateur. Les
sources sont les fichiers tels que livrés (chemin dans site-packages → octets).
"""

from __future__ import annotations

import ast
import re
import zipfile
from pathlib import Path

# Un littéral qui peut nommer un codec (« utf-16-be », « cp1252 », « latin-1 ») : pypdf et str.encode()
# cherchent les encodages par leur nom à l'exécution, un import qu'aucune instruction ne montre.
CODEC = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{1,30}")


def nom_module(chemin: str) -> str:
    """`pyscripts/aj/regles.py` → `pyscripts.aj.regles` ; `pyscripts/aj/__init__.py` → `pyscripts.aj`."""
    parties = chemin.removesuffix(".py").split("/")
    return ".".join(parties[:-1] if parties[-1] == "__init__" else parties)


def _arbre(chemin: str, source: bytes) -> ast.Module | None:
    try:
        return ast.parse(source, chemin)
    except SyntaxError:  # syntaxe plus récente que le Python de cet hôte : l'exécution dans Pyodide la trace encore
        return None


def instructions(arbre: ast.Module):
    """Chaque instruction, à toute profondeur (fonctions, classes, if, try, with, match) : un import n'est
    jamais dans une expression, inutile de les parcourir (trois fois plus rapide qu'ast.walk)."""
    pile = [arbre]
    while pile:
        noeud = pile.pop()
        yield noeud
        for champ in ("body", "orelse", "finalbody", "handlers", "cases"):
            pile.extend(getattr(noeud, champ, None) or ())


def noms_importes(chemin: str, arbre: ast.Module) -> set[str]:
    """Les noms absolus des modules que nomme une instruction d'import de `chemin`, et de ce qu'importe
    `from x import y` (y peut être un sous-module) ; les imports relatifs résolus dans le paquet du module."""
    module = nom_module(chemin)
    paquet = module if chemin.endswith("/__init__.py") else module.rpartition(".")[0]
    noms = set()
    for noeud in instructions(arbre):
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
    # `import a.b.c` importe aussi a et a.b.
    return {".".join(nom.split(".")[: i + 1]) for nom in noms if nom for i in range(nom.count(".") + 1)}


def modules_atteints(sources: dict[str, bytes], racines: list[str]) -> set[str]:
    """Nos modules que les instructions d'import atteignent depuis `racines` (noms de modules), paquets
    parents compris."""
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
    """Chaque nom de module que nomment les instructions d'import des sources, et leurs courts littéraux qui
    peuvent nommer un codec."""
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
