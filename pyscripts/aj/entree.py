"""Lire la situation reçue (un dict JSON) et refuser en français ce qui ne va pas.

Chaque refus est une `EntreeInvalide(champ, message)` : le champ fautif et une
phrase qui dit quoi corriger. Rien ici ne décide de l'aide elle-même.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from ..erreurs import EntreeInvalide
from .mise_en_forme import date_longue

# Nom de chaque donnée, tel qu'on le glisse dans une phrase (« Indiquez … »).
LIBELLES = {
    "date_demande": "la date de dépôt de la demande",
    "personnes_foyer": "le nombre de personnes de votre foyer fiscal, vous compris",
    "rfr": "votre revenu fiscal de référence",
    "changement_situation": "le changement de situation depuis votre dernier avis d'impôt",
    "revenus_6_mois": "vos revenus imposables des 6 derniers mois",
    "patrimoine_mobilier": "votre épargne et vos placements (patrimoine mobilier)",
    "patrimoine_immobilier": "la valeur de vos biens immobiliers, hors résidence principale",
    "cas_particulier": "le cas particulier (lettre A à E du formulaire de demande)",
    "protection_juridique": "votre protection juridique (assurance)",
    "ordonnance_protection": "la demande d'ordonnance de protection",
    "nationalite": "votre nationalité",
    "residence_habituelle": "votre résidence habituelle en France",
    "residence_reguliere": "la régularité de votre séjour en France",
    "exception_residence": "la situation qui dispense de la condition de résidence",
    "audition_mineur": "l'audition d'un enfant mineur par le juge",
}

CAS_PARTICULIERS = ("A", "B", "C", "D", "E")
PROTECTIONS = ("aucune", "partielle", "totale")
NATIONALITES = ("francaise", "union_europeenne", "autre")

# Étrangers que la loi dispense de condition de résidence (loi n° 91-647, art. 3).
# La condition de ressources reste applicable.
EXCEPTIONS_RESIDENCE = {
    "mineur": "vous êtes mineur",
    "temoin_assiste": "vous êtes témoin assisté",
    "mis_en_examen": "vous êtes mis en examen",
    "prevenu": "vous êtes prévenu (poursuivi devant le tribunal correctionnel ou de police)",
    "accuse": "vous êtes accusé (poursuivi devant la cour d'assises ou la cour criminelle)",
    "condamne": "vous êtes condamné",
    "partie_civile": "vous êtes partie civile",
    "beneficiaire_ordonnance_protection": "vous bénéficiez d'une ordonnance de protection",
    "crpc": "vous êtes convoqué pour une comparution sur reconnaissance préalable de culpabilité",
    "zone_attente": "vous êtes maintenu en zone d'attente",
    "commission_titre_sejour": "vous êtes convoqué devant la commission du titre de séjour",
    "eloignement": "vous contestez une obligation de quitter le territoire ou une autre mesure d'éloignement",
    "expulsion": "vous faites l'objet d'une procédure d'expulsion",
    "retention": "vous êtes placé ou maintenu en rétention administrative",
    "transfert_dublin": "vous contestez une décision de transfert vers un autre État européen (procédure « Dublin »)",
}
# Exceptions que la loi désigne par des articles du CESEDA dans leur ancienne numérotation.
EXCEPTIONS_CESEDA = ("zone_attente", "commission_titre_sejour", "eloignement", "expulsion",
                     "retention", "transfert_dublin")

MONTANT_MAXIMUM = 10**12  # au-delà, c'est une faute de frappe, pas un patrimoine
PERSONNES_MAXIMUM = 99

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Situation:
    date_demande: date
    personnes_foyer: int | None
    rfr: int | None
    rfr_indique: bool  # la clé `rfr` était présente (même à null)
    changement_situation: bool
    revenus_6_mois: int | float | None
    patrimoine_mobilier: int | float
    patrimoine_immobilier: int | float
    cas_particulier: str | None
    protection_juridique: str
    ordonnance_protection: bool
    nationalite: str
    residence_habituelle: bool | None
    residence_reguliere: bool | None
    exception_residence: str | None
    audition_mineur: bool


def manquant(champ: str, raison: str = "") -> EntreeInvalide:
    """L'erreur pour une donnée nécessaire mais absente (ou null)."""
    suite = f" : {raison}" if raison else "."
    return EntreeInvalide(champ, f"Indiquez {LIBELLES[champ]} ({champ}){suite}")


def _booleen(entree: dict, champ: str, defaut: bool | None) -> bool | None:
    valeur = entree.get(champ)
    if valeur is None:
        return defaut
    if not isinstance(valeur, bool):
        raise EntreeInvalide(champ, f"Répondez par true (oui) ou false (non) pour {LIBELLES[champ]} ({champ}).")
    return valeur


def _choix(entree: dict, champ: str, possibles, defaut: str | None) -> str | None:
    valeur = entree.get(champ)
    if valeur is None:
        return defaut
    if not isinstance(valeur, str) or valeur not in possibles:
        liste = ", ".join(f"« {p} »" for p in possibles)
        montre = f"« {valeur} »" if isinstance(valeur, str) else "cette valeur"
        raise EntreeInvalide(champ, f"Pour {LIBELLES[champ]} ({champ}), {montre} n'est pas prévu : "
                                    f"choisissez parmi {liste}, ou null.")
    return valeur


