"""Des `.br` et `.gz` écrits à côté de chaque gros fichier texte ou WebAssembly du site construit.

Un hébergeur les envoie alors tels quels (nginx `gzip_static` / `brotli_static`, `python -m generator
serve`), sans compresser à chaque requête et au meilleur taux : brotli en qualité 11 prend une minute et
demie pour le `.wasm` de 9,6 Mo (→ 2,7 Mo), ce qu'aucun serveur ne fait à la volée. Les archives de
Pyodide sont stockées sans compression (generator/sorties/roue.py) pour que ces variantes les compressent
d'un seul tenant.

Reproductible : brotli l'est ; gzip est écrit sans date ni nom de fichier. En cache par contenu comme les
PDF (build/cache/compression/<sha256>.br|.gz) : le runtime est compressé une fois par version de
Pyodide, une reconstruction ne compresse que les pages qui ont changé. Une variante n'est gardée que si
elle fait gagner au moins 5 %.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from pathlib import Path

from ..erreurs import BuildError

EXTENSIONS = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".ics", ".zip", ".whl"}
MINIMUM = 1024  # octets : en dessous, les en-têtes pèsent plus que ce que la compression gagne
GAIN = 0.95  # une variante est écrite quand elle fait au plus 95 % de l'original
GARDE = 14 * 24 * 3600  # secondes : les entrées du cache qu'aucune construction n'a servies depuis sont retirées
VARIANTES = {
    ".br": lambda octets: _brotli().compress(octets, quality=11),
    ".gz": lambda octets: gzip.compress(octets, compresslevel=9, mtime=0),
}


def _brotli():
    try:
        import brotli
    except ImportError:
        raise BuildError("Le module brotli manque : lancez `make install`.") from None
    return brotli


def a_compresser(chemin: Path) -> bool:
    return chemin.suffix in EXTENSIONS and chemin.stat().st_size >= MINIMUM


def precompresse(site_dir: Path, cache: Path) -> dict[str, int]:
    """Écrit `<fichier>.br` et `<fichier>.gz` à côté de chaque fichier qui en vaut la peine ;
    {"ecrits": n, "calcules": m}."""
    cache.mkdir(parents=True, exist_ok=True)
    ecrits = calcules = 0
    for chemin in sorted(p for p in site_dir.rglob("*") if p.is_file() and a_compresser(p)):
        octets = chemin.read_bytes()
        cle = hashlib.sha256(octets).hexdigest()[:32]
        for extension, compresse in VARIANTES.items():
            en_cache = cache / f"{cle}{extension}"
            if not en_cache.is_file():
                brouillon = (
                    cache / f"{cle}{extension}.{os.getpid()}.tmp"
                )  # deux constructions peuvent partager le cache
                brouillon.write_bytes(compresse(octets))
                os.replace(brouillon, en_cache)
                calcules += 1
            else:
                os.utime(en_cache)  # servie par cette construction : gardée
            variante = en_cache.read_bytes()
            if len(variante) <= GAIN * len(octets):
                chemin.with_name(chemin.name + extension).write_bytes(variante)
                ecrits += 1
    _elague(cache)
    return {"ecrits": ecrits, "calcules": calcules}


def _elague(cache: Path) -> None:
    limite = time.time() - GARDE
    for ancien in cache.iterdir():
        try:
            if ancien.stat().st_mtime < limite:
                ancien.unlink()
        except FileNotFoundError:  # retirée entre-temps par une autre construction
            pass
