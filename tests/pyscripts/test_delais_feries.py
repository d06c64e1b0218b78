"""Table des jours fériés (content/data/jours_feries.yml) : Pâques, territoires, et comparaison
année par année (1990–2100) avec le paquet `holidays` (dépendance de développement seulement).

Notre table fait foi. Chaque écart avec `holidays` est listé dans
DIFFERENCES_CONNUES avec sa raison : un écart nouveau (mise à jour du paquet ou
de notre table) ou un écart documenté qui disparaît fait échouer le test, pour
qu'une personne relise la règle au lieu de la laisser dériver en silence.
Vérifié avec holidays 0.109.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from pyscripts.delais import calendrier
from pyscripts.donnees import charge

TABLE = charge("jours_feries")
TERRITOIRES = list(TABLE["territoires"])
ANNEES = range(1990, 2101)

# Nos territoires → subdivisions du paquet `holidays` (≥ 0.76). Jamais "GES" :
# déprécié, il renvoie sans bruit une Alsace-Moselle sans Vendredi saint ni 26 décembre.
SUBDIVISIONS = {
    "metropole": [None],
    "alsace-moselle": ["57", "6AE"],
    "guadeloupe": ["971"],
    "martinique": ["972"],
    "guyane": ["973"],
    "la-reunion": ["974"],
    "mayotte": ["976"],
    "saint-barthelemy": ["BL"],
    "saint-martin": ["MF"],
    "saint-pierre-et-miquelon": ["PM"],
}


@pytest.mark.parametrize(
    "annee, attendu",
    [
        (1990, "1990-04-15"),
        (2000, "2000-04-23"),
        (2008, "2008-03-23"),
        (2018, "2018-04-01"),
        (2019, "2019-04-21"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2100, "2100-03-28"),
    ],
)
def test_date_de_paques(annee, attendu):
    assert calendrier.paques(annee).isoformat() == attendu


def _legaux(territoire: str, annee: int, statuts=("legal",)) -> dict[str, str]:
    return {
        jour.isoformat(): " ; ".join(r["nom"] for r in regles)
        for jour, regles in calendrier.jours_de_l_annee(territoire, annee).items()
        if any(r["statut"] in statuts for r in regles)
    }


def test_les_onze_fetes_legales_de_2025_en_metropole():
    assert _legaux("metropole", 2025) == {
        "2025-01-01": "jour de l'an",
        "2025-04-21": "lundi de Pâques",
        "2025-05-01": "1er Mai",
        "2025-05-08": "8 Mai, victoire de 1945",
        "2025-05-29": "jeudi de l'Ascension",
        "2025-06-09": "lundi de Pentecôte",
        "2025-07-14": "14 Juillet, fête nationale",
        "2025-08-15": "Assomption",
        "2025-11-01": "Toussaint",
        "2025-11-11": "11 Novembre, armistice de 1918",
        "2025-12-25": "Noël",
    }


@pytest.mark.parametrize(
    "territoire, jour, present",
    [
        ("alsace-moselle", "2025-04-18", True),
        ("alsace-moselle", "2025-12-26", True),
        ("metropole", "2025-04-18", False),
        ("metropole", "2025-12-26", False),
        ("guadeloupe", "2025-04-18", False),
        ("martinique", "2025-07-21", False),
        ("guadeloupe", "2025-05-27", True),
        ("martinique", "2025-05-22", True),
        ("guyane", "2025-06-10", True),
        ("la-reunion", "2025-12-20", True),
        ("mayotte", "2025-04-27", True),
        ("saint-barthelemy", "2025-10-09", True),
        ("saint-barthelemy", "2011-10-09", False),
        ("saint-martin", "2017-05-27", True),
        ("saint-martin", "2018-05-27", False),
        ("saint-martin", "2018-05-28", False),
        ("metropole", "2006-06-05", True),
    ],
)
def test_jour_legalement_ferie_ou_non(territoire, jour, present):
    jour = date.fromisoformat(jour)
    assert (jour.isoformat() in _legaux(territoire, jour.year)) is present


def test_saint_martin_depuis_2018_les_27_et_28_mai_sont_incertains():
    incertains = {
        j for j, r in calendrier.jours_de_l_annee("saint-martin", 2025).items() if r[0]["statut"] == "incertain"
    }
    assert incertains == {date(2025, 5, 27), date(2025, 5, 28)}


def test_hors_des_annees_de_la_table_on_refuse_de_deviner():
    for annee in (1989, 2101):
        with pytest.raises(calendrier.HorsCalendrier):
            calendrier.jours_de_l_annee("metropole", annee)


def test_la_table_passee_en_parametre_est_celle_qu_on_utilise():
    table = copy.deepcopy(TABLE)
    table["jours"] = [j for j in table["jours"] if j["id"] != "lundi_de_pentecote"]
    assert calendrier.motif_non_ouvrable(date(2025, 6, 9), "metropole", frozenset({"legal"}), table) is None
    assert (
        calendrier.motif_non_ouvrable(date(2025, 6, 9), "metropole", frozenset({"legal"}))["motif"]
        == "lundi de Pentecôte"
    )


# ── Comparaison avec le paquet `holidays` ───────────────────────────────────


@dataclass(frozen=True)
class Difference:
    """Un écart connu : `cote` dit qui a le jour (« nous » ou « holidays »)."""

    titre: str
    territoires: tuple[str, ...]
    cote: str
    jour: Callable[[int], date]
    annees: range
    raison: str

    def explique(self, territoire: str, jour: date, cote: str) -> bool:
        return (
            territoire in self.territoires
            and cote == self.cote
            and jour.year in self.annees
            and self.jour(jour.year) == jour
        )


def _fixe(mois: int, jour: int) -> Callable[[int], date]:
    return lambda annee: date(annee, mois, jour)


def _paques(decalage: int) -> Callable[[int], date]:
    return lambda annee: calendrier.paques(annee) + timedelta(days=decalage)


DIFFERENCES_CONNUES = [
    Difference(
        "lundi de Pentecôte 2005-2007",
        tuple(SUBDIVISIONS),
        "nous",
        _paques(50),
        range(2005, 2008),
        "`holidays` le retire pendant la journée de solidarité (loi 2004-626) ; la fête légale reste "
        "dans C. trav. L3133-1, donc elle proroge un délai (Cass. 3e civ., 21 janv. 2021).",
    ),
    Difference(
        "Vendredi saint en Guadeloupe",
        ("guadeloupe",),
        "holidays",
        _paques(-2),
        ANNEES,
        "Chômé par usage, pas par un texte : seul le droit local d'Alsace-Moselle le rend férié "
        "(Cass. 2e civ., 16 juillet 1976). Chez nous : statut « coutumier ».",
    ),
    Difference(
        "Mi-Carême en Guadeloupe",
        ("guadeloupe",),
        "holidays",
        _paques(-24),
        ANNEES,
        "Jour de carnaval chômé par usage, absent de C. trav. L3422-2. Chez nous : « coutumier ».",
    ),
    Difference(
        "21 juillet (Victor Schœlcher)",
        ("guadeloupe", "martinique", "saint-martin"),
        "holidays",
        _fixe(7, 21),
        ANNEES,
        "Absent de C. trav. L3422-2 ; retenu par etalab et `holidays`. Chez nous : « coutumier ».",
    ),
    Difference(
        "Saint-Martin, 27 mai de 2012 à 2017",
        ("saint-martin",),
        "nous",
        _fixe(5, 27),
        range(2012, 2018),
        "C. trav. L3422-2 dit « 27 mai en Guadeloupe et à Saint-Martin » ; `holidays` met le 28 mai dès 2012.",
    ),
    Difference(
        "Saint-Martin, 28 mai de 2012 à 2017",
        ("saint-martin",),
        "holidays",
        _fixe(5, 28),
        range(2012, 2018),
        "La préfecture ne retient le 28 mai qu'à partir de 2018.",
    ),
    Difference(
        "Saint-Martin, 27 mai depuis 2018",
        ("saint-martin",),
        "nous",
        _fixe(5, 27),
        range(2018, 2101),
        "Le code du travail dit toujours 27 mai, la préfecture 28 mai : chez nous les deux jours sont "
        "« incertains » (date sûre sans eux, date plus tardive avec eux) ; `holidays` ne garde que le 28.",
    ),
]


def _nos_jours(territoire: str, annee: int) -> set[date]:
    """Les jours qui peuvent proroger un délai chez nous : légaux et incertains."""
    return {
        jour
        for jour, regles in calendrier.jours_de_l_annee(territoire, annee).items()
        if any(r["statut"] in ("legal", "incertain") for r in regles)
    }


def test_comparaison_avec_le_paquet_holidays_de_1990_a_2100():
    import holidays

    ecarts = set()
    for territoire, subdivisions in SUBDIVISIONS.items():
        for subdivision in subdivisions:
            leurs = holidays.France(subdiv=subdivision, years=ANNEES, language="fr")
            for annee in ANNEES:
                nous = _nos_jours(territoire, annee)
                eux = {j for j in leurs if j.year == annee}
                ecarts |= {(territoire, j, "nous") for j in nous - eux}
                ecarts |= {(territoire, j, "holidays") for j in eux - nous}
    inexpliques = sorted(e for e in ecarts if not any(d.explique(*e) for d in DIFFERENCES_CONNUES))
    assert inexpliques == [], f"écarts non documentés avec holidays {holidays.__version__} : {inexpliques[:20]}"
    disparus = [d.titre for d in DIFFERENCES_CONNUES if not any(d.explique(*e) for e in ecarts)]
    assert disparus == [], f"écarts documentés qui n'existent plus (mettre la liste à jour) : {disparus}"


def test_chaque_ecart_avec_holidays_est_un_jour_que_notre_table_connait_et_classe():
    """Les jours que `holidays` a en plus sont dans notre table, avec un statut qui dit pourquoi."""
    for difference in DIFFERENCES_CONNUES:
        if difference.cote != "holidays" or difference.titre.startswith("Saint-Martin, 28 mai"):
            continue
        for territoire in difference.territoires:
            jour = difference.jour(2025)
            statuts = {r["statut"] for r in calendrier.jours_de_l_annee(territoire, 2025).get(jour, [])}
            assert statuts == {"coutumier"}, (difference.titre, territoire, statuts)
