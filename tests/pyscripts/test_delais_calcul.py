"""Calcul d'un délai (art. 640 à 644 CPC, délais francs) : une ligne = un cas daté et vérifiable.

Les dates de Pâques utiles : 2006 → 16 avril (Pentecôte lundi 5 juin),
2018 → 1er avril (Pentecôte lundi 21 mai), 2025 → 20 avril (lundi de Pâques
21 avril, Ascension 29 mai, Pentecôte lundi 9 juin).
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta

import pytest

from pyscripts.delais import calcule, calcule_delai
from pyscripts.delais.calcul import ajoute_mois
from pyscripts.donnees import charge

CLES_DE_SORTIE = [
    "delai",
    "depart",
    "duree",
    "lieu_juridiction",
    "residence_partie",
    "franc",
    "echeance",
    "date_sure",
    "echeance_brute",
    "echeance_plus_tardive",
    "motifs_plus_tardive",
    "augmentation_distance",
    "sans_augmentation",
    "prorogations",
    "explications",
    "avertissements",
]


def _delai(depart: str, lieu: str = "metropole", **entree) -> dict:
    return calcule_delai({"depart": depart, "lieu_juridiction": lieu, **entree})


def _codes(resultat: dict) -> list[str]:
    return [a["code"] for a in resultat["avertissements"]]


# (titre, départ, durée, lieu, échéance brute, échéance)
CAS_JOURS_ET_MOIS = [
    (
        "ordonnance rendue un lundi : 2 jours, fin le mercredi (brochure CIDFF)",
        "2025-06-02",
        {"jours": 2},
        "metropole",
        "2025-06-04",
        "2025-06-04",
    ),
    (
        "ordonnance rendue un jeudi : 2 jours, samedi prorogé au lundi (brochure CIDFF)",
        "2025-06-12",
        {"jours": 2},
        "metropole",
        "2025-06-14",
        "2025-06-16",
    ),
    (
        "ordonnance rendue un vendredi : dimanche prorogé au lundi",
        "2025-06-13",
        {"jours": 2},
        "metropole",
        "2025-06-15",
        "2025-06-16",
    ),
    (
        "3 jours finissant le vendredi 14 juillet : lundi 17 juillet (service-public F31111)",
        "2023-07-11",
        {"jours": 3},
        "metropole",
        "2023-07-14",
        "2023-07-17",
    ),
    (
        "10 jours depuis le 15 décembre 2014 : Noël, fin le vendredi 26 (service-public 2014)",
        "2014-12-15",
        {"jours": 10},
        "metropole",
        "2014-12-25",
        "2014-12-26",
    ),
    (
        "même délai en Alsace-Moselle : 26 décembre férié, fin le lundi 29 (service-public 2014)",
        "2014-12-15",
        {"jours": 10},
        "alsace-moselle",
        "2014-12-25",
        "2014-12-29",
    ),
    (
        "3 mois finissant un dimanche suivi du lundi de Pentecôte : mardi (Cass. 3e civ. 21 janvier 2021)",
        "2018-02-20",
        {"mois": 3},
        "metropole",
        "2018-05-20",
        "2018-05-22",
    ),
    (
        "lundi de Pentecôte 2006 : férié aussi pendant la journée de solidarité",
        "2006-06-02",
        {"jours": 1},
        "metropole",
        "2006-06-03",
        "2006-06-06",
    ),
    (
        "samedi, dimanche de Pâques puis lundi de Pâques : mardi",
        "2025-04-17",
        {"jours": 2},
        "metropole",
        "2025-04-19",
        "2025-04-22",
    ),
    (
        "un jour férié à l'intérieur du délai ne compte pas (1er et 8 mai)",
        "2025-04-30",
        {"jours": 10},
        "metropole",
        "2025-05-10",
        "2025-05-12",
    ),
    (
        "Vendredi saint : jour ouvrable en métropole",
        "2025-04-16",
        {"jours": 2},
        "metropole",
        "2025-04-18",
        "2025-04-18",
    ),
    (
        "Vendredi saint férié en Alsace-Moselle, puis week-end et lundi de Pâques",
        "2025-04-16",
        {"jours": 2},
        "alsace-moselle",
        "2025-04-18",
        "2025-04-22",
    ),
    (
        "Vendredi saint seulement chômé par usage en Guadeloupe : pas de prorogation",
        "2025-04-16",
        {"jours": 2},
        "guadeloupe",
        "2025-04-18",
        "2025-04-18",
    ),
    (
        "31 janvier + 1 mois : dernier jour de février",
        "2025-01-31",
        {"mois": 1},
        "metropole",
        "2025-02-28",
        "2025-02-28",
    ),
    (
        "31 janvier + 1 mois en année bissextile : 29 février",
        "2024-01-31",
        {"mois": 1},
        "metropole",
        "2024-02-29",
        "2024-02-29",
    ),
    (
        "29 février + 1 an : 28 février de l'année suivante",
        "2024-02-29",
        {"annees": 1},
        "metropole",
        "2025-02-28",
        "2025-02-28",
    ),
    (
        "31 janvier + 2 mois en une fois : 31 mars, pas 28 mars",
        "2025-01-31",
        {"mois": 2},
        "metropole",
        "2025-03-31",
        "2025-03-31",
    ),
    (
        "mois puis jours : 30 janvier + 1 mois et 1 jour = samedi 1er mars, prorogé au lundi",
        "2025-01-30",
        {"mois": 1, "jours": 1},
        "metropole",
        "2025-03-01",
        "2025-03-03",
    ),
    (
        "la date intermédiaire après les mois n'est jamais prorogée (dimanche 2 février)",
        "2025-01-02",
        {"mois": 1, "jours": 2},
        "metropole",
        "2025-02-04",
        "2025-02-04",
    ),
    ("années : 6 ans au même quantième", "2020-03-16", {"annees": 6}, "metropole", "2026-03-16", "2026-03-16"),
    (
        "Saint-Pierre-et-Miquelon : pas de jour férié local le 27 mai",
        "2025-05-26",
        {"jours": 1},
        "saint-pierre-et-miquelon",
        "2025-05-27",
        "2025-05-27",
    ),
]


@pytest.mark.parametrize(
    "depart, duree, lieu, brute, attendue",
    [cas[1:] for cas in CAS_JOURS_ET_MOIS],
    ids=[cas[0] for cas in CAS_JOURS_ET_MOIS],
)
def test_echeance(depart, duree, lieu, brute, attendue):
    resultat = _delai(depart, lieu, duree=duree)
    assert (resultat["echeance_brute"], resultat["echeance"]) == (brute, attendue)
    assert resultat["echeance_plus_tardive"] is None


# Chaque jour de l'abolition de l'esclavage outre-mer, un jour de semaine :
# (titre, territoire, veille du jour férié, jour férié, échéance prorogée)
ABOLITIONS = [
    ("Guadeloupe, 27 mai", "guadeloupe", "2025-05-26", "2025-05-27", "2025-05-28"),
    ("Martinique, 22 mai", "martinique", "2025-05-21", "2025-05-22", "2025-05-23"),
    ("Guyane, 10 juin", "guyane", "2025-06-09", "2025-06-10", "2025-06-11"),
    ("La Réunion, 20 décembre (vendredi, puis week-end)", "la-reunion", "2024-12-19", "2024-12-20", "2024-12-23"),
    ("Mayotte, 27 avril", "mayotte", "2026-04-26", "2026-04-27", "2026-04-28"),
    ("Saint-Barthélemy, 9 octobre", "saint-barthelemy", "2025-10-08", "2025-10-09", "2025-10-10"),
    ("Saint-Martin, 27 mai avant 2018", "saint-martin", "2015-05-26", "2015-05-27", "2015-05-28"),
]


@pytest.mark.parametrize(
    "territoire, veille, ferie, attendue", [c[1:] for c in ABOLITIONS], ids=[c[0] for c in ABOLITIONS]
)
def test_jour_de_l_abolition_proroge_le_delai_dans_son_territoire_seulement(territoire, veille, ferie, attendue):
    local = _delai(veille, territoire, duree={"jours": 1})
    assert local["echeance"] == attendue
    assert "abolition de l'esclavage" in local["prorogations"][0]["motif"]
    assert local["prorogations"][0]["reference"]["texte"].startswith("C. trav. art. L3422-2")
    assert _delai(veille, "metropole", duree={"jours": 1})["echeance"] == ferie


def test_saint_barthelemy_le_9_octobre_ne_compte_qu_a_partir_de_2012():
    assert _delai("2008-10-08", "saint-barthelemy", duree={"jours": 1})["echeance"] == "2008-10-09"
    assert _delai("2012-10-08", "saint-barthelemy", duree={"jours": 1})["echeance"] == "2012-10-10"


def test_saint_martin_depuis_2018_date_sure_sans_les_jours_disputes_et_date_plus_tardive_signalee():
    resultat = _delai("2025-05-26", "saint-martin", duree={"jours": 1})
    # 27 et 28 mai disputés, puis jeudi 29 mai Ascension (certain) : vendredi 30.
    assert (resultat["echeance"], resultat["echeance_plus_tardive"]) == ("2025-05-27", "2025-05-30")
    assert len(resultat["motifs_plus_tardive"]) == 2
    assert "date_plus_tardive_possible" in _codes(resultat)


def test_les_prorogations_nomment_chaque_jour_saute_dans_l_ordre():
    resultat = _delai("2025-06-05", duree={"jours": 2})
    assert [(p["date"], p["motif"]) for p in resultat["prorogations"]] == [
        ("2025-06-07", "samedi"),
        ("2025-06-08", "dimanche"),
        ("2025-06-09", "lundi de Pentecôte"),
    ]
    assert resultat["echeance"] == "2025-06-10"
    assert resultat["prorogations"][0]["reference"]["texte"] == "C. proc. civ., art. 642"


def test_un_jour_ferie_un_dimanche_est_nomme_avec_le_dimanche():
    resultat = _delai("2026-10-30", duree={"jours": 2})  # dimanche 1er novembre 2026
    assert [p["motif"] for p in resultat["prorogations"]] == ["dimanche et Toussaint"]
    assert resultat["prorogations"][0]["reference"]["texte"] == "C. trav. art. L3133-1, 10°"
    assert resultat["explications"][-2]["texte"].startswith("Le dimanche 1er novembre 2026 (Toussaint) n'est pas")
    assert resultat["echeance"] == "2026-11-02"


def test_jour_chome_par_usage_le_jour_de_l_echeance_donne_un_avertissement_sans_prorogation():
    resultat = _delai("2025-04-16", "guadeloupe", duree={"jours": 2})
    assert resultat["prorogations"] == []
    assert "jour_chome_par_usage" in _codes(resultat)
    assert "jour_chome_par_usage" not in _codes(_delai("2025-04-16", "metropole", duree={"jours": 2}))


def test_mayotte_previent_des_fetes_religieuses_non_comptees():
    assert "calendrier_mayotte" in _codes(_delai("2025-03-03", "mayotte", duree={"jours": 15}))


# ── Délais francs (juridictions administratives) ────────────────────────────

CAS_FRANCS = [
    (
        "2 mois francs depuis le 1er octobre 2007 : dimanche 2 décembre, prorogé au lundi 3 (CE 2006)",
        "2007-10-01",
        "2007-12-02",
        "2007-12-03",
    ),
    ("2 mois francs depuis le 3 novembre 2022 : mercredi 4 janvier 2023", "2022-11-03", "2023-01-04", "2023-01-04"),
]


@pytest.mark.parametrize("depart, brute, attendue", [c[1:] for c in CAS_FRANCS], ids=[c[0] for c in CAS_FRANCS])
def test_delai_franc(depart, brute, attendue):
    resultat = _delai(depart, duree={"mois": 2}, franc=True)
    assert (resultat["echeance_brute"], resultat["echeance"]) == (brute, attendue)
    assert any("Délai franc" in e["texte"] for e in resultat["explications"])


def test_un_delai_franc_finit_un_jour_apres_le_meme_delai_non_franc():
    for depart in ("2025-03-03", "2025-01-31", "2024-02-29"):
        simple = _delai(depart, duree={"jours": 10})["echeance_brute"]
        franc = _delai(depart, duree={"jours": 10}, franc=True)["echeance_brute"]
        assert date.fromisoformat(franc) - date.fromisoformat(simple) == timedelta(days=1)


# ── Augmentation pour distance (art. 643 et 644) ────────────────────────────

# (titre, lieu de la juridiction, résidence, mois ajoutés, article)
DISTANCES = [
    ("juridiction en métropole, partie en Guadeloupe : + 1 mois (643)", "metropole", "guadeloupe", 1, "643"),
    (
        "juridiction en métropole, partie en Nouvelle-Calédonie : + 1 mois (643)",
        "metropole",
        "nouvelle-caledonie",
        1,
        "643",
    ),
    ("juridiction en métropole, partie à l'étranger : + 2 mois (643)", "metropole", "etranger", 2, "643"),
    ("juridiction en Alsace-Moselle, partie à La Réunion : + 1 mois (643)", "alsace-moselle", "la-reunion", 1, "643"),
    ("juridiction en Martinique, partie en métropole : + 1 mois (644)", "martinique", "metropole", 1, "644"),
    ("juridiction en Guadeloupe, partie en Martinique : + 1 mois (644)", "guadeloupe", "martinique", 1, "644"),
    ("juridiction à Saint-Martin, partie en Guadeloupe : + 1 mois (644)", "saint-martin", "guadeloupe", 1, "644"),
    ("juridiction en Guyane, partie à l'étranger : + 2 mois (644)", "guyane", "etranger", 2, "644"),
    ("juridiction à Mayotte, partie en Alsace-Moselle : + 1 mois (644)", "mayotte", "alsace-moselle", 1, "644"),
]


@pytest.mark.parametrize("lieu, residence, mois, article", [c[1:] for c in DISTANCES], ids=[c[0] for c in DISTANCES])
def test_augmentation_pour_distance(lieu, residence, mois, article):
    resultat = _delai("2025-03-03", lieu, duree={"jours": 15}, residence_partie=residence)
    assert resultat["augmentation_distance"]["mois"] == mois
    assert resultat["augmentation_distance"]["reference"]["texte"] == f"C. proc. civ., art. {article}"
    assert resultat["echeance_brute"] == (date(2025, 3 + mois, 3) + timedelta(days=15)).isoformat()
    assert "distance_limitee" in _codes(resultat)


@pytest.mark.parametrize(
    "lieu, residence",
    [
        ("metropole", "alsace-moselle"),
        ("alsace-moselle", "metropole"),
        ("la-reunion", "la-reunion"),
        ("metropole", None),
    ],
)
def test_pas_d_augmentation_dans_le_meme_territoire(lieu, residence):
    resultat = _delai("2025-03-03", lieu, duree={"jours": 15}, residence_partie=residence)
    assert resultat["augmentation_distance"] is None
    assert resultat["echeance_brute"] == "2025-03-18"


def test_l_augmentation_s_ajoute_aux_mois_avant_les_jours():
    # 31 janvier + (1 + 1) mois = 31 mars, + 15 jours = 15 avril (et non 28 février + 15 j + 1 mois).
    resultat = _delai("2025-01-31", duree={"mois": 1, "jours": 15}, residence_partie="guadeloupe")
    assert resultat["echeance_brute"] == "2025-04-15"


def test_devant_une_juridiction_administrative_l_augmentation_cite_aussi_r421_7():
    resultat = _delai("2025-03-03", duree={"mois": 2}, franc=True, residence_partie="etranger")
    distance = next(e for e in resultat["explications"] if "pour distance" in e["texte"])
    assert distance["reference"]["texte"] == "C. proc. civ., art. 643 ; C. just. adm., art. R421-7"


# ── Délais du catalogue ─────────────────────────────────────────────────────


def test_appel_d_un_jugement_depuis_l_etranger_ajoute_deux_mois():
    resultat = calcule_delai({"depart": "2025-03-03", "delai": "appel_civil", "residence_partie": "etranger"})
    assert resultat["delai"] == "Faire appel d'un jugement civil"
    assert (resultat["echeance_brute"], resultat["echeance"]) == ("2025-06-03", "2025-06-03")


def test_signification_de_l_op_jamais_augmentee_pour_distance_circulaire_2020():
    resultat = calcule_delai(
        {"depart": "2025-06-12", "delai": "op_signification_ordonnance_audience", "residence_partie": "etranger"}
    )
    assert resultat["echeance"] == "2025-06-16"
    assert resultat["augmentation_distance"] is None
    assert any("pas augmenté pour distance" in e["texte"] for e in resultat["explications"])


def test_appel_de_l_op_augmente_pour_distance_f8():
    """C'est un délai d'appel, les art. 643-645 l'augmentent (aucune dérogation)."""
    resultat = calcule_delai(
        {"depart": "2025-06-06", "delai": "appel_ordonnance_protection", "residence_partie": "martinique"}
    )
    assert resultat["echeance"] == resultat["date_sure"] == "2025-07-21"  # 6 juin + 1 mois + 15 jours
    assert resultat["echeance_plus_tardive"] is None and resultat["sans_augmentation"] is None
    assert any("aucun texte n'y déroge" in e["texte"] for e in resultat["explications"])


