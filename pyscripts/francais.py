"""Écrire à la française, pour les deux moteurs : dates, montants, nombres, durées.

`date_fr(date(2026, 6, 1))` → « lundi 1er juin 2026 » ; `euros(11262)` → « 11 262 € » ;
`nombre_fr(1234.5)` → « 1 234,5 » ; `duree_fr(mois=1, jours=15)` → « 1 mois et 15 jours ».
Espaces : fine insécable entre les milliers, insécable avant €. Bibliothèque standard seulement.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ESPACE_FINE = "\u202f"  # séparateur des milliers : espace fine insécable
ESPACE_INSECABLE = "\u00a0"  # avant le symbole €

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def date_fr(jour: date, *, semaine: bool = True) -> str:
    """« lundi 1er juin 2026 » ; sans le jour de la semaine : « 1er juin 2026 »."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    texte = f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"
    return f"{JOURS[jour.weekday()]} {texte}" if semaine else texte


def date_longue(jour: date) -> str:
    """`date(2025, 1, 1)` → « 1er janvier 2025 » (sans le jour de la semaine)."""
    return date_fr(jour, semaine=False)


def milliers(entier: int) -> str:
    """`12000` → « 12 000 » (entier positif ou nul)."""
    chiffres = str(entier)
    groupes = []
    while chiffres:
        groupes.insert(0, chiffres[-3:])
        chiffres = chiffres[:-3]
    return ESPACE_FINE.join(groupes)


def nombre_fr(nombre: int | float) -> str:
    """`12000` → « 12 000 » ; `1234.5` → « 1 234,5 » ; `-3` → « -3 »."""
    if isinstance(nombre, float) and nombre.is_integer():
        nombre = int(nombre)
    entier, _, decimales = format(Decimal(str(abs(nombre))), "f").partition(".")
    return ("-" if nombre < 0 else "") + milliers(int(entier)) + (f",{decimales}" if decimales else "")


def euros(montant: int | float | Fraction) -> str:
    """`11262` → « 11 262 € » ; `1234.5` → « 1 234,50 € » (espaces insécables)."""
    if isinstance(montant, int) or montant == int(montant):
        return f"{milliers(int(montant))}{ESPACE_INSECABLE}€"
    if isinstance(montant, Fraction):
        montant = Decimal(montant.numerator) / Decimal(montant.denominator)
    centimes = Decimal(str(montant)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    entier, decimales = f"{centimes:f}".split(".")
    return f"{milliers(int(entier))},{decimales}{ESPACE_INSECABLE}€"


def personnes(nombre: int) -> str:
    """« 1 personne », « 3 personnes »."""
    return f"{nombre} personne" if nombre == 1 else f"{nombre} personnes"


def majuscule(texte: str) -> str:
    """Première lettre en capitale, pour un début de phrase."""
    return texte[:1].upper() + texte[1:]


def enumeration(elements: list[str], et: str = "et") -> str:
    """« a », « a et b », « a, b et c » (ou « a, b ou c » avec `et="ou"`)."""
    return ", ".join(elements[:-1]) + f" {et} " + elements[-1] if len(elements) > 1 else "".join(elements)


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
