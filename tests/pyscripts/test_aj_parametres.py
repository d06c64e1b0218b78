"""Le fichier des barèmes (content/data/aide_juridictionnelle.yml) : chaque chiffre
est sourcé, daté, et les chiffres « calculés par nous » sont signalés."""

from __future__ import annotations

import copy
import re

import pytest

from pyscripts.aj.verification import problemes
from pyscripts.donnees import charge
from tests.fixtures.chemins import REPO

PARAMETRES = charge("aide_juridictionnelle")

# Chiffres marqués [D] (déduits, sans source publiée) dans shared/rules/aide_juridictionnelle.md.
DERIVES_ATTENDUS = {
    (2024, "plafonds", "partielle_55"),
    (2024, "majorations", "ressources_2e_et_3e"),
    (2024, "majorations", "ressources_4e_et_suivantes"),
    (2024, "majorations", "immobilier_2e_et_3e"),
    (2024, "majorations", "immobilier_4e_et_suivantes"),
    (2025, "majorations", "ressources_4e_et_suivantes"),
    (2025, "majorations", "immobilier_4e_et_suivantes"),
    # 2026 (revue juridique de décembre 2026, § 3) : seuls l'aide totale et l'aide à 25 % d'une
    # personne ont deux sources ; le reste est calculé (2025 × 1,0074 ou règle des circulaires).
    (2026, "plafonds", "partielle_55"),
    (2026, "plafonds", "immobilier"),
    (2026, "majorations", "ressources_2e_et_3e"),
    (2026, "majorations", "ressources_4e_et_suivantes"),
    (2026, "majorations", "immobilier_2e_et_3e"),
    (2026, "majorations", "immobilier_4e_et_suivantes"),
}


def _parametres_du_fichier():
    for bareme in PARAMETRES["baremes"]:
        for groupe in ("plafonds", "majorations"):
            for nom, parametre in bareme[groupe].items():
                yield pytest.param(parametre, id=f"{bareme['annee']} {groupe} {nom}")


def test_le_fichier_des_baremes_ne_presente_aucun_defaut():
    assert problemes(PARAMETRES) == []


@pytest.mark.parametrize("parametre", list(_parametres_du_fichier()))
def test_chaque_chiffre_a_une_source_et_une_date_de_verification(parametre):
    assert parametre["source"]["titre"].strip()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", parametre["verifie_le"])


@pytest.mark.parametrize(
    "chemin, cle",
    [
        pytest.param(("baremes", 4, "plafonds", "totale"), "source", id="plafond 2025 sans source"),
        pytest.param(
            ("baremes", 1, "majorations", "immobilier_2e_et_3e"),
            "verifie_le",
            id="majoration 2022 sans date de vérification",
        ),
        pytest.param(("comparaison_ressources", 1), "source", id="règle datée sans source"),
        pytest.param(("residence_reguliere_exigee", 0), "verifie_le", id="règle datée sans date de vérification"),
        pytest.param(("baremes", 2, "ecarts_publies", 0), "source", id="écart publié sans source"),
    ],
)
def test_un_chiffre_sans_source_ou_sans_date_de_verification_est_refuse(chemin, cle):
    abime = copy.deepcopy(PARAMETRES)
    cible = abime
    for pas in chemin:
        cible = cible[pas]
    del cible[cle]
    defauts = problemes(abime)
    assert len(defauts) == 1
    assert ("source" if cle == "source" else "vérification") in defauts[0]


def test_les_chiffres_deduits_sont_marques_derive_et_seulement_eux():
    marques = {
        (b["annee"], groupe, nom)
        for b in PARAMETRES["baremes"]
        for groupe in ("plafonds", "majorations")
        for nom, p in b[groupe].items()
        if p.get("derive")
    }
    assert marques == DERIVES_ATTENDUS


def test_les_chiffres_deduits_n_ont_pas_d_adresse_de_source_publiee():
    for annee, groupe, nom in DERIVES_ATTENDUS:
        bareme = next(b for b in PARAMETRES["baremes"] if b["annee"] == annee)
        assert "Calcul du projet" in bareme[groupe][nom]["source"]["titre"]


