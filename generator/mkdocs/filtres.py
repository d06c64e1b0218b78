"""Jinja filters shared by the site's templates and the print template: one French
date formatter for the whole build, the one the tools use (pyscripts); and the editors'
data escaped before MkDocs' templates see it (`echappe`)."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from pyscripts.delais.francais import date_fr


def echappe(valeur):
    """Every text of `valeur` (dicts and lists walked) as escaped Markup. MkDocs' environment does not
    autoescape; the forms' does: the editors' data handed to MkDocs' templates (config.extra) is escaped
    here, once, so that a « <b> » in a label prints as text on the tool pages as on the form pages."""
    if isinstance(valeur, Markup):
        return valeur
    if isinstance(valeur, str):
        return escape(valeur)
    if isinstance(valeur, dict):
        return {cle: echappe(v) for cle, v in valeur.items()}
    if isinstance(valeur, (list, tuple)):
        return [echappe(v) for v in valeur]
    return valeur


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
