"""Les règles hors barème : changement de situation, absence de revenu fiscal de
référence, dates de bascule, cas sans condition de ressources, assurance,
nationalité et résidence, ordonnance de protection, avertissements."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from pyscripts.aj import calcule
from pyscripts.aj.entree import LIBELLES
from pyscripts.donnees import charge
from pyscripts.erreurs import EntreeInvalide

PARAMETRES = charge("aide_juridictionnelle")
DERNIER = max(PARAMETRES["baremes"], key=lambda b: b["annee"])
ATTENDU = DERNIER["annee"] + 1  # l'année dont le barème n'est pas encore dans les données
CLES_DE_SORTIE = [
    "resultat",
    "taux",
    "bareme",
    "plafonds",
    "taux_des_plafonds",
    "ressources_retenues",
    "explications",
    "avertissements",
]


def _textes(resultat: dict) -> list[str]:
    return [e["texte"].replace("\u202f", " ").replace("\u00a0", " ") for e in resultat["explications"]]


def _references(resultat: dict) -> list[str]:
    return [e["reference"]["texte"] for e in resultat["explications"]]


def _codes(resultat: dict) -> list[str]:
    return [a["code"] for a in resultat["avertissements"]]


def _calcule(**situation) -> dict:
    situation.setdefault("date_demande", "2025-06-01")
    return calcule(situation)


# ── Forme de la réponse ──────────────────────────────────────────────────────


def test_la_reponse_a_toujours_les_memes_cles_dans_le_meme_ordre_et_se_lit_en_json():
    resultat = _calcule(personnes_foyer=1, rfr=12000)
    assert list(resultat) == CLES_DE_SORTIE
    assert json.loads(json.dumps(resultat, ensure_ascii=False)) == resultat


def test_deux_calculs_identiques_donnent_exactement_le_meme_texte_json():
    situation = {"date_demande": "2024-02-01", "personnes_foyer": 5, "rfr": 21000, "patrimoine_mobilier": 10.5}
    assert json.dumps(calcule(situation)) == json.dumps(calcule(dict(situation)))


def test_le_calcul_ne_modifie_ni_la_situation_ni_les_parametres():
    situation = {"date_demande": "2023-03-01", "personnes_foyer": 3, "rfr": 17000}
    parametres = copy.deepcopy(PARAMETRES)
    avant = (copy.deepcopy(situation), copy.deepcopy(parametres))
    resultat = calcule(situation, parametres)
    resultat["bareme"]["source"]["texte"] = "modifié"
    resultat["explications"][0]["reference"]["texte"] = "modifié"
    assert (situation, parametres) == avant


def test_sans_date_de_demande_on_prend_la_date_du_jour():
    resultat = calcule({"personnes_foyer": 1, "rfr": 0}, aujourd_hui=date(2023, 1, 17))
    assert resultat["bareme"]["annee"] == 2022
    assert "17 janvier 2023" in resultat["explications"][0]["texte"]


def test_chaque_explication_cite_un_texte_avec_son_adresse():
    situations = [
        dict(personnes_foyer=2, rfr=16000, protection_juridique="partielle"),
        dict(personnes_foyer=1, rfr=None, revenus_6_mois=4000, nationalite="union_europeenne"),
        dict(
            personnes_foyer=1,
            rfr=50000,
            changement_situation=True,
            revenus_6_mois=100,
            nationalite="autre",
            exception_residence="prevenu",
        ),
        dict(cas_particulier="A"),
        dict(audition_mineur=True),
        dict(protection_juridique="totale"),
        dict(personnes_foyer=1, rfr=0, nationalite="autre", residence_habituelle=False),
    ]
    for situation in situations:
        for explication in _calcule(**situation)["explications"]:
            assert explication["texte"].endswith(".")
            assert explication["reference"]["texte"]
            assert explication["reference"]["url"].startswith("https://")


# ── Ressources : revenu fiscal de référence ou revenus des 6 derniers mois ──


def test_l_exemple_d_explication_se_lit_comme_une_phrase_simple():
    resultat = _calcule(date_demande="2023-06-01", personnes_foyer=1, rfr=12000)
    assert (
        "Votre revenu fiscal de référence (12 000 €) est inférieur ou égal au plafond de l'aide totale "
        "pour un foyer de 1 personne (12 271 €) : vous pouvez avoir l'aide juridictionnelle totale."
    ) in _textes(resultat)
    assert "Décret n° 2020-1717 du 28 décembre 2020, art. 3" in _references(resultat)


@pytest.mark.parametrize(
    "situation, retenu, attendu",
    [
        pytest.param(
            dict(rfr=40000, changement_situation=True, revenus_6_mois=5000),
            9000,
            "totale",
            id="changement de situation : 2 × (5 000 − 10 %) = 9 000 € remplace le revenu fiscal de référence",
        ),
        pytest.param(
            dict(rfr=None, revenus_6_mois=5000),
            9000,
            "totale",
            id="pas de revenu fiscal de référence : même calcul sur les 6 derniers mois",
        ),
        pytest.param(
            dict(rfr=None, revenus_6_mois=7145.55),
            12862,
            "totale",
            id="6 mois : 12 861,99 € arrondi à 12 862 €, égal au plafond → aide totale",
        ),
        pytest.param(
            dict(rfr=None, revenus_6_mois=7145.56),
            12863,
            "partielle_55",
            id="6 mois : 12 862,01 € arrondi à 12 863 €, au-dessus du plafond → 55 %",
        ),
        pytest.param(dict(rfr=None, revenus_6_mois=0), 0, "totale", id="6 mois sans aucun revenu → aide totale"),
        pytest.param(
            dict(rfr=5000, changement_situation=True, revenus_6_mois=20000),
            36000,
            "non_eligible",
            id="revenus en hausse depuis l'avis d'impôt : le changement joue aussi contre le demandeur",
        ),
        pytest.param(
            dict(rfr=12000, revenus_6_mois=20000),
            12000,
            "totale",
            id="revenus des 6 mois sans changement de situation : on garde le revenu fiscal de référence",
        ),
    ],
)
def test_ressources_retenues(situation, retenu, attendu):
    resultat = _calcule(personnes_foyer=1, **situation)
    assert resultat["ressources_retenues"] == retenu
    assert resultat["resultat"] == attendu


def test_changement_de_situation_explique_le_calcul_et_cite_l_article_4_du_decret():
    resultat = _calcule(personnes_foyer=1, rfr=40000, changement_situation=True, revenus_6_mois=5000)
    assert (
        "Votre situation a changé depuis votre dernier avis d'impôt : on retient vos revenus imposables "
        "des 6 derniers mois (5 000 €), diminués de 10 % puis multipliés par 2, soit 9 000 €."
    ) in _textes(resultat)
    assert "Décret n° 2020-1717 du 28 décembre 2020, art. 4" in _references(resultat)
    assert any(t.startswith("Le montant retenu (9 000 €)") for t in _textes(resultat))


def test_revenus_des_6_mois_non_utilises_font_l_objet_d_un_avertissement():
    assert "revenus_6_mois_non_utilises" in _codes(_calcule(personnes_foyer=1, rfr=12000, revenus_6_mois=1))
    assert "revenus_6_mois_non_utilises" not in _codes(_calcule(personnes_foyer=1, rfr=12000))


@pytest.mark.parametrize(
    "situation, champ",
    [
        pytest.param(dict(personnes_foyer=1), "rfr", id="ni revenu fiscal de référence ni revenus des 6 mois"),
        pytest.param(
            dict(personnes_foyer=1, rfr=None),
            "revenus_6_mois",
            id="pas de revenu fiscal de référence, revenus des 6 mois absents",
        ),
        pytest.param(
            dict(personnes_foyer=1, rfr=9000, changement_situation=True),
            "revenus_6_mois",
            id="changement de situation sans les revenus des 6 mois",
        ),
        pytest.param(dict(rfr=9000), "personnes_foyer", id="nombre de personnes du foyer absent"),
    ],
)
def test_une_donnee_necessaire_absente_est_demandee_en_francais(situation, champ):
    with pytest.raises(EntreeInvalide) as erreur:
        _calcule(**situation)
    assert erreur.value.champ == champ
    libelle = LIBELLES[champ]
    assert erreur.value.message.startswith(f"{libelle[0].upper()}{libelle[1:]} ({champ}) : cette réponse manque.")


def test_la_majoration_du_foyer_est_expliquee():
    textes = _textes(_calcule(personnes_foyer=3, rfr=0))
    assert (
        "Votre foyer fiscal compte 3 personnes, vous compris : les plafonds sont augmentés de 4 630 € pour "
        "les ressources et l'épargne, et de 13 888 € pour les biens immobiliers."
    ) in textes


@pytest.mark.parametrize(
    "rfr, attendu, phrase",
    [
        pytest.param(
            14000, "partielle_55", "vous pouvez avoir l'aide juridictionnelle partielle à 55 %", id="aide à 55 %"
        ),
        pytest.param(
            19000, "partielle_25", "vous pouvez avoir l'aide juridictionnelle partielle à 25 %", id="aide à 25 %"
        ),
        pytest.param(
            25000,
            "non_eligible",
            "selon le barème, vous ne pouvez pas avoir l'aide juridictionnelle",
            id="au-dessus de tous les plafonds",
        ),
    ],
)
def test_chaque_resultat_a_sa_phrase_et_son_taux(rfr, attendu, phrase):
    resultat = _calcule(personnes_foyer=1, rfr=rfr)
    assert resultat["resultat"] == attendu
    assert resultat["taux"] == {"partielle_55": 55, "partielle_25": 25, "non_eligible": 0}[attendu]
    assert phrase in _textes(resultat)[-1]


# ── Dates de bascule des barèmes ─────────────────────────────────────────────


@pytest.mark.parametrize(
    "jour, annee",
    [
        pytest.param("2021-01-01", 2021, id="1er janvier 2021 : premier jour de la réforme"),
        pytest.param("2022-01-20", 2021, id="20 janvier 2022 : encore le barème 2021"),
        pytest.param("2022-01-21", 2022, id="21 janvier 2022 : barème 2022"),
        pytest.param("2023-01-17", 2022, id="17 janvier 2023 : encore le barème 2022"),
        pytest.param("2023-01-18", 2023, id="18 janvier 2023 : barème 2023"),
        pytest.param("2024-01-17", 2023, id="17 janvier 2024 : encore le barème 2023"),
        pytest.param("2024-01-18", 2024, id="18 janvier 2024 : barème 2024"),
        pytest.param("2025-01-22", 2024, id="22 janvier 2025 : encore le barème 2024"),
        pytest.param("2025-01-23", 2025, id="23 janvier 2025 : barème 2025"),
        pytest.param("2026-01-16", 2025, id="16 janvier 2026 : encore le barème 2025"),
        pytest.param("2026-01-17", 2026, id="17 janvier 2026 : barème 2026 (lendemain de la circulaire)"),
    ],
)
def test_le_bareme_applique_depend_de_la_date_de_depot(jour, annee):
    resultat = _calcule(date_demande=jour, personnes_foyer=1, rfr=0)
    assert resultat["bareme"]["annee"] == annee
    assert resultat["bareme"]["applicable_du"] <= jour


def test_un_bareme_peut_etre_depasse_apres_l_annee_du_dernier_bareme():
    # L'année qui suit le dernier barème a une entrée dans `baremes_annonces` (avertissement plus précis) ;
    # la suivante n'a rien d'annoncé.
    apres = _calcule(date_demande=f"{ATTENDU}-06-01", personnes_foyer=1, rfr=0)
    assert apres["bareme"]["annee"] == DERNIER["annee"]  # le dernier barème connu, avec un avertissement
    assert "bareme_annonce" in _codes(apres) and "bareme_peut_etre_depasse" not in _codes(apres)
    codes_plus_tard = _codes(_calcule(date_demande=f"{ATTENDU + 1}-01-05", personnes_foyer=1, rfr=0))
    assert "bareme_peut_etre_depasse" in codes_plus_tard and "bareme_annonce" in codes_plus_tard
    for jour in (f"{DERNIER['annee']}-12-31", f"{DERNIER['annee']}-03-10"):
        codes = _codes(_calcule(date_demande=jour, personnes_foyer=1, rfr=0))
        assert "bareme_peut_etre_depasse" not in codes and "bareme_annonce" not in codes


@pytest.mark.parametrize(
    "jour, attendu",
    [
        pytest.param("2023-01-16", False, id="16 janvier 2023 : aucune source ne donne le barème 2023"),
        pytest.param("2023-01-17", True, id="17 janvier 2023 : une source fait déjà commencer le barème 2023"),
        pytest.param("2023-01-18", False, id="18 janvier 2023 : barème 2023 selon toutes les sources"),
        pytest.param("2025-01-10", True, id="10 janvier 2025 : une source donne le barème 2025 dès le 1er janvier"),
        pytest.param("2026-01-01", True, id="1er janvier 2026 : le barème 2026 est présenté comme celui de l'année"),
        pytest.param("2026-01-16", True, id="16 janvier 2026 : veille du premier jour retenu"),
        pytest.param("2026-01-17", False, id="17 janvier 2026 : barème 2026"),
    ],
)
def test_date_d_application_incertaine_signalee(jour, attendu):
    codes = _codes(_calcule(date_demande=jour, personnes_foyer=1, rfr=0))
    assert ("date_d_application_incertaine" in codes) == attendu


def test_ajouter_le_bareme_suivant_ne_demande_qu_un_bloc_de_donnees_et_retirer_l_annonce():
    """Ce que fera la personne qui met le site à jour en janvier (README) : un bloc de données,
    l'entrée de `baremes_annonces` retirée. Le code ne change pas."""
    from pyscripts.aj.verification import problemes

    parametres = copy.deepcopy(PARAMETRES)
    bloc = copy.deepcopy(DERNIER)
    bloc.update(annee=ATTENDU, applicable_du=f"{ATTENDU}-01-20", date_concurrente=None)
    bloc["plafonds"]["totale"]["valeur"] += 100
    parametres["baremes"].append(bloc)
    rfr = DERNIER["plafonds"]["totale"]["valeur"] + 50
    assert [d.split(" :")[0] for d in problemes(parametres)] == ["baremes_annonces[0]"]  # l'annonce dirait faux
    parametres["baremes_annonces"] = [a for a in parametres["baremes_annonces"] if a["annee"] != ATTENDU]
    assert problemes(parametres) == []
    avant = calcule({"date_demande": f"{ATTENDU}-01-19", "personnes_foyer": 1, "rfr": rfr}, parametres)
    apres = calcule({"date_demande": f"{ATTENDU}-01-20", "personnes_foyer": 1, "rfr": rfr}, parametres)
    assert (avant["bareme"]["annee"], avant["resultat"]) == (DERNIER["annee"], "partielle_55")
    assert (apres["bareme"]["annee"], apres["resultat"]) == (ATTENDU, "totale")
    for codes in (_codes(avant), _codes(apres)):
        assert "bareme_peut_etre_depasse" not in codes and "bareme_annonce" not in codes


