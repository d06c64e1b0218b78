"""Des `.br` et `.gz` écrits à côté de chaque gros fichier texte ou WebAssembly du site construit, et des
PDF qui y gagnent (les formulaires vierges, que les pages d'outil chargent : 16 % de moins ; les guides
imprimés, déjà compressés, n'en ont pas).

Un hébergeur les envoie alors tels quels (nginx `gzip_static` / `brotli_static`, `python -m generator
serve`), sans compresser à chaque requête et au meilleur taux : brotli en qualité 11 prend une minute et
demie pour le `.wasm` de 9,6 Mo (→ 2,7 Mo), ce qu'aucun serveur ne fait à la volée. Les archives de
Pyodide sont stockées sans compression (generator/sorties/roue.py) pour que ces variantes les compressent
d'un seul tenant.

Reproductible : brotli l'est ; gzip est écrit sans date ni nom de fichier. En cache par contenu comme les
PDF (build/cache/compression/<sha256>.br|.gz) : le runtime est compressé une fois par version de
Pyodide, une reconstruction ne compresse que les pages qui ont changé ; dans le site, une variante est un
lien vers son entrée du cache (une copie si le site est sur un autre disque) : ne modifiez pas un `.br`
sur place. Une variante n'est gardée que si elle fait gagner au moins 5 %.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import time
from pathlib import Path

from ..erreurs import ErreurDeConstruction

EXTENSIONS = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".ics", ".zip", ".whl", ".pdf"}
MINIMUM = 1024  # octets : en dessous, les en-têtes pèsent plus que ce que la compression gagne
GAIN = 0.95  # une variante est écrite quand elle fait au plus 95 % de l'original
CACHE = Path("build") / "cache" / "compression"  # relatif à la racine du projet
GARDE = 14 * 24 * 3600  # secondes : les entrées du cache qu'aucune construction n'a servies depuis sont retirées
# Content-Encoding → l'extension de sa variante, le préféré d'abord (brotli : le .wasm fait 2,7 Mo contre
# 3,5 en gzip) ; lu aussi par generator/serve.py, qui envoie ces variantes.
ENCODAGES = (("br", ".br"), ("gzip", ".gz"))
VARIANTES = {
    ".br": lambda octets: _brotli().compress(octets, quality=11),
    ".gz": lambda octets: gzip.compress(octets, compresslevel=9, mtime=0),
}


def _brotli():
    try:
        import brotli
    except ImportError:
        raise ErreurDeConstruction("Le module brotli manque : lancez `make install`.") from None
    return brotli


def a_compresser(chemin: Path) -> bool:
    return chemin.suffix in EXTENSIONS and chemin.stat().st_size >= MINIMUM


def variantes(octets: bytes, cache: Path) -> tuple[dict[str, Path], int]:
    """{".br": chemin, ".gz": chemin} : les variantes en cache (par contenu) qui valent la peine d'être
    écrites, et le nombre de celles qu'il a fallu calculer."""
    cache.mkdir(parents=True, exist_ok=True)
    cle = hashlib.sha256(octets).hexdigest()[:32]
    gardees, calculees = {}, 0
    for extension, compresse in VARIANTES.items():
        en_cache = cache / f"{cle}{extension}"
        if en_cache.is_file():
            os.utime(en_cache)  # servie par cette construction : gardée
        else:
            brouillon = cache / f"{cle}{extension}.{os.getpid()}.tmp"  # deux constructions partagent le cache
            brouillon.write_bytes(compresse(octets))
            os.replace(brouillon, en_cache)
            calculees += 1
        if en_cache.stat().st_size <= GAIN * len(octets):
            gardees[extension] = en_cache
    return gardees, calculees


def tailles(fichiers: list[bytes], cache: Path) -> dict[str, list[int]]:
    """Ce que pèsent `fichiers` sur le réseau selon l'encodage qu'accepte le navigateur :
    {"brut": [n, …], "br": [n, …], "gzip": [n, …]} (brut quand la variante n'est pas écrite). Les pages
    le disent au travailleur Pyodide : la taille montrée pendant le chargement est celle qui circule."""
    sortie: dict[str, list[int]] = {"brut": [], "br": [], "gzip": []}
    for octets in fichiers:
        gardees, _ = variantes(octets, cache)
        sortie["brut"].append(len(octets))
        for encodage, extension in ENCODAGES:
            sortie[encodage].append(gardees[extension].stat().st_size if extension in gardees else len(octets))
    return sortie


def precompresse(site_dir: Path, cache: Path) -> dict[str, int]:
    """Écrit `<fichier>.br` et `<fichier>.gz` à côté de chaque fichier qui en vaut la peine ;
    {"ecrits": n, "calcules": m}."""
    ecrits = calcules = 0
    for chemin in sorted(p for p in site_dir.rglob("*") if p.is_file() and a_compresser(p)):
        gardees, calculees = variantes(chemin.read_bytes(), cache)
        calcules += calculees
        for extension, en_cache in gardees.items():
            _copie(en_cache, chemin.with_name(chemin.name + extension))
            ecrits += 1
    _elague(cache)
    return {"ecrits": ecrits, "calcules": calcules}


def _copie(source: Path, cible: Path) -> None:
    """Un lien vers l'entrée du cache (instantané, pas de place prise), une copie sur un autre disque."""
    try:
        os.link(source, cible)
    except OSError:
        shutil.copyfile(source, cible)


def _elague(cache: Path) -> None:
    limite = time.time() - GARDE
    for ancien in cache.iterdir():
        try:
            if ancien.stat().st_mtime < limite:
                ancien.unlink()
        except FileNotFoundError:  # retirée entre-temps par une autre construction
            pass
