"""`python -m pyscripts.formulaires champs|remplir|expose` pour le Cerfa 15458*07 et le 11527*03,
comme pour le 16146 (le PDF vierge lu dans site/formulaires/, écrit par `make site`)."""

from __future__ import annotations

import json

import pytest

from pyscripts.formulaires.definition import champs_pdf
from pyscripts.formulaires.remplissage import valeurs_du_pdf

from .conftest import REPO
from .test_remplir import cli

ENTREE = {
    "formulaire": "cerfa-15458", "aujourdhui": "2026-11-29",
    "valeurs": {"adresse_cachee": True, "requerant_adresse": "12 rue des Lilas", "election_avocat": True,
                "election_avocat_coordonnees": "Maître X, barreau de Lyon", "requerant_nom": "Martin",
                "situation_pacses": True, "lieux_precisions": "Mon domicile et mon travail."},
    "mesures": ["interdiction_contact", "interdiction_lieux", "logement_commun", "aide_materielle"],
    "chronologie": [
        {"date": "14/03/2025", "lieu": "au domicile", "faits": "Il m'a poussée contre le mur.",
         "piece": "Certificat médical du 14 mars 2025"},
        {"periode": {"du": "2024-09"}, "faits": "Il m'appelle vingt fois par jour.", "piece": "Journal d'appels"},
    ],
    "danger": "Il a une arme de chasse.",
    "pieces": ["Copie de l'enregistrement du PACS"],
}


@pytest.fixture(scope="module")
def site_avec_pdf(pdf_vierge):
    """Les PDF vierges là où `make site` les écrit, s'ils n'y sont pas encore."""
    for identifiant in ("cerfa-15458", "cerfa-11527"):
        cible = REPO / "site" / "formulaires" / f"{identifiant}.pdf"
        if not cible.is_file():
            cible.parent.mkdir(parents=True, exist_ok=True)
            cible.write_bytes(pdf_vierge[identifiant])


def test_cli_champs_15458(site_avec_pdf, definitions):
    fini = cli("champs", "cerfa-15458")
    assert fini.returncode == 0, fini.stderr.decode()
    champs = json.loads(fini.stdout)
    assert [c["nom"] for c in champs] == [c["nom"] for c in champs_pdf(definitions["cerfa-15458"])]
    cachee = next(c for c in champs if c["nom"] == "adresse_cachee")
    assert cachee == {"nom": "adresse_cachee", "type": "case", "rubrique": "Cacher votre adresse",
                      "libelle": "Cochez cette case si vous ne souhaitez pas communiquer votre adresse au défendeur "
                                 "pour des raisons de sécurité :"}


def test_cli_11527_manuscrit(site_avec_pdf):
    fini = cli("champs", "cerfa-11527")
    assert fini.returncode == 0 and json.loads(fini.stdout) == []  # aucun champ : à écrire à la main
    fini = cli("remplir", entree_texte=json.dumps({"formulaire": "cerfa-11527", "valeurs": {}}))
    assert fini.returncode == 2
    erreur = json.loads(fini.stdout)["erreur"]
    assert erreur["champ"] == "formulaire" and "article 202 du code de procédure civile" in erreur["message"]


def test_cli_remplir_15458_avec_chronologie_et_pieces(site_avec_pdf):
    fini = cli("remplir", entree_texte=json.dumps(ENTREE))
    assert fini.returncode == 0, fini.stdout.decode()[:500]
    valeurs = valeurs_du_pdf(fini.stdout)
    assert valeurs["requerant_nom"] == "Martin" and valeurs["mesure_lieux"] is True and valeurs["logement_commun"] is True
    assert not valeurs["requerant_adresse"]
    assert valeurs["expose_faits"].split("\n")[0] == "1. Depuis septembre 2024 : Il m'appelle vingt fois par jour. (pièce n° 1)"
    assert [valeurs[f"pieces_{i}_designation"] for i in (1, 2, 3)] == [
        "Journal d'appels", "Certificat médical du 14 mars 2025", "Copie de l'enregistrement du PACS"]


def test_cli_expose(site_avec_pdf):
    fini = cli("expose", entree_texte=json.dumps(ENTREE))
    assert fini.returncode == 0, fini.stdout.decode()[:500]
    sortie = json.loads(fini.stdout)
    assert [p["numero"] for p in sortie["expose"]["paragraphes"]] == [1, 2]
    assert sortie["expose"]["paragraphes"][1]["texte"].endswith("(pièce n° 2)")
    assert [p["numero"] for p in sortie["bordereau"]] == [1, 2, 3]


@pytest.mark.parametrize("commande, entree, champ", [
    ("expose", {**ENTREE, "chronologie": [{"date": "2025-13-01", "faits": "x"}]}, "chronologie.1.date"),
    ("remplir", {**ENTREE, "mesures": ["logement_conjugal"]}, "logement_conjugal"),
    ("remplir", {**ENTREE, "valeurs": {**ENTREE["valeurs"], "lieux_precisions": "Au 12 rue des Lilas."}}, "lieux_precisions"),
])
def test_cli_refus_en_francais(site_avec_pdf, commande, entree, champ):
    fini = cli(commande, entree_texte=json.dumps(entree))
    assert fini.returncode == 2
    assert json.loads(fini.stdout)["erreur"]["champ"] == champ
    assert b"Traceback" not in fini.stderr