# ── Chiffres calculés par nous et écarts entre sources ──────────────────────


@pytest.mark.parametrize(
    "jour, n, rfr, derive",
    [
        pytest.param(
            "2024-03-01", 1, 14000, True, id="2024, 1 personne, aide à 55 % : plafond de 55 % calculé par nous"
        ),
        pytest.param("2024-03-01", 1, 0, False, id="2024, 1 personne, aide totale : le plafond de 55 % ne sert pas"),
        pytest.param("2024-03-01", 2, 0, True, id="2024, 2 personnes : majorations calculées par nous"),
        pytest.param("2025-03-01", 3, 19000, False, id="2025, 3 personnes : uniquement des chiffres publiés"),
        pytest.param("2025-03-01", 4, 0, True, id="2025, 4 personnes : majoration de la 4e personne calculée par nous"),
        pytest.param("2022-03-01", 7, 30000, False, id="2022, 7 personnes : uniquement des chiffres publiés"),
        pytest.param("2026-03-01", 1, 0, False, id="2026, 1 personne, aide totale : chiffre de deux sources"),
        pytest.param("2026-03-01", 1, 19000, True, id="2026, 1 personne, aide à 25 % : plafond de 55 % calculé"),
        pytest.param("2026-03-01", 1, 25000, False, id="2026, 1 personne, sans aide : plafond de 25 % de deux sources"),
        pytest.param("2026-03-01", 2, 0, True, id="2026, 2 personnes : majorations calculées par nous"),
    ],
)
def test_les_plafonds_calcules_par_nous_sont_signales_quand_ils_servent(jour, n, rfr, derive):
    resultat = _calcule(date_demande=jour, personnes_foyer=n, rfr=rfr)
    assert ("chiffre_derive" in _codes(resultat)) == derive
    assert any("montant calculé par nous" in t for t in _textes(resultat)) == derive