def _nombre(entree: dict, champ: str, defaut, *, entier: bool, exemple: str):
    valeur = entree.get(champ)
    if valeur is None:
        return defaut
    if isinstance(valeur, bool) or not isinstance(valeur, (int, float)) or (
            isinstance(valeur, float) and not math.isfinite(valeur)):
        sorte = "un nombre entier, sans espace ni guillemets" if entier else \
            "un nombre, sans espace, guillemets ni symbole €"
        raise EntreeInvalide(champ, f"Indiquez {LIBELLES[champ]} ({champ}) par {sorte}, par exemple {exemple}.")
    if isinstance(valeur, float) and entier:
        if not valeur.is_integer():
            raise EntreeInvalide(champ, f"Indiquez {LIBELLES[champ]} ({champ}) par un nombre entier, "
                                        f"sans virgule, par exemple {exemple}.")
        valeur = int(valeur)
    if valeur < 0:
        raise EntreeInvalide(champ, f"Indiquez {LIBELLES[champ]} ({champ}) par un nombre positif ou nul : "
                                    f"un nombre négatif n'est pas possible.")
    if valeur > MONTANT_MAXIMUM:
        raise EntreeInvalide(champ, f"Le nombre indiqué pour {LIBELLES[champ]} ({champ}) est bien trop grand : "
                                    f"vérifiez-le.")
    return valeur


def _date(entree: dict, champ: str, aujourd_hui: date, premier_jour: date) -> date:
    valeur = entree.get(champ)
    if valeur is None:
        return aujourd_hui
    if not isinstance(valeur, str) or not _DATE.fullmatch(valeur):
        raise EntreeInvalide(champ, f"Écrivez {LIBELLES[champ]} ({champ}) sous la forme AAAA-MM-JJ, "
                                    f"par exemple 2025-03-14.")
    try:
        jour = date.fromisoformat(valeur)
    except ValueError:
        raise EntreeInvalide(champ, f"La date « {valeur} » n'existe pas : vérifiez le jour et le mois "
                                    f"({champ}).") from None
    if jour < premier_jour:
        raise EntreeInvalide(champ, f"Ce simulateur applique les règles de la réforme de l'aide juridictionnelle "
                                    f"entrée en vigueur le {date_longue(premier_jour)} : il ne traite que les "
                                    f"demandes déposées depuis cette date. Pour une demande plus ancienne, "
                                    f"d'autres règles s'appliquaient ({champ}).")
    return jour


def lit(entree: dict, aujourd_hui: date, premier_jour: date) -> Situation:
    """Vérifie chaque donnée reçue et renvoie la situation complétée des valeurs par défaut."""
    if not isinstance(entree, dict):
        raise EntreeInvalide("entree", "L'entrée doit être un objet JSON, par exemple {\"personnes_foyer\": 1}.")
    inconnues = sorted((str(cle) for cle in entree if cle not in LIBELLES))
    if inconnues:
        acceptees = ", ".join(LIBELLES)
        raise EntreeInvalide(inconnues[0], f"Donnée inconnue : « {inconnues[0]} ». "
                                           f"Données acceptées : {acceptees}.")
    personnes = _nombre(entree, "personnes_foyer", None, entier=True, exemple="2")
    if personnes is not None and personnes < 1:
        raise EntreeInvalide("personnes_foyer", "Votre foyer fiscal compte au moins une personne, vous : "
                                                "indiquez 1 ou plus (personnes_foyer).")
    if personnes is not None and personnes > PERSONNES_MAXIMUM:
        raise EntreeInvalide("personnes_foyer", f"Un foyer fiscal de {personnes} personnes n'est pas plausible : "
                                                f"vérifiez le nombre (personnes_foyer).")
    return Situation(
        date_demande=_date(entree, "date_demande", aujourd_hui, premier_jour),
        personnes_foyer=personnes,
        rfr=_nombre(entree, "rfr", None, entier=True, exemple="12000"),
        rfr_indique="rfr" in entree,
        changement_situation=_booleen(entree, "changement_situation", False),
        revenus_6_mois=_nombre(entree, "revenus_6_mois", None, entier=False, exemple="6000"),
        patrimoine_mobilier=_nombre(entree, "patrimoine_mobilier", 0, entier=False, exemple="3500"),
        patrimoine_immobilier=_nombre(entree, "patrimoine_immobilier", 0, entier=False, exemple="0"),
        cas_particulier=_choix(entree, "cas_particulier", CAS_PARTICULIERS, None),
        protection_juridique=_choix(entree, "protection_juridique", PROTECTIONS, "aucune"),
        ordonnance_protection=_booleen(entree, "ordonnance_protection", False),
        nationalite=_choix(entree, "nationalite", NATIONALITES, "francaise"),
        residence_habituelle=_booleen(entree, "residence_habituelle", None),
        residence_reguliere=_booleen(entree, "residence_reguliere", None),
        exception_residence=_choix(entree, "exception_residence", tuple(EXCEPTIONS_RESIDENCE), None),
        audition_mineur=_booleen(entree, "audition_mineur", False),
    )
