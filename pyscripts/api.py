"""Le point d'entrée unique du Web Worker : texte JSON en entrée, texte JSON en sortie.

Le worker garde un seul proxy vers `dispatch` et ne fait passer que des chaînes
entre JavaScript et Python (pas de PyProxy par appel, donc pas de fuite).
Bibliothèque standard seulement.
"""

from __future__ import annotations

__all__ = ["dispatch", "MOTEURS", "ERREUR_INTERNE", "INTERNE"]

import importlib
import traceback

from .cli import en_texte, lit_entree
from .erreurs import ERREUR_INTERNE, INTERNE, EntreeInvalide
from .lecture import extrait

# outil → (module, fonction) ; import paresseux : le premier appel ne paie que son moteur.
MOTEURS = {
    "aj": ("pyscripts.aj", "calcule"),
    "delais": ("pyscripts.delais", "calcule"),
    "delais_ics": ("pyscripts.delais", "en_ics"),
    "op": ("pyscripts.op.requete", "prepare"),
    "op_expose": ("pyscripts.op.requete", "expose"),
    # Formulaires : formulaire_remplir et formulaire_preparer importent pypdf, que le worker charge avant l'appel.
    "formulaire_prerempli": ("pyscripts.formulaires", "prerempli"),
    "formulaire_pieces": ("pyscripts.formulaires", "pieces"),
    "formulaire_verifier": ("pyscripts.formulaires", "verifier"),
    "formulaire_remplir": ("pyscripts.formulaires", "remplir_base64"),
    "formulaire_preparer": ("pyscripts.formulaires", "preparer"),
}


def dispatch(outil: str, entree_json: str) -> str:
    """`{"resultat": …}` ou `{"erreur": {"champ", "message"}}` ; jamais de trace Python."""
    try:
        if outil not in MOTEURS:
            raise EntreeInvalide(
                "outil", f"Outil inconnu : {extrait(outil)}. Outils disponibles : {', '.join(MOTEURS)}."
            )
        module, fonction = MOTEURS[outil]
        reponse = {"resultat": getattr(importlib.import_module(module), fonction)(lit_entree(entree_json))}
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
