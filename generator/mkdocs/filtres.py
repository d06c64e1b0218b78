"""Les filtres Jinja communs aux gabarits du site et au gabarit d'impression : une seule mise en
forme des dates pour toute la construction, celle des outils (pyscripts) ; et les données des
rédacteurs échappées avant que les gabarits de MkDocs ne les voient (`echappe`)."""

from __future__ import annotations

import datetime as dt
import re

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
    """`2026-01-15` (date ou texte ISO) → « jeudi 15 janvier 2026 » ; tout le reste inchangé."""
    if isinstance(valeur, str):
        try:
            valeur = dt.date.fromisoformat(valeur)
        except ValueError:
            return valeur
    if isinstance(valeur, dt.datetime):
        valeur = valeur.date()
    return date_fr(valeur) if isinstance(valeur, dt.date) else str(valeur)


def remplit(texte: str, **valeurs) -> Markup:
    """Un texte des langues (theme/langues/*.yml) avec ses `{marques}` remplacées : le texte et les valeurs
    sont échappés, sauf une valeur déjà en HTML (`lien|safe`, un Markup)."""

    def valeur(m: re.Match) -> str:
        nom = m.group(1)
        return str(escape(valeurs[nom])) if nom in valeurs else m.group(0)

    return Markup(re.sub(r"\{(\w+)\}", valeur, str(escape(texte))))


def apres_titre(html: str, ajout: str) -> str:
    """`ajout` juste après le titre de la page (le premier </h1>), ou en tête s'il n'y en a pas."""
    if not ajout:
        return html
    titre, fin, reste = html.partition("</h1>")
    return f"{titre}{fin}\n{ajout}\n{reste}" if fin else f"{ajout}\n{html}"


FILTRES = {"date_fr": date_francaise, "remplit": remplit, "apres_titre": apres_titre}
