"""Moteur de délais de procédure : compte comme un greffe, explique chaque étape.

Bibliothèque standard seulement (CPython et Pyodide). Points d'entrée :

- `calcule(entree)` : aiguille vers `scenario` si `entree` a une clé
  « scenario », sinon vers `calcule_delai` ; `"ics": true` ajoute l'export
  iCalendar au résultat (null s'il n'y a encore aucune date), avec les options
  de `en_ics` (`titres_complets`, `dossier`, `sequence`, `horodatage`) ;
- `calcule_delai(entree)` : un délai (durée libre ou entrée du catalogue) ;
- `scenario(entree)` : calendrier complet (ordonnance de protection, délai
  relancé par l'aide juridictionnelle) ;
- `en_ics({"resultat": …, options})` : texte .ics d'un résultat ou d'un scénario
  (neutre par défaut ; voir ics.py pour les UID, les corrections et les options) ;
- `catalogue()`, `catalogue_markdown()` : la liste des délais connus.
"""

from __future__ import annotations

from ..cli import NON_OBJET
from ..erreurs import EntreeInvalide
from . import calcul, ics
from .entree import (
    au_champ,
    lieu_de_la_regle,
    lit_booleen,
    lit_date,
    lit_regle,
    lit_residence,
    lit_sens,
    verifie_champs,
)
from .ics import en_ics
from .repertoire import catalogue, catalogue_markdown
from .scenarios import scenario

__all__ = ["calcule", "calcule_delai", "scenario", "en_ics", "catalogue", "catalogue_markdown"]

CHAMPS_DELAI = ("depart", "duree", "delai", "lieu_juridiction", "residence_partie", "franc", "sens")


def calcule_delai(entree: dict, *, feries: dict | None = None, delais: dict | None = None) -> dict:
    """Échéance expliquée d'un délai ; lève `EntreeInvalide` pour toute entrée fautive."""
    verifie_champs(entree, CHAMPS_DELAI)
    lit_sens(entree)
    regle = lit_regle(entree, delais=delais)
    depart = lit_date(entree, "depart", feries=feries)
    lieu = lieu_de_la_regle(entree, regle, feries)
    residence = lit_residence(entree, feries=feries)
    with au_champ("duree", "depart"):
        return calcul.calcule(depart, regle, lieu, residence, feries=feries, delais=delais)


def calcule(entree: dict) -> dict:
    """Point d'entrée de la ligne de commande et du navigateur."""
    if not isinstance(entree, dict):
        raise EntreeInvalide("entree", NON_OBJET)
    entree = dict(entree)
    avec_ics = lit_booleen(entree, "ics", False)
    options = {cle: entree.pop(cle) for cle in ics.OPTIONS if cle in entree}
    if avec_ics:
        options = ics.lit_options(options)
    entree.pop("ics", None)
    if entree.get("scenario") is None:
        entree.pop("scenario", None)  # null = pas répondu, comme partout
        resultat = calcule_delai(entree)
    else:
        resultat = scenario(entree)
    if avec_ics:
        resultat["ics"] = ics.fichier(resultat, options) if ics.a_exporter(resultat) else None
    return resultat
