"""Build the Pyodide bundle into a folder and run the Node harnesses on it (tests and bench)."""

from __future__ import annotations

import importlib.util
import json
import queue
import subprocess
import threading
from pathlib import Path

from generator.config import load_site_config
from generator.pyodide_bundle import bundle_pyodide

ROOT = Path(__file__).resolve().parents[2]
ICI = Path(__file__).resolve().parent
VERSION = load_site_config(ROOT).pyodide
STEMS = sorted(p.stem for p in (ROOT / "content" / "data").glob("*.yml"))


def construit_site(site_dir: Path, paquets: tuple[str, ...] = ()) -> Path:
    """Bundle into `site_dir`; returns the runtime folder site_dir/pyodide/<version>/."""
    bundle_pyodide(site_dir, ROOT, VERSION, paquets)
    return site_dir / "pyodide" / VERSION


def seul(dossier: Path, motif: str) -> Path:
    """The one file of `dossier` matching `motif` (content-addressed names: python_stdlib.<hash>.zip…)."""
    trouves = sorted(dossier.glob(motif))
    assert len(trouves) == 1, f"{dossier}/{motif} : {[p.name for p in trouves]}"
    return trouves[0]


def lock_de(runtime: Path) -> Path:
    return seul(runtime.parent / "paquets", "pyodide-lock.*.json")


def stdlib_de(runtime: Path) -> Path:
    return seul(runtime, "python_stdlib.*.zip")


def lance_node(script: str, entree: dict, *arguments: str, timeout: float = 120) -> dict:
    """Run tests/pyodide/<script> with `entree` as JSON on stdin; return its JSON stdout."""
    fini = subprocess.run(
        ["node", str(ICI / script), *arguments],
        input=json.dumps(entree),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    assert fini.returncode == 0, f"{script} a échoué ({fini.returncode}) :\n{fini.stderr[-3000:]}"
    return json.loads(fini.stdout)


class PyodideNode:
    """tests/pyodide/serveur_pyodide.mjs: one Pyodide started once, many requests (one JSON line each).

    with PyodideNode(runtime) as py:
        py.demande({"cas": [["aj", {…}]]})["sorties"]
    """

    def __init__(self, runtime: Path, timeout: float = 120):
        self.timeout = timeout
        self.processus = subprocess.Popen(
            ["node", str(ICI / "serveur_pyodide.mjs"), str(runtime), str(lock_de(runtime)), str(stdlib_de(runtime))],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.lignes: queue.Queue = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._lit_stdout, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.processus.stderr), daemon=True).start()
        self.demarrage = self._reponse()
        assert self.demarrage.get("pret"), self.demarrage

    def _lit_stdout(self) -> None:
        for ligne in self.processus.stdout:
            self.lignes.put(ligne)
        self.lignes.put(None)  # the process ended

    def _reponse(self) -> dict:
        try:
            ligne = self.lignes.get(timeout=self.timeout)
        except queue.Empty:
            raise AssertionError(
                f"Pyodide (Node) ne répond pas après {self.timeout} s :\n{''.join(self.stderr)[-3000:]}"
            ) from None
        assert ligne is not None, f"Pyodide (Node) s'est arrêté :\n{''.join(self.stderr)[-3000:]}"
        return json.loads(ligne)

    def demande(self, requete: dict) -> dict:
        self.processus.stdin.write(json.dumps(requete) + "\n")
        self.processus.stdin.flush()
        reponse = self._reponse()
        assert "erreur" not in reponse, reponse["erreur"]
        return reponse

    def ferme(self) -> None:
        if self.processus.poll() is None:
            self.processus.stdin.close()
            try:
                self.processus.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.processus.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.ferme()


def cas_de_reference() -> list:
    """[outil, entree] pairs: the error paths always, real engine cases once the engines exist."""
    from pyscripts.api import dispatch

    cas = [["inconnu", {}], ["aj", [1, 2]]]
    if importlib.util.find_spec("pyscripts.aj"):
        cas += [
            ["aj", {"personnes_foyer": 1, "rfr": 12000, "date_demande": "2025-06-01"}],
            ["aj", {"personnes_foyer": 0}],
        ]
    if importlib.util.find_spec("pyscripts.delais"):
        delai = {"depart": "2025-06-05", "delai": "appel_civil", "lieu_juridiction": "metropole"}
        cas += [["delais", delai], ["delais", {"depart": "2025-02-30"}]]
        resultat = json.loads(dispatch("delais", json.dumps(delai))).get("resultat")
        if resultat:  # feed the calculator's own answer to the .ics export
            cas.append(["delais_ics", resultat])
    return cas