def test_une_note_sur_la_distance_n_apparait_pas_sans_distance():
    """Étape qui ne s'applique pas : pas de phrase sur la distance quand la personne habite sur place."""
    for delai in ("appel_ordonnance_protection", "pourvoi_cassation"):
        resultat = calcule_delai({"depart": "2025-06-06", "delai": delai})
        assert not any("distance" in e["texte"] or "643" in e["texte"] for e in resultat["explications"]), delai


def test_prescription_pas_de_prorogation_et_avertissement():
    resultat = calcule_delai({"depart": "2020-03-14", "delai": "prescription_delit"})
    assert resultat["echeance"] == resultat["echeance_brute"] == "2026-03-14"  # un samedi
    assert resultat["prorogations"] == []
    assert "prescription_indicative" in _codes(resultat)


def test_pourvoi_en_cassation_se_compte_a_paris():
    resultat = calcule_delai({"depart": "2025-03-03", "delai": "pourvoi_cassation", "residence_partie": "guyane"})
    assert resultat["lieu_juridiction"] == "metropole"
    assert resultat["augmentation_distance"]["reference"]["texte"] == "C. proc. civ., art. 643"


def test_recours_devant_le_tribunal_administratif_est_franc():
    resultat = calcule_delai({"depart": "2007-10-01", "delai": "recours_tribunal_administratif"})
    assert (resultat["franc"], resultat["echeance"]) == (True, "2007-12-03")


