"""Propriétés vraies pour toutes les situations (tirées au hasard par hypothesis)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from pyscripts.aj import calcule
from pyscripts.aj.entree import LIBELLES
from pyscripts.erreurs import EntreeInvalide

RANG = {"non_eligible": 0, "partielle_25": 1, "partielle_55": 2, "totale": 3}

jours = st.dates(min_value=date(2021, 1, 1), max_value=date(2028, 12, 31)).map(date.isoformat)
montants = st.one_of(st.integers(0, 200_000), st.floats(0, 200_000, allow_nan=False))
situations_de_ressources = st.fixed_dictionaries(
    {
        "date_demande": jours,
        "personnes_foyer": st.integers(1, 12),
        "rfr": st.integers(0, 60_000),
        "patrimoine_mobilier": montants,
        "patrimoine_immobilier": montants,
    }
)


@given(situations_de_ressources, st.integers(0, 30_000))
def test_le_taux_ne_s_ameliore_jamais_quand_le_revenu_augmente(situation, hausse):
    avant = calcule(situation)
    apres = calcule({**situation, "rfr": situation["rfr"] + hausse})
    assert RANG[apres["resultat"]] <= RANG[avant["resultat"]]


@given(situations_de_ressources, st.integers(0, 20_000))
def test_les_revenus_des_6_mois_ne_s_ameliorent_pas_non_plus_en_hausse(situation, hausse):
    situation = {**situation, "rfr": None, "revenus_6_mois": situation["rfr"] / 2}
    avant = calcule(situation)
    apres = calcule({**situation, "revenus_6_mois": situation["revenus_6_mois"] + hausse})
    assert RANG[apres["resultat"]] <= RANG[avant["resultat"]]


@given(situations_de_ressources)
def test_une_personne_de_plus_dans_le_foyer_n_aggrave_jamais_le_resultat(situation):
    avant = calcule(situation)
    apres = calcule({**situation, "personnes_foyer": situation["personnes_foyer"] + 1})
    assert RANG[apres["resultat"]] >= RANG[avant["resultat"]]
    assert all(apres["plafonds"][nom] > avant["plafonds"][nom] for nom in avant["plafonds"])


@given(situations_de_ressources)
def test_la_reponse_est_coherente_et_se_lit_en_json(situation):
    resultat = calcule(situation)
    assert (
        resultat["taux"]
        == {"totale": 100, "partielle_55": 55, "partielle_25": 25, "non_eligible": 0}[resultat["resultat"]]
    )
    assert resultat["bareme"]["applicable_du"] <= situation["date_demande"]
    assert json.loads(json.dumps(resultat)) == resultat


valeurs_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats() | st.text(max_size=12),
    lambda enfants: st.lists(enfants, max_size=3) | st.dictionaries(st.text(max_size=5), enfants, max_size=3),
    max_leaves=6,
)
valeurs_plausibles = {
    "date_demande": st.one_of(jours, st.text(max_size=12), (jours.map(lambda j: j.replace("2", "1", 1)))),
    "personnes_foyer": st.one_of(st.integers(-2, 120), st.floats(-2, 120)),
    "rfr": st.one_of(st.none(), st.integers(-10, 10**13), st.floats()),
    "changement_situation": st.one_of(st.booleans(), st.none(), st.integers(0, 1)),
    "revenus_6_mois": st.one_of(st.none(), montants, st.floats()),
    "patrimoine_mobilier": st.one_of(montants, st.floats()),
    "patrimoine_immobilier": st.one_of(montants, st.floats()),
    "cas_particulier": st.one_of(st.none(), st.sampled_from("ABCDEF")),
    "protection_juridique": st.sampled_from(["aucune", "partielle", "totale", "oui"]),
    "ordonnance_protection": st.booleans(),
    "nationalite": st.sampled_from(["francaise", "union_europeenne", "autre", "suisse"]),
    "residence_habituelle": st.one_of(st.none(), st.booleans()),
    "residence_reguliere": st.one_of(st.none(), st.booleans()),
    "exception_residence": st.one_of(st.none(), st.sampled_from(["mineur", "retention", "touriste"])),
    "audition_mineur": st.booleans(),
}
situations_quelconques = st.one_of(
    st.fixed_dictionaries({}, optional={cle: valeurs_plausibles[cle] for cle in LIBELLES}),
    st.dictionaries(st.sampled_from(sorted(LIBELLES)) | st.text(max_size=8), valeurs_json, max_size=6),
    valeurs_json,
)


@settings(max_examples=400)
@given(situations_quelconques)
def test_aucune_entree_ne_fait_planter_le_moteur(situation):
    try:
        resultat = calcule(situation)
    except EntreeInvalide as erreur:
        assert isinstance(erreur.champ, str) and erreur.message.endswith(".")
        return
    assert resultat["resultat"] in {
        "totale",
        "partielle_55",
        "partielle_25",
        "non_eligible",
        "sans_condition_de_ressources",
    }
    json.dumps(resultat, allow_nan=False)


DEBUTS = {
    2021: "2021-01-01",
    2022: "2022-01-21",
    2023: "2023-01-18",
    2024: "2024-01-18",
    2025: "2025-01-23",
    2026: "2026-01-17",
}


@given(st.dates(min_value=date(2021, 1, 1), max_value=date(2028, 12, 31)))
def test_le_bareme_choisi_est_le_dernier_en_vigueur_le_jour_de_la_demande(jour):
    bareme = calcule({"date_demande": jour.isoformat(), "personnes_foyer": 1, "rfr": 0})["bareme"]
    assert bareme["annee"] == max(annee for annee, debut in DEBUTS.items() if debut <= jour.isoformat())
