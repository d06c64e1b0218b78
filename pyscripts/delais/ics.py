"""Export iCalendar (RFC 5545) d'un résultat ou d'un scénario, pour l'ajouter à son agenda.

Neutre par défaut : un agenda est souvent partagé ou synchronisé, et l'autre
personne peut le voir. Sans `titres_complets`, le nom du calendrier, les titres et les
descriptions disent seulement « Date limite », « Rendez-vous », « Rappel » : ni la
procédure, ni le tribunal, ni le site. `titres_complets: true` (case à cocher de la page,
décochée par défaut) donne les titres et explications complets.

Identité des événements (UID), « même dossier » et corrections :

- un événement = un dossier + une clé d'événement stable (`echeance` pour un délai, l'`id`
  de l'étape pour un scénario : `appel_op`, `fin_mesures`…) ;
- le dossier est l'identifiant `dossier` que donne la page : une valeur aléatoire tirée pour
  ce que la personne est en train de calculer et gardée en mémoire tant que la page est
  ouverte (jamais enregistrée). Un nouveau fichier pour le MÊME dossier (une date corrigée)
  garde donc les mêmes UID avec un `sequence` plus grand et un DTSTAMP plus récent : l'agenda
  remplace les événements au lieu d'en ajouter. Deux personnes, ou un autre dossier choisi
  sur la page, ont des identifiants différents, même si leurs dates sont les mêmes ;
- une étape du fichier précédent qui n'existe plus dans la correction (une date effacée, un
  recours devenu sans objet) serait restée dans l'agenda à son ancienne date : avec
  `precedent` (le résultat du fichier précédent, que la page garde en mémoire), elle revient
  avec le même UID, `STATUS:CANCELLED` et le titre neutre « Annulé » ;
- sans `dossier` (ligne de commande), le dossier est l'empreinte du résultat complet : deux
  calculs différents ne partagent jamais un UID, deux calculs identiques donnent le même
  événement (ce qui ne fait rien perdre) ;
- l'UID est une empreinte SHA-256 : il ne contient aucune donnée saisie en clair, et le
  dossier aléatoire empêche de retrouver les dates ou la procédure en essayant des entrées.

DTSTAMP est l'heure de création du fichier (`horodatage`, donnée par la page ; à défaut
l'heure du système) : le texte est déterministe à horodatage égal, en CPython comme dans
Pyodide. Toute valeur recopiée est nettoyée (pas de retour chariot ni de caractère de
contrôle qui casserait le fichier ou y glisserait une ligne), et un fichier sans aucune date
n'est jamais produit.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime, timedelta

from ..erreurs import EntreeInvalide
from ..lecture import donnee_inconnue, lit_booleen, lit_nombre, nettoie, refus
from .francais import date_fr

PRODID_NEUTRE = "-//Agenda//Export//FR"
PRODID_COMPLET = "-//Justice pas à pas//Calculateur de délais//FR"
NOM_NEUTRE = "Rendez-vous"
AVERTISSEMENT = (
    "Calcul indicatif (Justice pas à pas) : vérifiez auprès du greffe ou d'un avocat, et agissez avant le dernier jour."
)
# nature d'une étape → (titre neutre, préfixe du titre complet)
NATURES = {
    "delai": ("Date limite", "Dernier jour : "),
    "objectif": ("Rappel", "Objectif du juge : "),
    "evenement": ("Rendez-vous", ""),
    "fin_mesures": ("Rappel", ""),
}
DESCRIPTIONS_NEUTRES = {
    "Date limite": "Dernier jour. Agissez avant : les guichets ferment bien avant minuit.",
    "Rendez-vous": "Rendez-vous.",
    "Rappel": "Rappel.",
}
LIBELLES = {
    "resultat": "le résultat du calcul à ajouter à l'agenda",
    "titres_complets": "les titres complets dans l'agenda",
    "dossier": "l'identifiant du dossier",
    "sequence": "le numéro de version du fichier d'agenda",
    "horodatage": "l'heure de création du fichier d'agenda",
    "precedent": "le calcul du fichier d'agenda précédent",
}
OPTIONS = ("titres_complets", "dossier", "sequence", "horodatage", "precedent")
ANNULE = "Annulé"
TEXTE_MAXIMUM = 2000  # caractères d'un titre ou d'une ligne de description recopiés
_DOSSIER = re.compile(r"[0-9A-Za-z_-]{8,128}")
_HORODATAGE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?Z")


def _refuse(champ: str, probleme: str) -> EntreeInvalide:
    return refus(champ, LIBELLES[champ], probleme)


# ── Texte iCalendar ──────────────────────────────────────────────────────────


def _propre(texte: str) -> str:
    """Une ligne de texte sans caractère de contrôle (CR, LF, tabulation…) ni invisible."""
    return nettoie(texte, TEXTE_MAXIMUM)


def _echappe(texte: str) -> str:
    """TEXT (RFC 5545, 3.3.11) : chaque ligne nettoyée, puis \\ ; , et les fins de ligne échappés."""
    lignes = [_propre(ligne) for ligne in re.split(r"\r\n|\r|\n", texte)]
    return "\\n".join(ligne.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,") for ligne in lignes)


def _plie(ligne: str) -> list[str]:
    """Coupe une ligne à 75 octets sans casser un caractère UTF-8 (RFC 5545, 3.1)."""
    morceaux, courant, taille, limite = [], "", 0, 75
    for caractere in ligne:
        octets = len(caractere.encode("utf-8"))
        if taille + octets > limite:
            morceaux.append(courant)
            courant, taille, limite = " ", 1, 75
        courant += caractere
        taille += octets
    return morceaux + [courant]


# ── Lecture du résultat reçu (la page le renvoie tel que le moteur l'a donné) ─


def _texte(valeur) -> str:
    if not isinstance(valeur, str):
        raise TypeError
    return valeur


def _jour(valeur) -> date:
    if not isinstance(valeur, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", valeur):
        raise ValueError
    return date.fromisoformat(valeur)


def _evenements(resultat: dict) -> list[dict]:
    """Les événements datés : clé stable, jour, nature, titre complet, description complète."""
    if not isinstance(resultat, dict):
        raise TypeError
    if "etapes" not in resultat:
        jour = _jour(resultat.get("date_sure") or resultat["echeance"])
        plus_tard = [_jour(d) for d in (resultat.get("echeance_plus_tardive"),) if d]
        augmentee = resultat.get("sans_augmentation")
        description = [f"Départ : {date_fr(_jour(resultat['depart']))}."]
        description += [_texte(e["texte"]) for e in resultat["explications"]]
        if augmentee:
            description.append(f"{_texte(augmentee['condition'])} : jusqu'au {date_fr(_jour(resultat['echeance']))}.")
        description += [f"Date plus tardive possible, non garantie : {date_fr(d)}." for d in plus_tard]
        return [
            {
                "cle": "echeance",
                "jour": jour,
                "nature": "delai",
                "titre": "Dernier jour : " + _texte(resultat["delai"]),
                "description": description,
            }
        ]
    evenements = []
    for etape in resultat["etapes"]:
        if etape["date_sure"] is None:
            continue
        nature = _texte(etape["nature"])
        if nature not in NATURES:
            raise ValueError
        description = [_texte(etape["texte"])] + [
            f"Peut-être le {date_fr(_jour(p['date']))} : {_texte(p['motif'])}" for p in etape["dates_plus_tardives"]
        ]
        evenements.append(
            {
                "cle": _texte(etape["id"]),
                "jour": _jour(etape["date_sure"]),
                "nature": nature,
                "titre": NATURES[nature][1] + _texte(etape["titre"]),
                "description": description,
            }
        )
    if len({e["cle"] for e in evenements}) != len(evenements):
        raise ValueError  # deux étapes de même identifiant : ce n'est pas un résultat du moteur
    return evenements


def lit_options(entree: dict) -> dict:
    """Les options d'export : titres complets (non par défaut), dossier, version, heure de création."""
    titres_complets = lit_booleen(entree, "titres_complets", LIBELLES["titres_complets"], False)
    dossier = entree.get("dossier")
    if dossier is not None and (not isinstance(dossier, str) or not _DOSSIER.fullmatch(dossier)):
        raise _refuse("dossier", "il s'écrit avec 8 à 128 lettres non accentuées, chiffres, tirets ou soulignés.")
    sequence = entree.get("sequence")
    sequence = (
        0
        if sequence is None
        else lit_nombre(sequence, "sequence", LIBELLES["sequence"], entier=True, exemple="1", maximum=100_000, unite="")
    )
    horodatage = entree.get("horodatage")
    if horodatage is None:
        instant = datetime.now(UTC)
    else:
        correspondance = _HORODATAGE.fullmatch(horodatage) if isinstance(horodatage, str) else None
        try:
            instant = datetime(*(int(x) for x in correspondance.groups()[:6]), tzinfo=UTC)
        except (AttributeError, ValueError):
            raise _refuse(
                "horodatage",
                "écrivez-la en temps universel sous la forme AAAA-MM-JJTHH:MM:SSZ, par exemple 2025-06-05T14:30:00Z.",
            ) from None
    precedent = entree.get("precedent")
    if precedent is not None:
        if dossier is None:
            raise _refuse(
                "precedent", "il ne sert qu'à corriger le fichier d'un même dossier : donnez aussi « dossier »."
            )
        try:
            precedent = _evenements(precedent)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise _refuse(
                "precedent", "il est incomplet ou abîmé : exportez un nouveau fichier sans corriger le précédent."
            ) from None
    return {
        "titres_complets": titres_complets,
        "dossier": dossier,
        "sequence": sequence,
        "horodatage": instant.strftime("%Y%m%dT%H%M%SZ"),
        "precedent": precedent or [],
    }


