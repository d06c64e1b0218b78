"""Ce qu'il faut apporter au greffe et à l'audience, selon la situation (content/data/op_a_apporter.yml)."""

from __future__ import annotations

import copy

from pyscripts.op import greffe as op_greffe
from pyscripts.op.requete import prepare


def _liste(valeurs, mesures=()):
    r = prepare({"valeurs": valeurs, "mesures": list(mesures), "aujourdhui": "2026-11-29"})
    return {moment: " | ".join(x["quoi"] for x in lignes) for moment, lignes in r["a_apporter"].items()}


def test_les_donnees_sont_justes():
    assert op_greffe.problemes(op_greffe.donnees()) == []


def test_une_condition_inconnue_est_refusee():
    d = copy.deepcopy(op_greffe.donnees())
    d["greffe"][0]["si"] = {"un_de": ["maries", "fiances"]}
    d["audience"][0]["si"] = {"non": "parfois"}  # la forme est vérifiée par le schéma
    defauts = dict(op_greffe.problemes(d))
    assert "fiances" in defauts[("greffe", 0, "si")] and "parfois" in defauts[("audience", 0, "si")]


def test_toujours_la_requete_les_pieces_et_l_exposé():
    liste = _liste({})
    assert "requête remplie, datée et signée" in liste["greffe"]
    assert "exposé des faits et le bordereau" in liste["greffe"]
    assert "acte de mariage" not in liste["greffe"] and "actes de naissance" not in liste["greffe"]
    assert "entendue seule" in liste["audience"]


def test_selon_la_situation_et_les_demandes():
    liste = _liste(
        {
            "situation_maries": True,
            "enfants_communs_oui": True,
            "precedente_oui": True,
            "dvh_mediatise_raisons": "x",
            "bracelet_raisons": "x",
        },
        ["logement_conjugal", "contribution_mariage", "visite_mediatisee", "interdiction_contact", "bracelet"],
    )
    for attendu in (
        "acte de mariage, de moins de 3 mois",
        "actes de naissance des enfants",
        "tiers de confiance",
        "bail et des quittances",
        "bulletins de paie",
        "précédentes demandes",
    ):
        assert attendu in liste["greffe"], attendu
    assert "en personne" in liste["audience"]
    assert "PACS" not in liste["greffe"]
    assert "enregistrement du PACS" in _liste({"situation_pacses": True})["greffe"]
    assert "portant la mention du divorce" in _liste({"situation_divorces": True})["greffe"]


def test_adresse_personnelle_au_greffe_si_domicile_chez_le_procureur():
    valeurs = {"adresse_cachee": True, "election_procureur": True, "election_procureur_adresse": "Tribunal judiciaire"}
    assert "adresse personnelle, sur une feuille à part" in _liste(valeurs)["greffe"]
    valeurs = {"adresse_cachee": True, "election_avocat": True, "election_avocat_coordonnees": "Me X"}
    assert "adresse personnelle" not in _liste(valeurs)["greffe"]
