"""Calendrier des jours non ouvrables par territoire, lu dans content/data/jours_feries.yml.

Tout vient des données : la date de Pâques est la seule chose calculée ici.
Les fonctions reçoivent la table en paramètre (par défaut celle du dépôt),
pour rester pures et testables avec une table modifiée.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..donnees import charge

SAMEDI, DIMANCHE = 5, 6


class HorsCalendrier(ValueError):
    """Une date du calcul tombe hors des années couvertes par la table."""

    def __init__(self, annee: int, premiere: int, derniere: int):
        super().__init__(
            f"Le calcul atteint l'année {annee}, hors du calendrier des jours fériés "
            f"connu ({premiere} à {derniere}) : le résultat ne serait pas fiable."
        )
        self.annee = annee


def table(donnees: dict | None = None) -> dict:
    return charge("jours_feries") if donnees is None else donnees


def bornes(donnees: dict | None = None) -> tuple[date, date]:
    """Premier et dernier jour couverts par la table."""
    annees = table(donnees)["annees"]
    return date(annees["premiere"], 1, 1), date(annees["derniere"], 12, 31)


def paques(annee: int) -> date:
    """Dimanche de Pâques du calendrier grégorien (algorithme de Meeus, Jones et Butcher)."""
    a, b, c = annee % 19, annee // 100, annee % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    mois, jour = divmod(h + ll - 7 * m + 114, 31)
    return date(annee, mois, jour + 1)


def _date_du_jour(regle: dict, annee: int) -> date:
    if "paques" in regle:
        return paques(annee) + timedelta(days=regle["paques"])
    mois, jour = (int(x) for x in regle["date"].split("-"))
    return date(annee, mois, jour)


def _s_applique(regle: dict, territoire: str, annee: int) -> bool:
    territoires = regle["territoires"]
    if territoires != "tous" and territoire not in territoires:
        return False
    return regle["depuis"] <= annee <= regle.get("jusqu_a", annee)


def jours_de_l_annee(territoire: str, annee: int, donnees: dict | None = None) -> dict[date, list[dict]]:
    """Chaque jour particulier de l'année dans le territoire, avec ses entrées (tous statuts)."""
    donnees = table(donnees)
    premiere, derniere = donnees["annees"]["premiere"], donnees["annees"]["derniere"]
    if not premiere <= annee <= derniere:
        raise HorsCalendrier(annee, premiere, derniere)
    jours: dict[date, list[dict]] = {}
    for regle in donnees["jours"]:
        if _s_applique(regle, territoire, annee):
            jours.setdefault(_date_du_jour(regle, annee), []).append(regle)
    return jours


def particularites(jour: date, territoire: str, donnees: dict | None = None) -> list[dict]:
    """Les entrées de la table qui tombent ce jour-là dans ce territoire."""
    return jours_de_l_annee(territoire, jour.year, donnees).get(jour, [])


def motif_non_ouvrable(
    jour: date, territoire: str, statuts: frozenset[str], donnees: dict | None = None
) -> dict | None:
    """Pourquoi ce jour n'est pas ouvrable (`{"motif", "feries"}`), ou None s'il l'est.

    `statuts` dit quelles entrées comptent : {"legal"} pour la date sûre,
    {"legal", "incertain"} pour la date la plus tardive possible.
    """
    feries = [r for r in particularites(jour, territoire, donnees) if r["statut"] in statuts]
    week_end = {SAMEDI: "samedi", DIMANCHE: "dimanche"}.get(jour.weekday())
    if not feries and week_end is None:
        return None
    noms = " et ".join(r["nom"] for r in feries)
    if week_end and noms:
        motif = f"{week_end} et {noms}"
    else:
        motif = week_end or noms
    return {"motif": motif, "feries": feries}


def dans(territoire: str, donnees: dict | None = None) -> str:
    """« en Guadeloupe », « à La Réunion », « à l'étranger »."""
    donnees = table(donnees)
    lieu = donnees["territoires"].get(territoire) or donnees["autres_lieux"].get(territoire)
    return lieu["dans"] if lieu else "à l'étranger"
