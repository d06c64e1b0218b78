"""Self-host Pyodide and our Python code under site/pyodide/, every URL safe to cache for a year.

    site/pyodide/<version>/   npm's runtime (the files loadPyodide fetches), its standard library
                              as python_stdlib.<hash>.zip, precompiled (generator/sorties/pyodide_compile.py)
    site/pyodide/paquets/     our pyscripts wheel (parameters embedded as JSON, .pyc included), the
                              extra wheels a page asks for (pypdf, .pyc added: a build tag in its
                              name), and pyodide-lock.<hash>.json

The runtime folder carries the npm version; the stdlib, the lock and our wheel carry their content
hash. Pages name these files (config.extra.outils → data-* attributes → the worker), so a rebuild
after a data change reaches a browser that holds the old files in its cache: the page it reloads
names a new lock, which names the new wheel. Nothing asks for npm's 119 KB lockfile nor for a CDN.

Two steps, because the pages must name the files before they are written:

    bundle = prepare(root, version, paquets=["pypdf"])   # wheels, lock, stdlib (cached in build/cache)
    config.extra["outils"] = bundle.urls                 # paths relative to the site root
    bundle.ecrit(site_dir)                               # on_post_build: site/pyodide/ from scratch
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..erreurs import BuildError
from . import pyodide_compile
from .roue import ecrit_roue, roue_precompilee

RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")  # copied as is
STDLIB = "python_stdlib.zip"  # shipped as python_stdlib.<hash>.zip
NPM_LOCK = "pyodide-lock.json"  # read for its `info` (ABI, Python), never shipped
PAQUETS = "paquets"
NOM_PAQUET = "justice-pas-a-pas-pyscripts"
PYPDF = "pypdf-7.1.0-py3-none-any.whl"
COMMANDE_PYPDF = "pip download --no-deps --only-binary=:all: pypdf==7.1.0 -d build/wheels"
# Wheels a page may ask for (front matter `pyodide_paquets: [pypdf]`); only those asked for are shipped.
OPTIONNELS = {"pypdf": PYPDF}
# Build-only code, never imported in the browser: kept out of the wheel (pyodide_compile imports
# everything the wheel holds in Pyodide, so a module that still needs one of these fails the build).
HORS_NAVIGATEUR = ("__main__.py", "aj/verification.py")


@dataclass
class Bundle:
    version: str
    npm: Path
    stdlib: Path
    stdlib_nom: str
    roues: dict[str, bytes]  # file name → bytes, into paquets/
    lock_nom: str
    lock: bytes
    urls: dict = field(default_factory=dict)

    def ecrit(self, site_dir: Path) -> None:
        """Write site_dir/pyodide/ from scratch (idempotent)."""
        cible = site_dir / "pyodide"
        shutil.rmtree(cible, ignore_errors=True)
        runtime = cible / self.version
        runtime.mkdir(parents=True)
        for nom in RUNTIME:
            shutil.copyfile(self.npm / nom, runtime / nom)
        shutil.copyfile(self.stdlib, runtime / self.stdlib_nom)
        paquets = cible / PAQUETS
        paquets.mkdir()
        for nom, octets in self.roues.items():
            (paquets / nom).write_bytes(octets)
        (paquets / self.lock_nom).write_bytes(self.lock)


def prepare(root: Path, version: str, paquets: list[str] | tuple[str, ...] = ()) -> Bundle:
    """Everything site/pyodide/ will hold, and the URLs pages give the worker. Raises BuildError saying what to run."""
    npm = _runtime_npm(root, version)
    inconnus = sorted(set(paquets) - set(OPTIONNELS))
    if inconnus:
        raise BuildError(
            f"Paquet Python inconnu pour le navigateur : {', '.join(inconnus)} (connus : {', '.join(OPTIONNELS)})."
        )
    extras = [root / "build" / "wheels" / OPTIONNELS[p] for p in sorted(set(paquets))]
    for roue in extras:
        if not roue.is_file():
            raise BuildError(
                f"Roue {roue.name} introuvable ({roue.relative_to(root)}) : lancez `make install` "
                f"(qui exécute `{COMMANDE_PYPDF}`)."
            )
    fichiers = fichiers_pyscripts(root)
    stdlib = npm / STDLIB
    pyc_extras: dict[str, dict[str, bytes]] = {p: {} for p in sorted(set(paquets))}
    if pyodide_compile.active():
        compile_ = pyodide_compile.precompile(root, npm, version, fichiers, extras, sorted(set(paquets)))
        for source, pyc in compile_.pyc.items():
            paquet = source.split("/")[0]
            if paquet in pyc_extras:  # pypdf: sourceless, its .pyc replaces its .py (as pyodide-build does)
                pyc_extras[paquet][source + "c"] = pyc
            else:  # ours: the .py stays (readable tracebacks), the .pyc goes where the importer looks first
                fichiers[dans_pycache(source, compile_.cache_tag)] = pyc
        stdlib = compile_.stdlib
    with tempfile.TemporaryDirectory() as tmp:
        dossier = Path(tmp)
        publiees = [
            roue_pyscripts(root, dossier, fichiers),
            *(Path(shutil.copyfile(r, dossier / r.name)) for r in extras),
        ]
        # The lock reads names, imports and dependencies from the wheels as published; it then names the
        # precompiled ones (other bytes, other file names) that are shipped instead.
        livrees = {
            r.name: roue_precompilee(r, dossier, pyc_extras[p])
            for p, r in zip(sorted(set(paquets)), publiees[1:])
            if pyc_extras[p]
        }
        ecrit_lock(npm / NPM_LOCK, publiees, dossier / NPM_LOCK, livrees)
        lock = (dossier / NPM_LOCK).read_bytes()
        octets_roues = {r.name: r.read_bytes() for r in (livrees.get(r.name, r) for r in publiees)}
    stdlib_nom = f"python_stdlib.{_court(stdlib.read_bytes())}.zip"
    bundle = Bundle(
        version=version,
        npm=npm,
        stdlib=stdlib,
        stdlib_nom=stdlib_nom,
        roues=octets_roues,
        lock_nom=f"pyodide-lock.{_court(lock)}.json",
        lock=lock,
    )
    bundle.urls = {
        "runtime": f"pyodide/{version}/",
        "stdlib": f"pyodide/{version}/{stdlib_nom}",
        "lock": f"pyodide/{PAQUETS}/{bundle.lock_nom}",
        # What the worker downloads before Python starts, for its progress bar.
        "octets": (npm / "pyodide.asm.wasm").stat().st_size + stdlib.stat().st_size,
    }
    return bundle


def paquets_des_pages(files) -> list[str]:
    """The extra wheels the pages ask for in their front matter (`pyodide_paquets: [pypdf]`)."""
    demandes = set()
    for fichier in files.documentation_pages():
        demande = (fichier.page.meta if fichier.page else {}).get("pyodide_paquets") or []
        inconnus = sorted(set(demande) - set(OPTIONNELS)) if isinstance(demande, list) else [repr(demande)]
        if inconnus:
            raise BuildError(
                f"content/{fichier.src_uri} : pyodide_paquets : paquet inconnu {', '.join(inconnus)} "
                f"(paquets possibles : {', '.join(OPTIONNELS)})."
            )
        demandes.update(demande)
    return sorted(demandes)


def bundle_pyodide(site_dir: Path, root: Path, version: str, paquets: list[str] | tuple[str, ...] = ()) -> Bundle:
    """prepare() then ecrit(): site_dir/pyodide/ in one call (tests, bench)."""
    bundle = prepare(root, version, paquets)
    bundle.ecrit(site_dir)
    return bundle


def dans_pycache(source: str, tag: str) -> str:
    """`pyscripts/api.py` → `pyscripts/__pycache__/api.cpython-314.pyc`."""
    dossier, _, fichier = source.rpartition("/")
    return f"{dossier}/__pycache__/{fichier.removesuffix('.py')}.{tag}.pyc"


def _court(octets: bytes) -> str:
    return hashlib.sha256(octets).hexdigest()[:12]


def _runtime_npm(root: Path, version: str) -> Path:
    npm = root / "node_modules" / "pyodide"
    try:
        installee = json.loads((npm / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise BuildError(
            "Pyodide n'est pas installé (node_modules/pyodide/package.json illisible) : "
            "lancez `make install` (ou `npm ci`)."
        ) from None
    if installee != version:
        raise BuildError(
            f"node_modules/pyodide est en version {installee}, site_config.yml demande {version} : "
            "alignez package.json sur site_config.yml puis lancez `npm ci` (ou `make install`)."
        )
    manquants = [nom for nom in (*RUNTIME, STDLIB, NPM_LOCK) if not (npm / nom).is_file()]
    if manquants:
        raise BuildError(
            f"Fichiers manquants dans node_modules/pyodide : {', '.join(manquants)} : "
            "réinstallez avec `npm ci` (ou `make install`)."
        )
    return npm


def fichiers_pyscripts(root: Path) -> dict[str, bytes]:
    """The pyscripts sources plus `_donnees/<nom>.json` for each content/data/*.yml."""
    from pyscripts import donnees

    source = root / "pyscripts"
    if donnees.DOSSIER_SOURCE.resolve() != (root / "content" / "data").resolve():
        raise BuildError(
            f"pyscripts est importé depuis {donnees.DOSSIER_SOURCE.parent}, pas depuis {root} : "
            "lancez `make install` (installation en mode éditable)."
        )
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
    import yaml

    from pyscripts.donnees import _dates_en_texte

    return {
        f"pyscripts/_formulaires/{yml.stem}.json": json.dumps(
            _dates_en_texte(yaml.safe_load(yml.read_text(encoding="utf-8"))), ensure_ascii=False, sort_keys=True
        ).encode()
        for yml in sorted((root / "content" / "formulaires").glob("*.yml"))
    }


def _a_livrer(relatif: Path) -> bool:
    # _donnees/ and _formulaires/ are generated above; caches, hidden files and build-only code are not shipped.
    return (
        relatif.parts[0] not in ("_donnees", "_formulaires")
        and relatif.suffix != ".pyc"
        and not any(p == "__pycache__" or p.startswith(".") for p in relatif.parts)
        and not any(relatif.as_posix() == h or relatif.name == h for h in HORS_NAVIGATEUR)
    )


def roue_pyscripts(root: Path, dossier: Path, fichiers: dict[str, bytes] | None = None) -> Path:
    """Build our wheel (from `fichiers`, default: the sources without .pyc). A content hash in the
    version (`0.1.0+1a2b3c4d`) changes the file name whenever the code or a parameter changes: a
    browser holding the old wheel in its HTTP cache would otherwise fail the lockfile's integrity check."""
    fichiers = fichiers_pyscripts(root) if fichiers is None else fichiers
    contenu = hashlib.sha256()
    for chemin, octets in sorted(fichiers.items()):
        contenu.update(chemin.encode() + b"\0" + hashlib.sha256(octets).digest())
    projet = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = f"{projet['version']}+{contenu.hexdigest()[:8]}"
    return ecrit_roue(dossier, NOM_PAQUET, version, fichiers, resume="Règles de Justice pas à pas pour Pyodide")


def ecrit_lock(npm_lock: Path, roues: list[Path], sortie: Path, livrees: dict[str, Path] | None = None) -> None:
    """pyodide-lock.json listing only `roues` (sha256, imports, depends), `info` from npm's lock;
    `livrees` = wheel file name → the file shipped in its place (same package, precompiled)."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    try:
        info = PyodideLockSpec.from_json(npm_lock).info
    except Exception as exc:  # cattrs rejects a lockfile format this pyodide-lock does not know
        raise BuildError(
            f"{npm_lock} : format non reconnu par pyodide-lock ({exc}) : "
            "mettez pyodide-lock à jour puis lancez `make install`."
        ) from None
    try:
        # Dependencies are resolved against our wheels only: one that is not
        # shipped would make Pyodide fall back to a CDN (Node) or fail (browser).
        spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), roues)
    except ImportError:
        raise BuildError("pyodide-lock[wheel] manque (pkginfo) : lancez `make install`.") from None
    except RuntimeError as exc:
        raise BuildError(f"Roue refusée pour Pyodide : {exc}") from None
    for paquet in spec.packages.values():
        livree = (livrees or {}).get(paquet.file_name)
        if livree:
            paquet.file_name = livree.name
            paquet.sha256 = hashlib.sha256(livree.read_bytes()).hexdigest()
    spec.to_json(sortie, indent=1)