@pytest.mark.parametrize(
    "n, rfr, signale",
    [
        pytest.param(3, 17000, True, id="2023, 3 personnes, aide à 55 % : plafond publié 18 922 € au lieu de 18 923 €"),
        pytest.param(4, 20000, True, id="2023, 4 personnes, aide à 55 % : le tableau continue depuis 18 922 €"),
        pytest.param(3, 0, False, id="2023, 3 personnes, aide totale : le plafond de 55 % ne sert pas"),
        pytest.param(2, 15000, False, id="2023, 2 personnes : pas d'écart publié"),
    ],
)
def test_en_2023_l_ecart_d_un_euro_du_tableau_publie_est_signale(n, rfr, signale):
    resultat = _calcule(date_demande="2023-06-01", personnes_foyer=n, rfr=rfr)
    assert ("ecart_entre_sources" in _codes(resultat)) == signale


# ── Cas sans condition de ressources ─────────────────────────────────────────


@pytest.mark.parametrize(
    "lettre, reference, verifier",
    [
        pytest.param(
            "A", "Loi n° 91-647 du 10 juillet 1991, art. 9-2", False, id="A : victime des crimes les plus graves"
        ),
        pytest.param(
            "B", "Loi n° 91-647 du 10 juillet 1991, art. 8", False, id="B : recours de l'adversaire après l'aide"
        ),
        pytest.param("C", "Loi n° 91-647 du 10 juillet 1991, art. 9-4", True, id="C : recours devant la CNDA"),
        pytest.param(
            "D",
            "Code des pensions militaires d'invalidité et des victimes de guerre, art. L. 711-1",
            True,
            id="D : pensions militaires d'invalidité",
        ),
        pytest.param(
            "E",
            "Loi n° 91-647 du 10 juillet 1991, art. 39",
            True,
            id="E : échec des pourparlers transactionnels (texte non retrouvé)",
        ),
    ],
)
def test_cas_particulier_accorde_l_aide_sans_examen_des_ressources(lettre, reference, verifier):
    resultat = _calcule(cas_particulier=lettre, personnes_foyer=1, rfr=10**6, patrimoine_mobilier=10**6)
    assert resultat["resultat"] == "sans_condition_de_ressources"
    assert resultat["taux"] is None
    assert resultat["plafonds"] is None and resultat["ressources_retenues"] is None
    assert reference in _references(resultat)
    assert ("precaution" in _codes(resultat)) == verifier
    assert "lettres_du_formulaire" in _codes(resultat)


