"""Pyodide et notre code Python hébergés par le site, sous site/pyodide/, chaque adresse gardable un an en cache.

    site/pyodide/<version>/   le runtime de npm (les fichiers que lit loadPyodide), et
                              python_stdlib.<empreinte>.zip : la bibliothèque standard que nos outils
                              importent, précompilée (generator/sorties/pyodide_compile.py)
    site/pyodide/paquets/     notre roue pyscripts (ce qu'une route utilise : modules en .pyc,
                              paramètres en JSON), les roues en plus qu'une page demande (pypdf, .pyc à la
                              place des .py : une étiquette de construction dans son nom) avec les modules
                              de la bibliothèque que seules elles importent (justice-pas-a-pas-stdlib, une
                              de leurs dépendances dans le lock), et pyodide-lock.<empreinte>.json

Le dossier du runtime porte la version npm ; la bibliothèque standard, le lock et notre roue portent
l'empreinte de leur contenu. Les pages nomment ces fichiers (config.extra.outils → attributs data-* →
le worker) : après un changement de données, un navigateur qui garde les anciens fichiers en cache
recharge une page qui nomme un nouveau lock, qui nomme la nouvelle roue. Rien ne demande le lockfile de
119 Ko de npm ni un CDN.

Deux temps, parce que les pages nomment les fichiers avant qu'ils soient écrits :

    paquet = prepare(root, version, paquets=["pypdf"])   # roues, lock, stdlib (en cache dans build/cache)
    config.extra["outils"] = paquet.urls                 # chemins relatifs à la racine du site
    paquet.ecrit(site_dir)                               # on_post_build : site/pyodide/ refait à neuf
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from pyscripts import outils

from ..erreurs import ErreurDeConstruction
from . import compression, pyodide_compile
from .pyodide_imports import modules_atteints, nom_module, sources_de_roue
from .roue import ecrit_roue, roue_precompilee

RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")  # copiés tels quels
STDLIB = "python_stdlib.zip"  # livrée en python_stdlib.<empreinte>.zip
NPM_LOCK = "pyodide-lock.json"  # lu pour son `info` (ABI, Python), jamais livré
PAQUETS = "paquets"
NOM_PAQUET = "justice-pas-a-pas-pyscripts"
NOM_COMPLEMENT = "justice-pas-a-pas-stdlib"  # les modules de la bibliothèque dont seules les roues en plus ont besoin
ROUES = Path("build") / "wheels"  # où `make install` télécharge les roues en plus (`python -m generator roues`)


def exigences() -> list[str]:
    """`["pypdf==<version>"]` : les paquets en plus qu'une route du registre des outils demande
    (pyscripts/outils.py), à la version installée ici (fixée une fois, dans pyproject.toml) : CPython et
    Pyodide remplissent les formulaires pareil."""
    sortie = []
    for paquet in outils.paquets_facultatifs():
        try:
            sortie.append(f"{paquet}=={metadata.version(paquet)}")
        except metadata.PackageNotFoundError:
            raise ErreurDeConstruction(
                f"Le paquet Python {paquet} n'est pas installé : lancez `make install`."
            ) from None
    return sortie


def optionnels() -> dict[str, str]:
    """Les roues qu'une page peut demander (en-tête `pyodide_paquets: [pypdf]`), paquet → nom du fichier ;
    seules celles demandées sont livrées."""
    return {e.partition("==")[0]: "{}-{}-py3-none-any.whl".format(*e.split("==")) for e in exigences()}


@dataclass
class Bundle:
    version: str
    npm: Path
    stdlib: Path
    stdlib_nom: str
    roues: dict[str, bytes]  # nom de fichier → octets, dans paquets/
    lock_nom: str
    lock: bytes
    urls: dict = field(default_factory=dict)

    def ecrit(self, site_dir: Path) -> None:
        """Écrit site_dir/pyodide/ à neuf (idempotent)."""
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


def prepare(
    root: Path, version: str, paquets: list[str] | tuple[str, ...] = (), formulaires: dict[str, dict] | None = None
) -> Bundle:
    """Tout ce que contiendra site/pyodide/, et les adresses que les pages donnent au worker ; ErreurDeConstruction
    dit quoi lancer. `formulaires` : les définitions déjà lues par la construction ({id: données}) ;
    lues dans content/ sinon."""
    npm = _runtime_de_npm(root, version)
    connus = optionnels()
    inconnus = sorted(set(paquets) - set(connus))
    if inconnus:
        raise ErreurDeConstruction(
            f"Paquet Python inconnu pour le navigateur : {', '.join(inconnus)} (connus : {', '.join(connus)})."
        )
    extras = [root / ROUES / connus[p] for p in sorted(set(paquets))]
    for roue in extras:
        if not roue.is_file():
            raise ErreurDeConstruction(
                f"Roue {roue.name} introuvable ({roue.relative_to(root)}) : lancez `make install` (qui exécute "
                f"`pip download --no-deps --only-binary=:all: -d {ROUES} $(python -m generator roues)`)."
            )
    fichiers, modules = pour_le_navigateur(fichiers_pyscripts(root, formulaires))
    stdlib = npm / STDLIB
    complement: dict[str, bytes] = {}
    pyc_extras: dict[Path, dict[str, bytes]] = {r: {} for r in extras}
    if pyodide_compile.active():
        compile_ = pyodide_compile.precompile(root, npm, version, fichiers, modules, list(outils.routes()), extras)
        origine = {source: roue for roue in extras for source in sources_de_roue(roue)}
        for source, pyc in compile_.pyc.items():
            if source in origine:  # pypdf : sans source, son .pyc remplace son .py (comme pyodide-build)
                pyc_extras[origine[source]][source + "c"] = pyc
            elif source in fichiers:  # les nôtres aussi : le navigateur ne lit jamais le .py
                del fichiers[source]
                fichiers[source + "c"] = pyc
        stdlib = compile_.stdlib
        complement = compile_.complement
    with tempfile.TemporaryDirectory() as tmp:
        dossier = Path(tmp)
        publiees = [
            roue_pyscripts(root, dossier, fichiers),
            *(Path(shutil.copyfile(r, dossier / r.name)) for r in extras),
        ]
        if complement and extras:
            publiees.append(roue_complement(dossier, version, complement))
        # Le lock lit noms, imports et dépendances dans les roues publiées ; il nomme ensuite les roues
        # précompilées (autres octets, autres noms) livrées à leur place.
        livrees = {
            r.name: roue_precompilee(r, dossier, pyc_extras[source])
            for source, r in zip(extras, publiees[1 : 1 + len(extras)])
            if pyc_extras[source]
        }
        ecrit_lock(npm / NPM_LOCK, publiees, dossier / NPM_LOCK, livrees, complement=bool(complement and extras))
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
        # Ce que le worker télécharge avant que Python démarre (le .wasm, la bibliothèque), pour sa barre de
        # progression : brut, en brotli, en gzip (les variantes que la construction écrira).
        "octets": compression.tailles(
            [(npm / "pyodide.asm.wasm").read_bytes(), stdlib.read_bytes()], root / compression.CACHE
        ),
    }
    return bundle


def paquets_des_pages(files) -> list[str]:
    """Les roues en plus que les pages demandent dans leur en-tête (`pyodide_paquets: [pypdf]`)."""
    demandes, connus = set(), optionnels()
    for fichier in files.documentation_pages():
        demande = (fichier.page.meta if fichier.page else {}).get("pyodide_paquets") or []
        inconnus = sorted(set(demande) - set(connus)) if isinstance(demande, list) else [repr(demande)]
        if inconnus:
            raise ErreurDeConstruction(
                f"content/{fichier.src_uri} : pyodide_paquets : paquet inconnu {', '.join(inconnus)} "
                f"(paquets possibles : {', '.join(connus)})."
            )
        demandes.update(demande)
    return sorted(demandes)


def prepare_pyodide(site_dir: Path, root: Path, version: str, paquets: list[str] | tuple[str, ...] = ()) -> Bundle:
    """prepare() puis ecrit() : site_dir/pyodide/ en un appel (tests, mesures)."""
    bundle = prepare(root, version, paquets)
    bundle.ecrit(site_dir)
    return bundle


def _court(octets: bytes) -> str:
    return hashlib.sha256(octets).hexdigest()[:12]


def _runtime_de_npm(root: Path, version: str) -> Path:
    npm = root / "node_modules" / "pyodide"
    try:
        installee = json.loads((npm / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        raise ErreurDeConstruction(
            "Pyodide n'est pas installé (node_modules/pyodide/package.json illisible) : "
            "lancez `make install` (ou `npm ci`)."
        ) from None
    if installee != version:
        raise ErreurDeConstruction(
            f"node_modules/pyodide est en version {installee}, package.json demande {version} : "
            "lancez `make install` (ou `npm ci`)."
        )
    manquants = [nom for nom in (*RUNTIME, STDLIB, NPM_LOCK) if not (npm / nom).is_file()]
    if manquants:
        raise ErreurDeConstruction(
            f"Fichiers manquants dans node_modules/pyodide : {', '.join(manquants)} : "
            "réinstallez avec `npm ci` (ou `make install`)."
        )
    return npm


def fichiers_pyscripts(root: Path, formulaires: dict[str, dict] | None = None) -> dict[str, bytes]:
    """Les sources de pyscripts, plus `_donnees/<nom>.json` pour chaque content/data/*.yml."""
    from pyscripts import donnees

    source = root / "pyscripts"
    if donnees.DOSSIER_SOURCE.resolve() != (root / "content" / "data").resolve():
        raise ErreurDeConstruction(
            f"pyscripts est importé depuis {donnees.DOSSIER_SOURCE.parent}, pas depuis {root} : "
            "lancez `make install` (installation en mode éditable)."
        )
    fichiers = {
        f"pyscripts/{chemin.relative_to(source).as_posix()}": chemin.read_bytes()
        for chemin in source.rglob("*")
        if chemin.is_file() and _a_livrer(chemin.relative_to(source))
    }
    donnees.charge.cache_clear()  # `mkdocs serve` reconstruit dans le même processus : relire le YAML modifié
    for yml in sorted((root / "content" / "data").glob("*.yml")):
        fichiers[f"pyscripts/_donnees/{yml.stem}.json"] = _json(donnees.charge(yml.stem))
    fichiers.update(definitions_formulaires(root, formulaires))
    return fichiers


def pour_le_navigateur(fichiers: dict[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """Les fichiers de `fichiers_pyscripts` qu'une route peut utiliser, et nos modules parmi eux. Code : les
    modules que l'API et les moteurs du registre atteignent par une instruction d'import (lignes de
    commande, contextes des gabarits et contrôles de construction restent dehors), et les autres fichiers
    de leurs paquets (une police…). Données : les paramètres que le registre des outils dit lus
    (`donnees`), et chaque définition de formulaire (la page nomme le formulaire)."""
    racines = ["pyscripts.api", *(route.fonction.partition(":")[0] for route in outils.routes().values())]
    modules = modules_atteints(fichiers, racines)
    lus = {f"pyscripts/_donnees/{nom}.json" for nom in outils.donnees_requises()}

    def utile(chemin: str) -> bool:
        if chemin.endswith(".py"):
            return nom_module(chemin) in modules
        if chemin.startswith("pyscripts/_donnees/"):
            return chemin in lus
        paquet = chemin.rpartition("/")[0].replace("/", ".")
        return chemin.startswith("pyscripts/_formulaires/") or paquet in modules

    return {c: o for c, o in fichiers.items() if utile(c)}, sorted(modules)


def _json(valeur) -> bytes:
    """Les données dans la roue : compactes (l'indentation de donnees.en_json sert à qui lit un diff)."""
    return json.dumps(valeur, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def definitions_formulaires(root: Path, formulaires: dict[str, dict] | None = None) -> dict[str, bytes]:
    """`_formulaires/<id>.json` pour chaque content/formulaires/<id>.yml (lu par pyscripts.formulaires)."""
    from pyscripts.donnees import _dates_en_texte

    if formulaires is None:
        import yaml

        formulaires = {
            yml.stem: yaml.safe_load(yml.read_text(encoding="utf-8"))
            for yml in sorted((root / "content" / "formulaires").glob("*.yml"))
        }
    return {
        f"pyscripts/_formulaires/{ident}.json": _json(_dates_en_texte(donnees))
        for ident, donnees in sorted(formulaires.items())
    }


def _a_livrer(relatif: Path) -> bool:
    # _donnees/ et _formulaires/ sont produits plus haut ; ni caches, ni fichiers cachés.
    return (
        relatif.parts[0] not in ("_donnees", "_formulaires")
        and relatif.suffix != ".pyc"
        and not any(p == "__pycache__" or p.startswith(".") for p in relatif.parts)
    )


def roue_pyscripts(root: Path, dossier: Path, fichiers: dict[str, bytes] | None = None) -> Path:
    """Construit notre roue (depuis `fichiers`, par défaut les sources qu'une route utilise). Une empreinte du
    contenu dans la version (`0.1.0+1a2b3c4d`) change le nom du fichier dès que le code ou un paramètre
    change : sinon un navigateur qui garde l'ancienne roue en cache échouerait au contrôle d'intégrité du lock."""
    fichiers = pour_le_navigateur(fichiers_pyscripts(root))[0] if fichiers is None else fichiers
    contenu = hashlib.sha256()
    for chemin, octets in sorted(fichiers.items()):
        contenu.update(chemin.encode() + b"\0" + hashlib.sha256(octets).digest())
    projet = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = f"{projet['version']}+{contenu.hexdigest()[:8]}"
    return ecrit_roue(dossier, NOM_PAQUET, version, fichiers, resume="Règles de Justice pas à pas pour Pyodide")


def premiers_noms(roue: Path) -> list[str]:
    """Les modules et paquets de tête d'une roue (`pyscripts` ; `hmac`, `uuid`, `xml`)."""
    with zipfile.ZipFile(roue) as archive:
        noms = {n.split("/")[0].removesuffix(".pyc").removesuffix(".py") for n in archive.namelist()}
    return sorted(n for n in noms if not n.endswith(".dist-info"))


def roue_complement(dossier: Path, version: str, pyc: dict[str, bytes]) -> Path:
    """Les modules de la bibliothèque standard que seules les roues en plus importent
    (pyodide_compile.Precompile.complement), en une roue installée avec elles : `uuid.pyc`,
    `xml/dom/minidom.pyc`… dans site-packages, trouvés après le zip de la bibliothèque."""
    contenu = hashlib.sha256(b"".join(nom.encode() + b"\0" + pyc[nom] for nom in sorted(pyc))).hexdigest()[:8]
    return ecrit_roue(dossier, NOM_COMPLEMENT, f"{version}+{contenu}", pyc, resume="Bibliothèque standard pour pypdf")


def ecrit_lock(
    npm_lock: Path,
    roues: list[Path],
    sortie: Path,
    livrees: dict[str, Path] | None = None,
    complement: bool = False,
) -> None:
    """Un pyodide-lock.json qui ne liste que `roues` (sha256, imports, dépendances), `info` pris au lock de
    npm ; `livrees` = nom de roue → le fichier livré à sa place (même paquet, précompilé) ; `complement` :
    les roues en plus dépendent de NOM_COMPLEMENT (chargé avec elles, jamais avant)."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    try:
        info = PyodideLockSpec.from_json(npm_lock).info
    except Exception as exc:  # cattrs refuse un format de lock que ce pyodide-lock ne connaît pas
        raise ErreurDeConstruction(
            f"{npm_lock} : format non reconnu par pyodide-lock ({exc}) : "
            "mettez pyodide-lock à jour puis lancez `make install`."
        ) from None
    try:
        # Les dépendances ne se résolvent que parmi nos roues : une roue non livrée ferait
        # chercher Pyodide sur un CDN (Node) ou échouer (navigateur).
        # Son avertissement sur les roues sans source trouve sa réponse plus bas (premiers_noms).
        journal = logging.getLogger("pyodide_lock.utils")
        niveau, journal.level = journal.level, logging.ERROR
        try:
            spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), roues)
        finally:
            journal.setLevel(niveau)
    except ImportError:
        raise ErreurDeConstruction("pyodide-lock[wheel] manque (pkginfo) : lancez `make install`.") from None
    except RuntimeError as exc:
        raise ErreurDeConstruction(f"Roue refusée pour Pyodide : {exc}") from None
    par_nom = {r.name: r for r in roues}
    for nom, paquet in spec.packages.items():
        if complement and nom not in (NOM_PAQUET, NOM_COMPLEMENT):
            paquet.depends = sorted({*paquet.depends, NOM_COMPLEMENT})
        if not paquet.imports:  # pyodide-lock ne cherche que des .py : les nôtres sont sans source
            paquet.imports = premiers_noms(par_nom[paquet.file_name])
        livree = (livrees or {}).get(paquet.file_name)
        if livree:
            paquet.file_name = livree.name
            paquet.sha256 = hashlib.sha256(livree.read_bytes()).hexdigest()
    spec.to_json(sortie, indent=1)
