"""Les dépendances légales des mesures d'une ordonnance de protection (content/data/op_mesures.yml)."""

from __future__ import annotations

import copy

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires.definition import lit_formulaire
from pyscripts.op import mesures as op_mesures
from pyscripts.op.requete import prepare
from pyscripts.op.verification import genres

AUJOURDHUI = "2026-11-29"


def _prepare(valeurs=None, mesures=None, **autres):
    return prepare({"valeurs": valeurs or {}, "mesures": mesures or [], "aujourdhui": AUJOURDHUI, **autres})


def _refus(valeurs=None, mesures=None) -> EntreeInvalide:
    with pytest.raises(EntreeInvalide) as exc:
        _prepare(valeurs, mesures)
    return exc.value


def test_les_donnees_sont_justes():
    champs = genres(lit_formulaire("cerfa-15458"))
    assert op_mesures.problemes(op_mesures.donnees(), champs) == []


def test_les_renvois_qui_ne_menent_nulle_part_sont_refuses_a_leur_chemin():
    """La forme (clés, types, régimes) est celle du schéma ; ici, les renvois (construction : croisements.py)."""
    champs = genres(lit_formulaire("cerfa-15458"))
    d = copy.deepcopy(op_mesures.donnees())
    d["mesures"][0]["case"] = "case_qui_n_existe_pas"
    d["mesures"][1]["requiert"] = ["mesure_inconnue"]
    d["mesures"][2]["case"] = "defendeur_nom"  # un champ de texte
    d["conseils"][0]["si"] = ["autre_inconnue"]
    defauts = dict(op_mesures.problemes(d, champs))
    assert "case_qui_n_existe_pas" in defauts[("mesures", 0, "case")]
    assert "mesure_inconnue" in defauts[("mesures", 1, "requiert", 0)]
    assert "champ texte" in defauts[("mesures", 2, "case")]
    assert "autre_inconnue" in defauts[("conseils", 0, "si", 0)]


def test_toute_mesure_de_la_loi_est_proposee():
    """515-11 1° à 7° (dont 1° bis, 2° bis, 2° ter, 3° bis, 6° bis), 515-11-1 et 515-13."""
    articles = " ".join(m["article"] for m in op_mesures.donnees()["mesures"])
    for numero in ("1°", "1° bis", "2°", "2° bis", "2° ter", "3°", "3° bis", "4°", "5°", "6°", "6° bis", "7°"):
        assert f"515-11 {numero}" in articles, numero
    assert "515-11-1" in articles and "515-13 " in articles + " " and "515-13-1" in articles


# ── Bracelet ─────────────────────────────────────────────────────────────────────


def test_le_bracelet_exige_l_interdiction_de_contact():
    erreur = _refus({"situation_concubinage": True, "bracelet_raisons": "Il me suit."}, ["bracelet"])
    assert erreur.champ == "mesure_bracelet"
    assert "Interdiction de contact" in erreur.message and "515-11-1" in erreur.message


def test_le_bracelet_avec_l_interdiction_de_contact():
    r = _prepare(
        {"situation_concubinage": True, "bracelet_raisons": "Il me suit."}, ["bracelet", "interdiction_contact"]
    )
    assert r["valeurs"]["mesure_bracelet"] is True and r["valeurs"]["mesure_contact"] is True
    assert any("présente à l'audience" in c["texte"] for c in r["conseils"])


def test_le_bracelet_coche_sur_le_formulaire_sans_contact_est_refuse():
    erreur = _refus({"situation_maries": True, "mesure_bracelet": True, "bracelet_raisons": "x"})
    assert erreur.champ == "mesure_bracelet"


def test_le_bracelet_exige_ses_raisons():
    erreur = _refus({"situation_maries": True}, ["bracelet", "interdiction_contact"])
    assert erreur.champ == "bracelet_raisons"


# ── Logement et argent selon la situation familiale ──────────────────────────────