def test_cas_particulier_sans_aucune_donnee_de_ressources():
    assert _calcule(cas_particulier="B")["resultat"] == "sans_condition_de_ressources"


def test_mineur_entendu_par_le_juge_a_l_aide_de_droit():
    resultat = _calcule(audition_mineur=True)
    assert resultat["resultat"] == "sans_condition_de_ressources"
    assert "Loi n° 91-647 du 10 juillet 1991, art. 9-1" in _references(resultat)


# ── Assurance de protection juridique ────────────────────────────────────────


def test_une_protection_juridique_qui_couvre_tous_les_frais_exclut_l_aide():
    resultat = _calcule(protection_juridique="totale", personnes_foyer=1, rfr=0)
    assert resultat["resultat"] == "non_eligible"
    assert resultat["taux"] == 0
    assert _references(resultat)[-1] == "Loi n° 91-647 du 10 juillet 1991, art. 2"
    assert "protection_juridique" in _codes(resultat)


def test_une_protection_juridique_totale_prime_sur_les_cas_particuliers():
    assert _calcule(protection_juridique="totale", cas_particulier="A")["resultat"] == "non_eligible"


def test_une_protection_juridique_partielle_laisse_l_aide_couvrir_le_reste():
    resultat = _calcule(protection_juridique="partielle", personnes_foyer=1, rfr=0)
    assert resultat["resultat"] == "totale"
    assert any("attestation de votre assureur" in t for t in _textes(resultat))
    assert "Loi n° 91-647 du 10 juillet 1991, art. 2" in _references(resultat)


