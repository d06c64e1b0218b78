"""Ce que la page du simulateur (theme/outils/aj.html) tire des données et du moteur, à la
construction du site : listes de choix, dates limites, bornes. Une seule source : si la loi ou
les paramètres changent, la page suit.
"""

from __future__ import annotations

from ..francais import date_longue
from ..lecture import MONTANT_MAXIMUM
from .bareme import jour_iso, parametres_ou_defaut, periode
from .entree import CAS_PARTICULIERS, EXCEPTIONS_RESIDENCE, QUESTIONS_CAS


def formulaire(parametres: dict | None = None) -> dict:
    """Données du formulaire, en types simples (dates en texte ISO ou en toutes lettres)."""
    parametres = parametres_ou_defaut(parametres)
    premier, dernier = periode(parametres)
    sans_sejour_regulier = [
        jour_iso(r["applicable_du"]) for r in parametres["residence_reguliere_exigee"] if not r["valeur"]
    ]
    derniers_mois = max(parametres["ressources_derniers_mois"], key=lambda r: r["applicable_du"])["valeur"]
    return {
        "premier_jour": premier.isoformat(),
        "dernier_jour": dernier.isoformat(),
        "fin_sejour_regulier": date_longue(min(sans_sejour_regulier)) if sans_sejour_regulier else None,
        "cas_particuliers": [{"valeur": cle, "libelle": QUESTIONS_CAS[cle]} for cle in (*CAS_PARTICULIERS, "mineur")],
        "exceptions_residence": [
            {"valeur": cle, "libelle": libelle} for cle, (_, libelle) in EXCEPTIONS_RESIDENCE.items()
        ],
        "mois_revenus": derniers_mois["mois"],
        "montant_maximum": MONTANT_MAXIMUM,
    }
