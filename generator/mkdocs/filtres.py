"""Les filtres Jinja communs aux gabarits du site et au gabarit d'impression : une seule mise en
forme des dates pour toute la construction, celle des outils (pyscripts) ; et les données des
rédacteurs échappées avant que les gabarits de MkDocs ne les voient (`echappe`)."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from pyscripts.delais.francais import date_fr


def echappe(valeur):
    """Chaque texte de `valeur` (tables et listes parcourues) en Markup échappé. L'environnement de MkDocs
    n'échappe pas, celui des formulaires si : les données des rédacteurs remises aux gabarits de MkDocs
    (config.extra) sont échappées ici, une fois, pour qu'un « <b> » dans un libellé se lise comme du texte
    sur les pages des outils comme sur celles des formulaires."""
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
