"""Build the Pyodide bundle into a folder and run the Node harnesses on it (tests and bench)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

from generator.config import load_site_config
from generator.pyodide_bundle import bundle_pyodide

ROOT = Path(__file__).resolve().parents[2]
ICI = Path(__file__).resolve().parent
VERSION = load_site_config(ROOT).pyodide
STEMS = sorted(p.stem for p in (ROOT / "content" / "data").glob("*.yml"))


def construit_site(site_dir: Path) -> Path:
    """Bundle into `site_dir`; returns the runtime folder site_dir/pyodide/<version>/."""
    bundle_pyodide(site_dir, ROOT, VERSION)
    return site_dir / "pyodide" / VERSION


def lance_node(script: str, entree: dict, *arguments: str, timeout: float = 120) -> dict:
    """Run tests/pyodide/<script> with `entree` as JSON on stdin; return its JSON stdout."""
    fini = subprocess.run(["node", str(ICI / script), *arguments], input=json.dumps(entree),
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert fini.returncode == 0, f"{script} a échoué ({fini.returncode}) :\n{fini.stderr[-3000:]}"
    return json.loads(fini.stdout)


def cas_de_reference() -> list:
    """[outil, entree] pairs: the error paths always, real engine cases once the engines exist."""
    from pyscripts.api import dispatch

    cas = [["inconnu", {}], ["aj", [1, 2]]]
    if importlib.util.find_spec("pyscripts.aj"):
        cas += [["aj", {"personnes_foyer": 1, "rfr": 12000, "date_demande": "2025-06-01"}],
                ["aj", {"personnes_foyer": 0}]]
    if importlib.util.find_spec("pyscripts.delais"):
        delai = {"depart": "2025-06-05", "delai": "appel_civil", "lieu_juridiction": "metropole"}
        cas += [["delais", delai], ["delais", {"depart": "2025-02-30"}]]
        resultat = json.loads(dispatch("delais", json.dumps(delai))).get("resultat")
        if resultat:  # feed the calculator's own answer to the .ics export
            cas.append(["delais_ics", resultat])
    return cas
