"""Lecture et contrôle de l'entrée JSON : chaque refus nomme le champ et s'explique en français.

Les règles de lecture communes aux deux moteurs (null = pas répondu, 2.0 = 2, chiffres
d'une autre écriture, extrait nettoyé de la valeur refusée) sont dans pyscripts/lecture.py.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from ..erreurs import EntreeInvalide
from ..lecture import donnee_inconnue, extrait, lit_choix, lit_nombre, refus
from ..lecture import lit_booleen as _lit_booleen
from ..lecture import lit_date as _lit_date
from . import calendrier, repertoire
from .calcul import HorsParametres, Regle
from .francais import date_fr

# Nom de chaque donnée, tel qu'on le glisse dans une phrase ; la page pose la même question.
LIBELLES = {
    "depart": "la date de départ du délai",
    "duree": "la durée du délai",
    "duree.annees": "le nombre d'années du délai",
    "duree.mois": "le nombre de mois du délai",
    "duree.jours": "le nombre de jours du délai",
    "delai": "votre démarche (le délai à calculer)",
    "lieu_juridiction": "le lieu où siège le tribunal",
    "residence_partie": "le lieu où habite la personne qui doit agir",
    "franc": "le délai franc",
    "sens": "le sens du délai",
    "ics": "l'export vers un agenda",
    "titres_complets": "les titres complets dans l'agenda",
    "scenario": "ce que vous voulez calculer",
    "ordonnance_fixant_audience": "la date où le juge a fixé l'audience (jour 0)",
    "date_audience": "la date de l'audience",
    "notification_op": "la date de notification de l'ordonnance de protection",
    "duree_mesures_mois": "la durée des mesures écrite dans l'ordonnance",
    "demande_aj": "la date d'envoi de la demande d'aide juridictionnelle",
    "admission_provisoire": "la date de notification de l'admission provisoire",
    "caducite": "la date de notification de la caducité de la demande",
    "decision_baj": "la date de notification de la décision du bureau d'aide juridictionnelle",
    "sens_decision": "ce que dit la décision du bureau d'aide juridictionnelle",
    "decision_recours": "la date de notification de la décision sur votre recours",
    "designations_avocat": "la date de désignation de l'avocat",
}
# Durée libre : unité → (maximum du calculateur, unité écrite dans une phrase).
_MAXIMUMS = {"annees": (30, "ans"), "mois": (360, "mois"), "jours": (3660, "jours")}
_REFUS_HEURES = (
    "les délais en heures (par exemple les 24 heures de l'ordonnance provisoire de protection "
    "immédiate, ou un référé d'heure à heure) ne se comptent pas comme les délais en jours : "
    "ce calculateur ne les traite pas."
)
_REFUS_A_REBOURS = (
    "un délai à rebours (« au moins 15 jours avant l'audience ») n'est pas calculé ici : "
    "il n'est jamais reporté au jour ouvrable suivant, il faut au contraire agir plus tôt "
    "(Cass., 14 février 1990, n° 88-19.900)."
)


def refuse(champ: str, probleme: str) -> EntreeInvalide:
    """Le refus de la donnée `champ` : son nom en français, puis le problème."""
    return refus(champ, LIBELLES[champ], probleme)


def verifie_champs(entree: dict, permis: tuple[str, ...], contexte: str = "") -> None:
    """Refuse toute clé inattendue (une faute de frappe ne doit pas passer inaperçue). Le champ de
    l'erreur est toujours une vraie donnée : `contexte` (ex. « duree »), sinon « entree »."""
    for cle in entree:
        if cle not in permis:
            if contexte:
                raise refuse(
                    contexte,
                    f"{extrait(str(cle))} n'est pas une unité possible : comptez en jours, en mois ou en années.",
                )
            raise donnee_inconnue(cle, permis, "une question du calculateur")


@contextmanager
def au_champ(champ: str, champ_date: str | None = None):
    """Convertit un calcul qui sort du calendrier en refus adressé au champ `champ`, et un
    calcul qui précède les paramètres datés connus en refus adressé à `champ_date`
    (la date qui choisit la règle ; par défaut `champ`)."""
    try:
        yield
    except calendrier.HorsCalendrier as exc:
        texte = str(exc)
        raise refuse(champ, f"{texte[:1].lower()}{texte[1:]} Choisissez une date ou une durée plus courte.") from None
    except HorsParametres as exc:
        texte = str(exc)
        raise refuse(champ_date or champ, f"{texte[:1].lower()}{texte[1:]}") from None


def lit_date(entree: dict, champ: str, *, obligatoire: bool = True, feries: dict | None = None) -> date | None:
    valeur = entree.get(champ)
    if valeur is None:
        if obligatoire:
            raise refuse(champ, "cette date est obligatoire (sous la forme AAAA-MM-JJ, par exemple 2025-06-05).")
        return None
    if isinstance(valeur, str) and ("T" in valeur or ":" in valeur):
        raise refuse(champ, "indiquez seulement le jour, sans heure. " + _REFUS_HEURES[0].upper() + _REFUS_HEURES[1:])
    premier, dernier = calendrier.bornes(feries)
    hors = (
        f"le calendrier des jours fériés du calculateur va du {date_fr(premier, semaine=False)} au "
        f"{date_fr(dernier, semaine=False)} : choisissez une date entre les deux"
    )
    return _lit_date(valeur, champ, LIBELLES[champ], premier=premier, dernier=dernier, trop_tot=hors)


