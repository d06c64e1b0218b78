"""Le tableau du barème montré sur la page, y compris sans JavaScript."""

from __future__ import annotations

import pytest

from pyscripts.aj import tableau_bareme, tableau_bareme_markdown
from pyscripts.donnees import charge
from pyscripts.erreurs import EntreeInvalide

FINE, INSECABLE = "\u202f", "\u00a0"


def _lignes_du_tableau(markdown: str) -> list[list[str]]:
    return [
        [c.strip() for c in ligne.strip("|").split("|")] for ligne in markdown.splitlines() if ligne.startswith("|")
    ]


def test_le_tableau_2025_montre_les_foyers_de_1_a_6_personnes_en_euros_a_la_francaise():
    lignes = _lignes_du_tableau(tableau_bareme_markdown(2025))
    assert lignes[0] == [
        "Personnes dans le foyer fiscal",
        "Aide totale : revenu jusqu'à",
        "Aide à 55 % : revenu jusqu'à",
        "Aide à 25 % : revenu jusqu'à",
        "Épargne et placements : au plus",
        "Biens immobiliers hors résidence principale : au plus",
    ]
    corps = [[cellule.replace(FINE, " ").replace(INSECABLE, " ") for cellule in ligne] for ligne in lignes[2:]]
    assert corps == [
        ["1", "12 862 €", "15 203 €", "19 290 €", "12 862 €", "38 580 €"],
        ["2", "15 177 €", "17 518 €", "21 605 €", "15 177 €", "45 524 €"],
        ["3", "17 492 €", "19 833 €", "23 920 €", "17 492 €", "52 468 €"],
        ["4", "18 954 € \\*", "21 295 € \\*", "25 382 € \\*", "18 954 € \\*", "56 855 € \\*"],
        ["5", "20 416 € \\*", "22 757 € \\*", "26 844 € \\*", "20 416 € \\*", "61 242 € \\*"],
        ["6", "21 878 € \\*", "24 219 € \\*", "28 306 € \\*", "21 878 € \\*", "65 629 € \\*"],
    ]
    assert f"12{FINE}862{INSECABLE}€" in lignes[2][1]


def test_le_tableau_explique_l_asterisque_et_cite_sa_source():
    markdown = tableau_bareme_markdown(2025)
    assert "\\* Montant calculé par nous" in markdown
    assert "Barème 2025, pour les demandes déposées depuis le 23 janvier 2025." in markdown
    assert "Source : [Circulaire du 20 janvier 2025" in markdown


def test_un_bareme_sans_chiffre_calcule_n_a_pas_d_asterisque():
    assert "\\*" not in tableau_bareme_markdown(2022)


def test_le_tableau_2021_rappelle_la_regle_stricte_du_premier_semestre():
    assert "Jusqu'au 30 juin 2021, le revenu devait être strictement inférieur" in tableau_bareme_markdown(2021)
    assert "strictement" not in tableau_bareme_markdown(2025)


def test_sans_argument_le_tableau_montre_le_dernier_bareme():
    dernier = max(b["annee"] for b in charge("aide_juridictionnelle")["baremes"])
    assert tableau_bareme_markdown() == tableau_bareme_markdown(dernier)
    assert tableau_bareme()["bareme"]["annee"] == dernier


def _texte(markdown: str) -> str:
    return markdown.replace(FINE, " ").replace(INSECABLE, " ")


def test_le_tableau_2026_marque_d_une_etoile_ce_qui_est_calcule_par_nous():
    corps = [[_texte(c) for c in ligne] for ligne in _lignes_du_tableau(tableau_bareme_markdown(2026))[2:4]]
    assert corps == [
        ["1", "12 957 €", "15 316 € \\*", "19 433 €", "12 957 €", "38 866 € \\*"],
        ["2", "15 289 € \\*", "17 648 € \\*", "21 765 € \\*", "15 289 € \\*", "45 862 € \\*"],
    ]


