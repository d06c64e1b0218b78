"""Mise en forme française des dates et des durées (texte lu par la personne)."""

from __future__ import annotations

from datetime import date

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)


def date_fr(jour: date, *, semaine: bool = True) -> str:
    """« lundi 1er juin 2026 » ; sans le jour de la semaine : « 1er juin 2026 »."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    texte = f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"
    return f"{JOURS[jour.weekday()]} {texte}" if semaine else texte


def majuscule(texte: str) -> str:
    """Première lettre en capitale, pour un début de phrase."""
    return texte[:1].upper() + texte[1:]


def enumeration(elements: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    return ", ".join(elements[:-1]) + " et " + elements[-1] if len(elements) > 1 else "".join(elements)


def _unite(n: int, singulier: str, pluriel: str) -> str:
    return f"{n} {singulier if n == 1 else pluriel}"


def duree_fr(annees: int = 0, mois: int = 0, jours: int = 0) -> str:
    """« 1 mois et 15 jours », « 2 ans », « 6 jours »."""
    morceaux = [
        texte
        for n, texte in (
            (annees, _unite(annees, "an", "ans")),
            (mois, f"{mois} mois"),
            (jours, _unite(jours, "jour", "jours")),
        )
        if n
    ]
    return enumeration(morceaux) or "0 jour"
