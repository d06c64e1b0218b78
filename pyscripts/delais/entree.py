"""Lecture et contrôle de l'entrée JSON : chaque refus nomme le champ et s'explique en français."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date

from ..erreurs import EntreeInvalide
from . import calendrier, repertoire
from .calcul import HorsParametres, Regle
from .francais import date_fr

_DATE_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAXIMUMS = {"annees": (30, "ans"), "mois": (360, "mois"), "jours": (3660, "jours")}
_REFUS_HEURES = (
    "Les délais en heures (par exemple les 24 heures de l'ordonnance provisoire de protection "
    "immédiate, ou un référé d'heure à heure) ne se comptent pas comme les délais en jours : "
    "ce calculateur ne les traite pas."
)
_REFUS_A_REBOURS = (
    "Un délai à rebours (« au moins 15 jours avant l'audience ») n'est pas calculé ici : "
    "il n'est jamais reporté au jour ouvrable suivant, il faut au contraire agir plus tôt "
    "(Cass., 14 février 1990, n° 88-19.900)."
)


def verifie_champs(entree: dict, permis: tuple[str, ...], contexte: str = "") -> None:
    """Refuse toute clé inattendue (une faute de frappe ne doit pas passer inaperçue)."""
    for cle in entree:
        if cle not in permis:
            champ = f"{contexte}.{cle}" if contexte else cle
            raise EntreeInvalide(champ, f"Champ inconnu : « {cle} ». Champs acceptés : {', '.join(permis)}.")


@contextmanager
def au_champ(champ: str, champ_date: str | None = None):
    """Convertit un calcul qui sort du calendrier en refus adressé au champ `champ`, et un
    calcul qui précède les paramètres datés connus en refus adressé à `champ_date`
    (la date qui choisit la règle ; par défaut `champ`)."""
    try:
        yield
    except calendrier.HorsCalendrier as exc:
        raise EntreeInvalide(champ, f"{exc} Choisissez une date ou une durée plus courte.") from None
    except HorsParametres as exc:
        raise EntreeInvalide(champ_date or champ, str(exc)) from None


def lit_date(entree: dict, champ: str, *, obligatoire: bool = True, feries: dict | None = None) -> date | None:
    valeur = entree.get(champ)
    if valeur is None:
        if obligatoire:
            raise EntreeInvalide(champ, "Cette date est obligatoire (format AAAA-MM-JJ, par exemple \"2025-06-05\").")
        return None
    if not isinstance(valeur, str):
        raise EntreeInvalide(champ, "La date doit être un texte au format AAAA-MM-JJ, par exemple \"2025-06-05\".")
    if "T" in valeur or ":" in valeur:
        raise EntreeInvalide(champ, "Indiquez seulement le jour, sans heure (AAAA-MM-JJ). " + _REFUS_HEURES)
    if not _DATE_ISO.fullmatch(valeur):
        raise EntreeInvalide(champ, f"« {valeur} » n'est pas au format AAAA-MM-JJ (par exemple \"2025-06-05\").")
    try:
        jour = date.fromisoformat(valeur)
    except ValueError:
        raise EntreeInvalide(champ, f"La date « {valeur} » n'existe pas dans le calendrier.") from None
    premier, dernier = calendrier.bornes(feries)
    if not premier <= jour <= dernier:
        raise EntreeInvalide(
            champ,
            f"La date doit être comprise entre le {date_fr(premier)} et le {date_fr(dernier)} : "
            "le calendrier des jours fériés du calculateur ne couvre que ces années.",
        )
    return jour


def lit_entier(valeur, champ: str, minimum: int, maximum: int, unite: str) -> int:
    if isinstance(valeur, bool) or not isinstance(valeur, int):
        raise EntreeInvalide(champ, f"Indiquez un nombre entier de {unite}, par exemple 15 (pas de texte, de virgule ni de vrai/faux).")
    if valeur < 0:
        raise EntreeInvalide(champ, "Le nombre doit être positif. " + _REFUS_A_REBOURS)
    if valeur < minimum:
        raise EntreeInvalide(champ, f"Le nombre de {unite} doit être au moins {minimum}.")
    if valeur > maximum:
        raise EntreeInvalide(champ, f"{valeur} {unite}, c'est plus que la limite de {maximum} {unite} de ce calculateur.")
    return valeur


def lit_duree(valeur) -> dict:
    if not isinstance(valeur, dict):
        raise EntreeInvalide("duree", "La durée s'écrit comme un objet, par exemple {\"jours\": 15} ou {\"mois\": 1, \"jours\": 15}.")
    if not valeur:
        raise EntreeInvalide("duree", "Indiquez une durée en jours, en mois ou en années, par exemple {\"jours\": 15}.")
    for cle in valeur:
        if cle in ("heures", "minutes"):
            raise EntreeInvalide(f"duree.{cle}", _REFUS_HEURES)
        if cle == "semaines":
            raise EntreeInvalide("duree.semaines", "Les délais de procédure ne se comptent pas en semaines : indiquez le nombre de jours (1 semaine = 7 jours).")
    verifie_champs(valeur, tuple(_MAXIMUMS), "duree")
    return {
        cle: lit_entier(valeur[cle], f"duree.{cle}", 1, maximum, unite)
        for cle, (maximum, unite) in _MAXIMUMS.items()
        if cle in valeur
    }


def _lieux(feries: dict | None) -> tuple[dict, dict]:
    """Territoires et autres lieux. Les messages les listent triés : l'ordre des clés d'un
    dictionnaire de données n'est pas garanti (la roue du navigateur embarque un JSON trié)."""
    table = calendrier.table(feries)
    return table["territoires"], table["autres_lieux"]


