"""Remplir le PDF vierge (CPython) : valeurs relues, mise en page gardée, valeurs visibles, champs encore
modifiables ; réponses invalides refusées en français, le champ nommé ; la ligne de commande."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from pypdf import PdfReader

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires import remplir
from pyscripts.formulaires.remplissage import valeurs_du_pdf
from tests.fixtures.chemins import REPO
from tests.fixtures.formulaires import REPONSES, cli

pytestmark = pytest.mark.pdf


def entree(valeurs=None) -> dict:
    return {"formulaire": "cerfa-16146", "valeurs": REPONSES if valeurs is None else valeurs}


@pytest.fixture(scope="module")
def rempli(pdf_vierge) -> bytes:
    return remplir(entree(), pdf_vierge["cerfa-16146"])


def test_les_valeurs_se_relisent(rempli, pdf_vierge):
    valeurs = valeurs_du_pdf(rempli)
    assert {nom: valeurs[nom] for nom in REPONSES} == REPONSES
    vides = {nom: v for nom, v in valeurs.items() if nom not in REPONSES and v not in ("", False)}
    assert not vides


def test_mise_en_page_gardee_et_champs_modifiables(rempli, pdf_vierge):
    vierge = pdf_vierge["cerfa-16146"]
    assert rempli.startswith(vierge)  # mise à jour incrémentale : octets du vierge intacts, changements ajoutés
    lecteur = PdfReader(io.BytesIO(rempli))
    assert len(lecteur.pages) == len(PdfReader(io.BytesIO(vierge)).pages)
    assert set(lecteur.get_fields()) == set(PdfReader(io.BytesIO(vierge)).get_fields())
    assert lecteur.trailer["/Root"]["/AcroForm"]["/NeedAppearances"] == False  # noqa: E712 - un BooleanObject de pypdf, pas un bool


def widgets(lecteur):
    for page in lecteur.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Widget":
                yield annotation


def test_chaque_valeur_a_son_apparence(rempli):
    """Les lecteurs montrent les valeurs sans les régénérer : pypdf a écrit chaque flux d'apparence."""
    for annotation in widgets(PdfReader(io.BytesIO(rempli))):
        nom = annotation["/T"]
        if nom not in REPONSES:
            continue
        if REPONSES[nom] is True:
            assert annotation["/AS"] == "/on", nom
            continue
        flux = annotation["/AP"]["/N"].get_object().get_data()
        assert b"Tj" in flux or b"TJ" in flux, nom
        assert b" 0 Tf" not in flux, nom  # une vraie taille a été choisie pour le texte


def test_pdftoppm_dessine_les_valeurs(rempli, pdf_vierge, tmp_path):
    """Poppler (le lecteur de nombreux bureaux Linux) dessine la page remplie autrement que la vierge."""
    images = {}
    for nom, octets in (("vierge", pdf_vierge["cerfa-16146"]), ("rempli", rempli)):
        (tmp_path / f"{nom}.pdf").write_bytes(octets)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-f", "2", "-l", "2", "-gray", str(tmp_path / f"{nom}.pdf"), str(tmp_path / nom)],
            check=True,
        )
        images[nom] = next(tmp_path.glob(f"{nom}-*.pgm")).read_bytes()
    assert images["vierge"] != images["rempli"]


@pytest.mark.parametrize(
    "valeurs, champ, extrait",
    [
        ({"inconnu": "x"}, "inconnu", "Champ inconnu du formulaire : « inconnu »"),
        ({"civilite_madame": "oui"}, "civilite_madame", "attend true (cochée) ou false"),
        (
            {"civilite_madame": True, "civilite_monsieur": True},
            "civilite_monsieur",
            "ne peuvent pas être cochées ensemble",
        ),
        ({"naissance_date": "1990-03-05"}, "naissance_date", "jj/mm/aaaa"),
        ({"fait_le": "31/02/2026"}, "fait_le", "n'existe pas dans le calendrier"),
        ({"naissance_date": "05/03/2999"}, "naissance_date", "dans le futur"),
        ({"prenoms": "Léa 😀"}, "prenoms", "émojis"),
        ({"prenoms": "王小明"}, "prenoms", "écriture chinoise"),
        ({"rfr": "douze mille"}, "rfr", "montant en euros"),
        ({"foyer_nombre": "trois"}, "foyer_nombre", "nombre entier"),
        ({"nom_naissance": "Martin\nDupont"}, "nom_naissance", "une seule ligne"),
        ({"nom_naissance": 12}, "nom_naissance", "attend un texte"),
        ({"code_postal": "4" * 11}, "code_postal", "au plus 10 caractères"),
    ],
)
def test_reponse_refusee(pdf_vierge, valeurs, champ, extrait):
    with pytest.raises(EntreeInvalide) as erreur:
        remplir(entree(valeurs), pdf_vierge["cerfa-16146"])
    assert erreur.value.champ == champ and extrait in erreur.value.message


