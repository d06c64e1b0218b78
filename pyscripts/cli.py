"""Contrat commun des lignes de commande : un objet JSON sur stdin, un objet JSON sur stdout.

Code 0 pour un résultat, code 2 et `{"erreur": {"champ", "message"}}` pour une
entrée invalide — jamais de trace Python.
"""

from __future__ import annotations

import json
import sys
from typing import Callable

from .erreurs import EntreeInvalide


def lit_entree(texte: str) -> dict:
    try:
        entree = json.loads(texte) if texte.strip() else {}
    except json.JSONDecodeError as exc:
        raise EntreeInvalide("entree", f"Le texte reçu n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno}).") from None
    except (ValueError, RecursionError):  # nombre de plus de 4 300 chiffres, imbrication démesurée
        raise EntreeInvalide("entree", "Le texte reçu contient un nombre trop long ou une imbrication trop profonde.") from None
    if not isinstance(entree, dict):
        raise EntreeInvalide("entree", "L'entrée doit être un objet JSON, entre accolades { }.")
    return entree


def execute(calcule: Callable[[dict], dict], texte: str) -> tuple[int, dict]:
    """Applique `calcule` au texte JSON ; renvoie (code de sortie, objet à imprimer)."""
    try:
        return 0, calcule(lit_entree(texte))
    except EntreeInvalide as exc:
        return 2, exc.en_json()


def main(calcule: Callable[[dict], dict]) -> int:
    try:
        texte = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        texte = None
    if texte is None:
        code, sortie = 2, EntreeInvalide("entree", "Le texte reçu n'est pas encodé en UTF-8.").en_json()
    else:
        code, sortie = execute(calcule, texte)
    json.dump(sortie, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return code
