"""`python -m pyscripts.formulaires champs|remplir|expose` pour le Cerfa 15458*07 et le 11527*03,
comme pour le 16146 (le PDF vierge lu dans site/formulaires/, écrit par `make site`)."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from pyscripts.formulaires.definition import champs_pdf
from pyscripts.formulaires.remplissage import valeurs_du_pdf
from tests.fixtures.chemins import REPO
from tests.fixtures.formulaires import cli

pytestmark = pytest.mark.pdf

# Une phrase en français : quelques-uns de ses mots courants (le message est pour la personne, pas pour un développeur).
FRANCAIS = re.compile(r"\b(le|la|les|de|du|des|un|une|doit|doivent|est|n'est|inconnue?|Donnez)\b", re.IGNORECASE)

ENTREE = {
    "formulaire": "cerfa-15458",
    "aujourdhui": "2026-11-29",
    "valeurs": {
        "adresse_cachee": True,
        "requerant_adresse": "12 rue des Lilas",
        "election_avocat": True,
        "election_avocat_coordonnees": "Maître X, barreau de Lyon",
        "requerant_nom": "Martin",
        "situation_pacses": True,
        "lieux_precisions": "Mon domicile et mon travail.",
    },
    "mesures": ["interdiction_contact", "interdiction_lieux", "logement_commun", "aide_materielle"],
    "chronologie": [
        {
            "date": "14/03/2025",
            "lieu": "au domicile",
            "faits": "Il m'a poussée contre le mur.",
            "piece": "Certificat médical du 14 mars 2025",
        },
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
    imprimes = [c["nom"] for c in champs if not c.get("annexe")]
    assert imprimes == [c["nom"] for c in champs_pdf(definitions["cerfa-15458"])]
    # Les enfants au-delà des 5 lignes imprimées : acceptés jusqu'à 20, imprimés sur une page d'annexe.
    assert {c["nom"] for c in champs if c.get("annexe")} >= {"enfants_6_nom_prenoms", "enfants_20_vit_avec_vous"}
    cachee = next(c for c in champs if c["nom"] == "adresse_cachee")
    assert cachee == {
        "nom": "adresse_cachee",
        "type": "case",
        "rubrique": "Cacher votre adresse",
        "libelle": "Cochez cette case si vous ne souhaitez pas communiquer votre adresse au défendeur "
        "pour des raisons de sécurité :",
    }


@pytest.mark.parametrize("valeurs", [{}, {"temoin_nom": "Durand"}])
def test_cli_11527_manuscrit(site_avec_pdf, definitions, valeurs):
    fini = cli("champs", "cerfa-11527")
    assert fini.returncode == 0 and json.loads(fini.stdout) == []  # aucun champ : à écrire à la main
    fini = cli("remplir", entree_texte=json.dumps({"formulaire": "cerfa-11527", "valeurs": valeurs}))
    assert fini.returncode == 2 and not fini.stdout.startswith(b"%PDF")
    erreur = json.loads(fini.stdout)["erreur"]
    assert erreur == {"champ": "formulaire", "message": definitions["cerfa-11527"]["remplissage_motif"]}
    assert "de la main du témoin (article 202 du code de procédure civile)" in erreur["message"]
    assert b"Traceback" not in fini.stderr


def test_cli_remplir_15458_avec_chronologie_et_pieces(site_avec_pdf):
    fini = cli("remplir", entree_texte=json.dumps(ENTREE))
    assert fini.returncode == 0, fini.stdout.decode()[:500]
    valeurs = valeurs_du_pdf(fini.stdout)
    assert (
        valeurs["requerant_nom"] == "Martin" and valeurs["mesure_lieux"] is True and valeurs["logement_commun"] is True
    )
    assert not valeurs["requerant_adresse"]
    assert (
        valeurs["expose_faits"].split("\n")[0]
        == "1. Depuis septembre 2024 : Il m'appelle vingt fois par jour. (pièce n° 1)"
    )
    assert [valeurs[f"pieces_{i}_designation"] for i in (1, 2, 3)] == [
        "Journal d'appels",
        "Certificat médical du 14 mars 2025",
        "Copie de l'enregistrement du PACS",
    ]
    assert valeurs["expose_faits"].split("\n")[-1] == "Le danger aujourd'hui : Il a une arme de chasse."
    # Relu avec pypdf lui-même : les champs du PDF, les cases cochées avec leur état « on ».
    champs = PdfReader(io.BytesIO(fini.stdout)).get_fields()
    assert champs["requerant_nom"]["/V"] == "Martin" and champs["adresse_cachee"]["/V"] == "/on"
    assert champs["mesure_contact"]["/V"] == "/on" and champs["situation_maries"]["/V"] == "/Off"


def test_cli_expose(site_avec_pdf):
    """Saisis dans le désordre, les faits sortent numérotés par date ; chacun cite ses pièces par leur
    numéro dans le bordereau, et une pièce citée deux fois garde un seul numéro."""
    entree = {
        **ENTREE,
        "chronologie": [
            *ENTREE["chronologie"],
            {"date": "2023", "faits": "Il a commencé à contrôler mon téléphone.", "temoins": ["ma sœur"]},
            {
                "date": "02/04/2025",
                "lieu": "devant l'école",
                "faits": "Il m'a menacée.",
                "piece": ["Certificat médical du 14 mars 2025", "Récépissé de plainte du 3 avril 2025"],
            },
        ],
    }
    fini = cli("expose", entree_texte=json.dumps(entree))
    assert fini.returncode == 0, fini.stdout.decode()[:500]
    sortie = json.loads(fini.stdout)
    paragraphes = sortie["expose"]["paragraphes"]
    assert [(p["numero"], p["saisi_en"]) for p in paragraphes] == [(1, 3), (2, 2), (3, 1), (4, 4)]
    assert [p["texte"] for p in paragraphes] == [
        "En 2023 : Il a commencé à contrôler mon téléphone. Témoin : ma sœur.",
        "Depuis septembre 2024 : Il m'appelle vingt fois par jour. (pièce n° 1)",
        "Le 14 mars 2025, au domicile : Il m'a poussée contre le mur. (pièce n° 2)",
        "Le 2 avril 2025, devant l'école : Il m'a menacée. (pièces n° 2 et 3)",
    ]
    assert [(p["numero"], p["designation"], p["citee_par"]) for p in sortie["bordereau"]] == [
        (1, "Journal d'appels", [2]),
        (2, "Certificat médical du 14 mars 2025", [3, 4]),
        (3, "Récépissé de plainte du 3 avril 2025", [4]),
        (4, "Copie de l'enregistrement du PACS", []),
    ]
    texte = sortie["expose"]["texte"].split("\n")
    assert texte[0].startswith("1. En 2023") and texte[-1] == "Le danger aujourd'hui : Il a une arme de chasse."
    assert sortie["avertissements"] == []


@pytest.mark.parametrize(
    "commande, entree, champ",
    [
        ("expose", {**ENTREE, "chronologie": [{"date": "2025-13-01", "faits": "x"}]}, "chronologie.1.date"),
        ("expose", {**ENTREE, "chronologie": "le 3 mars"}, "chronologie"),
        ("remplir", {**ENTREE, "mesures": ["logement_conjugal"]}, "logement_conjugal"),
        (
            "remplir",
            {**ENTREE, "valeurs": {**ENTREE["valeurs"], "lieux_precisions": "Au 12 rue des Lilas."}},
            "lieux_precisions",
        ),
        (
            "remplir",
            {
                **ENTREE,
                "chronologie": [{"date": "2025-03-14", "lieu": "devant chez moi, 12 r. des lilas", "faits": "x"}],
            },
            "chronologie.1.lieu",
        ),
        (  # à confirmer : sans confirmation, ni PDF ni exposé
            "remplir",
            {**ENTREE, "valeurs": {**ENTREE["valeurs"], "requerant_code_postal": "69003"}, "pieces": ["Bail, 69 003"]},
            "pieces.1.designation",
        ),
        ("expose", {**ENTREE, "danger": "Il connaît bien les Lilas."}, "danger"),
        ("remplir", {**ENTREE, "confirmations": "danger:nom"}, "confirmations"),
        ("remplir", {**ENTREE, "valeurs": {"requerant_nom": 3}}, "requerant_nom"),
        ("remplir", {**ENTREE, "valeurs": {"champ_inconnu": "x"}}, "champ_inconnu"),
        ("remplir", {**ENTREE, "formulaire": "cerfa-99999"}, "formulaire"),
        ("remplir", "pas du JSON", "entree"),
        ("remplir", [], "entree"),
        # Chacun finissait en trace (code 1).
        ("remplir", '{"formulaire": "cerfa-15458", "valeurs": {"requerant_nom": "Mart\\ud800"}}', "requerant_nom"),
        (
            "remplir",
            '{"formulaire": "cerfa-15458", "chronologie": [{"date": "2025-03-01", "faits": "x\\udfff"}]}',
            "chronologie.1.faits",
        ),
        (
            "expose",
            {**ENTREE, "chronologie": [{"date": "2025-03-01", "faits": "x", "temoins": [3]}]},
            "chronologie.1.temoins.1",
        ),
        (
            "expose",
            {**ENTREE, "chronologie": [{"date": "2025-03-01", "faits": "x", "temoins": 3}]},
            "chronologie.1.temoins",
        ),
        ("expose", {**ENTREE, "aujourdhui": "9999-12-31"}, "aujourdhui"),
    ],
)
def test_cli_refus_en_francais(site_avec_pdf, commande, entree, champ):
    """Entrée invalide : code de sortie 2, exactement {"erreur": {"champ", "message"}} sur stdout, une
    phrase en français, aucune trace d'appels, aucun PDF."""
    fini = cli(commande, entree_texte=entree if isinstance(entree, str) else json.dumps(entree))
    assert fini.returncode == 2
    sortie = json.loads(fini.stdout)
    assert list(sortie) == ["erreur"] and set(sortie["erreur"]) == {"champ", "message"}
    assert sortie["erreur"]["champ"] == champ
    assert FRANCAIS.search(sortie["erreur"]["message"]), sortie["erreur"]["message"]
    assert b"Traceback" not in fini.stderr