def test_un_jour_de_depart_qui_compte_avance_l_echeance_d_un_jour():
    delais = copy.deepcopy(charge("delais"))
    entree = next(e for e in delais["delais"] if e["id"] == "appel_refere")
    entree["jour_origine_compte"] = True
    resultat = calcule_delai({"depart": "2025-03-03", "delai": "appel_refere"}, delais=delais)
    assert resultat["echeance_brute"] == "2025-03-17"
    assert "ce jour compte" in resultat["explications"][0]["texte"]


# ── Forme de la réponse ─────────────────────────────────────────────────────


def test_la_reponse_a_toujours_les_memes_cles_dans_le_meme_ordre():
    for entree in (
        {"depart": "2025-06-05", "duree": {"jours": 2}},
        {"depart": "2025-01-31", "delai": "appel_civil", "residence_partie": "etranger"},
    ):
        resultat = calcule(entree)
        assert list(resultat) == CLES_DE_SORTIE
        assert json.loads(json.dumps(resultat, ensure_ascii=False)) == resultat


def test_chaque_explication_a_un_texte_et_une_reference():
    resultat = _delai(
        "2025-01-31", "guadeloupe", duree={"mois": 1, "jours": 15}, franc=True, residence_partie="etranger"
    )
    textes = [e["texte"] for e in resultat["explications"]]
    assert textes[0] == "Le délai part du vendredi 31 janvier 2025 ; ce jour ne compte pas."
    assert "il n'y a pas de 31 avril 2025" in textes[2]
    assert "Les mois se comptent d'abord, puis les jours." in textes[3]
    assert all(e["reference"]["texte"] for e in resultat["explications"])


