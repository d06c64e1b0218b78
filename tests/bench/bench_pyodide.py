"""Cold start and warm call times of our Python under Pyodide in Node (not a test).

    python -m tests.bench.bench_pyodide [démarrages=3] [appels=30]

For both builds: npm's stdlib as shipped (.py, compiled at every start) and ours (precompiled).
Cold  = loadPyodide + our package + pyimport, in a fresh Node process each time.
Calls = each reference case `appels` times; the first call of an engine also imports it.
Node on this machine, not a phone: read it as a lower bound for the browser.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

import brotli

from tests.fixtures.adresse_cachee import dossier_long
from tests.fixtures.pyodide import VERSION, PyodideNode, cas_de_reference, construit_site, stdlib_de


def mesure(runtime: Path, demarrages: int, appels: int, cas: list) -> list[dict]:
    mesures = []
    for _ in range(demarrages):  # a fresh Node process each time: a cold start
        with PyodideNode(runtime) as py:
            mesures.append(
                {
                    **py.demarrage["chrono"],
                    "appels_ms": py.demande({"cas": [c for c in cas for _ in range(appels)]})["appels_ms"],
                }
            )
    return mesures


def main(demarrages: int = 3, appels: int = 30) -> None:
    # + la requête en ordonnance de protection, 30 faits, l'adresse cachée comparée à chaque texte.
    cas = [*cas_de_reference(), ["op", dossier_long()]]
    print(f"\nPyodide {VERSION} dans Node : {demarrages} démarrages par construction, {len(cas)} cas × {appels} appels")
    for precompile in (False, True):
        os.environ["PYODIDE_PRECOMPILE"] = "1" if precompile else "0"
        try:
            with tempfile.TemporaryDirectory() as dossier:
                runtime = construit_site(Path(dossier))
                taille = stdlib_de(runtime).stat().st_size / 1e6
                en_brotli = len(brotli.compress(stdlib_de(runtime).read_bytes())) / 1e6
                mesures = mesure(runtime, demarrages, appels, cas)
        finally:
            os.environ.pop("PYODIDE_PRECOMPILE")

        def mediane(cle: str, mesures: list[dict] = mesures) -> float:
            return statistics.median(m[cle] for m in mesures)

        print(
            f"  {'stdlib précompilée' if precompile else 'stdlib npm (.py)  '} ({taille:.2f} Mo, {en_brotli:.2f} en brotli) : "
            f"démarrage à froid {mediane('runtime_ms') + mediane('paquet_ms'):6.0f} ms "
            f"(runtime {mediane('runtime_ms'):.0f} + notre paquet {mediane('paquet_ms'):.0f})"
        )
        for rang, (outil, entree) in enumerate(cas):
            temps = [m["appels_ms"][rang * appels : (rang + 1) * appels] for m in mesures]
            premier = statistics.median(t[0] for t in temps)
            chaud = statistics.median(x for t in temps for x in t[1:])
            print(
                f"    {outil:<10} {json.dumps(entree, ensure_ascii=False)[:40]:<40} "
                f"1er appel {premier:6.1f} ms, à chaud {chaud:6.2f} ms"
            )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