@pytest.mark.parametrize(
    "annee, applicable_du",
    [
        pytest.param(2021, "2021-01-01", id="2021 : réforme au 1er janvier 2021"),
        pytest.param(2022, "2022-01-21", id="2022 : circulaire du 20 janvier, applicable le 21"),
        pytest.param(2023, "2023-01-18", id="2023 : circulaire du 17 janvier, applicable le 18"),
        pytest.param(2024, "2024-01-18", id="2024 : circulaire du 17 janvier, applicable le 18"),
        pytest.param(2025, "2025-01-23", id="2025 : circulaire du 20 janvier, applicable le 23"),
        pytest.param(2026, "2026-01-17", id="2026 : circulaire du 16 janvier, au plus tôt le 17 (date concurrente)"),
    ],
)
def test_chaque_bareme_s_applique_a_partir_de_la_date_publiee(annee, applicable_du):
    bareme = next(b for b in PARAMETRES["baremes"] if b["annee"] == annee)
    assert bareme["applicable_du"] == applicable_du


def test_les_textes_cites_dans_les_explications_existent_dans_les_donnees():
    sources = (REPO / "pyscripts" / "aj" / "explications.py").read_text(encoding="utf-8")
    cites = set(re.findall(r'"((?:loi|decret|cpmivg|decision)_[a-z0-9_]+)"', sources))
    assert cites, "aucune clé de texte trouvée : le motif de recherche est à revoir"
    assert cites <= set(PARAMETRES["textes"])


def test_les_textes_cites_ont_une_adresse_legifrance_ou_officielle():
    for cle, texte in PARAMETRES["textes"].items():
        assert texte["url"].startswith(
            ("https://www.legifrance.gouv.fr/", "https://www.conseil-constitutionnel.fr/")
        ), cle


# ── Règles de calcul datées (plus aucune valeur juridique dans le code) ─────────


@pytest.mark.parametrize(
    "nom", ["ressources_derniers_mois", "bandes_ressources", "composition_plafonds", "majorations_par_personne"]
)
@pytest.mark.parametrize("cle", ["source", "verifie_le"])
def test_chaque_regle_de_calcul_datee_a_une_source_et_une_date_de_verification(nom, cle):
    abime = copy.deepcopy(PARAMETRES)
    del abime[nom][0][cle]
    assert [d.split(" :")[0] for d in problemes(abime)] == [f"{nom}[0]"]


@pytest.mark.parametrize(
    "nom, abime",
    [
        ("ressources_derniers_mois", lambda v: v.update(abattement=100)),
        ("bandes_ressources", lambda v: v.reverse()),  # la bande à 100 % doit venir en premier
        ("bandes_ressources", lambda v: v[1].update(plafond="patrimoine_mobilier")),
        ("composition_plafonds", lambda v: v[3].update(majorations="loyers")),
        ("composition_plafonds", lambda v: v.pop()),
        ("majorations_par_personne", lambda v: v[1].update(de=5)),  # un rang sans majoration
        ("majorations_par_personne", lambda v: v[1].update(majoration="5e_et_suivantes")),
    ],
)
def test_une_regle_de_calcul_mal_ecrite_est_refusee(nom, abime):
    parametres = copy.deepcopy(PARAMETRES)
    abime(parametres[nom][0]["valeur"])
    assert [d.split(" :")[0] for d in problemes(parametres)] == [f"{nom}[0]"]


