"""Les plafonds publiés, reproduits au centime près, et le résultat à chaque frontière.

Les tableaux ci-dessous sont ceux des notes de recherche du projet
(shared/rules/aide_juridictionnelle.md, § 3.3), pas recalculés : colonnes
personnes, aide totale, 55 %, 25 % (revenu fiscal de référence), épargne
(patrimoine mobilier), biens immobiliers hors résidence principale.
"""

from __future__ import annotations

import pytest

from pyscripts.aj import calcule, tableau_bareme

# Tableaux recopiés tels quels (§ 3.3) ; « * » marque une cellule commentée dans
# les notes. Les lignes suivies de « calcul » prolongent le tableau publié.
TABLEAUX_PUBLIES = {
    2021: """
| 1 | 11 262 | 13 312 | 16 890 | 11 262 | 33 780 |
| 2 | 13 289 | 15 339 | 18 917 | 13 289 | 39 860 |
| 3 | 15 316 | 17 366 | 20 944 | 15 316 | 45 940 |
| 4 | 16 596 | 18 646 | 22 224 | 16 596 | 49 781 |
| 5 | 17 876 | 19 926 | 23 504 | 17 876 | 53 622 |
| 6 | 19 156 | 21 206 | 24 784 | 19 156 | 57 463 |
| 7 | 20 436 | 22 486 | 26 064 | 20 436 | 61 304 |
""",
    2022: """
| 1 | 11 580 | 13 688 | 17 367 | 11 580 | 34 734 |
| 2 | 13 664 | 15 772 | 19 451 | 13 664 | 40 986 |
| 3 | 15 748 | 17 856 | 21 535 | 15 748 | 47 238 |
| 4 | 17 064 | 19 172 | 22 851 | 17 064 | 51 187 |
| 5 | 18 380 | 20 488 | 24 167 | 18 380 | 55 136 |
| 6 | 19 696 | 21 804 | 25 483 | 19 696 | 59 085 |
| 7 | 21 012 | 23 120 | 26 799 | 21 012 | 63 034 |
""",
    2023: """
| 1 | 12 271 | 14 505 | 18 404 | 12 271 | 36 808 |
| 2 | 14 480 | 16 714 | 20 613 | 14 480 | 43 433 |
| 3 | 16 689 | 18 922* | 22 822 | 16 689 | 50 058 |
| 4 | 18 084 | 20 317* | 24 217 | 18 084 | 54 243 |
| 5 | 19 479 | 21 712 | 25 612 | 19 479 | 58 428 | calcul
| 6 | 20 874 | 23 107 | 27 007 | 20 874 | 62 613 | calcul
| 7 | 22 269 | 24 502 | 28 402 | 22 269 | 66 798 | calcul
""",
    2024: """
| 1 | 12 712 | 15 026 | 19 066 | 12 712 | 38 132 |
| 2 | 15 000 | 17 314 | 21 354 | 15 000 | 44 996 |
| 3 | 17 288 | 19 602 | 23 642 | 17 288 | 51 860 |
| 4 | 18 733 | 21 047 | 25 087 | 18 733 | 56 196 |
| 5 | 20 178 | 22 492 | 26 532 | 20 178 | 60 532 |
| 6 | 21 623 | 23 937 | 27 977 | 21 623 | 64 868 |
| 7 | 23 068 | 25 382 | 29 422 | 23 068 | 69 204 | calcul
""",
    2025: """
| 1 | 12 862 | 15 203 | 19 290 | 12 862 | 38 580 |
| 2 | 15 177 | 17 518 | 21 605 | 15 177 | 45 524 |
| 3 | 17 492 | 19 833 | 23 920 | 17 492 | 52 468 |
| 4 | 18 954 | 21 295 | 25 382 | 18 954 | 56 855 |
| 5 | 20 416 | 22 757 | 26 844 | 20 416 | 61 242 |
| 6 | 21 878 | 24 219 | 28 306 | 21 878 | 65 629 |
| 7 | 23 340 | 25 681 | 29 768 | 23 340 | 70 016 | calcul
""",
}


