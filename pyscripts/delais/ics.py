"""Export iCalendar (RFC 5545) d'un résultat ou d'un scénario, pour l'ajouter à son agenda.

Événements « journée entière », titres en français, rien d'autre que ce que la
personne a saisi et ce que le calcul en a tiré. Le texte est déterministe
(identifiants et horodatage dérivés du contenu) : CPython et Pyodide
produisent exactement les mêmes octets.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from ..erreurs import EntreeInvalide
from .francais import date_fr

PRODID = "-//Justice pas à pas//Calculateur de délais//FR"
AVERTISSEMENT = "Calcul indicatif (Justice pas à pas) : vérifiez auprès du greffe ou d'un avocat, et agissez avant le dernier jour."
PREFIXES = {"delai": "Dernier jour : ", "objectif": "Objectif du juge : ", "evenement": "", "fin_mesures": ""}


def _echappe(texte: str) -> str:
    return texte.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


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


def _evenements(resultat: dict) -> list[dict]:
    if "etapes" not in resultat:
        plus_tard = resultat["echeance_plus_tardive"]
        description = [f"Départ : {date_fr(date.fromisoformat(resultat['depart']))}."]
        description += [e["texte"] for e in resultat["explications"]]
        if plus_tard:
            description.append(f"Date plus tardive possible, non garantie : {date_fr(date.fromisoformat(plus_tard))}.")
        return [{"date": resultat["echeance"], "titre": "Dernier jour : " + resultat["delai"], "nature": "delai", "description": description}]
    evenements = []
    for etape in resultat["etapes"]:
        if etape["date_sure"] is None:
            continue
        description = [etape["texte"]] + [
            f"Peut-être le {date_fr(date.fromisoformat(p['date']))} : {p['motif']}" for p in etape["dates_plus_tardives"]
        ]
        evenements.append({
            "date": etape["date_sure"],
            "titre": PREFIXES[etape["nature"]] + etape["titre"],
            "nature": etape["nature"],
            "description": description,
        })
    return evenements


def en_ics(resultat: dict) -> str:
    """Texte .ics (fins de ligne CRLF) d'un résultat de `calcule_delai` ou de `scenario`."""
    try:
        evenements = _evenements(resultat)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise EntreeInvalide("resultat", "Pour créer le fichier d'agenda, donnez le résultat complet d'un calcul de délai.") from None
    premiere = min([e["date"] for e in evenements] or [resultat.get("depart") or "2000-01-01"])
    horodatage = premiere.replace("-", "") + "T000000Z"
    lignes = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "X-WR-CALNAME:" + _echappe(resultat.get("titre") or resultat.get("delai") or "Délais"),
    ]
    for rang, evenement in enumerate(evenements):
        jour = date.fromisoformat(evenement["date"])
        description = "\n".join(evenement["description"] + [AVERTISSEMENT])
        empreinte = hashlib.sha256(f"{rang}|{evenement['date']}|{evenement['titre']}".encode()).hexdigest()[:32]
        lignes += [
            "BEGIN:VEVENT",
            f"UID:{empreinte}@justice-pas-a-pas",
            f"DTSTAMP:{horodatage}",
            f"DTSTART;VALUE=DATE:{jour.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(jour + timedelta(days=1)).strftime('%Y%m%d')}",
            "SUMMARY:" + _echappe(evenement["titre"]),
            "DESCRIPTION:" + _echappe(description),
            "TRANSP:TRANSPARENT",
        ]
        if evenement["nature"] == "delai":
            lignes += [
                "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P2D",
                "DESCRIPTION:" + _echappe("Dans 2 jours : " + evenement["titre"]), "END:VALARM",
            ]
        lignes.append("END:VEVENT")
    lignes.append("END:VCALENDAR")
    return "".join(morceau + "\r\n" for ligne in lignes for morceau in _plie(ligne))
