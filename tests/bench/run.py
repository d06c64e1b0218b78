"""`make bench`: speed and size figures, printed (never asserted in a test).

- full build (empty PDF cache), no-op rebuild, each as `python -m generator build` in a new
  process, and their ratio to `mkdocs build` of the same content with MkDocs alone; sizes;
- Pyodide cold start and warm call times in Node, stdlib as npm ships it vs precompiled
  (tests/bench/bench_pyodide.py);
- the tool pages in Chromium: form usable, Python ready, first answer, warm answer, for both builds;
  the slow-phone profile (1.6 Mbit/s, 150 ms, CPU ×4), this build and the previous one (site/ or
  BENCH_PRECEDENT); the bytes over the wire of each tool page's first visit (tests/bench/bench_navigateur.py);
- « Obtenir le formulaire » → filled Cerfa 16146 in Chromium, pypdf cold and warm (tests/bench/bench_formulaire.py) ;
- chaque construction refusée (contenu cassé) et les routes de la requête OP sur des entrées démesurées
  (tests/bench/bench_refus.py).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.fixtures.chemins import REPO


def taille(dossier: Path, motif: str = "*") -> float:
    """Mo des fichiers, sans les .br et .gz écrits à côté (generator/sorties/compression.py)."""
    return sum(p.stat().st_size for p in dossier.rglob(motif) if p.is_file() and p.suffix not in (".br", ".gz")) / 1e6


def chrono(*commande: str) -> float:
    """Wall time of a command run as a person runs it (new process: imports included)."""
    debut = time.perf_counter()
    subprocess.run(commande, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - debut


def mkdocs_seul(dossier: Path) -> Path:
    """The same content/ with MkDocs alone: stock theme, search, no `justice` plugin, not strict."""
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(
        docs_dir=str(REPO / "content"),
        site_dir=str(dossier / "mkdocs-seul"),
        strict=False,
        theme={"name": "mkdocs", "locale": "fr"},
        plugins=[p for p in config["plugins"] if "search" in (p if isinstance(p, str) else p)],
    )
    config.pop("validation", None)
    config.pop("watch", None)
    chemin = dossier / "mkdocs-seul.yml"
    chemin.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return chemin


def bench_build() -> None:
    """Full build (empty PDF cache), no-op rebuild (nothing changed), and MkDocs alone on the same content."""
    python = str(REPO / ".venv" / "bin" / "python")
    cache = REPO / "build" / "cache" / "pdf"
    with tempfile.TemporaryDirectory() as dossier:
        site = Path(dossier) / "site"
        sauvegarde = Path(dossier) / "cache"
        if cache.exists():
            shutil.move(cache, sauvegarde)
        try:
            complete = chrono(python, "-m", "generator", "build", "--site", str(site))
            a_vide = sorted(chrono(python, "-m", "generator", "build", "--site", str(site)) for _ in range(3))
        finally:
            if sauvegarde.exists():
                shutil.rmtree(cache, ignore_errors=True)
                shutil.move(sauvegarde, cache)
        seul = sorted(
            chrono(python, "-m", "mkdocs", "build", "-q", "-f", str(mkdocs_seul(Path(dossier)))) for _ in range(3)
        )
        print(f"construction complète (PDF à rendre) : {complete:.1f} s")
        print(
            f"reconstruction sans changement : {a_vide[1]:.1f} s (médiane de 3 ; {a_vide[0]:.1f}–{a_vide[2]:.1f}) — objectif ≤ 3 s"
        )
        print(
            f"MkDocs seul, même contenu (thème mkdocs, recherche, sans plugin ni PDF ni Pyodide) : {seul[1]:.1f} s "
            f"→ rapport {a_vide[1] / seul[1]:.1f}× (sans changement) et {complete / seul[1]:.1f}× (complète)"
        )
        print(
            f"site : {taille(site):.1f} Mo, dont Pyodide {taille(site / 'pyodide'):.1f} Mo, "
            f"PDF {taille(site / 'pdf'):.1f} Mo ({len(list((site / 'pdf').glob('*.pdf')))} fichiers), "
            f"HTML {taille(site, '*.html'):.2f} Mo"
        )


if __name__ == "__main__":
    bench_build()
    from tests.bench import bench_formulaire, bench_navigateur, bench_pyodide, bench_refus

    bench_refus.main()

    bench_pyodide.main()
    bench_navigateur.main()
    bench_formulaire.main()