def test_les_regles_de_calcul_viennent_des_donnees():
    """Changer une règle datée change le calcul, sans toucher au code."""
    from pyscripts.aj import calcule

    situation = {"date_demande": "2025-03-10", "personnes_foyer": 4, "rfr": None, "revenus_6_mois": 7000}
    avant = calcule(situation)
    parametres = copy.deepcopy(PARAMETRES)
    parametres["ressources_derniers_mois"].append(
        {
            **parametres["ressources_derniers_mois"][0],
            "applicable_du": "2025-01-01",
            "valeur": {"mois": 12, "abattement": 20, "multiplicateur": 1},
        }
    )
    parametres["bandes_ressources"][0]["valeur"][1]["taux"] = 60
    parametres["majorations_par_personne"][0]["valeur"] = [{"de": 2, "majoration": "2e_et_3e"}]
    apres = calcule(situation, parametres)
    assert avant["ressources_retenues"] == 12600 and apres["ressources_retenues"] == 5600
    assert "12 derniers mois" in apres["explications"][2]["texte"]
    assert "diminués de 20 % puis multipliés par 1" in apres["explications"][2]["texte"]
    bareme = next(b for b in charge("aide_juridictionnelle")["baremes"] if b["annee"] == 2025)
    assert (
        apres["plafonds"]["totale"]
        == bareme["plafonds"]["totale"]["valeur"] + 3 * bareme["majorations"]["ressources_2e_et_3e"]["valeur"]
    )
    parametres["bandes_ressources"][0]["valeur"][1]["taux"] = 60
    resultat = calcule({"date_demande": "2025-03-10", "personnes_foyer": 1, "rfr": 14000}, parametres)
    assert resultat["taux"] == 60 and "partielle à 60 %" in resultat["explications"][-1]["texte"]


# ── Barème 2026 (revue juridique de décembre 2026, § 3) et 2027 attendu ──────


def _bareme(annee: int) -> dict:
    return next(b for b in PARAMETRES["baremes"] if b["annee"] == annee)


@pytest.mark.parametrize("nom, valeur", [("totale", 12957), ("partielle_25", 19433)])
def test_2026_les_deux_chiffres_publies_citent_leurs_deux_sources(nom, valeur):
    parametre = _bareme(2026)["plafonds"][nom]
    assert parametre["valeur"] == valeur and not parametre.get("derive")
    assert "UFC-Que Choisir" in parametre["source"]["titre"] and "non officiels" in parametre["source"]["titre"]
    assert parametre["source"]["url"].startswith("https://www.quechoisir.org/")
    assert parametre["verifie_le"] == "2026-12-07"


@pytest.mark.parametrize("groupe, nom", sorted((g, n) for a, g, n in DERIVES_ATTENDUS if a == 2026))
def test_2026_chaque_chiffre_calcule_dit_son_calcul_et_son_arrondi(groupe, nom):
    titre = _bareme(2026)[groupe][nom]["source"]["titre"]
    assert titre.startswith("Calcul du projet")
    assert "arrondi" in titre and re.search(r"× 1,0074|0,18 ×|0,1137 ×|2 ×", titre), titre


def test_2026_le_premier_jour_incertain_passe_par_la_date_concurrente():
    bareme = _bareme(2026)
    assert (bareme["date_concurrente"]["date"], bareme["applicable_du"]) == ("2026-01-01", "2026-01-17")
    assert bareme["date_concurrente"]["source"]["titre"].strip()


def test_2027_est_attendu_pas_encore_publie_des_le_1er_janvier_tant_qu_il_manque():
    annonces = {a["annee"]: a for a in PARAMETRES["baremes_annonces"]}
    assert 2026 not in annonces
    if 2027 not in {b["annee"] for b in PARAMETRES["baremes"]}:
        assert (annonces[2027]["a_partir_du"], annonces[2027]["publie"]) == ("2027-01-01", False)


@pytest.mark.parametrize(
    "abime, attendu",
    [
        pytest.param(lambda p: p["simulation"].pop("marge_chiffres_derives"), "simulation", id="marge absente"),
        pytest.param(lambda p: p["baremes_annonces"][0].update(publie="non"), "baremes_annonces[0]", id="publie"),
        pytest.param(lambda p: p["baremes_annonces"][0].update(annee=2026), "baremes_annonces[0]", id="déjà saisi"),
    ],
)
def test_la_marge_et_les_annonces_mal_ecrites_sont_refusees(abime, attendu):
    parametres = copy.deepcopy(PARAMETRES)
    abime(parametres)
    assert [d.split(" :")[0] for d in problemes(parametres)] == [attendu]