@pytest.mark.parametrize(
    "situation, mesure, permis",
    [
        ("maries", "logement_conjugal", True),
        ("pacses", "logement_conjugal", False),
        ("concubinage", "logement_conjugal", False),
        ("pacses", "logement_commun", True),
        ("concubinage", "logement_commun", True),
        ("maries", "logement_commun", False),
        ("anciens_concubins", "logement_commun", False),
        ("divorces", "logement_conjugal", False),
        ("maries", "contribution_mariage", True),
        ("pacses", "contribution_mariage", False),
        ("pacses", "aide_materielle", True),
        ("concubinage", "aide_materielle", False),
    ],
)
def test_logement_et_argent_selon_la_situation(situation, mesure, permis):
    valeurs = {f"situation_{situation}": True}
    if permis:
        assert mesure in _prepare(valeurs, [mesure])["mesures"]
    else:
        erreur = _refus(valeurs, [mesure])
        assert erreur.champ == mesure
        assert "réservée par la loi" in erreur.message and "515-11" in erreur.message


def test_sans_situation_familiale_le_logement_est_refuse():
    erreur = _refus({}, ["logement_conjugal"])
    assert "situation familiale" in erreur.message


def test_deux_situations_familiales_sont_refusees():
    erreur = _refus({"situation_maries": True, "situation_pacses": True})
    assert erreur.champ in ("situation_maries", "situation_pacses")


# ── Enfants en commun ────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "mesure",
    [
        "autorite_parentale_conjointe",
        "residence_enfants",
        "sortie_territoire_enfants",
        "contribution_enfants",
        "visite_mediatisee",
    ],
)
def test_les_mesures_pour_les_enfants_exigent_des_enfants_en_commun(mesure):
    texte = {
        "residence_enfants": {"residence_enfants": "chez moi"},
        "visite_mediatisee": {"dvh_mediatise_raisons": "Il a menacé de les emmener."},
    }.get(mesure, {})
    erreur = _refus({"situation_maries": True, **texte}, [mesure])
    assert "enfants en commun" in erreur.message
    r = _prepare({"situation_maries": True, "enfants_communs_oui": True, **texte}, [mesure])
    assert mesure in r["mesures"]


def test_un_enfant_dans_le_tableau_suffit():
    r = _prepare({"situation_maries": True, "enfants_1_nom_prenoms": "Léa", "residence_enfants": "chez moi"})
    assert "residence_enfants" in r["mesures"]


def test_l_autorite_parentale_un_seul_choix():
    erreur = _refus(
        {"situation_maries": True, "enfants_communs_oui": True},
        ["autorite_parentale_conjointe", "autorite_parentale_exclusive_sans_dvh"],
    )
    assert "ensemble" in erreur.message


def test_visite_mediatisee_et_pas_de_droit_de_visite_s_excluent():
    erreur = _refus(
        {"situation_maries": True, "enfants_communs_oui": True, "dvh_mediatise_raisons": "x"},
        ["visite_mediatisee", "autorite_parentale_exclusive_sans_dvh"],
    )
    assert "ensemble" in erreur.message


# ── Mariage forcé (515-13) ───────────────────────────────────────────────────────


def test_mariage_force_sans_relation_de_couple():
    r = _prepare(
        {"mariage_force_motifs": "Ma famille prépare mon mariage au pays."},
        [
            "sortie_territoire_mariage_force",
            "interdiction_contact",
            "interdiction_arme",
            "remise_armes",
            "aide_juridictionnelle_provisoire",
        ],
    )
    assert r["valeurs"]["mariage_force"] is True and r["valeurs"]["aj_provisoire_oui"] is True


@pytest.mark.parametrize("mesure", ["interdiction_lieux", "prise_en_charge", "logement_conjugal", "animal"])
def test_mariage_force_seul_ne_permet_pas_les_autres_mesures(mesure):
    valeurs = {"mariage_force_motifs": "Menace.", "lieux_precisions": "mon travail"}
    erreur = _refus(valeurs, ["sortie_territoire_mariage_force", mesure])
    assert erreur.champ in (op_mesures.par_id()[mesure].get("case"), op_mesures.par_id()[mesure].get("texte"))


