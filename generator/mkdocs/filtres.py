"""Les filtres Jinja communs aux gabarits du site et au gabarit d'impression : une seule mise en
forme des dates pour toute la construction, celle des outils (pyscripts)."""

from __future__ import annotations

import datetime as dt

from pyscripts.delais.francais import date_fr


def date_francaise(valeur) -> str:
    """`2026-01-15` (date or ISO text) → « jeudi 15 janvier 2026 »; anything else unchanged."""
    if isinstance(valeur, str):
        try:
            valeur = dt.date.fromisoformat(valeur)
        except ValueError:
            return valeur
    if isinstance(valeur, dt.datetime):
        valeur = valeur.date()
    return date_fr(valeur) if isinstance(valeur, dt.date) else str(valeur)


FILTRES = {"date_fr": date_francaise}
