"""`python -m pyscripts.formulaires champs|remplir|pieces|expose` (après `make site`).

    champs cerfa-16146        la liste JSON des champs du PDF vierge de site/formulaires/
    remplir                   {"formulaire", "valeurs"} sur stdin → le PDF rempli sur stdout
    pieces                    {"simulateur", "valeurs"} sur stdin → la liste JSON des pièces
    expose                    l'entrée de `remplir` pour cerfa-15458 (chronologie, pieces…) sur stdin
                              → l'exposé des faits numéroté et le bordereau en JSON (pyscripts/op/requete.py)

Entrée invalide : code 2 et {"erreur": {"champ", "message"}} sur stdout, jamais de trace (une panne :
code 1, pyscripts/cli.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..cli import INTERNE, ecrit, lit_entree, main, panne
from ..erreurs import EntreeInvalide
from ..lecture import extrait
from . import champs, definition_de, pieces, remplir

SITE = Path(__file__).resolve().parents[2] / "site"
USAGE = (
    "Commandes : champs <formulaire> | remplir (JSON sur stdin) | pieces (JSON sur stdin) | expose (JSON sur stdin)."
)


def pdf_vierge(identifiant) -> bytes:
    definition_de(identifiant)  # formulaire inconnu : message en français
    chemin = SITE / "formulaires" / f"{identifiant}.pdf"
    if not chemin.is_file():
        raise EntreeInvalide("formulaire", f"Le PDF vierge {chemin} n'existe pas encore : lancez `make site`.")
    return chemin.read_bytes()


def _remplir() -> int:
    try:
        texte = sys.stdin.buffer.read().decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        raise EntreeInvalide("entree", "Le texte reçu n'est pas encodé en UTF-8.") from None
    entree = lit_entree(texte)
    octets = remplir(entree, pdf_vierge(entree.get("formulaire")))
    sys.stdout.buffer.write(octets)
    return 0


def _champs(arguments: list[str]) -> int:
    if len(arguments) != 2:
        raise EntreeInvalide("formulaire", "Donnez le formulaire : python -m pyscripts.formulaires champs cerfa-16146")
    ecrit(champs(arguments[1], pdf_vierge(arguments[1])))
    return 0


def lance(arguments: list[str]) -> int:
    commande = arguments[0] if arguments else None
    if commande == "pieces":
        return main(pieces)
    if commande == "expose":
        from ..op.requete import expose

        return main(expose)
    try:
        if commande == "champs":
            return _champs(arguments)
        if commande == "remplir":
            return _remplir()
        raise EntreeInvalide("commande", f"Commande inconnue : {extrait(commande or '')}. {USAGE}")
    except EntreeInvalide as exc:
        ecrit(exc.en_json())
        return 2
    except Exception as exc:
        ecrit(INTERNE)
        return panne(exc)


try:
    code = lance(sys.argv[1:])
except BrokenPipeError:  # `… | head` : le lecteur est parti, rien à dire
    code = 0
raise SystemExit(code)
