"""Toute donnée refusée l'est par une phrase en français qui nomme le champ."""

from __future__ import annotations

import pytest

from pyscripts.aj import calcule
from pyscripts.erreurs import EntreeInvalide

BASE = {"date_demande": "2025-06-01", "personnes_foyer": 1, "rfr": 10000}


@pytest.mark.parametrize(
    "modification, champ",
    [
        pytest.param({"personnes_foyer": True}, "personnes_foyer", id="booléen à la place du nombre de personnes"),
        pytest.param({"personnes_foyer": "2"}, "personnes_foyer", id="nombre de personnes écrit entre guillemets"),
        pytest.param({"personnes_foyer": 2.5}, "personnes_foyer", id="nombre de personnes à virgule"),
        pytest.param({"personnes_foyer": 0}, "personnes_foyer", id="foyer de zéro personne"),
        pytest.param({"personnes_foyer": -1}, "personnes_foyer", id="foyer négatif"),
        pytest.param({"personnes_foyer": 500}, "personnes_foyer", id="foyer invraisemblable"),
        pytest.param({"rfr": -1}, "rfr", id="revenu fiscal de référence négatif"),
        pytest.param({"rfr": False}, "rfr", id="booléen à la place du revenu fiscal de référence"),
        pytest.param({"rfr": "12 000 €"}, "rfr", id="revenu fiscal de référence écrit en texte"),
        pytest.param({"rfr": 12000.5}, "rfr", id="revenu fiscal de référence avec des centimes"),
        pytest.param({"rfr": float("nan")}, "rfr", id="revenu fiscal de référence NaN"),
        pytest.param({"rfr": 10**13}, "rfr", id="revenu fiscal de référence invraisemblable"),
        pytest.param({"revenus_6_mois": -0.01}, "revenus_6_mois", id="revenus des 6 mois négatifs"),
        pytest.param({"revenus_6_mois": float("inf")}, "revenus_6_mois", id="revenus des 6 mois infinis"),
        pytest.param({"patrimoine_mobilier": -5}, "patrimoine_mobilier", id="épargne négative"),
        pytest.param({"patrimoine_immobilier": [1]}, "patrimoine_immobilier", id="liste à la place d'un montant"),
        pytest.param({"changement_situation": 1}, "changement_situation", id="1 à la place de true"),
        pytest.param({"changement_situation": "oui"}, "changement_situation", id="« oui » à la place de true"),
        pytest.param({"ordonnance_protection": 0}, "ordonnance_protection", id="0 à la place de false"),
        pytest.param({"audition_mineur": "non"}, "audition_mineur", id="« non » à la place de false"),
        pytest.param({"cas_particulier": "F"}, "cas_particulier", id="cas particulier F inconnu"),
        pytest.param({"cas_particulier": "a"}, "cas_particulier", id="cas particulier en minuscule"),
        pytest.param({"cas_particulier": 1}, "cas_particulier", id="cas particulier numéroté"),
        pytest.param({"protection_juridique": "oui"}, "protection_juridique", id="protection juridique « oui »"),
        pytest.param({"nationalite": "française"}, "nationalite", id="nationalité avec accent"),
        pytest.param({"exception_residence": "touriste"}, "exception_residence", id="exception de résidence inconnue"),
        pytest.param({"residence_habituelle": "oui"}, "residence_habituelle", id="résidence habituelle « oui »"),
        pytest.param({"date_demande": "01/06/2025"}, "date_demande", id="date à la française"),
        pytest.param({"date_demande": "2025-02-30"}, "date_demande", id="30 février"),
        pytest.param({"date_demande": "20250601"}, "date_demande", id="date sans tirets"),
        pytest.param({"date_demande": 20250601}, "date_demande", id="date en nombre"),
        pytest.param({"date_demande": "2020-12-31"}, "date_demande", id="demande antérieure à la réforme de 2021"),
    ],
)
def test_une_donnee_invalide_est_refusee_en_nommant_le_champ(modification, champ):
    with pytest.raises(EntreeInvalide) as erreur:
        calcule({**BASE, **modification})
    assert erreur.value.champ == champ
    message = erreur.value.message
    assert message[0].isupper() and message.endswith(".")
    assert champ in message
    assert erreur.value.en_json() == {"erreur": {"champ": champ, "message": message}}


def test_une_demande_anterieure_a_2021_explique_que_le_simulateur_couvre_la_reforme():
    with pytest.raises(EntreeInvalide) as erreur:
        calcule({**BASE, "date_demande": "2020-12-31"})
    assert "1er janvier 2021" in erreur.value.message
    assert "réforme" in erreur.value.message


@pytest.mark.parametrize("cle", ["revenu", "RFR", "\u202eexe.fdp", "x" * 10_000])
def test_la_cle_inconnue_est_une_erreur_de_l_entree_qui_liste_les_donnees_acceptees(cle):
    """Le champ d'une erreur est toujours une vraie donnée : une clé inconnue est une faute de l'entrée."""
    with pytest.raises(EntreeInvalide) as erreur:
        calcule({**BASE, cle: 1})
    assert erreur.value.champ == "entree"
    message = erreur.value.message
    assert "personnes_foyer" in message and "revenus_6_mois" in message
    assert "\u202e" not in message and len(message) < 700


@pytest.mark.parametrize(
    "entree",
    [
        pytest.param([], id="liste"),
        pytest.param("texte", id="texte"),
        pytest.param(None, id="null"),
    ],
)
def test_une_entree_qui_n_est_pas_un_objet_est_refusee(entree):
    with pytest.raises(EntreeInvalide) as erreur:
        calcule(entree)
    assert erreur.value.champ == "entree"


@pytest.mark.parametrize(
    "modification, attendu",
    [
        pytest.param({"personnes_foyer": 2.0}, 2, id="2.0 personnes lu comme 2"),
        pytest.param({"rfr": 10000.0}, 10000, id="revenu 10000.0 lu comme 10000"),
    ],
)
def test_un_nombre_entier_ecrit_avec_point_zero_est_accepte(modification, attendu):
    resultat = calcule({**BASE, **modification})
    if "rfr" in modification:
        assert resultat["ressources_retenues"] == attendu
        assert isinstance(resultat["ressources_retenues"], int)
    else:
        assert "2 personnes" in resultat["explications"][1]["texte"]


def test_les_valeurs_null_prennent_la_valeur_par_defaut():
    resultat = calcule(
        {
            **BASE,
            "patrimoine_mobilier": None,
            "patrimoine_immobilier": None,
            "cas_particulier": None,
            "protection_juridique": None,
            "ordonnance_protection": None,
            "changement_situation": None,
            "nationalite": None,
        }
    )
    assert resultat["resultat"] == "totale"
