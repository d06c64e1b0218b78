"""Les fichiers de données (jours_feries.yml, delais.yml) : chaque entrée a sa source, sa date de
vérification, et ne cite que des clés qui existent ; le catalogue se liste et s'affiche."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from pyscripts.delais import calcule_delai, catalogue, catalogue_markdown
from pyscripts.donnees import charge
from tests.fixtures.chemins import REPO

FERIES = charge("jours_feries")
DELAIS = charge("delais")
STATUTS = {"legal", "incertain", "coutumier"}
NATURES = {"procedure", "objectif", "duree", "prescription"}
OUI_NON = {"oui", "non", "incertaine"}


def _date_iso(valeur) -> bool:
    return (
        isinstance(valeur, str)
        and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", valeur))
        and date.fromisoformat(valeur) <= date.today()
    )


def _a_une_source(entree: dict) -> bool:
    return (
        isinstance(entree.get("source"), str)
        and len(entree["source"].strip()) > 5
        and _date_iso(entree.get("verifie_le"))
    )


@pytest.mark.parametrize("jour", FERIES["jours"], ids=[j["id"] for j in FERIES["jours"]])
def test_chaque_jour_ferie_a_une_source_une_date_de_verification_et_une_regle_lisible(jour):
    assert _a_une_source(jour)
    assert jour["statut"] in STATUTS
    assert ("date" in jour) != ("paques" in jour), "soit une date fixe, soit un décalage par rapport à Pâques"
    if "date" in jour:
        mois, quantieme = (int(x) for x in jour["date"].split("-"))
        date(2024, mois, quantieme)
    else:
        assert isinstance(jour["paques"], int) and -60 < jour["paques"] < 60
    assert jour["territoires"] == "tous" or set(jour["territoires"]) <= set(FERIES["territoires"])
    assert isinstance(jour["depuis"], int) and jour["depuis"] <= jour.get("jusqu_a", 9999)
    assert "(" not in jour["nom"], "le nom se lit entre parenthèses dans les explications"


def test_les_identifiants_de_jours_sont_uniques():
    ids = [j["id"] for j in FERIES["jours"]]
    assert len(ids) == len(set(ids))


def test_chaque_territoire_se_dit_dans_une_phrase_et_renvoie_a_un_article_de_distance():
    for cle, territoire in FERIES["territoires"].items():
        assert territoire["dans"].split()[0] in ("en", "à", "dans"), cle
        assert territoire["article_distance"] in DELAIS["references"]
    for cle, lieu in FERIES["autres_lieux"].items():
        assert len(lieu["refus"]) > 40 and lieu["dans"], cle
    assert FERIES["annees"] == {"premiere": 1990, "derniere": 2100}


@pytest.mark.parametrize("cle", list(DELAIS["references"]))
def test_chaque_reference_a_un_texte_une_source_et_une_date_de_verification(cle):
    reference = DELAIS["references"][cle]
    assert reference["texte"].strip() and _a_une_source(reference)
    assert reference.get("url") is None or reference["url"].startswith(("https://", "http://"))


@pytest.mark.parametrize("entree", DELAIS["delais"], ids=[e["id"] for e in DELAIS["delais"]])
def test_chaque_delai_du_catalogue_est_complet_et_coherent(entree):
    assert _a_une_source(entree)
    assert entree["libelle"].strip() and entree["depart"].strip()
    durees = (
        [entree["duree"]] if "duree" in entree else [v["valeur"] for v in DELAIS["parametres"][entree["duree_selon"]]]
    )
    assert ("duree" in entree) != ("duree_selon" in entree)
    for duree in durees:
        assert set(duree) <= {"annees", "mois", "jours"} and all(isinstance(v, int) and v > 0 for v in duree.values())
    assert entree["nature"] in NATURES
    assert isinstance(entree["franc"], bool) and isinstance(entree["jour_origine_compte"], bool)
    assert entree["augmentation"] in OUI_NON and entree["prorogation"] in OUI_NON
    assert entree["aide_juridictionnelle"] in {"art43", "art44", "aucun"}
    assert entree["reference"] in DELAIS["references"]
    assert entree.get("lieu") in (None, *FERIES["territoires"])
    if entree["nature"] in ("duree", "prescription"):
        assert entree["prorogation"] == "non"


def test_les_identifiants_du_catalogue_sont_uniques_et_chaque_delai_se_calcule():
    ids = [e["id"] for e in DELAIS["delais"]]
    assert len(ids) == len(set(ids))
    for identifiant in ids:
        assert calcule_delai({"depart": "2025-03-03", "delai": identifiant})["echeance"] >= "2025-03-04"


def test_le_catalogue_contient_les_delais_annonces():
    durees = {e["id"]: e["duree"] for e in catalogue()}
    assert durees["appel_civil"] == {"mois": 1}
    assert (
        durees["appel_refere"]
        == durees["appel_ordonnance_protection"]
        == durees["recours_decision_baj"]
        == {"jours": 15}
    )
    assert durees["op_signification_ordonnance_audience"] == {"jours": 2}
    assert durees["op_delivrance"] == {"jours": 6}
    assert durees["pourvoi_cassation"] == durees["recours_tribunal_administratif"] == {"mois": 2}
    assert durees["op_duree_mesures"] == {"mois": 12}
    assert [durees[f"prescription_{n}"] for n in ("contravention", "delit", "crime")] == [
        {"annees": 1},
        {"annees": 6},
        {"annees": 20},
    ]


def test_catalogue_pour_la_liste_de_choix():
    entrees = catalogue()
    assert len(entrees) == len(DELAIS["delais"])
    assert list(entrees[0]) == [
        "id",
        "libelle",
        "groupe",
        "duree",
        "duree_texte",
        "depart",
        "aupres_de",
        "nature",
        "franc",
        "augmentation",
        "prorogation",
        "reference",
    ]
    ta = next(e for e in entrees if e["id"] == "recours_tribunal_administratif")
    assert (ta["duree_texte"], ta["franc"], ta["reference"]["texte"]) == ("2 mois", True, "C. just. adm., art. R421-1")


def test_catalogue_markdown_une_ligne_par_delai_avec_liens():
    texte = catalogue_markdown()
    lignes = texte.strip().split("\n")
    assert lignes[0].startswith("| Démarche | Délai |") and lignes[1].startswith("|---")
    assert len(lignes) == 2 + len(DELAIS["delais"])
    assert all(ligne.count(" | ") == 5 for ligne in lignes[2:])
    assert "| Faire appel d'un jugement civil | 1 mois |" in texte
    assert "[C. proc. civ., art. 1136-7](https://" in texte


def _cles_inversees(valeur):
    """Les mêmes données, chaque dictionnaire dans l'ordre inverse de ses clés."""
    if isinstance(valeur, dict):
        return {k: _cles_inversees(valeur[k]) for k in reversed(list(valeur))}
    if isinstance(valeur, list):
        return [_cles_inversees(v) for v in valeur]
    return valeur


