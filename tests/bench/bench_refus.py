"""Les refus de construction et les routes démesurées, chronométrés (pas un test).

    python -m tests.bench.bench_refus

- chaque mutation de tests/fixtures/mutations.py appliquée au vrai contenu copié : le temps jusqu'au
  refus (fichier:ligne), puis le plus long — l'objectif : chacune en moins de 30 s ;
- les routes « op_expose » et « op » sur 200 faits citant chacun 200 pièces nouvelles (refusé), sur
  200 faits citant chacun les 200 pièces (l'exposé dépasserait sa borne : refusé), puis sur une des plus
  grandes entrées acceptées (un exposé de 45 000 caractères) — l'objectif : moins d'une seconde.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from tests.fixtures.mutations import MUTATIONS, construit_abime, copie_du_projet


def bench_mutations() -> None:
    durees = []
    for mutation in MUTATIONS:
        with tempfile.TemporaryDirectory() as dossier:
            racine = copie_du_projet(Path(dossier) / "projet")
            duree, erreur, attendu = construit_abime(racine, mutation)
        lieux = [ligne.split(": ", 1)[0] for ligne in erreur.split("\n") if ligne.startswith(attendu)]
        lieu = lieux[0] if lieux else f"AUTRE ERREUR : {erreur[:80]}" if erreur else "CONSTRUITE"
        durees.append(duree)
        print(f"  {duree:6.2f} s  {mutation.nom} → {lieu}")
    print(f"refus le plus long : {max(durees):.2f} s ({len(durees)} mutations)")


def bench_routes() -> None:
    from pyscripts.api import dispatch

    dispatch("op", "{}")  # imports et définitions lus une fois, comme dans le travailleur déjà prêt
    pieces = [f"Pièce {j}" for j in range(200)]
    cas = {
        "200 × 200 pièces nouvelles (refus)": {
            "chronologie": [
                {"date": "2025-01-01", "faits": "x", "piece": [f"Pièce {i}-{j}" for j in range(200)]}
                for i in range(200)
            ]
        },
        "200 faits citant chacun les 200 pièces par leur numéro (exposé trop long : refus)": {
            "chronologie": [{"date": "2025-01-01", "faits": "x", "piece": list(range(1, 201))} for _ in range(200)],
            "pieces": pieces,
        },
        "30 faits de 1 400 caractères, 200 pièces, un exposé de 45 000 caractères (accepté)": {
            "chronologie": [
                {"date": f"2025-01-{1 + i % 28:02d}", "faits": "Il a crié. " * 127, "piece": [1 + i, 31 + i, 61 + i]}
                for i in range(30)
            ],
            "pieces": pieces,
        },
    }
    for nom, entree in cas.items():
        texte = json.dumps({"aujourdhui": "2026-11-29", **entree})
        for route in ("op_expose", "op"):
            debut = time.perf_counter()
            reponse = json.loads(dispatch(route, texte))
            issue = "résultat" if "resultat" in reponse else f"refus ({reponse['erreur']['champ']})"
            print(
                f"  {route:9} {1000 * (time.perf_counter() - debut):7.0f} ms  {nom}, {len(texte) // 1000} Ko → {issue}"
            )


def main() -> None:
    print("Constructions refusées (vrai contenu, une mutation chacune) :")
    bench_mutations()
    print("Routes de la requête OP, entrées démesurées (CPython) :")
    bench_routes()


if __name__ == "__main__":
    main()