def lit_entier(valeur, champ: str, minimum: int, maximum: int, unite: str) -> int:
    if champ.startswith("duree.") and isinstance(valeur, (int, float)) and not isinstance(valeur, bool) and valeur < 0:
        raise refuse(champ, _REFUS_A_REBOURS[0].upper() + _REFUS_A_REBOURS[1:])
    return lit_nombre(
        valeur, champ, LIBELLES[champ], entier=True, exemple="15", minimum=minimum, maximum=maximum, unite=unite
    )


def lit_duree(valeur) -> dict:
    if not isinstance(valeur, dict):
        raise refuse("duree", "indiquez un nombre de jours, de mois ou d'années (par exemple 15 jours).")
    for cle in valeur:
        if cle in ("heures", "minutes"):
            raise refuse("duree", _REFUS_HEURES[0].upper() + _REFUS_HEURES[1:])
        if cle == "semaines":
            raise refuse(
                "duree",
                "les délais de procédure ne se comptent pas en semaines : indiquez le nombre "
                "de jours (1 semaine = 7 jours).",
            )
    verifie_champs(valeur, tuple(_MAXIMUMS), "duree")
    duree = {
        cle: lit_entier(valeur[cle], f"duree.{cle}", 1, maximum, unite)
        for cle, (maximum, unite) in _MAXIMUMS.items()
        if valeur.get(cle) is not None
    }
    if not duree:  # {"jours": null} : rien de répondu, jamais un délai de 0 jour
        raise refuse("duree", "indiquez un nombre de jours, de mois ou d'années (par exemple 15 jours).")
    return duree


def _lieux(feries: dict | None) -> tuple[dict, dict]:
    """Territoires et autres lieux. Les messages les listent triés : l'ordre des clés d'un
    dictionnaire de données n'est pas garanti (la roue du navigateur embarque un JSON trié)."""
    table = calendrier.table(feries)
    return table["territoires"], table["autres_lieux"]


def lit_lieu(entree: dict, champ: str = "lieu_juridiction", feries: dict | None = None) -> str:
    territoires, autres = _lieux(feries)
    valeur = entree.get(champ)
    if valeur is None:
        return "metropole"
    if isinstance(valeur, str) and valeur in territoires:
        return valeur
    if isinstance(valeur, str) and valeur in autres:
        raise refuse(champ, autres[valeur]["refus"])
    if valeur == "etranger":
        raise refuse(
            champ, "ce calculateur ne compte que les délais devant une juridiction française : indiquez où elle siège."
        )
    raise refuse(
        champ, f"{extrait(valeur)} n'est pas un lieu connu. Lieux possibles : {', '.join(sorted(territoires))}."
    )


def lit_residence(entree: dict, champ: str = "residence_partie", feries: dict | None = None) -> str | None:
    territoires, autres = _lieux(feries)
    possibles = sorted([*territoires, *autres, "etranger"])
    return lit_choix(entree, champ, LIBELLES[champ], possibles, None)


def lit_booleen(entree: dict, champ: str, defaut: bool) -> bool:
    return _lit_booleen(entree, champ, LIBELLES[champ], defaut)


def lit_sens(entree: dict) -> None:
    valeur = entree.get("sens")
    if valeur in ("avant", "a_rebours"):
        raise refuse("sens", _REFUS_A_REBOURS[0].upper() + _REFUS_A_REBOURS[1:])
    if valeur not in (None, "apres"):
        raise refuse("sens", "seule la réponse « apres » est possible : le délai court après l'événement de départ.")


def lit_regle(entree: dict, *, delais: dict | None = None, aide_juridictionnelle: bool = False) -> Regle:
    """La règle du délai : une entrée du catalogue (`delai`) ou une durée libre (`duree`, `franc`)."""
    identifiant = entree.get("delai")
    if identifiant is None:
        if entree.get("duree") is None:
            raise refuse(
                "duree",
                "indiquez la durée du délai (par exemple 15 jours), ou choisissez votre démarche dans la liste.",
            )
        duree = lit_duree(entree["duree"])
        return Regle(
            annees=duree.get("annees", 0),
            mois=duree.get("mois", 0),
            jours=duree.get("jours", 0),
            franc=lit_booleen(entree, "franc", False),
            augmentation="inconnue",  # on ne sait pas si c'est un délai d'appel, d'opposition…
            aide_juridictionnelle="art43" if aide_juridictionnelle else "aucun",
        )
    if not isinstance(identifiant, str) or repertoire.entree(identifiant, delais) is None:
        raise refuse(
            "delai",
            f"{extrait(identifiant)} n'est pas un délai du calculateur. Délais possibles : "
            f"{', '.join(repertoire.identifiants(delais))}.",
        )
    for champ in ("duree", "franc"):
        if entree.get(champ) is not None:
            raise refuse(
                champ,
                f"le délai choisi (« {repertoire.entree(identifiant, delais)['libelle']} ») fixe "
                "déjà sa durée et son mode de calcul : ne l'indiquez pas.",
            )
    return repertoire.regle(identifiant, delais)


def lieu_de_la_regle(entree: dict, regle: Regle, feries: dict | None = None) -> str:
    """Le lieu de la juridiction, imposé par certains délais (Cour de cassation : Paris)."""
    lieu = lit_lieu(entree, feries=feries)
    if regle.lieu and entree.get("lieu_juridiction") is not None and lieu != regle.lieu:
        raise refuse(
            "lieu_juridiction",
            f"ce délai se compte là où siège la juridiction compétente, {calendrier.dans(regle.lieu, feries)} : "
            "choisissez ce lieu.",
        )
    return regle.lieu or lieu
