"""Le point d'entrée unique du Web Worker : texte JSON en entrée, texte JSON en sortie.

Le worker garde un seul proxy vers `dispatch` et ne fait passer que des chaînes
entre JavaScript et Python (pas de PyProxy par appel, donc pas de fuite). Les routes
sont celles du registre des outils (pyscripts/outils.py), chaque moteur importé à son
premier appel ; `paquets(route)` dit au worker ce qu'il charge avant (pypdf).
Bibliothèque standard seulement.
"""

from __future__ import annotations

import traceback

from .cli import en_texte, lit_entree
from .erreurs import ERREUR_INTERNE, INTERNE, EntreeInvalide
from .lecture import extrait
from .outils import paquets, routes

__all__ = ["dispatch", "paquets", "ERREUR_INTERNE", "INTERNE"]


def dispatch(outil: str, entree_json: str) -> str:
    """`{"resultat": …}` ou `{"erreur": {"champ", "message"}}` ; jamais de trace Python."""
    try:
        connues = routes()
        if outil not in connues:
            raise EntreeInvalide(
                "outil", f"Outil inconnu : {extrait(outil)}. Outils disponibles : {', '.join(connues)}."
            )
        reponse = {"resultat": connues[outil].appelable()(lit_entree(entree_json))}
    except EntreeInvalide as exc:
        reponse = exc.en_json()
    except Exception:
        reponse = _interne()
    try:
        return en_texte(reponse)
    except (TypeError, ValueError):  # un moteur a renvoyé un objet non JSON (date, ensemble…)
        return en_texte(_interne())


def _interne() -> dict:
    """La personne lit une phrase ; la trace ne va qu'à la console de son propre navigateur."""
    traceback.print_exc()
    return INTERNE
