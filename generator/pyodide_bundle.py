"""Self-host Pyodide and our Python code under site/pyodide/ (called from `on_post_build`).

    site/pyodide/<version>/   the npm runtime: only the files loadPyodide fetches
    site/pyodide/paquets/     our pyscripts wheel (parameters embedded as JSON),
                              the pypdf wheel, and a minimal pyodide-lock.json

The worker passes `lockFileURL` = paquets/pyodide-lock.json, so Pyodide never asks
for npm's 119 KB lockfile nor for a CDN: everything it may load is listed here.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

from .errors import BuildError
from .roue import ecrit_roue

RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
NPM_LOCK = "pyodide-lock.json"  # read for its `info` (ABI, Python), never shipped
PAQUETS = "paquets"
NOM_PAQUET = "justice-pas-a-pas-pyscripts"
PYPDF = "pypdf-7.1.0-py3-none-any.whl"
COMMANDE_PYPDF = "pip download --no-deps --only-binary=:all: pypdf==7.1.0 -d build/wheels"


def bundle_pyodide(site_dir: Path, root: Path, version: str) -> None:
    """Write site_dir/pyodide/ from scratch (idempotent); raise BuildError saying what to run."""
    npm = _runtime_npm(root, version)
    pypdf = root / "build" / "wheels" / PYPDF
    if not pypdf.is_file():
        raise BuildError(f"Roue pypdf introuvable ({pypdf.relative_to(root)}) : lancez `make install` "
                         f"(qui exécute `{COMMANDE_PYPDF}`).")
    cible = site_dir / "pyodide"
    shutil.rmtree(cible, ignore_errors=True)
    runtime = cible / version
    runtime.mkdir(parents=True)
    for nom in RUNTIME:
        shutil.copyfile(npm / nom, runtime / nom)
    paquets = cible / PAQUETS
    paquets.mkdir()
    roues = [roue_pyscripts(root, paquets), Path(shutil.copyfile(pypdf, paquets / PYPDF))]
    ecrit_lock(npm / NPM_LOCK, roues, paquets / "pyodide-lock.json")


def _runtime_npm(root: Path, version: str) -> Path:
    npm = root / "node_modules" / "pyodide"
    try:
        installee = json.loads((npm / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise BuildError("Pyodide n'est pas installé (node_modules/pyodide/package.json illisible) : "
                         "lancez `make install` (ou `npm ci`).") from None
    if installee != version:
        raise BuildError(f"node_modules/pyodide est en version {installee}, site_config.yml demande {version} : "
                         "alignez package.json sur site_config.yml puis lancez `npm ci` (ou `make install`).")
    manquants = [nom for nom in (*RUNTIME, NPM_LOCK) if not (npm / nom).is_file()]
    if manquants:
        raise BuildError(f"Fichiers manquants dans node_modules/pyodide : {', '.join(manquants)} : "
                         "réinstallez avec `npm ci` (ou `make install`).")
    return npm


def fichiers_pyscripts(root: Path) -> dict[str, bytes]:
    """The pyscripts sources plus `_donnees/<nom>.json` for each content/data/*.yml."""
    from pyscripts import donnees

    source = root / "pyscripts"
    if donnees.DOSSIER_SOURCE.resolve() != (root / "content" / "data").resolve():
        raise BuildError(f"pyscripts est importé depuis {donnees.DOSSIER_SOURCE.parent}, pas depuis {root} : "
                         "lancez `make install` (installation en mode éditable).")
    fichiers = {
        f"pyscripts/{chemin.relative_to(source).as_posix()}": chemin.read_bytes()
        for chemin in source.rglob("*")
        if chemin.is_file() and _a_livrer(chemin.relative_to(source))
    }
    donnees.charge.cache_clear()  # `mkdocs serve` rebuilds in the same process: re-read edited YAML
    for yml in sorted((root / "content" / "data").glob("*.yml")):
        fichiers[f"pyscripts/_donnees/{yml.stem}.json"] = donnees.en_json(yml.stem).encode()
    fichiers.update(definitions_formulaires(root))
    return fichiers


def definitions_formulaires(root: Path) -> dict[str, bytes]:
    """`_formulaires/<id>.json` for each content/formulaires/<id>.yml (read by pyscripts.formulaires)."""
    from pyscripts.donnees import _dates_en_texte

    import yaml

    return {f"pyscripts/_formulaires/{yml.stem}.json":
            json.dumps(_dates_en_texte(yaml.safe_load(yml.read_text(encoding="utf-8"))), ensure_ascii=False, sort_keys=True).encode()
            for yml in sorted((root / "content" / "formulaires").glob("*.yml"))}


def _a_livrer(relatif: Path) -> bool:
    # _donnees/ is generated above; caches and hidden files are not code.
    return (relatif.parts[0] not in ("_donnees", "_formulaires") and relatif.suffix != ".pyc"
            and not any(p == "__pycache__" or p.startswith(".") for p in relatif.parts))


def roue_pyscripts(root: Path, dossier: Path) -> Path:
    """Build our wheel. A content hash in the version (`0.1.0+1a2b3c4d`) changes the
    file name whenever the code or a parameter changes: a browser holding the old
    wheel in its HTTP cache would otherwise fail the lockfile's integrity check."""
    fichiers = fichiers_pyscripts(root)
    contenu = hashlib.sha256()
    for chemin, octets in sorted(fichiers.items()):
        contenu.update(chemin.encode() + b"\0" + hashlib.sha256(octets).digest())
    projet = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = f"{projet['version']}+{contenu.hexdigest()[:8]}"
    return ecrit_roue(dossier, NOM_PAQUET, version, fichiers, resume="Règles de Justice pas à pas pour Pyodide")


def ecrit_lock(npm_lock: Path, roues: list[Path], sortie: Path) -> None:
    """pyodide-lock.json listing only `roues` (sha256, imports, depends), `info` from npm's lock."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    try:
        info = PyodideLockSpec.from_json(npm_lock).info
    except Exception as exc:  # cattrs rejects a lockfile format this pyodide-lock does not know
        raise BuildError(f"{npm_lock} : format non reconnu par pyodide-lock ({exc}) : "
                         "mettez pyodide-lock à jour puis lancez `make install`.") from None
    try:
        # Dependencies are resolved against our wheels only: one that is not
        # shipped would make Pyodide fall back to a CDN (Node) or fail (browser).
        spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), roues)
    except ImportError:
        raise BuildError("pyodide-lock[wheel] manque (pkginfo) : lancez `make install`.") from None
    except RuntimeError as exc:
        raise BuildError(f"Roue refusée pour Pyodide : {exc}") from None
    spec.to_json(sortie, indent=1)