def test_sans_protection_juridique_l_assurance_n_est_pas_mentionnee():
    resultat = _calcule(personnes_foyer=1, rfr=0)
    assert "Loi n° 91-647 du 10 juillet 1991, art. 2" not in _references(resultat)


# ── Nationalité et résidence (loi, art. 3) ───────────────────────────────────


@pytest.mark.parametrize(
    "situation, attendu",
    [
        pytest.param(dict(nationalite="francaise"), "totale", id="nationalité française"),
        pytest.param(dict(nationalite="union_europeenne"), "totale", id="ressortissant de l'Union européenne"),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=True, residence_reguliere=True, date_demande="2023-06-01"),
            "totale",
            id="2023 : résidence habituelle et régulière",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=True, residence_reguliere=False, date_demande="2024-05-29"),
            "non_eligible",
            id="29 mai 2024 : résidence habituelle mais sans titre de séjour → refus",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=True, residence_reguliere=False, date_demande="2024-05-30"),
            "totale",
            id="30 mai 2024 : la résidence habituelle suffit (décision du Conseil constitutionnel)",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=True, date_demande="2025-06-01"),
            "totale",
            id="2025 : la régularité du séjour n'est plus demandée",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=False),
            "non_eligible",
            id="pas de résidence habituelle en France",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=False, exception_residence="prevenu"),
            "totale",
            id="prévenu : pas de condition de résidence",
        ),
        pytest.param(
            dict(nationalite="autre", exception_residence="mineur", date_demande="2022-06-01"),
            "totale",
            id="mineur : pas de condition de résidence",
        ),
        pytest.param(
            dict(nationalite="autre", exception_residence="eloignement"),
            "totale",
            id="contestation d'une mesure d'éloignement : pas de condition de résidence",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=False, cas_particulier="C"),
            "non_eligible",
            id="CNDA : la résidence habituelle reste exigée",
        ),
        pytest.param(
            dict(
                nationalite="autre",
                residence_habituelle=True,
                residence_reguliere=False,
                cas_particulier="C",
                date_demande="2023-06-01",
            ),
            "sans_condition_de_ressources",
            id="CNDA avant le 30 mai 2024 : la résidence habituelle suffit",
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=False, cas_particulier="A"),
            "sans_condition_de_ressources",
            id="victime partie civile : pas de condition de résidence",
        ),
    ],
)
def test_conditions_de_nationalite_et_de_residence(situation, attendu):
    situation = {"date_demande": "2025-06-01", "personnes_foyer": 1, "rfr": 0, **situation}
    resultat = calcule(situation)
    assert resultat["resultat"] == attendu
    if attendu == "non_eligible":
        assert "situation_digne_d_interet" in _codes(resultat)


