"""Contrat commun des lignes de commande : un objet JSON sur stdin, un objet JSON sur stdout.

Code 0 pour un résultat, code 2 et `{"erreur": {"champ", "message"}}` pour une
entrée invalide — jamais de trace Python : une panne de l'outil donne le code 1, le message
« erreur de l'outil » en JSON et, sur la sortie d'erreur, une ligne qui la nomme.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from .erreurs import INTERNE, EntreeInvalide

NON_OBJET = "Les réponses doivent arriver ensemble, question par question : l'entrée n'est pas un objet JSON."


def lit_entree(texte: str) -> dict:
    """Le texte JSON reçu, en dictionnaire ; refus en français (champ « entree ») sinon."""
    try:
        entree = json.loads(texte) if texte.strip() else {}
    except json.JSONDecodeError as exc:
        raise EntreeInvalide(
            "entree",
            f"Les réponses reçues sont illisibles : ce n'est pas du JSON valide "
            f"(ligne {exc.lineno}, colonne {exc.colno}).",
        ) from None
    except (ValueError, RecursionError):  # nombre de plus de 4 300 chiffres, imbrication démesurée
        raise EntreeInvalide(
            "entree", "Les réponses reçues contiennent un nombre trop long ou trop de niveaux imbriqués."
        ) from None
    if not isinstance(entree, dict):
        raise EntreeInvalide("entree", NON_OBJET)
    return entree


def execute(calcule: Callable[[dict], dict], texte: str) -> tuple[int, dict]:
    """Applique `calcule` au texte JSON ; renvoie (code de sortie, objet à imprimer)."""
    try:
        return 0, calcule(lit_entree(texte))
    except EntreeInvalide as exc:
        return 2, exc.en_json()
    except Exception as exc:
        return panne(exc), INTERNE


def panne(exc: BaseException) -> int:
    """Une ligne sur la sortie d'erreur (pour qui signale la panne), code de sortie 1."""
    sys.stderr.write(f"Erreur de l'outil ({type(exc).__name__}) : ce n'est pas votre saisie ; signalez-la.\n")
    return 1


def ecrit(objet: dict) -> None:
    """L'objet JSON sur stdout, en octets UTF-8 quel que soit l'encodage du terminal."""
    sys.stdout.buffer.write((en_texte(objet, indent=2) + "\n").encode("utf-8"))
    sys.stdout.flush()


def en_texte(objet: dict, **options) -> str:
    """Le JSON à écrire : UTF-8 lisible, sauf s'il contient un demi-caractère (« \\ud800 » reçu en
    entrée) qu'aucun encodage ne peut écrire : alors tout est échappé en ASCII, toujours valide."""
    texte = json.dumps(objet, ensure_ascii=False, **options)
    try:
        texte.encode("utf-8")
    except UnicodeEncodeError:
        texte = json.dumps(objet, ensure_ascii=True, **options)
    return texte


def main(calcule: Callable[[dict], dict]) -> int:
    try:
        texte = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        texte = None
    if texte is None:
        code, sortie = 2, EntreeInvalide("entree", "Le texte reçu n'est pas encodé en UTF-8.").en_json()
    else:
        code, sortie = execute(calcule, texte)
    ecrit(sortie)
    return code
