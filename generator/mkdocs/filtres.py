"""Jinja filters shared by the site's templates and the print template: one French
date formatter for the whole build, the one the tools use (pyscripts)."""

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