def test_le_calcul_ne_modifie_pas_l_entree():
    entree = {"depart": "2025-06-05", "duree": {"jours": 2}, "ics": True}
    avant = json.dumps(entree)
    calcule(entree)
    assert json.dumps(entree) == avant


@pytest.mark.parametrize(
    "depart, mois, attendu",
    [
        ("2025-01-31", 1, "2025-02-28"),
        ("2025-01-31", 13, "2026-02-28"),
        ("2023-12-31", 2, "2024-02-29"),
        ("2025-08-31", 1, "2025-09-30"),
        ("2025-05-15", 0, "2025-05-15"),
        ("2099-12-31", 12, "2100-12-31"),
    ],
)
def test_ajoute_mois_au_meme_quantieme_ou_au_dernier_jour(depart, mois, attendu):
    assert ajoute_mois(date.fromisoformat(depart), mois).isoformat() == attendu


# ── Date sûre d'un délai de nature inconnue ──────────────────────────────────
# CPC 643/644 n'augmentent que certains délais (comparution, appel, opposition, tierce opposition,
# révision, cassation). Pour une durée saisie librement, on ne sait pas : `echeance` garde son
# contrat (augmentée), mais la date sûre, montrée d'abord, ne l'est pas.

# (titre, lieu de la juridiction, résidence, date sûre, échéance augmentée, mois)
DATES_SURES = [
    (
        "métropole, partie à l'étranger : + 2 mois seulement si délai d'appel…",
        "metropole",
        "etranger",
        "2025-03-18",
        "2025-05-19",
        2,
    ),  # 3 mai + 15 j = dimanche 18 mai → lundi 19
    ("métropole, partie à La Réunion : + 1 mois (643)", "metropole", "la-reunion", "2025-03-18", "2025-04-18", 1),
    ("Guadeloupe, partie en métropole : + 1 mois (644)", "guadeloupe", "metropole", "2025-03-18", "2025-04-18", 1),
    ("Guyane, partie à l'étranger : + 2 mois (644)", "guyane", "etranger", "2025-03-18", "2025-05-19", 2),
]