def test_questions_de_l_entretien_ignorees(pdf_vierge):
    octets = remplir(
        entree({"hors_ue": True, "contrat_pj_non": True, "nom_naissance": "Martin"}), pdf_vierge["cerfa-16146"]
    )
    assert valeurs_du_pdf(octets)["nom_naissance"] == "Martin"


# ── Ligne de commande (après `make site` : lit site/formulaires/) ───────────


@pytest.fixture(scope="module")
def site_avec_pdf(pdf_vierge, tmp_path_factory):
    """La ligne de commande lit le PDF vierge là où `make site` l'écrit ; on y met celui de la fixture s'il
    manque."""
    cible = REPO / "site" / "formulaires" / "cerfa-16146.pdf"
    if not cible.is_file():
        cible.parent.mkdir(parents=True, exist_ok=True)
        cible.write_bytes(pdf_vierge["cerfa-16146"])
    return cible


def test_cli_champs(site_avec_pdf, definitions):
    from pyscripts.formulaires.definition import champs_pdf, rangees_annexe

    fini = cli("champs", "cerfa-16146")
    assert fini.returncode == 0, fini.stderr.decode()
    champs = json.loads(fini.stdout)
    d = definitions["cerfa-16146"]
    assert [c["nom"] for c in champs] == [c["nom"] for c in [*champs_pdf(d), *rangees_annexe(d)]]
    par_nom = {c["nom"]: c for c in champs}
    # Le vrai type et la longueur maximale, s'il y en a une ; les lignes 7 à 20 vont à l'annexe.
    assert par_nom["naissance_date"]["type"] == "date" and par_nom["naissance_date"]["longueur_max"] == 10
    assert par_nom["rfr"]["type"] == "montant" and par_nom["foyer_nombre"]["type"] == "nombre"
    assert par_nom["expose"]["type"] == "multiligne" and par_nom["code_postal"]["longueur_max"] == 10
    assert par_nom["foyer_20_lien"] == {**par_nom["foyer_20_lien"], "annexe": True, "type": "texte"}
    assert "foyer_21_lien" not in par_nom
    assert champs[0] == {
        "nom": "avocat_nom",
        "libelle": "Maître (nom et prénom) :",
        "type": "texte",
        "rubrique": "PARTIE RÉSERVÉE UNIQUEMENT À L'AVOCAT DÉSIGNÉ OU COMMIS D'OFFICE",
    }
    celibataire = next(c for c in champs if c["nom"] == "situation_familiale_celibataire")
    assert celibataire == {
        "nom": "situation_familiale_celibataire",
        "libelle": "Célibataire",
        "type": "case",
        "rubrique": "2 - VOTRE SITUATION FAMILIALE",
    }


def test_cli_remplir(site_avec_pdf):
    fini = cli("remplir", entree_texte=json.dumps(entree({"nom_naissance": "Martin", "civilite_madame": True})))
    assert fini.returncode == 0, fini.stderr.decode()
    assert fini.stdout.startswith(b"%PDF") and fini.stderr == b""
    assert valeurs_du_pdf(fini.stdout)["civilite_madame"] is True


@pytest.mark.parametrize(
    "arguments, texte, champ",
    [
        (("remplir",), '{"formulaire": "cerfa-99999"}', "formulaire"),
        (("remplir",), '{"formulaire": "cerfa-16146", "valeurs": {"rfr": "abc"}}', "rfr"),
        (("remplir",), "pas du json", "entree"),
        (("champs",), "", "formulaire"),
        (("pieces",), '{"simulateur": 3}', "simulateur"),
        (("inventee",), "", "commande"),
    ],
)
def test_cli_erreur(site_avec_pdf, arguments, texte, champ):
    fini = cli(*arguments, entree_texte=texte)
    assert fini.returncode == 2
    erreur = json.loads(fini.stdout)["erreur"]
    assert erreur["champ"] == champ and erreur["message"]
    assert b"Traceback" not in fini.stderr


def test_cli_pieces(site_avec_pdf):
    fini = cli("pieces", entree_texte=json.dumps({"simulateur": {"cas_particulier": "C"}}))
    assert fini.returncode == 0
    pieces = json.loads(fini.stdout)
    assert all(set(p) == {"piece", "pourquoi", "tableau"} for p in pieces)
    assert any("cas C" in p["pourquoi"] for p in pieces)


def test_le_vierge_lu_une_fois_sert_plusieurs_fois(pdf_vierge):
    """Le vierge analysé est gardé entre deux remplissages : le second ne doit pas porter les réponses du premier."""
    premier = valeurs_du_pdf(
        remplir(entree({"nom_naissance": "Martin", "civilite_madame": True}), pdf_vierge["cerfa-16146"])
    )
    second = valeurs_du_pdf(remplir(entree({"prenoms": "Léa"}), pdf_vierge["cerfa-16146"]))
    assert premier["nom_naissance"] == "Martin" and second["nom_naissance"] == "" and second["civilite_madame"] is False