def test_le_tableau_dit_ce_qu_ajoute_chaque_personne_en_marquant_les_chiffres_calcules():
    assert (
        "fait monter les plafonds de revenus et d'épargne de 2 315 € pour la 2e et la 3e personne, puis de "
        "1 462 € \\* à partir de la 4e ; et le plafond des biens immobiliers de 6 944 € pour la 2e et la 3e "
        "personne, puis de 4 387 € \\* à partir de la 4e."
    ) in _texte(tableau_bareme_markdown(2025))


def test_le_repere_mensuel_retrouve_les_chiffres_de_service_public_pour_2025():
    """service-public.fr (F18074, 2025) : 1 072 €, 1 267 € et 1 608 € par mois pour une personne seule."""
    assert "environ 1 072 € (aide totale), 1 267 € (aide à 55 %), 1 608 € (aide à 25 %) par mois" in _texte(
        tableau_bareme_markdown(2025)
    )


def test_une_date_d_application_incertaine_donne_l_action_sure():
    texte = _texte(tableau_bareme_markdown(2026))
    assert (
        "Pour une demande déposée entre le 1er janvier 2026 et le 16 janvier 2026, le bureau d'aide "
        "juridictionnelle peut appliquer ce barème ou le précédent : si le résultat ne vous est pas favorable, "
        "déposez votre demande quand même."
    ) in texte
    assert "peut appliquer ce barème ou le précédent" not in tableau_bareme_markdown(2024)


@pytest.mark.parametrize(
    "annee_ou_date, annee",
    [
        pytest.param("2024-01-17", 2023, id="date : barème en vigueur ce jour-là"),
        pytest.param(2022, 2022, id="année"),
    ],
)
def test_le_tableau_se_choisit_par_annee_ou_par_date(annee_ou_date, annee):
    assert tableau_bareme(annee_ou_date)["bareme"]["annee"] == annee


def test_le_tableau_en_donnees_signale_les_chiffres_calcules_par_nous():
    lignes = tableau_bareme(2024, personnes=[1, 2])["lignes"]
    assert lignes[0]["derives"] == ["partielle_55"]
    assert lignes[1]["derives"] == [
        "totale",
        "partielle_55",
        "partielle_25",
        "patrimoine_mobilier",
        "patrimoine_immobilier",
    ]


@pytest.mark.parametrize(
    "annee_ou_date",
    [
        pytest.param(2019, id="année sans barème"),
        pytest.param("hier", id="texte qui n'est pas une date"),
        pytest.param("2020-06-01", id="date antérieure à la réforme"),
        pytest.param(True, id="booléen"),
    ],
)
def test_un_bareme_introuvable_est_refuse_en_francais(annee_ou_date):
    with pytest.raises(EntreeInvalide) as erreur:
        tableau_bareme_markdown(annee_ou_date)
    assert erreur.value.champ == "annee_ou_date"


def test_le_dernier_tableau_dit_que_les_plafonds_suivants_ne_sont_pas_publies_et_de_deposer_quand_meme():
    dernier = tableau_bareme()["bareme"]["annee"]
    texte = _texte(tableau_bareme_markdown())
    assert (
        f"Pour une demande déposée à partir du 1er janvier {dernier + 1}, les plafonds {dernier + 1} ne sont pas "
        f"encore publiés"
    ) in texte
    assert f"si vous dépassez un plafond {dernier} de moins de 2 %, vous aurez peut-être droit à mieux" in texte
    assert f"plafonds {dernier + 1}" not in tableau_bareme_markdown(dernier - 1)  # seulement sous le dernier barème


def test_la_marge_des_chiffres_calcules_vient_des_donnees():
    assert "Si vous le dépassez de moins de 2 %" in _texte(tableau_bareme_markdown(2026))
    assert "Si vous le dépassez" not in tableau_bareme_markdown(2022)  # pas de chiffre calculé
