"""Scénarios : calendrier de l'ordonnance de protection et délai relancé par l'aide juridictionnelle."""

from __future__ import annotations

import pytest

from pyscripts.delais import calcule, scenario
from pyscripts.delais.entree import LIBELLES
from pyscripts.erreurs import EntreeInvalide

CLES_ETAPE = [
    "id",
    "titre",
    "nature",
    "date_sure",
    "dates_plus_tardives",
    "texte",
    "explications",
    "avertissements",
    "reference",
]


def _op(**entree) -> dict:
    return scenario({"scenario": "ordonnance_protection", **entree})


def _aj(**entree) -> dict:
    entree.setdefault("delai", "appel_civil")
    entree.setdefault("depart", "2025-03-03")
    entree.setdefault("demande_aj", "2025-03-20")
    return scenario({"scenario": "aide_juridictionnelle_recours", **entree})


def _dates(resultat: dict) -> dict[str, tuple]:
    return {e["id"]: (e["date_sure"], [p["date"] for p in e["dates_plus_tardives"]]) for e in resultat["etapes"]}


def _codes(resultat: dict) -> list[str]:
    return [a["code"] for a in resultat["avertissements"]]


# ── Ordonnance de protection ────────────────────────────────────────────────


def test_calendrier_de_l_op_juin_2025_comme_dans_les_notes_de_regles():
    """§ 2.3 des règles : jour 0 lundi 2 juin 2025, OP notifiée vendredi 6 juin."""
    resultat = _op(ordonnance_fixant_audience="2025-06-02", notification_op="2025-06-06")
    assert _dates(resultat) == {
        "ordonnance_fixant_audience": ("2025-06-02", []),
        "signification_ordonnance_audience": ("2025-06-04", []),
        "delivrance_op": ("2025-06-08", ["2025-06-10"]),  # dimanche ; mardi si l'art. 642 joue (Pentecôte)
        "notification_op": ("2025-06-06", []),
        "appel_op": ("2025-06-23", []),  # 21 juin un samedi
        "fin_mesures": ("2025-12-06", ["2026-06-06"]),  # 6 mois (CPC 1136-7) ou 12 mois (C. civ. 515-12)
    }
    assert all(list(e) == CLES_ETAPE for e in resultat["etapes"])
    assert "oppi" in _codes(resultat)


def test_op_les_etapes_se_lisent_dans_l_ordre_des_dates():
    resultat = _op(ordonnance_fixant_audience="2025-06-02", date_audience="2025-06-05", notification_op="2025-06-06")
    assert [e["id"] for e in resultat["etapes"]] == [
        "ordonnance_fixant_audience",
        "signification_ordonnance_audience",
        "audience",
        "notification_op",
        "delivrance_op",
        "appel_op",
        "fin_mesures",
    ]


def test_op_ordonnance_un_jeudi_signification_le_lundi():
    etape = _op(ordonnance_fixant_audience="2025-06-12")["etapes"][1]
    assert (etape["id"], etape["date_sure"]) == ("signification_ordonnance_audience", "2025-06-16")
    assert etape["texte"].startswith("Au plus tard le lundi 16 juin 2025, jusqu'à minuit.")


def test_op_en_alsace_moselle_le_vendredi_saint_proroge_la_signification():
    assert _dates(_op(ordonnance_fixant_audience="2025-04-16"))["signification_ordonnance_audience"][0] == "2025-04-18"
    alsace = _op(ordonnance_fixant_audience="2025-04-16", lieu_juridiction="alsace-moselle")
    assert _dates(alsace)["signification_ordonnance_audience"][0] == "2025-04-22"


def test_op_la_distance_n_allonge_pas_les_delais_de_2_et_6_jours():
    loin = _dates(_op(ordonnance_fixant_audience="2025-06-02", residence_partie="etranger"))
    assert loin["signification_ordonnance_audience"] == ("2025-06-04", [])
    assert loin["delivrance_op"][0] == "2025-06-08"


def test_op_appel_depuis_l_etranger_augmente_de_deux_mois_f8():
    dates = _dates(_op(notification_op="2025-06-06", residence_partie="etranger"))
    assert dates["appel_op"] == ("2025-08-21", [])


def test_op_la_victime_sait_jusqu_a_quand_l_autre_partie_a_l_etranger_peut_faire_appel():
    """Un défendeur à l'étranger peut faire appel jusqu'à 2 mois et 15 jours après la signification."""
    appel = next(e for e in _op(notification_op="2025-06-06")["etapes"] if e["id"] == "appel_op")
    assert appel["date_sure"] == "2025-06-23"
    texte = next(a["texte"] for a in appel["avertissements"] if a["code"] == "appel_autre_partie_etranger")
    assert "jusqu'au jeudi 21 août 2025" in texte and "2 mois de plus" in texte
    loin = next(
        e for e in _op(notification_op="2025-06-06", residence_partie="etranger")["etapes"] if e["id"] == "appel_op"
    )
    assert not any(a["code"] == "appel_autre_partie_etranger" for a in loin["avertissements"])


