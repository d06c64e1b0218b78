"""Mise en forme française du calculateur : voir pyscripts/francais.py (commun aux deux moteurs)."""

from ..francais import JOURS, MOIS, date_fr, duree_fr, enumeration, majuscule

__all__ = ["JOURS", "MOIS", "date_fr", "duree_fr", "enumeration", "majuscule"]
