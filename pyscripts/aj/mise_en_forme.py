"""Montants, dates et nombres écrits à la française dans les phrases et tableaux."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ESPACE_FINE = "\u202f"  # séparateur des milliers : espace fine insécable
ESPACE_INSECABLE = "\u00a0"  # avant le symbole €

MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre")


def _milliers(entier: int) -> str:
    chiffres = str(entier)
    groupes = []
    while chiffres:
        groupes.insert(0, chiffres[-3:])
        chiffres = chiffres[:-3]
    return ESPACE_FINE.join(groupes)


def euros(montant: int | float | Fraction) -> str:
    """`11262` → « 11 262 € » ; `1234.5` → « 1 234,50 € » (espaces insécables)."""
    if isinstance(montant, int) or montant == int(montant):
        return f"{_milliers(int(montant))}{ESPACE_INSECABLE}€"
    if isinstance(montant, Fraction):
        montant = Decimal(montant.numerator) / Decimal(montant.denominator)
    centimes = Decimal(str(montant)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    entier, decimales = f"{centimes:f}".split(".")
    return f"{_milliers(int(entier))},{decimales}{ESPACE_INSECABLE}€"


def date_longue(jour: date) -> str:
    """`date(2025, 1, 1)` → « 1er janvier 2025 »."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"


def personnes(nombre: int) -> str:
    """« 1 personne », « 3 personnes »."""
    return f"{nombre} personne" if nombre == 1 else f"{nombre} personnes"