@pytest.mark.parametrize(
    "entree",
    [
        {"depart": "2025-06-05", "duree": {"jours": 2}},
        {
            "depart": "2025-01-31",
            "duree": {"jours": 15, "mois": 1},
            "lieu_juridiction": "saint-martin",
            "residence_partie": "etranger",
            "franc": True,
        },
        {"depart": "2025-05-26", "duree": {"jours": 1}, "lieu_juridiction": "saint-martin"},
        {"depart": "2025-06-05", "duree": {"jours": 2}, "lieu_juridiction": "corse"},
        {"depart": "2025-06-05", "duree": {"jours": 2}, "residence_partie": "lune"},
        {
            "scenario": "ordonnance_protection",
            "ordonnance_fixant_audience": "2025-06-02",
            "notification_op": "2025-06-06",
        },
        {
            "scenario": "aide_juridictionnelle_recours",
            "delai": "appel_civil",
            "depart": "2025-03-03",
            "demande_aj": "2025-03-20",
            "decision_baj": "2025-05-12",
            "sens_decision": "rejet",
        },
    ],
)
def test_le_resultat_ne_depend_pas_de_l_ordre_des_cles_des_donnees(entree):
    """Le navigateur lit un JSON aux clés triées, CPython le YAML : les sorties doivent être identiques à l'octet."""
    from pyscripts.delais import calcule_delai, scenario
    from pyscripts.erreurs import EntreeInvalide

    def sortie(feries, delais):
        try:
            fonction = scenario if "scenario" in entree else calcule_delai
            return json.dumps(fonction(dict(entree), feries=feries, delais=delais), ensure_ascii=False)
        except EntreeInvalide as exc:
            return json.dumps(exc.en_json(), ensure_ascii=False)

    assert sortie(FERIES, DELAIS) == sortie(_cles_inversees(FERIES), _cles_inversees(DELAIS))