def test_mariage_force_exige_la_majorite():
    valeurs = {"mariage_force_motifs": "Menace.", "requerant_date_naissance": "30/11/2008", "fait_le": "29/11/2026"}
    erreur = _refus(valeurs, ["sortie_territoire_mariage_force"])
    assert "juge des enfants" in erreur.message
    valeurs["requerant_date_naissance"] = "29/11/2008"
    assert "sortie_territoire_mariage_force" in _prepare(valeurs, ["sortie_territoire_mariage_force"])["mesures"]


# ── Mesures sans case : la demande est écrite ────────────────────────────────────


def test_animal_et_domiciliation_ecrits_dans_la_rubrique_VII():
    r = _prepare(
        {"situation_concubinage": True, "autres_demandes": "Que mes affaires me soient rendues."},
        ["animal", "domiciliation_vie_courante"],
    )
    lignes = r["valeurs"]["autres_demandes"].split("\n")
    assert "515-11 3° bis" in lignes[0] and "515-11 6° bis" in lignes[1]
    assert lignes[2] == "Que mes affaires me soient rendues."


def test_la_phrase_n_est_pas_ecrite_deux_fois():
    premiere = _prepare({"situation_concubinage": True}, ["animal"])["valeurs"]["autres_demandes"]
    seconde = _prepare({"situation_concubinage": True, "autres_demandes": premiere}, ["animal"])["valeurs"][
        "autres_demandes"
    ]
    assert seconde == premiere


def test_la_remise_des_armes_va_avec_l_interdiction_d_arme():
    erreur = _refus({"situation_maries": True}, ["remise_armes"])
    assert erreur.champ == "arme_precisions" and "Interdiction d'avoir ou de porter une arme" in erreur.message
    r = _prepare(
        {"situation_maries": True, "arme_precisions": "Un fusil de chasse."}, ["remise_armes", "interdiction_arme"]
    )
    assert r["valeurs"]["mesure_arme"] is True
    assert (
        r["valeurs"]["arme_precisions"].endswith("Un fusil de chasse.") and "2° bis" in r["valeurs"]["arme_precisions"]
    )


def test_une_mesure_inconnue_est_refusee():
    erreur = _refus({}, ["interdiction_de_tout"])
    assert erreur.champ == "mesures"


def test_conseil_sur_les_armes_quand_le_contact_est_interdit():
    r = _prepare({"situation_maries": True}, ["interdiction_contact"])
    assert any(c["article"] == "art. 515-11 2° du code civil" for c in r["conseils"])
    r = _prepare({"situation_maries": True}, ["interdiction_contact", "interdiction_arme"])
    assert not any(
        "motiver spécialement sa décision de ne pas interdire les armes" in c["texte"] for c in r["conseils"]
    )


def test_la_page_recoit_chaque_mesure_avec_son_explication_et_son_lien():
    for m in op_mesures.pour_la_page():
        assert m["explication"].endswith(".")
        assert m["lien"].startswith("ordonnance-protection/") and "#" in m["lien"]


def test_sans_situation_les_mesures_de_tous_les_cas_restent_possibles():
    r = _prepare(
        {"adresse_cachee": True, "election_avocat": True, "election_avocat_coordonnees": "Me X"},
        ["interdiction_contact", "aide_juridictionnelle_provisoire", "accord_oppi"],
    )
    assert r["mesures"] == [
        "dissimulation_adresse",
        "accord_oppi",
        "interdiction_contact",
        "aide_juridictionnelle_provisoire",
    ]
    erreur = _refus({"lieux_precisions": "mon travail"}, ["interdiction_lieux"])
    assert erreur.champ == "mesure_lieux" and "situation familiale" in erreur.message
