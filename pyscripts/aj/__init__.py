"""Simulateur d'aide juridictionnelle (réforme du 1er janvier 2021).

    calcule(situation, parametres=None, *, aujourd_hui=None) -> dict
    tableau_bareme(annee_ou_date=None, personnes=range(1, 7), parametres=None) -> dict
    tableau_bareme_markdown(annee_ou_date=None, personnes=range(1, 7), parametres=None) -> str

Bibliothèque standard seulement (exécuté aussi par Pyodide). Les barèmes sont
des données (content/data/aide_juridictionnelle.yml) ; le contrat d'entrée et de
sortie est décrit dans le README de l'issue et vérifié par tests/pyscripts.
"""

from __future__ import annotations

from datetime import date

from . import entree, regles
from .bareme import parametres_ou_defaut, periode
from .tableau import tableau_bareme, tableau_bareme_markdown

__all__ = ["calcule", "tableau_bareme", "tableau_bareme_markdown"]


def calcule(situation: dict, parametres: dict | None = None, *, aujourd_hui: date | None = None) -> dict:
    """Décide de l'aide juridictionnelle pour `situation` (clés décrites dans entree.LIBELLES).

    `aujourd_hui` sert seulement de date de demande par défaut (sinon : la date du
    jour). Lève `EntreeInvalide` pour toute donnée refusée.
    """
    parametres = parametres_ou_defaut(parametres)
    situation_lue = entree.lit(situation, aujourd_hui or date.today(), periode(parametres))
    return regles.decide(situation_lue, parametres)