def test_op_duree_ecrite_dans_l_ordonnance():
    dates = _dates(_op(notification_op="2025-06-06", duree_mesures_mois=12))
    assert dates["fin_mesures"] == ("2026-06-06", [])
    assert _dates(_op(notification_op="2025-08-31", duree_mesures_mois=6))["fin_mesures"] == ("2026-02-28", [])


def test_op_notifiee_avant_2014_quatre_mois_au_plus():
    resultat = _op(notification_op="2012-01-05")
    assert _dates(resultat)["fin_mesures"] == ("2012-05-05", [])
    fin = next(e for e in resultat["etapes"] if e["id"] == "fin_mesures")
    assert any("avant le 6 août 2014 : 4 mois au plus" in e["texte"] for e in fin["explications"])


def test_op_notifiee_avant_que_l_ordonnance_de_protection_existe_est_refusee():
    with pytest.raises(EntreeInvalide) as erreur:
        _op(notification_op="2009-03-02")
    assert erreur.value.champ == "notification_op" and "1er octobre 2010" in erreur.value.message


def test_op_notifiee_avant_la_loi_de_2024_six_mois_au_plus():
    dates = _dates(_op(notification_op="2024-01-10"))
    assert dates["fin_mesures"] == ("2024-07-10", [])
    with pytest.raises(EntreeInvalide) as erreur:
        _op(notification_op="2024-01-10", duree_mesures_mois=12)
    assert erreur.value.champ == "duree_mesures_mois"


def test_op_sans_notification_les_etapes_suivantes_attendent_une_date():
    resultat = _op(ordonnance_fixant_audience="2025-06-02")
    suite = {e["id"]: e for e in resultat["etapes"][-2:]}
    assert [e["date_sure"] for e in suite.values()] == [None, None]
    assert "indiquez cette date" in suite["appel_op"]["texte"]


def test_op_audience_apres_le_jour_6_donne_un_avertissement():
    assert "audience_apres_jour_6" in _codes(_op(ordonnance_fixant_audience="2025-06-02", date_audience="2025-06-12"))
    assert "audience_apres_jour_6" not in _codes(
        _op(ordonnance_fixant_audience="2025-06-02", date_audience="2025-06-06")
    )


# ── Délai relancé par l'aide juridictionnelle ───────────────────────────────


def test_aj_admission_totale_et_deux_avocats_date_sure_la_plus_proche():
    resultat = _aj(
        decision_baj="2025-05-12", sens_decision="admission_totale", designations_avocat=["2025-05-20", "2025-07-01"]
    )
    dates = _dates(resultat)
    assert dates["delai_initial"] == ("2025-04-03", [])
    assert dates["nouveau_delai"] == ("2025-06-12", ["2025-06-20", "2025-06-27", "2025-08-01"])
    assert "recours_decision_baj" not in dates  # pas de recours contre une admission totale
    assert {"aj_points_de_depart", "aj_plusieurs_avocats", "aj_cnda"} <= set(_codes(resultat))


def test_aj_rejet_recours_de_15_jours_et_nouveau_delai_apres_le_dernier_jour_pour_contester():
    dates = _dates(_aj(decision_baj="2025-05-12", sens_decision="rejet"))
    assert dates["recours_decision_baj"] == ("2025-05-27", [])
    # 27 mai + 1 mois = 27 juin ; lecture « lendemain » : 28 mai + 1 mois = samedi 28 juin → lundi 30 juin.
    assert dates["nouveau_delai"] == ("2025-06-27", ["2025-06-30"])


def test_aj_decision_sur_le_recours_fait_partir_le_nouveau_delai():
    dates = _dates(_aj(decision_baj="2025-05-12", sens_decision="rejet", decision_recours="2025-09-01"))
    assert dates["nouveau_delai"] == ("2025-10-01", [])


def test_aj_admission_provisoire_et_caducite():
    assert _dates(_aj(admission_provisoire="2025-04-01"))["nouveau_delai"] == ("2025-05-02", [])  # 1er mai férié
    assert _dates(_aj(caducite="2025-04-10"))["nouveau_delai"] == ("2025-05-12", [])  # samedi 10 mai


def test_aj_designation_anterieure_a_la_decision_ne_retarde_rien():
    dates = _dates(_aj(admission_provisoire="2025-04-01", designations_avocat=["2025-03-25"]))
    assert dates["nouveau_delai"] == ("2025-05-02", [])


def test_aj_sans_decision_le_nouveau_delai_attend():
    etape = _aj()["etapes"][-1]
    assert (etape["id"], etape["date_sure"]) == ("nouveau_delai", None)


