"""Les dates des faits, lues comme les gens les écrivent, à la précision qu'ils ont donnée.

    « 14 juin 2025 », « 1er juin 2025 », « 14/06/2025 », « 14/6/25 », « 14.06.2025 », « 2025-06-14 » → un jour
    « juin 2025 », « 06/2025 », « 6/25 », « 2025-06 »                                               → un mois
    « 2025 »                                                                                        → une année

Une année écrite en deux chiffres est celle des cent dernières années : « 25 » est 2025 et « 98 »
1998 (en 2026). Les mois s'écrivent en entier ou abrégés (« févr. », « sept »), avec ou sans accent.
Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..erreurs import EntreeInvalide
from ..francais import MOIS
from ..lecture import extrait

# Les exemples des messages, sous la forme que les gens écrivent ; insécables : jamais coupés en fin de ligne.
EXEMPLES = (
    "«\u00a014\u00a0mars\u00a02025\u00a0» ou «\u00a014/03/2025\u00a0», un mois «\u00a0mars\u00a02025\u00a0» "
    "ou une année «\u00a02025\u00a0»"
)
REGLE_DEUX_CHIFFRES = "une année en deux chiffres est celle des cent dernières années («\u00a025\u00a0» : 2025)"

ANNEE_MINIMUM = 1900
# « le 14 septembre 2025 » a 21 caractères : au-delà, ce n'est pas une date, et rien n'est analysé.
LONGUEUR_MAXIMUM = 30
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_CHIFFRES = re.compile(r"(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4}|\d{2})")
_EN_LETTRES = re.compile(r"(?:(\d{1,2})(?:er)?\s+)?([^\W\d_]+)\.?\s+(\d{4}|\d{2})")
_PREFIXE = re.compile(r"^(?:le|en)\s+", re.IGNORECASE)  # « le 14 juin 2025 », « en juin 2025 »


def _sans_accent(texte: str) -> str:
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower()


# Chaque mois : son nom entier et ses abréviations courantes, sans accent.
_NOMS_DES_MOIS = {
    **{_sans_accent(nom): i for i, nom in enumerate(MOIS, 1)},
    **{
        abrege: i
        for i, abreges in enumerate(
            (
                ("janv", "jan"),
                ("fevr", "fev"),
                ("mar",),
                ("avr",),
                (),
                (),
                ("juil",),
                ("aou",),
                ("sept", "sep"),
                ("oct",),
                ("nov",),
                ("dec",),
            ),
            1,
        )
        for abrege in abreges
    },
}


@dataclass(frozen=True)
class Date:
    """Une date plus ou moins précise : le jour, le mois ou seulement l'année."""

    annee: int
    mois: int | None = None
    jour: int | None = None

    def debut(self) -> date:
        return date(self.annee, self.mois or 1, self.jour or 1)

    def fin(self) -> date:
        if self.jour:
            return self.debut()
        if self.mois:
            suivant = date(self.annee + self.mois // 12, self.mois % 12 + 1, 1)
            return date.fromordinal(suivant.toordinal() - 1)
        return date(self.annee, 12, 31)

    def iso(self) -> str:
        """« 2025-03-14 », « 2025-03 » ou « 2025 », selon la précision."""
        return self.debut().isoformat()[: 10 if self.jour else 7 if self.mois else 4]

    def texte(self) -> str:
        """« 1er mars 2025 », « mars 2025 », « 2025 »."""
        if self.jour:
            return f"{'1er' if self.jour == 1 else self.jour} {MOIS[self.mois - 1]} {self.annee}"
        if self.mois:
            return f"{MOIS[self.mois - 1]} {self.annee}"
        return str(self.annee)


def _annee(ecrite: str, aujourdhui: date) -> int:
    """« 2025 » → 2025 ; « 25 » → l'année des cent dernières années qui finit ainsi."""
    if len(ecrite) == 4:
        return int(ecrite)
    annee = aujourdhui.year // 100 * 100 + int(ecrite)
    return annee - 100 if annee > aujourdhui.year else annee


def _morceaux(texte: str, aujourdhui: date) -> tuple[int, int | None, int | None] | None:
    """(année, mois, jour) lus dans `texte`, ou None s'il n'est sous aucune forme connue."""
    if m := _ISO.fullmatch(texte):
        annee, mois, jour = (int(x) if x else None for x in m.groups())
        return annee, mois, jour
    if m := _CHIFFRES.fullmatch(texte):
        jour, mois, annee = m.groups()
        return _annee(annee, aujourdhui), int(mois), int(jour) if jour else None
    if (m := _EN_LETTRES.fullmatch(texte)) and (mois := _NOMS_DES_MOIS.get(_sans_accent(m.group(2)))):
        jour, _, annee = m.groups()
        return _annee(annee, aujourdhui), mois, int(jour) if jour else None
    return None


def lit_date(valeur, champ: str, aujourdhui: date) -> Date:
    """Une date du jour, du mois ou de l'année, écrite en chiffres ou en lettres."""
    if not isinstance(valeur, str) or not valeur.strip():
        raise EntreeInvalide(champ, f"Indiquez une date : par exemple {EXEMPLES}.")
    texte = " ".join(valeur.split())
    cite = extrait(texte)  # jamais le texte entier, ni ses caractères invisibles
    lu = _morceaux(_PREFIXE.sub("", texte), aujourdhui) if len(texte) <= LONGUEUR_MAXIMUM else None
    if lu is None:
        raise EntreeInvalide(
            champ, f"{cite} n'est pas une date comprise : écrivez par exemple {EXEMPLES} ; {REGLE_DEUX_CHIFFRES}."
        )
    annee, mois, jour = lu
    if annee < ANNEE_MINIMUM:
        raise EntreeInvalide(champ, f"L'année {annee} est trop ancienne : vérifiez la date.")
    try:
        d = Date(annee, mois, jour)
        d.debut()
    except ValueError:
        raise EntreeInvalide(champ, f"La date {cite} n'existe pas dans le calendrier.") from None
    if d.debut() > aujourdhui:  # `aujourdhui` est borné (requete.py) : la fin d'un mois passé existe
        raise EntreeInvalide(champ, f"La date {cite} est dans le futur : un fait se raconte une fois arrivé.")
    return d