def test_les_procedures_du_ceseda_signalent_leur_ancienne_numerotation():
    resultat = _calcule(personnes_foyer=1, rfr=0, nationalite="autre", exception_residence="retention")
    assert "precaution" in _codes(resultat)


def test_la_resolution_du_conseil_constitutionnel_est_citee_apres_le_30_mai_2024():
    resultat = _calcule(personnes_foyer=1, rfr=0, nationalite="autre", residence_habituelle=True)
    assert any("Conseil constitutionnel" in r for r in _references(resultat))


@pytest.mark.parametrize(
    "situation, champ",
    [
        pytest.param(
            dict(nationalite="autre"), "residence_habituelle", id="étranger : résidence habituelle à préciser"
        ),
        pytest.param(
            dict(nationalite="autre", residence_habituelle=True, date_demande="2024-05-29"),
            "residence_reguliere",
            id="avant le 30 mai 2024 : régularité du séjour à préciser",
        ),
    ],
)
def test_une_question_de_residence_sans_reponse_est_demandee(situation, champ):
    with pytest.raises(EntreeInvalide) as erreur:
        _calcule(personnes_foyer=1, rfr=0, **situation)
    assert erreur.value.champ == champ


# ── Ordonnance de protection et autres avertissements ───────────────────────


@pytest.mark.parametrize(
    "rfr, resultat_attendu",
    [
        pytest.param(0, "totale", id="ordonnance de protection, ressources faibles"),
        pytest.param(
            90000,
            "non_eligible",
            id="ordonnance de protection, ressources trop élevées : admission provisoire quand même",
        ),
    ],
)
def test_l_ordonnance_de_protection_donne_une_admission_provisoire_de_plein_droit(rfr, resultat_attendu):
    resultat = _calcule(personnes_foyer=1, rfr=rfr, ordonnance_protection=True)
    assert resultat["resultat"] == resultat_attendu
    assert list(resultat) == CLES_DE_SORTIE + ["admission_provisoire"]
    admission = resultat["admission_provisoire"]
    assert admission["de_plein_droit"] is True
    assert admission["reference"]["texte"] == "Décret n° 2020-1717 du 28 décembre 2020, art. 61"


def test_sans_ordonnance_de_protection_pas_d_admission_provisoire():
    assert "admission_provisoire" not in _calcule(personnes_foyer=1, rfr=0)


@pytest.mark.parametrize(
    "situation, digne",
    [
        pytest.param(dict(rfr=30000), True, id="revenu trop élevé → admission exceptionnelle possible"),
        pytest.param(
            dict(rfr=0, patrimoine_mobilier=10**5), True, id="épargne trop élevée → admission exceptionnelle possible"
        ),
        pytest.param(dict(rfr=0), False, id="aide totale → rien à signaler"),
    ],
)
def test_la_situation_digne_d_interet_est_signalee_quand_l_aide_est_refusee(situation, digne):
    assert ("situation_digne_d_interet" in _codes(_calcule(personnes_foyer=1, **situation))) == digne