def test_aj_demande_tardive_ne_relance_rien():
    resultat = _aj(demande_aj="2025-04-04", decision_baj="2025-05-12", sens_decision="rejet")
    assert "nouveau_delai" not in _dates(resultat)
    assert "ne le relance pas" in next(e for e in resultat["etapes"] if e["id"] == "demande_aj")["texte"]


def test_aj_demande_faite_apres_la_date_sure_seulement_des_dates_possibles():
    # Délai libre de 15 jours depuis l'étranger : date sûre 23 juin ; + 2 mois seulement si c'est
    # un délai d'appel, d'opposition… (nature inconnue).
    resultat = _aj(
        delai=None,
        duree={"jours": 15},
        depart="2025-06-06",
        demande_aj="2025-06-30",
        residence_partie="etranger",
        admission_provisoire="2025-07-15",
    )
    etape = resultat["etapes"][-1]
    assert etape["date_sure"] is None and etape["dates_plus_tardives"]


def test_aj_demande_avant_le_depart_par_prudence_pas_de_date_sure():
    etape = _aj(depart="2025-03-03", demande_aj="2025-02-20", admission_provisoire="2025-04-01")["etapes"][-1]
    assert etape["date_sure"] is None and [p["date"] for p in etape["dates_plus_tardives"]] == ["2025-05-02"]


def test_aj_pourvoi_article_44_part_de_la_decision():
    resultat = _aj(delai="pourvoi_cassation", decision_baj="2025-05-12", sens_decision="admission_totale")
    etape = resultat["etapes"][-1]
    # 12 mai + 2 mois = samedi 12 juillet → dimanche 13 → lundi 14 juillet (fête nationale) → mardi 15.
    assert (etape["date_sure"], etape["reference"]["texte"]) == (
        "2025-07-15",
        "Décret n° 2020-1717 du 28 décembre 2020, art. 44",
    )


def test_aj_duree_libre_acceptee():
    assert _dates(_aj(delai=None, duree={"jours": 15}, demande_aj="2025-03-10", admission_provisoire="2025-04-01"))[
        "nouveau_delai"
    ] == ("2025-04-16", [])


# ── Entrées refusées ────────────────────────────────────────────────────────

SCENARIOS = {"op": _op, "aj": _aj}


@pytest.mark.parametrize(
    "nom, entree, champ",
    [
        ("op", {}, "ordonnance_fixant_audience"),
        ("op", {"ordonnance_fixant_audience": "2025-06-02", "notification_op": "2025-06-01"}, "notification_op"),
        ("op", {"ordonnance_fixant_audience": "2025-06-02", "date_audience": "2025-05-30"}, "date_audience"),
        ("op", {"notification_op": "2025-06-06", "duree_mesures_mois": 13}, "duree_mesures_mois"),
        ("op", {"notification_op": "2025-06-06", "duree_mesures_mois": "12"}, "duree_mesures_mois"),
        (
            "op",
            {"ordonnance_fixant_audience": "2025-06-02", "lieu_juridiction": "polynesie-francaise"},
            "lieu_juridiction",
        ),
        ("op", {"ordonnance_fixant_audience": "2025-06-02", "heure": "10:00"}, "entree"),
        ("aj", {"delai": "op_signification_ordonnance_audience"}, "delai"),
        ("aj", {"delai": "prescription_delit"}, "delai"),
        ("aj", {"demande_aj": None}, "demande_aj"),
        ("aj", {"decision_baj": "2025-03-10", "sens_decision": "rejet"}, "decision_baj"),
        ("aj", {"decision_baj": "2025-05-12"}, "sens_decision"),
        ("aj", {"decision_baj": "2025-05-12", "sens_decision": "peut-être"}, "sens_decision"),
        ("aj", {"sens_decision": "rejet"}, "decision_baj"),
        ("aj", {"decision_recours": "2025-06-01"}, "decision_baj"),
        ("aj", {"designations_avocat": ["2025-05-20"]}, "decision_baj"),
        ("aj", {"designations_avocat": "2025-05-20"}, "designations_avocat"),
        (
            "aj",
            {"decision_baj": "2025-05-12", "sens_decision": "rejet", "designations_avocat": ["2025-05-20"]},
            "designations_avocat",
        ),
        ("aj", {"delai": "pourvoi_cassation", "admission_provisoire": "2025-04-01"}, "admission_provisoire"),
    ],
)
def test_entrees_refusees(nom, entree, champ):
    with pytest.raises(EntreeInvalide) as erreur:
        SCENARIOS[nom](**entree)
    assert erreur.value.champ == champ
    if champ != "entree":  # le message commence par le nom de SA donnée, en français
        libelle = LIBELLES[champ]
        assert erreur.value.message.startswith(f"{libelle[0].upper()}{libelle[1:]} ({champ}) : ")


def test_calcule_aiguille_vers_le_scenario():
    assert (
        calcule({"scenario": "ordonnance_protection", "ordonnance_fixant_audience": "2025-06-02"})["scenario"]
        == "ordonnance_protection"
    )