def test_cli_remplir_avec_un_avertissement_confirme(site_avec_pdf):
    """Le même texte que refusé plus haut, confirmé : le PDF, et le texte y est tel quel."""
    entree = {**ENTREE, "danger": "Il connaît bien les Lilas.", "confirmations": ["danger:nom"]}
    fini = cli("remplir", entree_texte=json.dumps(entree))
    assert fini.returncode == 0, fini.stdout.decode()[:500]
    assert "Il connaît bien les Lilas." in valeurs_du_pdf(fini.stdout)["expose_faits"]


@pytest.mark.parametrize("arguments", [("champs",), ("champs", "cerfa-99999"), ("inconnue",)])
def test_cli_commande_mal_donnee(site_avec_pdf, arguments):
    fini = cli(*arguments)
    assert fini.returncode == 2
    erreur = json.loads(fini.stdout)["erreur"]
    assert set(erreur) == {"champ", "message"} and FRANCAIS.search(erreur["message"])
    assert b"Traceback" not in fini.stderr


def test_cli_16146_un_demi_caractere_est_refuse_en_nommant_le_champ(site_avec_pdf, pdf_vierge):
    """`formulaires remplir` finissait en trace (UnicodeEncodeError de pypdf) : code 2 et le champ."""
    chemin = REPO / "site" / "formulaires" / "cerfa-16146.pdf"
    if not chemin.is_file():
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_bytes(pdf_vierge["cerfa-16146"])
    fini = cli("remplir", entree_texte='{"formulaire": "cerfa-16146", "valeurs": {"nom_naissance": "\\udc80"}}')
    assert fini.returncode == 2 and b"Traceback" not in fini.stderr
    assert json.loads(fini.stdout)["erreur"]["champ"] == "nom_naissance"