@pytest.mark.parametrize(
    "lieu, residence, sure, augmentee, mois", [c[1:] for c in DATES_SURES], ids=[c[0] for c in DATES_SURES]
)
def test_delai_de_nature_inconnue_la_date_sure_est_sans_augmentation(lieu, residence, sure, augmentee, mois):
    resultat = _delai("2025-03-03", lieu, duree={"jours": 15}, residence_partie=residence)
    assert resultat["echeance"] == augmentee and resultat["augmentation_distance"]["mois"] == mois
    assert resultat["date_sure"] == sure
    sans = resultat["sans_augmentation"]
    assert sans["condition"] == (
        "Si ce délai est un délai de comparution, d'appel, d'opposition, de tierce "
        "opposition, de recours en révision ou de pourvoi en cassation"
    )
    assert sans["explications"][-1]["texte"].startswith(f"Dernier jour : {_fr(sure)}")
    assert "ne compte pas l'augmentation pour distance" in sans["explications"][1]["texte"]
    avertissement = next(a["texte"] for a in resultat["avertissements"] if a["code"] == "distance_limitee")
    assert avertissement.startswith(f"Date sûre : {_fr(sure)}.") and f"jusqu'au {_fr(augmentee)}" in avertissement


def test_delai_du_catalogue_augmente_la_date_sure_est_l_echeance():
    resultat = calcule_delai({"depart": "2025-03-03", "delai": "appel_civil", "residence_partie": "etranger"})
    assert resultat["date_sure"] == resultat["echeance"] == "2025-06-03"
    assert resultat["sans_augmentation"] is None and "distance_limitee" not in _codes(resultat)


