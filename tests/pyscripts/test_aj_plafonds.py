"""Les plafonds publiés, reproduits au centime près, et le résultat à chaque frontière.

Les tableaux ci-dessous sont recopiés de shared/rules/aide_juridictionnelle.md
(§ 3.3), pas recalculés : colonnes aide totale, 55 %, 25 % (revenu fiscal de
référence), épargne (patrimoine mobilier), biens immobiliers hors résidence
principale. Les lignes marquées « calcul » n'y figurent pas : elles prolongent
le tableau par la règle de majoration (4e personne et suivantes).
"""

from __future__ import annotations

import pytest

from pyscripts.aj import calcule, tableau_bareme

TABLES = {
    2021: [  # toutes les cellules publiées (francoislambertavocat.com)
        (1, 11262, 13312, 16890, 11262, 33780),
        (2, 13289, 15339, 18917, 13289, 39860),
        (3, 15316, 17366, 20944, 15316, 45940),
        (4, 16596, 18646, 22224, 16596, 49781),
        (5, 17876, 19926, 23504, 17876, 53622),
        (6, 19156, 21206, 24784, 19156, 57463),
        (7, 20436, 22486, 26064, 20436, 61304),
    ],
    2022: [  # plafonds de revenu publiés par Le Figaro ; immobilier déduit des majorations publiées
        (1, 11580, 13688, 17367, 11580, 34734),
        (2, 13664, 15772, 19451, 13664, 40986),
        (3, 15748, 17856, 21535, 15748, 47238),
        (4, 17064, 19172, 22851, 17064, 51187),
        (5, 18380, 20488, 24167, 18380, 55136),
        (6, 19696, 21804, 25483, 19696, 59085),
        (7, 21012, 23120, 26799, 21012, 63034),
    ],
    2023: [  # 1 à 4 personnes : tableaux publiés (55 % à 3 personnes : 18 922, publié, et non 18 923)
        (1, 12271, 14505, 18404, 12271, 36808),
        (2, 14480, 16714, 20613, 14480, 43433),
        (3, 16689, 18922, 22822, 16689, 50058),
        (4, 18084, 20317, 24217, 18084, 54243),
        (5, 19479, 21712, 25612, 19479, 58428),  # calcul
        (6, 20874, 23107, 27007, 20874, 62613),  # calcul
        (7, 22269, 24502, 28402, 22269, 66798),  # calcul
    ],
    2024: [  # seule la ligne 1 est publiée (sauf 55 %) ; le reste est déduit
        (1, 12712, 15026, 19066, 12712, 38132),
        (2, 15000, 17314, 21354, 15000, 44996),
        (3, 17288, 19602, 23642, 17288, 51860),
        (4, 18733, 21047, 25087, 18733, 56196),
        (5, 20178, 22492, 26532, 20178, 60532),
        (6, 21623, 23937, 27977, 21623, 64868),
        (7, 23068, 25382, 29422, 23068, 69204),  # calcul
    ],
    2025: [  # 1 et 2 personnes publiées (justice.fr, service-public.fr)
        (1, 12862, 15203, 19290, 12862, 38580),
        (2, 15177, 17518, 21605, 15177, 45524),
        (3, 17492, 19833, 23920, 17492, 52468),
        (4, 18954, 21295, 25382, 18954, 56855),
        (5, 20416, 22757, 26844, 20416, 61242),
        (6, 21878, 24219, 28306, 21878, 65629),
        (7, 23340, 25681, 29768, 23340, 70016),  # calcul
    ],
}
COLONNES = ("totale", "partielle_55", "partielle_25", "patrimoine_mobilier", "patrimoine_immobilier")
LIBELLES = {"totale": "l'aide totale", "partielle_55": "l'aide à 55 %", "partielle_25": "l'aide à 25 %",
            "patrimoine_mobilier": "l'épargne", "patrimoine_immobilier": "l'immobilier"}
# Un jour où le barème de l'année s'applique avec la règle « inférieur ou égal ».
JOUR = {2021: "2021-07-01", 2022: "2022-01-21", 2023: "2023-01-18", 2024: "2024-01-18", 2025: "2025-01-23"}
APRES = {"totale": "partielle_55", "partielle_55": "partielle_25", "partielle_25": "non_eligible"}


def _plafond(annee: int, n: int, colonne: str) -> int:
    return TABLES[annee][n - 1][1 + COLONNES.index(colonne)]


def _situation(annee: int, n: int, **autres) -> dict:
    return {"date_demande": JOUR[annee], "personnes_foyer": n, **autres}


@pytest.mark.parametrize("annee", sorted(TABLES))
def test_le_tableau_du_bareme_reproduit_chaque_chiffre_publie(annee):
    lignes = tableau_bareme(annee, personnes=range(1, 8))["lignes"]
    obtenu = [tuple([ligne["personnes"]] + [ligne[c] for c in COLONNES]) for ligne in lignes]
    assert obtenu == TABLES[annee]