def test_l_avertissement_d_estimation_vient_toujours_en_dernier():
    for situation in (dict(personnes_foyer=1, rfr=0), dict(cas_particulier="D"), dict(protection_juridique="totale")):
        assert _codes(_calcule(**situation))[-1] == "estimation"


# ── Barème 2026 et barème suivant pas encore publié ──
# 2026 : deux plafonds d'une personne ont deux sources (12 957 € et 19 433 €), les autres sont
# calculés par nous ; la marge de 2 % ne sert plus que pour ces chiffres calculés. 2027 : pas encore
# publié, le simulateur calcule avec 2026, le dit, et dit de déposer quand même.

PLAFONDS_2026_UNE_PERSONNE = {"totale": 12957, "partielle_55": 15316, "partielle_25": 19433}


def _en_2026(**situation) -> dict:
    return calcule({"date_demande": "2026-03-10", "personnes_foyer": 1, **situation})


def _l_annee_attendue(**situation) -> dict:
    return calcule({"date_demande": f"{ATTENDU}-02-01", "personnes_foyer": 1, **situation})


def _avertissement(resultat: dict, code: str) -> str:
    texte = next(a["texte"] for a in resultat["avertissements"] if a["code"] == code)
    return texte.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(
    "rfr, attendu",
    [
        pytest.param(12957, "totale", id="12 957 € : aide totale (au plafond)"),
        pytest.param(12958, "partielle_55", id="12 958 € : 55 %"),
        pytest.param(15316, "partielle_55", id="15 316 € : 55 % (plafond calculé)"),
        pytest.param(15317, "partielle_25", id="15 317 € : 25 %"),
        pytest.param(19433, "partielle_25", id="19 433 € : 25 % (au plafond)"),
        pytest.param(19434, "non_eligible", id="19 434 € : pas d'aide"),
    ],
)
def test_en_2026_les_plafonds_d_une_personne(rfr, attendu):
    resultat = _en_2026(rfr=rfr)
    assert (resultat["bareme"]["annee"], resultat["resultat"]) == (2026, attendu)
    assert {nom: resultat["plafonds"][nom] for nom in PLAFONDS_2026_UNE_PERSONNE} == PLAFONDS_2026_UNE_PERSONNE


@pytest.mark.parametrize(
    "n, totale, partielle_55, partielle_25, mobilier, immobilier",
    [
        pytest.param(2, 15289, 17648, 21765, 15289, 45862, id="2 personnes"),
        pytest.param(3, 17621, 19980, 24097, 17621, 52858, id="3 personnes (17 621 € : source non officielle)"),
        pytest.param(4, 19094, 21453, 25570, 19094, 57277, id="4 personnes"),
    ],
)
def test_en_2026_les_plafonds_d_un_foyer(n, totale, partielle_55, partielle_25, mobilier, immobilier):
    plafonds = calcule({"date_demande": "2026-03-10", "personnes_foyer": n, "rfr": 0})["plafonds"]
    assert plafonds == {
        "totale": totale,
        "partielle_55": partielle_55,
        "partielle_25": partielle_25,
        "patrimoine_mobilier": mobilier,
        "patrimoine_immobilier": immobilier,
    }


def test_en_2026_plus_d_annonce_de_barème_ni_de_marge_sur_les_chiffres_de_deux_sources():
    for rfr in (12958, 13000, 19434, 19800):
        codes = _codes(_en_2026(rfr=rfr))
        assert "bareme_annonce" not in codes and "pres_d_un_plafond" not in codes, rfr
    assert "pres_d_un_plafond" not in _codes(_en_2026(rfr=1000, patrimoine_mobilier=12958))


def test_en_2026_un_revenu_juste_au_dessus_d_un_plafond_calcule_est_signale_avec_l_action_sure():
    haut_de_marge = 15316 * 102 // 100  # 15 622
    assert "pres_d_un_plafond" not in _codes(_en_2026(rfr=15316))
    for rfr in (15317, haut_de_marge):
        texte = _avertissement(_en_2026(rfr=rfr), "pres_d_un_plafond")
        assert (
            "dépasse le plafond de l'aide partielle à 55 % (15 316 €, montant calculé par nous) de moins de 2 %"
            in texte
        )
        assert "le chiffre officiel peut être un peu plus élevé" in texte
        assert texte.endswith("Déposez votre demande quand même.")
    assert "pres_d_un_plafond" not in _codes(_en_2026(rfr=haut_de_marge + 1))