def test_sans_distance_pas_de_date_conditionnelle():
    resultat = _delai("2025-03-03", duree={"jours": 15})
    assert resultat["date_sure"] == resultat["echeance"] and resultat["sans_augmentation"] is None
    assert not any("distance" in e["texte"] for e in resultat["explications"])


def _fr(iso: str) -> str:
    from pyscripts.delais.francais import date_fr

    return date_fr(date.fromisoformat(iso))


# ── Durée des mesures de l'ordonnance de protection, paramètre daté ─────────


@pytest.mark.parametrize(
    "depart, echeance, mois",
    [
        ("2012-01-10", "2012-05-10", 4),  # loi n° 2010-769 : 4 mois
        ("2020-01-10", "2020-07-10", 6),  # loi n° 2014-873 : 6 mois
        ("2025-01-10", "2026-01-10", 12),  # loi n° 2024-536 : 12 mois
    ],
)
def test_la_duree_des_mesures_depend_du_jour_de_notification(depart, echeance, mois):
    resultat = calcule_delai({"depart": depart, "delai": "op_duree_mesures"})
    assert (resultat["echeance"], resultat["duree"]) == (echeance, {"mois": mois})
    assert f"Durée en vigueur à cette date : {mois} mois" in resultat["explications"][1]["texte"]


def test_avant_la_premiere_valeur_connue_le_refus_nomme_la_date_de_depart():
    from pyscripts.erreurs import EntreeInvalide

    with pytest.raises(EntreeInvalide) as erreur:
        calcule_delai({"depart": "2009-05-04", "delai": "op_duree_mesures"})
    assert erreur.value.champ == "depart" and "1er octobre 2010" in erreur.value.message