def test_catalogue_ne_depend_pas_de_l_ordre_des_cles():
    assert json.dumps(catalogue(DELAIS)) == json.dumps(catalogue(_cles_inversees(DELAIS)))
    assert catalogue_markdown(DELAIS) == catalogue_markdown(_cles_inversees(DELAIS))


@pytest.mark.parametrize("nom", list(DELAIS["parametres"]))
def test_chaque_parametre_date_a_ses_entrees_datees_sourcees_et_verifiees(nom):
    entrees = DELAIS["parametres"][nom]
    assert entrees and [e["applicable_du"] for e in entrees] == sorted({e["applicable_du"] for e in entrees})
    for e in entrees:
        assert _date_iso(e["applicable_du"]) and _date_iso(e["verifie_le"]) and "valeur" in e
        assert e["source"]["titre"].strip() and e["source"].get("url", "https://").startswith("https://")


def test_l_augmentation_pour_distance_vaut_depuis_le_debut_du_calendrier():
    premiere = DELAIS["parametres"]["augmentation_distance"][0]["applicable_du"]
    assert premiere <= f"{FERIES['annees']['premiere']}-01-01"


def test_chaque_delai_est_dans_un_groupe_de_la_liste_et_chaque_groupe_sert():
    groupes = [g["id"] for g in DELAIS["groupes"]]
    assert len(groupes) == len(set(groupes))
    assert {e["groupe"] for e in DELAIS["delais"]} == set(groupes)


@pytest.mark.parametrize(
    "avant, apres, attendu",
    [
        ("    duree_selon: duree_maximale_mesures_op\n", "", "« duree » (jours, mois, années) ou « duree_selon »"),
        (
            "duree_selon: duree_maximale_mesures_op",
            "duree_selon: inexistant",
            "« inexistant » n'existe pas dans « parametres »",
        ),
        (
            "    - applicable_du: 1990-01-01\n",
            "    - applicable_du: 1990-01-01\n      verifie: 1\n",
            "clé inconnue « verifie »",
        ),
    ],
    ids=["ni duree ni duree_selon", "paramètre inconnu", "clé inconnue dans un paramètre daté"],
)
def test_le_schema_refuse_les_nouvelles_cles_mal_ecrites_a_leur_ligne(tmp_path, avant, apres, attendu):
    """Les clés des règles datées sont dans generator/schemas/delais.yml : la construction les vérifie."""

    from generator.contenu.schema import valide_fichier

    source = (REPO / "content" / "data" / "delais.yml").read_text(encoding="utf-8")
    assert avant in source
    fichier = tmp_path / "delais.yml"
    fichier.write_text(source.replace(avant, apres, 1), encoding="utf-8")
    erreurs = [str(e) for e in valide_fichier(fichier, "content/data/delais.yml", "delais")[1]]
    assert any(attendu in e for e in erreurs), erreurs