def test_en_2026_des_biens_immobiliers_juste_au_dessus_du_plafond_calcule_sont_signales():
    texte = _avertissement(_en_2026(rfr=1000, patrimoine_immobilier=38900), "pres_d_un_plafond")
    assert texte.startswith("La valeur de vos biens immobiliers (38 900 €) dépasse le plafond des biens immobiliers")
    assert "votre patrimoine pourrait ne plus vous empêcher d'avoir l'aide" in texte


def test_en_2026_pour_un_foyer_tous_les_plafonds_ont_une_majoration_calculee_donc_une_marge():
    resultat = calcule({"date_demande": "2026-03-10", "personnes_foyer": 2, "rfr": 15300})
    assert resultat["resultat"] == "partielle_55"
    assert "l'aide juridictionnelle totale" in _avertissement(resultat, "pres_d_un_plafond")


# L'année qui suit le dernier barème (2027 aujourd'hui) : pas encore publiée. Ces tests suivent les
# données : après la mise à jour de janvier (bloc 2027, annonce 2028), ils vérifient l'annonce 2028.


def test_l_annee_qui_suit_le_dernier_bareme_est_annoncee_des_le_1er_janvier():
    annonces = {a["annee"]: a for a in PARAMETRES["baremes_annonces"]}
    assert ATTENDU in annonces, (
        f"ajoutez à `baremes_annonces` une entrée {ATTENDU} (publie: false) : README, « Mettre à jour un paramètre annuel »"
    )
    assert annonces[ATTENDU]["a_partir_du"] == f"{ATTENDU}-01-01"


def test_l_annee_attendue_n_est_pas_encore_publiee_et_le_simulateur_dit_de_deposer_quand_meme():
    resultat = _l_annee_attendue(rfr=9000)
    assert resultat["bareme"]["annee"] == DERNIER["annee"]
    texte = _avertissement(resultat, "bareme_annonce")
    assert texte.startswith(f"Les plafonds {ATTENDU} ne sont pas encore publiés")
    assert f"ce résultat est calculé avec les plafonds {DERNIER['annee']}" in texte
    assert "le résultat sera en général le même ou meilleur" in texte
    assert "de moins de 2 %" in texte
    assert "Déposez votre demande quand même" in texte
    assert "bareme_peut_etre_depasse" not in _codes(resultat)


@pytest.mark.parametrize("nom", ["totale", "partielle_55", "partielle_25"])
def test_l_annee_attendue_chaque_plafond_a_la_limite_et_dans_la_marge(nom):
    plafond = _l_annee_attendue(rfr=0)["plafonds"][nom]
    haut_de_marge = plafond * 102 // 100
    assert "pres_d_un_plafond" not in _codes(_l_annee_attendue(rfr=plafond))  # au plafond : rien à gagner
    for rfr in (plafond + 1, haut_de_marge):
        texte = _avertissement(_l_annee_attendue(rfr=rfr), "pres_d_un_plafond")
        assert f"de moins de 2 % : avec les plafonds {ATTENDU}" in texte
        assert "Déposez votre demande quand même" in texte
    assert "pres_d_un_plafond" not in _codes(_l_annee_attendue(rfr=haut_de_marge + 1))


def test_l_annee_attendue_une_epargne_juste_au_dessus_du_plafond_est_signalee():
    plafond = _l_annee_attendue(rfr=0)["plafonds"]["patrimoine_mobilier"]
    texte = _avertissement(_l_annee_attendue(rfr=1000, patrimoine_mobilier=plafond + 1), "pres_d_un_plafond")
    assert texte.startswith(f"Votre épargne ({plafond + 1:,} €) dépasse le plafond d'épargne".replace(",", " "))


def test_un_bareme_publie_mais_pas_encore_saisi_garde_son_message():
    """`publie: true` (ou absent) : la circulaire est parue, ses chiffres ne sont pas encore ici."""
    parametres = copy.deepcopy(PARAMETRES)
    annonce = next(a for a in parametres["baremes_annonces"] if a["annee"] == ATTENDU)
    annonce.update(publie=True, texte=f"circulaire du 15 janvier {ATTENDU}")
    texte = _avertissement(
        calcule({"date_demande": f"{ATTENDU}-02-01", "personnes_foyer": 1, "rfr": 9000}, parametres), "bareme_annonce"
    )
    assert texte.startswith(
        f"Les plafonds {ATTENDU} (circulaire du 15 janvier {ATTENDU}) ne sont pas encore dans ce simulateur"
    )
