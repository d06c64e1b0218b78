"""L'adresse cachée : aucune valeur de l'adresse n'arrive dans la requête (valeurs, texte et champs du PDF)."""

from __future__ import annotations

import io
import subprocess

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires import remplir
from pyscripts.op.requete import prepare

ADRESSE = {
    "requerant_adresse": "12 rue des Lilas",
    "requerant_adresse_complement": "Bâtiment C, 3e étage",
    "requerant_code_postal": "69003",
    "requerant_commune": "Lyon",
    "requerant_pays": "France",
}
ELECTION = {
    "election_procureur": True,
    "election_procureur_adresse": "Tribunal judiciaire de Lyon, 67 rue Servient, 69003 Lyon",
}
COMPLET = {
    "valeurs": {
        **ADRESSE,
        **ELECTION,
        "adresse_cachee": True,
        "situation_maries": True,
        "enfants_communs_oui": True,
        "enfants_1_nom_prenoms": "Léa Martin",
        "enfants_1_vit_avec_vous": "oui",
        "requerant_nom": "Martin",
        "requerant_prenoms": "Julie",
        "defendeur_nom": "Martin",
        "defendeur_prenoms": "Paul",
        "defendeur_adresse": "4 impasse des Roses",
        "defendeur_code_postal": "69100",
        "defendeur_commune": "Villeurbanne",
        "lieux_precisions": "Mon domicile, mon lieu de travail et l'école de Léa.",
        "bracelet_raisons": "Il m'attend à la sortie de mon travail.",
        "residence_enfants": "Chez moi.",
        "tribunal": "Lyon",
        "fait_a": "Villeurbanne",
        "fait_le": "29/11/2026",
    },
    "mesures": ["interdiction_contact", "interdiction_lieux", "bracelet", "residence_enfants", "logement_conjugal"],
    "chronologie": [
        {
            "date": "2025-03-14",
            "lieu": "au domicile",
            "faits": "Il m'a giflée.",
            "piece": "Certificat médical du 14 mars 2025",
        }
    ],
    "danger": "Il a dit qu'il reviendrait.",
    "aujourdhui": "2026-11-29",
}


def _avec(**valeurs):
    entree = {**COMPLET, "valeurs": {**COMPLET["valeurs"], **valeurs}}
    return entree


def _refus(entree) -> EntreeInvalide:
    with pytest.raises(EntreeInvalide) as exc:
        prepare(entree)
    return exc.value


def test_les_champs_de_l_adresse_sont_retires():
    r = prepare(COMPLET)
    for nom in ADRESSE:
        assert nom not in r["valeurs"]
    assert r["adresse_cachee"] is True
    tout = repr(r)
    for valeur in ("12 rue des Lilas", "Bâtiment C", "69003 Lyon"[:5] + " ", "Lilas"):
        assert valeur not in tout.replace("Tribunal judiciaire de Lyon, 67 rue Servient, 69003 Lyon", "")


def test_sans_la_case_l_adresse_reste():
    entree = _avec(adresse_cachee=False, election_procureur=False, election_procureur_adresse="")
    r = prepare(entree)
    assert r["valeurs"]["requerant_adresse"] == "12 rue des Lilas"
    assert r["avertissements"] == []


def test_l_election_de_domicile_est_obligatoire():
    erreur = _refus(_avec(election_procureur=False))
    assert erreur.champ == "election_avocat" and "515-11 6°" in erreur.message
    erreur = _refus(_avec(election_procureur_adresse=" "))
    assert erreur.champ == "election_procureur_adresse"
    erreur = _refus(_avec(election_procureur=False, election_avocat=True))
    assert erreur.champ == "election_avocat_coordonnees"