def lit_lieu(entree: dict, champ: str = "lieu_juridiction", feries: dict | None = None) -> str:
    territoires, autres = _lieux(feries)
    valeur = entree.get(champ, "metropole")
    if isinstance(valeur, str) and valeur in territoires:
        return valeur
    if isinstance(valeur, str) and valeur in autres:
        raise EntreeInvalide(champ, autres[valeur]["refus"])
    if valeur == "etranger":
        raise EntreeInvalide(champ, "Ce calculateur ne compte que les délais devant une juridiction française : indiquez où elle siège.")
    raise EntreeInvalide(champ, f"Lieu inconnu : « {valeur} ». Valeurs possibles : {', '.join(sorted(territoires))}.")


def lit_residence(entree: dict, champ: str = "residence_partie", feries: dict | None = None) -> str | None:
    territoires, autres = _lieux(feries)
    valeur = entree.get(champ)
    if valeur is None:
        return None
    possibles = sorted([*territoires, *autres, "etranger"])
    if not isinstance(valeur, str) or valeur not in possibles:
        raise EntreeInvalide(champ, f"Lieu de résidence inconnu : « {valeur} ». Valeurs possibles : {', '.join(possibles)}.")
    return valeur


def lit_booleen(entree: dict, champ: str, defaut: bool) -> bool:
    valeur = entree.get(champ, defaut)
    if not isinstance(valeur, bool):
        raise EntreeInvalide(champ, "Indiquez true (oui) ou false (non).")
    return valeur


def lit_sens(entree: dict) -> None:
    valeur = entree.get("sens", "apres")
    if valeur in ("avant", "a_rebours"):
        raise EntreeInvalide("sens", _REFUS_A_REBOURS)
    if valeur != "apres":
        raise EntreeInvalide("sens", "Seule la valeur \"apres\" est possible : le délai court après l'événement de départ.")


def lit_regle(entree: dict, *, delais: dict | None = None, aide_juridictionnelle: bool = False) -> Regle:
    """La règle du délai : une entrée du catalogue (`delai`) ou une durée libre (`duree`, `franc`)."""
    identifiant = entree.get("delai")
    if identifiant is None:
        if "duree" not in entree:
            raise EntreeInvalide("duree", "Indiquez la durée du délai, par exemple {\"jours\": 15}, ou un délai du catalogue dans « delai ».")
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
        raise EntreeInvalide("delai", f"Délai inconnu : « {identifiant} ». Délais possibles : {', '.join(repertoire.identifiants(delais))}.")
    for champ in ("duree", "franc"):
        if champ in entree:
            raise EntreeInvalide(champ, f"Le délai « {identifiant} » du catalogue fixe déjà sa durée et son mode de calcul : retirez « {champ} ».")
    return repertoire.regle(identifiant, delais)


def lieu_de_la_regle(entree: dict, regle: Regle, feries: dict | None = None) -> str:
    """Le lieu de la juridiction, imposé par certains délais (Cour de cassation : Paris)."""
    lieu = lit_lieu(entree, feries=feries)
    if regle.lieu and "lieu_juridiction" in entree and lieu != regle.lieu:
        raise EntreeInvalide(
            "lieu_juridiction",
            f"Ce délai se compte là où siège la juridiction compétente, soit « {regle.lieu} » : retirez ce champ ou corrigez-le.",
        )
    return regle.lieu or lieu