# ── Fichier ──────────────────────────────────────────────────────────────────


def a_exporter(resultat: dict) -> bool:
    """Le résultat a-t-il au moins une date à mettre dans un agenda ?"""
    try:
        return bool(_evenements(resultat))
    except (KeyError, TypeError, ValueError, AttributeError):
        return False


def fichier(resultat: dict, options: dict) -> str:
    """Texte .ics (fins de ligne CRLF) d'un résultat de `calcule_delai` ou de `scenario`."""
    try:
        evenements = _evenements(resultat)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise _refuse(
            "resultat", "il est incomplet ou abîmé : refaites le calcul, puis ajoutez-le à l'agenda."
        ) from None
    if not evenements:
        raise _refuse(
            "resultat",
            "il ne contient encore aucune date : indiquez les dates que vous connaissez, "
            "puis ajoutez le calcul à l'agenda.",
        )
    complet = options["titres_complets"]
    dossier = (
        options["dossier"]
        or hashlib.sha256(
            json.dumps(resultat, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")
        ).hexdigest()
    )
    nom = (resultat.get("titre") or resultat.get("delai") or "Délais") if complet else NOM_NEUTRE
    lignes = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID_COMPLET if complet else PRODID_NEUTRE}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _echappe(_texte(nom)),
    ]
    cles = {e["cle"] for e in evenements}
    for evenement in evenements + [{**e, "annule": True} for e in options["precedent"] if e["cle"] not in cles]:
        annule = evenement.get("annule", False)
        neutre = NATURES[evenement["nature"]][0]
        titre = evenement["titre"] if complet else neutre
        description = evenement["description"] + [AVERTISSEMENT] if complet else [DESCRIPTIONS_NEUTRES[neutre]]
        if annule:
            titre = f"{ANNULE} : {titre}" if complet else ANNULE
            description = ["Cette date ne s'applique plus : le calcul a été corrigé."]
        uid = hashlib.sha256(f"{dossier}|{evenement['cle']}".encode("utf-8", "surrogatepass")).hexdigest()[:40]
        jour = evenement["jour"]
        lignes += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{options['horodatage']}",
            f"SEQUENCE:{options['sequence']}",
            f"DTSTART;VALUE=DATE:{jour.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(jour + timedelta(days=1)).strftime('%Y%m%d')}",
            "SUMMARY:" + _echappe(titre),
            "DESCRIPTION:" + _echappe("\n".join(description)),
            "TRANSP:TRANSPARENT",
        ]
        if annule:
            lignes += ["STATUS:CANCELLED", "END:VEVENT"]
            continue
        if evenement["nature"] == "delai":
            lignes += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "TRIGGER:-P2D",
                "DESCRIPTION:" + _echappe("Dans 2 jours : " + titre),
                "END:VALARM",
            ]
        lignes.append("END:VEVENT")
    lignes.append("END:VCALENDAR")
    return "".join(morceau + "\r\n" for ligne in lignes for morceau in _plie(ligne))


def en_ics(entree: dict) -> str:
    """Point d'entrée `delais_ics` : `{"resultat": <résultat d'un calcul>, "titres_complets",
    "dossier", "sequence", "horodatage", "precedent"}` (options facultatives) → texte .ics."""
    if not isinstance(entree, dict) or "resultat" not in entree:
        raise _refuse("resultat", "il manque : donnez le résultat complet d'un calcul de délai.")
    inconnues = [cle for cle in entree if cle != "resultat" and cle not in OPTIONS]
    if inconnues:
        raise donnee_inconnue(inconnues[0], ("resultat", *OPTIONS), "une option de l'agenda")
    return fichier(entree["resultat"], lit_options(entree))
