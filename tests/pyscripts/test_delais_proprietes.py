"""Propriétés (hypothesis) : vraies pour toute date, toute durée, tout territoire."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from pyscripts.delais import calcule_delai, calendrier
from pyscripts.donnees import charge

TERRITOIRES = sorted(charge("jours_feries")["territoires"])
RESIDENCES = [None, "etranger", *TERRITOIRES, *sorted(charge("jours_feries")["autres_lieux"])]
LEGAL = frozenset({"legal"})

departs = st.dates(min_value=date(1990, 1, 1), max_value=date(2095, 12, 31))
durees = st.one_of(
    st.builds(lambda j: {"jours": j}, st.integers(1, 400)),
    st.builds(lambda m: {"mois": m}, st.integers(1, 48)),
    st.builds(lambda m, j: {"mois": m, "jours": j}, st.integers(1, 24), st.integers(1, 60)),
    st.builds(lambda a: {"annees": a}, st.integers(1, 3)),
)


def _echeance(depart: date, duree: dict, lieu: str = "metropole", **options) -> date:
    entree = {"depart": depart.isoformat(), "duree": duree, "lieu_juridiction": lieu, **options}
    return date.fromisoformat(calcule_delai(entree)["echeance"])


@settings(max_examples=300, deadline=None)
@given(departs, durees, st.sampled_from(TERRITOIRES), st.booleans(), st.sampled_from(RESIDENCES))
def test_l_echeance_est_un_jour_ouvrable_apres_le_depart(depart, duree, lieu, franc, residence):
    resultat = calcule_delai(
        {
            "depart": depart.isoformat(),
            "duree": duree,
            "lieu_juridiction": lieu,
            "franc": franc,
            "residence_partie": residence,
        }
    )
    echeance = date.fromisoformat(resultat["echeance"])
    assert echeance > depart
    assert calendrier.motif_non_ouvrable(echeance, lieu, LEGAL) is None
    assert resultat["echeance_brute"] <= resultat["echeance"] <= (resultat["echeance_plus_tardive"] or "9999")
    # Chaque jour entre l'échéance brute et l'échéance est un jour sauté, et il est listé.
    sautes = [
        date.fromisoformat(resultat["echeance_brute"]) + timedelta(days=n)
        for n in range((echeance - date.fromisoformat(resultat["echeance_brute"])).days)
    ]
    assert [p["date"] for p in resultat["prorogations"]] == [j.isoformat() for j in sautes]


@settings(max_examples=200, deadline=None)
@given(departs, st.integers(1, 400), st.integers(1, 400), st.sampled_from(TERRITOIRES))
def test_plus_de_jours_ne_donne_jamais_une_echeance_plus_tot(depart, a, b, lieu):
    court, long_ = sorted((a, b))
    assert _echeance(depart, {"jours": court}, lieu) <= _echeance(depart, {"jours": long_}, lieu)


@settings(max_examples=200, deadline=None)
@given(departs, st.integers(1, 60), st.integers(1, 60), st.sampled_from(TERRITOIRES))
def test_plus_de_mois_ne_donne_jamais_une_echeance_plus_tot(depart, a, b, lieu):
    court, long_ = sorted((a, b))
    assert _echeance(depart, {"mois": court}, lieu) <= _echeance(depart, {"mois": long_}, lieu)


@settings(max_examples=200, deadline=None)
@given(departs, departs, durees, st.sampled_from(TERRITOIRES))
def test_un_depart_plus_tardif_ne_donne_jamais_une_echeance_plus_tot(d1, d2, duree, lieu):
    tot, tard = sorted((d1, d2))
    assert _echeance(tot, duree, lieu) <= _echeance(tard, duree, lieu)


@settings(max_examples=200, deadline=None)
@given(departs, durees, st.sampled_from(TERRITOIRES))
def test_la_prorogation_est_idempotente(depart, duree, lieu):
    """Repartir de la veille de l'échéance pour 1 jour redonne la même échéance."""
    echeance = _echeance(depart, duree, lieu)
    assert _echeance(echeance - timedelta(days=1), {"jours": 1}, lieu) == echeance


@settings(max_examples=200, deadline=None)
# Construit plutôt que filtré (un filtre qui garde 1 date sur 7 déclenche le health check d'Hypothesis sur une
# machine lente).
@given(
    st.builds(
        lambda d, k: date(d.year, d.month, min(28 + k, calendar.monthrange(d.year, d.month)[1])),
        st.dates(min_value=date(1990, 1, 1), max_value=date(2095, 12, 31)),
        st.integers(0, 3),
    ),
    st.integers(1, 60),
)
def test_le_quantieme_est_garde_ou_ramene_au_dernier_jour_du_mois(depart, mois):
    brute = date.fromisoformat(calcule_delai({"depart": depart.isoformat(), "duree": {"mois": mois}})["echeance_brute"])
    assert brute.day == depart.day or (brute + timedelta(days=1)).day == 1 and brute.day < depart.day