@pytest.mark.parametrize(
    "champ, texte",
    [
        ("lieux_precisions", "Mon domicile au 12, rue des Lilas."),
        ("bracelet_raisons", "J'habite 12 RUE DES LILAS depuis un an."),
        ("autres_demandes", "Qu'il ne vienne plus au bâtiment C, 3e étage."),
        ("residence_enfants", "Chez moi, 69003."),
        ("expose_faits", "Il est venu au 12 rue des Lilas."),
    ],
)
def test_l_adresse_cachee_reprise_dans_un_texte_est_refusee(champ, texte):
    erreur = _refus(_avec(**{champ: texte}))
    assert erreur.champ == champ and "cacher" in erreur.message
    assert "Lilas" not in erreur.message  # l'erreur ne répète pas l'adresse


def test_l_adresse_cachee_dans_la_chronologie_ou_les_pieces_est_refusee():
    entree = {**COMPLET, "chronologie": [{"date": "2025-03-14", "lieu": "12 rue des Lilas", "faits": "Il m'a giflée."}]}
    assert _refus(entree).champ == "chronologie.1.lieu"
    entree = {**COMPLET, "pieces": ["Quittance de loyer du 12 rue des Lilas"]}
    assert _refus(entree).champ == "pieces.1.designation"
    entree = {
        **COMPLET,
        "chronologie": [{"date": "2025-03-14", "faits": "x", "piece": "Photo devant le 12 rue des Lilas"}],
    }
    assert _refus(entree).champ == "chronologie.1.piece"


def test_une_autre_adresse_donne_un_avertissement():
    r = prepare(_avec(lieux_precisions="Mon travail au 8 avenue Jean Jaurès, et l'école rue Victor Hugo."))
    messages = [a for a in r["avertissements"] if a["champ"] == "lieux_precisions"]
    assert len(messages) == 1 and "8 avenue Jean Jaurès" in messages[0]["message"]


@pytest.mark.parametrize("texte", ["Il m'a suivie dans la rue.", "Il me doit 15000 €.", "Le 12 mars, il a crié."])
def test_pas_d_avertissement_sans_adresse(texte):
    r = prepare(_avec(autres_demandes=texte))
    assert not [a for a in r["avertissements"] if a["champ"] == "autres_demandes"]


def test_telephone_courriel_et_commune_avertis():
    r = prepare(_avec(requerant_telephone="06 00 00 00 00", requerant_courriel="j@example.org", fait_a="Lyon"))
    champs = {a["champ"] for a in r["avertissements"]}
    assert {"requerant_telephone", "requerant_courriel", "fait_a"} <= champs


# ── Sur le PDF rempli ────────────────────────────────────────────────────────────


@pytest.mark.pdf
def test_aucune_valeur_de_l_adresse_dans_le_pdf_rempli(pdf_vierge):
    """Par le vrai chemin de `remplir` (pyscripts.formulaires → op.prepare → pypdf)."""
    pdf = remplir({"formulaire": "cerfa-15458", **COMPLET}, pdf_vierge["cerfa-15458"])
    from pypdf import PdfReader

    lecteur = PdfReader(io.BytesIO(pdf))
    champs = {nom: str(champ.get("/V", "")) for nom, champ in lecteur.get_fields().items()}
    assert champs["adresse_cachee"] == "/on" and champs["lieux_precisions"].startswith("Mon domicile")
    for nom in ADRESSE:
        assert champs[nom] in ("", "None"), nom
    texte = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Lilas" not in texte and "Bâtiment C" not in texte
    assert "Mon domicile, mon lieu de travail" in " ".join(texte.split())  # le texte rempli est bien lisible
    for valeur in ("12 rue des Lilas", "Bâtiment C, 3e étage"):
        assert valeur not in "".join(champs.values())


@pytest.mark.pdf
def test_sans_la_case_l_adresse_est_dans_le_pdf(pdf_vierge):
    """Contre-épreuve : le test précédent échouerait si l'adresse n'était pas retirée."""
    entree = _avec(adresse_cachee=False, election_procureur=False, election_procureur_adresse="")
    pdf = remplir({"formulaire": "cerfa-15458", **entree}, pdf_vierge["cerfa-15458"])
    texte = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "12 rue des Lilas" in texte
