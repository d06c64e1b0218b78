"""Lire la situation reçue (un dict JSON) et refuser en français ce qui ne va pas.

Chaque refus est une `EntreeInvalide(champ, message)` : le champ fautif et une
phrase qui dit quoi corriger. Rien ici ne décide de l'aide elle-même.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..cli import NON_OBJET
from ..erreurs import EntreeInvalide
from ..francais import date_longue
from ..lecture import donnee_inconnue, lit_booleen, lit_choix, lit_date, lit_nombre, refus

# Nom de chaque donnée, tel qu'on le glisse dans une phrase (« Indiquez … »).
LIBELLES = {
    "date_demande": "la date de dépôt de la demande",
    "personnes_foyer": "le nombre de personnes de votre foyer fiscal, vous compris",
    "rfr": "votre revenu fiscal de référence",
    "changement_situation": "le changement de situation depuis votre dernier avis d'impôt",
    "revenus_6_mois": "vos revenus imposables des 6 derniers mois",
    "patrimoine_mobilier": "votre épargne et vos placements",
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
# La condition de ressources reste applicable. Valeur → (phrase du résultat, réponse du formulaire).
EXCEPTIONS_RESIDENCE = {
    "mineur": ("vous êtes mineur", "Je suis mineur"),
    "temoin_assiste": ("vous êtes témoin assisté", "Je suis témoin assisté"),
    "mis_en_examen": ("vous êtes mis en examen", "Je suis mis en examen"),
    "prevenu": (
        "vous êtes prévenu (poursuivi devant le tribunal correctionnel ou de police)",
        "Je suis prévenu (poursuivi devant le tribunal correctionnel ou de police)",
    ),
    "accuse": (
        "vous êtes accusé (poursuivi devant la cour d'assises ou la cour criminelle)",
        "Je suis accusé (devant la cour d'assises ou la cour criminelle)",
    ),
    "condamne": ("vous êtes condamné", "Je suis condamné"),
    "partie_civile": ("vous êtes partie civile", "Je suis partie civile"),
    "beneficiaire_ordonnance_protection": (
        "vous bénéficiez d'une ordonnance de protection",
        "J'ai une ordonnance de protection",
    ),
    "crpc": (
        "vous êtes convoqué pour une comparution sur reconnaissance préalable de culpabilité",
        "Je suis convoqué pour une comparution sur reconnaissance préalable de culpabilité",
    ),
    "zone_attente": ("vous êtes maintenu en zone d'attente", "Je suis maintenu en zone d'attente"),
    "commission_titre_sejour": (
        "vous êtes convoqué devant la commission du titre de séjour",
        "Je suis convoqué devant la commission du titre de séjour",
    ),
    "eloignement": (
        "vous contestez une obligation de quitter le territoire ou une autre mesure d'éloignement",
        "Je conteste une obligation de quitter le territoire ou une autre mesure d'éloignement",
    ),
    "expulsion": ("vous faites l'objet d'une procédure d'expulsion", "Je fais l'objet d'une procédure d'expulsion"),
    "retention": ("vous êtes placé ou maintenu en rétention administrative", "Je suis en rétention administrative"),
    "transfert_dublin": (
        "vous contestez une décision de transfert vers un autre État européen (procédure « Dublin »)",
        "Je conteste un transfert vers un autre État européen (procédure « Dublin »)",
    ),
}
# Cas où les ressources ne sont pas examinées, tels que le formulaire les propose (lettres A à E
# du Cerfa 16146 ; « mineur » : l'audition d'un mineur, audition_mineur).
QUESTIONS_CAS = {
    "A": "Je suis victime d'un crime très grave (meurtre, viol, torture, terrorisme…), ou proche d'une victime "
    "décédée, et je demande réparation",
    "B": "J'ai déjà l'aide juridictionnelle et mon adversaire fait appel (ou un autre recours)",
    "C": "Je fais un recours devant la Cour nationale du droit d'asile (CNDA)",
    "D": "Mon affaire concerne une pension militaire d'invalidité ou les droits des victimes de guerre",
    "E": "J'avais l'aide pour tenter un accord amiable, qui a échoué, et je vais au procès",
    "mineur": "Je suis mineur et le juge va m'entendre (par exemple dans la séparation de mes parents)",
}
# Exceptions que la loi désigne par des articles du CESEDA dans leur ancienne numérotation.
EXCEPTIONS_CESEDA = (
    "zone_attente",
    "commission_titre_sejour",
    "eloignement",
    "expulsion",
    "retention",
    "transfert_dublin",
)

PERSONNES_MAXIMUM = 99


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
    suite = f" {raison[:1].upper()}{raison[1:]}" if raison else ""
    return refus(champ, LIBELLES[champ], f"cette réponse manque.{suite}")


def _montant(entree: dict, champ: str, defaut, *, entier: bool, exemple: str):
    valeur = entree.get(champ)
    if valeur is None:
        return defaut
    return lit_nombre(valeur, champ, LIBELLES[champ], entier=entier, exemple=exemple)


def _date(entree: dict, aujourd_hui: date, periode: tuple[date, date]) -> date:
    valeur = entree.get("date_demande")
    if valeur is None:
        return aujourd_hui
    premier, dernier = periode
    trop_tot = (
        f"le simulateur applique les règles de la réforme de l'aide juridictionnelle entrée en vigueur le "
        f"{date_longue(premier)} : il ne traite que les demandes déposées depuis cette date. Pour une "
        f"demande plus ancienne, d'autres règles s'appliquaient"
    )
    trop_tard = (
        f"le simulateur ne traite pas les demandes déposées après le {date_longue(dernier)} : ses barèmes "
        f"seraient trop anciens pour une estimation utile. Vérifiez l'année"
    )
    return lit_date(
        valeur,
        "date_demande",
        LIBELLES["date_demande"],
        premier=premier,
        dernier=dernier,
        trop_tot=trop_tot,
        trop_tard=trop_tard,
    )


def _personnes(entree: dict) -> int | None:
    valeur = entree.get("personnes_foyer")
    if valeur is None:
        return None
    libelle = LIBELLES["personnes_foyer"]
    if valeur == 0 and not isinstance(valeur, bool):
        raise refus(
            "personnes_foyer", libelle, "votre foyer fiscal compte au moins une personne, vous : indiquez 1 ou plus."
        )
    return lit_nombre(
        valeur,
        "personnes_foyer",
        libelle,
        entier=True,
        exemple="2",
        minimum=1,
        maximum=PERSONNES_MAXIMUM,
        unite="personnes",
    )


def lit(entree: dict, aujourd_hui: date, periode: tuple[date, date]) -> Situation:
    """Vérifie chaque donnée reçue et renvoie la situation complétée des valeurs par défaut.
    `periode` : premier et dernier jours de dépôt que le simulateur accepte (paramètres)."""
    if not isinstance(entree, dict):
        raise EntreeInvalide("entree", NON_OBJET)
    inconnues = sorted(str(cle) for cle in entree if cle not in LIBELLES)
    if inconnues:
        raise donnee_inconnue(inconnues[0], LIBELLES, "une question du simulateur")
    return Situation(
        date_demande=_date(entree, aujourd_hui, periode),
        personnes_foyer=_personnes(entree),
        rfr=_montant(entree, "rfr", None, entier=True, exemple="12 000"),
        rfr_indique="rfr" in entree,
        changement_situation=_booleen(entree, "changement_situation", False),
        revenus_6_mois=_montant(entree, "revenus_6_mois", None, entier=False, exemple="6 000"),
        patrimoine_mobilier=_montant(entree, "patrimoine_mobilier", 0, entier=False, exemple="3 500"),
        patrimoine_immobilier=_montant(entree, "patrimoine_immobilier", 0, entier=False, exemple="0"),
        cas_particulier=_choix(entree, "cas_particulier", CAS_PARTICULIERS, None),
        protection_juridique=_choix(entree, "protection_juridique", PROTECTIONS, "aucune"),
        ordonnance_protection=_booleen(entree, "ordonnance_protection", False),
        nationalite=_choix(entree, "nationalite", NATIONALITES, "francaise"),
        residence_habituelle=_booleen(entree, "residence_habituelle", None),
        residence_reguliere=_booleen(entree, "residence_reguliere", None),
        exception_residence=_choix(entree, "exception_residence", tuple(EXCEPTIONS_RESIDENCE), None),
        audition_mineur=_booleen(entree, "audition_mineur", False),
    )


def _booleen(entree: dict, champ: str, defaut: bool | None) -> bool | None:
    return lit_booleen(entree, champ, LIBELLES[champ], defaut)


def _choix(entree: dict, champ: str, possibles, defaut: str | None) -> str | None:
    return lit_choix(entree, champ, LIBELLES[champ], possibles, defaut)