def _frontieres_de_revenu():
    for annee in TABLES:
        for n in range(1, 8):
            for colonne in ("totale", "partielle_55", "partielle_25"):
                plafond = _plafond(annee, n, colonne)
                yield pytest.param(annee, n, plafond, colonne,
                                   id=f"{annee}, foyer de {n} : revenu égal au plafond de {LIBELLES[colonne]} "
                                      f"({plafond}) → {colonne}")
                yield pytest.param(annee, n, plafond + 1, APRES[colonne],
                                   id=f"{annee}, foyer de {n} : un euro au-dessus du plafond de "
                                      f"{LIBELLES[colonne]} ({plafond + 1}) → {APRES[colonne]}")


@pytest.mark.parametrize("annee, n, rfr, attendu", list(_frontieres_de_revenu()))
def test_revenu_a_la_frontiere_et_un_euro_au_dessus(annee, n, rfr, attendu):
    resultat = calcule(_situation(annee, n, rfr=rfr))
    assert resultat["resultat"] == attendu
    assert resultat["bareme"]["annee"] == annee
    assert resultat["ressources_retenues"] == rfr


def _frontieres_de_patrimoine():
    for annee in TABLES:
        for n in range(1, 8):
            for colonne in ("patrimoine_mobilier", "patrimoine_immobilier"):
                plafond = _plafond(annee, n, colonne)
                yield pytest.param(annee, n, colonne, plafond, "totale",
                                   id=f"{annee}, foyer de {n} : {LIBELLES[colonne]} égale au plafond "
                                      f"({plafond}) n'empêche pas l'aide")
                yield pytest.param(annee, n, colonne, plafond + 1, "non_eligible",
                                   id=f"{annee}, foyer de {n} : {LIBELLES[colonne]} un euro au-dessus du plafond "
                                      f"({plafond + 1}) exclut l'aide")


@pytest.mark.parametrize("annee, n, colonne, valeur, attendu", list(_frontieres_de_patrimoine()))
def test_patrimoine_a_la_frontiere_et_un_euro_au_dessus(annee, n, colonne, valeur, attendu):
    resultat = calcule(_situation(annee, n, rfr=0, **{colonne: valeur}))
    assert resultat["resultat"] == attendu
    assert resultat["plafonds"][colonne] == _plafond(annee, n, colonne)


@pytest.mark.parametrize("annee", sorted(TABLES))
def test_les_plafonds_renvoyes_sont_ceux_du_tableau_publie(annee):
    for n in range(1, 8):
        plafonds = calcule(_situation(annee, n, rfr=0))["plafonds"]
        assert [plafonds[c] for c in COLONNES] == list(TABLES[annee][n - 1][1:])


def test_un_patrimoine_de_quelques_centimes_au_dessus_du_plafond_exclut_l_aide():
    assert calcule(_situation(2025, 1, rfr=0, patrimoine_mobilier=12862.01))["resultat"] == "non_eligible"
    assert calcule(_situation(2025, 1, rfr=0, patrimoine_mobilier=12862.0))["resultat"] == "totale"


def test_un_patrimoine_trop_eleve_exclut_l_aide_meme_avec_un_revenu_nul():
    resultat = calcule(_situation(2025, 1, rfr=0, patrimoine_mobilier=50000, patrimoine_immobilier=100000))
    assert resultat["resultat"] == "non_eligible"
    assert resultat["taux"] == 0
    textes = [e["texte"] for e in resultat["explications"]]
    assert any(t.startswith("Votre épargne et vos placements") and "dépassent" in t for t in textes)
    assert any(t.startswith("Vos biens immobiliers") and "dépassent" in t for t in textes)
    assert not any("revenu fiscal de référence (0" in t for t in textes)


@pytest.mark.parametrize("jour, rfr, attendu", [
    pytest.param("2021-01-01", 11262, "partielle_55", id="1er janvier 2021 : revenu égal au plafond de l'aide totale, il fallait être strictement en dessous"),
    pytest.param("2021-06-30", 11262, "partielle_55", id="30 juin 2021 : encore la règle « inférieur à »"),
    pytest.param("2021-06-30", 11261, "totale", id="30 juin 2021 : un euro sous le plafond de l'aide totale"),
    pytest.param("2021-06-30", 13312, "partielle_25", id="30 juin 2021 : égal au plafond de 55 % → 25 %"),
    pytest.param("2021-06-30", 16890, "non_eligible", id="30 juin 2021 : égal au plafond de l'aide partielle → pas d'aide"),
    pytest.param("2021-07-01", 11262, "totale", id="1er juillet 2021 : « inférieur ou égal » (décret 2021-810)"),
    pytest.param("2021-07-01", 16890, "partielle_25", id="1er juillet 2021 : égal au plafond de l'aide partielle → 25 %"),
])
def test_avant_le_1er_juillet_2021_le_revenu_devait_etre_strictement_inferieur(jour, rfr, attendu):
    resultat = calcule({"date_demande": jour, "personnes_foyer": 1, "rfr": rfr})
    assert resultat["resultat"] == attendu
    strict = any("strictement inférieures" in e["texte"] for e in resultat["explications"])
    assert strict == (jour < "2021-07-01")


def test_avant_le_1er_juillet_2021_un_patrimoine_egal_au_plafond_reste_admis():
    resultat = calcule({"date_demande": "2021-03-01", "personnes_foyer": 1, "rfr": 0,
                        "patrimoine_mobilier": 11262, "patrimoine_immobilier": 33780})
    assert resultat["resultat"] == "totale"
