"""`.br` and `.gz` written beside each large text or WebAssembly file of the built site.

A host then sends them as they are (nginx `gzip_static` / `brotli_static`, `python -m generator serve`),
with no compression per request and the best ratio: brotli at quality 11 takes a minute and a half for the
9.6 MB `.wasm` (→ 2.7 MB), which no server does on the fly. Pyodide's archives are stored uncompressed
(generator/sorties/roue.py) so that these compress them as a whole.

Deterministic: brotli is; gzip is written without date or file name. Cached by content like the PDFs
(build/cache/compression/<sha256>.br|.gz): the runtime is compressed once per Pyodide version, a rebuild
compresses only the pages that changed. A variant is kept only when it saves at least 5 %.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import time
from pathlib import Path

from ..erreurs import BuildError

EXTENSIONS = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".ics", ".zip", ".whl"}
MINIMUM = 1024  # bytes: below, the headers weigh more than what compression saves
GAIN = 0.95  # a variant is written when it is at most 95 % of the original
GARDE = 14 * 24 * 3600  # seconds: cache entries no build used for this long are removed
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
    """Write `<file>.br` and `<file>.gz` beside each file worth it; {"ecrits": n, "calcules": m}."""
    cache.mkdir(parents=True, exist_ok=True)
    ecrits = calcules = 0
    for chemin in sorted(p for p in site_dir.rglob("*") if p.is_file() and a_compresser(p)):
        octets = chemin.read_bytes()
        cle = hashlib.sha256(octets).hexdigest()[:32]
        for extension, compresse in VARIANTES.items():
            en_cache = cache / f"{cle}{extension}"
            if not en_cache.is_file():
                brouillon = cache / f"{cle}{extension}.{os.getpid()}.tmp"  # two builds may share the cache
                brouillon.write_bytes(compresse(octets))
                os.replace(brouillon, en_cache)
                calcules += 1
            else:
                os.utime(en_cache)  # used by this build: kept
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
        except FileNotFoundError:  # removed by another build meanwhile
            pass