def _lit_tableau(texte: str) -> list[tuple[int, ...]]:
    lignes = []
    for ligne in texte.strip().splitlines():
        cellules = [c.strip() for c in ligne.split("|")[1:7]]
        lignes.append(tuple(int(c.replace(" ", "").rstrip("*")) for c in cellules))
    return lignes


TABLES = {annee: _lit_tableau(texte) for annee, texte in TABLEAUX_PUBLIES.items()}
COLONNES = ("totale", "partielle_55", "partielle_25", "patrimoine_mobilier", "patrimoine_immobilier")
LIBELLES = {
    "totale": "l'aide totale",
    "partielle_55": "l'aide à 55 %",
    "partielle_25": "l'aide à 25 %",
    "patrimoine_mobilier": "l'épargne",
    "patrimoine_immobilier": "l'immobilier",
}
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
                yield pytest.param(
                    annee,
                    n,
                    plafond,
                    colonne,
                    id=f"{annee}, foyer de {n} : revenu égal au plafond de {LIBELLES[colonne]} ({plafond}) → {colonne}",
                )
                yield pytest.param(
                    annee,
                    n,
                    plafond + 1,
                    APRES[colonne],
                    id=f"{annee}, foyer de {n} : un euro au-dessus du plafond de "
                    f"{LIBELLES[colonne]} ({plafond + 1}) → {APRES[colonne]}",
                )


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
                yield pytest.param(
                    annee,
                    n,
                    colonne,
                    plafond,
                    "totale",
                    id=f"{annee}, foyer de {n} : {LIBELLES[colonne]} égale au plafond ({plafond}) n'empêche pas l'aide",
                )
                yield pytest.param(
                    annee,
                    n,
                    colonne,
                    plafond + 1,
                    "non_eligible",
                    id=f"{annee}, foyer de {n} : {LIBELLES[colonne]} un euro au-dessus du plafond "
                    f"({plafond + 1}) exclut l'aide",
                )


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


@pytest.mark.parametrize(
    "jour, rfr, attendu",
    [
        pytest.param(
            "2021-01-01",
            11262,
            "partielle_55",
            id="1er janvier 2021 : revenu égal au plafond de l'aide totale, il fallait être strictement en dessous",
        ),
        pytest.param("2021-06-30", 11262, "partielle_55", id="30 juin 2021 : encore la règle « inférieur à »"),
        pytest.param("2021-06-30", 11261, "totale", id="30 juin 2021 : un euro sous le plafond de l'aide totale"),
        pytest.param("2021-06-30", 13312, "partielle_25", id="30 juin 2021 : égal au plafond de 55 % → 25 %"),
        pytest.param(
            "2021-06-30", 16890, "non_eligible", id="30 juin 2021 : égal au plafond de l'aide partielle → pas d'aide"
        ),
        pytest.param("2021-07-01", 11262, "totale", id="1er juillet 2021 : « inférieur ou égal » (décret 2021-810)"),
        pytest.param(
            "2021-07-01", 16890, "partielle_25", id="1er juillet 2021 : égal au plafond de l'aide partielle → 25 %"
        ),
    ],
)
def test_avant_le_1er_juillet_2021_le_revenu_devait_etre_strictement_inferieur(jour, rfr, attendu):
    resultat = calcule({"date_demande": jour, "personnes_foyer": 1, "rfr": rfr})
    assert resultat["resultat"] == attendu
    strict = any("strictement inférieures" in e["texte"] for e in resultat["explications"])
    assert strict == (jour < "2021-07-01")


def test_avant_le_1er_juillet_2021_un_patrimoine_egal_au_plafond_reste_admis():
    resultat = calcule(
        {
            "date_demande": "2021-03-01",
            "personnes_foyer": 1,
            "rfr": 0,
            "patrimoine_mobilier": 11262,
            "patrimoine_immobilier": 33780,
        }
    )
    assert resultat["resultat"] == "totale"
