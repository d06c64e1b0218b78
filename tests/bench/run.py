"""`make bench`: speed and size figures, printed (never asserted in a test).

- full build time, cold (empty PDF cache) and warm (cache hit), site and PDF sizes;
- Pyodide cold start and warm call times in Node (tests/bench/bench_pyodide.py);
- « Obtenir le formulaire » → filled Cerfa 16146 in Chromium, pypdf cold and warm (tests/bench/bench_formulaire.py).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def taille(dossier: Path, motif: str = "*") -> float:
    return sum(p.stat().st_size for p in dossier.rglob(motif) if p.is_file()) / 1e6


def bench_build() -> None:
    from generator.engine import build

    cache = ROOT / "build" / "cache" / "pdf"
    with tempfile.TemporaryDirectory() as dossier:
        site = Path(dossier) / "site"
        sauvegarde = Path(dossier) / "cache"
        if cache.exists():
            shutil.move(cache, sauvegarde)
        try:
            for nom in ("à froid (PDF à rendre)", "à chaud (PDF en cache)"):
                debut = time.perf_counter()
                rapport = build(ROOT, site)
                print(f"construction {nom} : {time.perf_counter() - debut:.1f} s — PDF {rapport['pdf']}")
        finally:
            if sauvegarde.exists():
                shutil.rmtree(cache, ignore_errors=True)
                shutil.move(sauvegarde, cache)
        print(f"site : {taille(site):.1f} Mo, dont Pyodide {taille(site / 'pyodide'):.1f} Mo, "
              f"PDF {taille(site / 'pdf'):.1f} Mo ({len(list((site / 'pdf').glob('*.pdf')))} fichiers), "
              f"HTML {taille(site, '*.html'):.2f} Mo")


if __name__ == "__main__":
    bench_build()
    from tests.bench.bench_pyodide import main

    main()
    from tests.bench.bench_formulaire import main as formulaire

    formulaire()
