"""Le PDF vierge remplissable et la page d'un formulaire : exactement les champs définis, les bons types,
des noms accessibles, chaque libellé imprimé, et sur chaque page ce qu'est le document."""

from __future__ import annotations

import html
import io
import re

import pytest
from pypdf import PdfReader

from pyscripts.formulaires.definition import champs_pdf
from tests.fixtures.formulaires import libelles, normalise

pytestmark = pytest.mark.pdf

MULTILIGNE = 1 << 12


@pytest.fixture(scope="module")
def lecteur(pdf_vierge):
    return PdfReader(io.BytesIO(pdf_vierge["cerfa-16146"]))


# Chaque formulaire à remplir : son nombre de champs, à changer sciemment quand sa définition change.
NOMBRE_DE_CHAMPS = {"cerfa-16146": 186, "cerfa-15458": 127}


@pytest.mark.parametrize("identifiant", NOMBRE_DE_CHAMPS)
def test_exactement_les_champs_definis(pdf_vierge, definitions, identifiant):
    attendus = {c["nom"]: c for c in champs_pdf(definitions[identifiant])}
    lus = PdfReader(io.BytesIO(pdf_vierge[identifiant])).get_fields()
    assert set(lus) == set(attendus)
    for nom, champ in lus.items():
        attendu = attendus[nom]
        assert str(champ["/TU"]) == attendu["nom_accessible"], nom
        if attendu["type"] == "case":
            assert champ["/FT"] == "/Btn" and set(champ["/_States_"]) == {"/on", "/Off"}, nom
            assert champ["/V"] == "/Off", nom
        else:
            assert champ["/FT"] == "/Tx", nom
            assert bool(int(champ.get("/Ff", 0)) & MULTILIGNE) == (attendu["type"] == "multiligne"), nom
            assert champ.get("/V") == "", nom
    assert len(lus) == NOMBRE_DE_CHAMPS[identifiant]


def test_pdf_accessible_et_imprimable(lecteur):
    racine = lecteur.trailer["/Root"]
    assert "/StructTreeRoot" in racine and racine["/MarkInfo"]["/Marked"]
    assert str(racine["/Lang"]).startswith("fr")
    assert lecteur.metadata.title == "Document"  # PDF/UA garde un titre : un titre neutre (test_metadonnees_neutres)
    for page in lecteur.pages:  # A4, en points
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    for annotation in (a.get_object() for page in lecteur.pages for a in page.get("/Annots", [])):
        if annotation.get("/Subtype") == "/Widget":
            assert int(annotation["/F"]) & 4, "champ non imprimable"  # drapeau Print


def _neutre(pdf: bytes) -> None:
    """Titre « Document », et ni sujet, ni mots-clés, ni auteur (dictionnaire /Info et métadonnées
    XMP) : un lecteur les montre dans son onglet, ses fichiers récents et les propriétés du fichier."""
    lu = PdfReader(io.BytesIO(pdf))
    info = {cle: str(valeur) for cle, valeur in (lu.metadata or {}).items()}
    assert info.get("/Title") == "Document", info
    assert not {"/Subject", "/Keywords", "/Author"} & set(info), info
    xmp = lu.xmp_metadata
    if xmp is not None:
        assert xmp.dc_title == {"x-default": "Document"} and not xmp.dc_description and not xmp.dc_creator
        assert not xmp.pdf_keywords


@pytest.mark.parametrize("identifiant", ["cerfa-16146", "cerfa-15458", "cerfa-11527"])
def test_metadonnees_neutres(pdf_vierge, identifiant):
    """Vierge, puis rempli (le remplissage garde l'/Info du vierge) : ni la procédure ni le nom du site."""
    _neutre(pdf_vierge[identifiant])
    if identifiant != "cerfa-11527":  # manuscrit seulement : jamais rempli
        from pyscripts.formulaires import remplir

        rempli = remplir({"formulaire": identifiant, "valeurs": {}}, pdf_vierge[identifiant])
        _neutre(rempli)


def test_chaque_page_dit_ce_qu_elle_est(lecteur, definitions):
    d = definitions["cerfa-16146"]
    pied = (
        f"Reproduction du Cerfa n° 16146*03 réalisée par Justice pas à pas — formulaire officiel : "
        f"{d['officiel']['url']} — vérifié le 29/11/2026"
    )
    for numero, page in enumerate(lecteur.pages, start=1):
        texte = normalise(page.extract_text())
        assert texte.count(pied) == 1, f"page {numero}"  # le pied de chaque page
        # L'en-tête le dit une fois, en page 1 (légende de « ◇ » : tests/formulaires/test_marque_reconstruit.py).
        assert (texte.count("Reproduction du formulaire officiel, réalisée par Justice pas à pas") == 1) == (
            numero == 1
        )


def test_le_pdf_montre_chaque_libelle(lecteur, definitions):
    texte = normalise(" ".join(page.extract_text() for page in lecteur.pages))
    manquants = [s for s in libelles(definitions["cerfa-16146"]) if s not in texte]
    assert not manquants


def test_la_page_montre_chaque_libelle(definitions):
    from generator.config import lit_config_du_site
    from generator.sorties import formulaires as rendu
    from tests.fixtures.chemins import REPO

    site = lit_config_du_site(REPO)
    d = rendu.prepare(definitions["cerfa-16146"], site.nom)
    page = rendu.page(
        rendu.environnement(site.dossier_theme),
        d,
        {"css": "f.css", "pdf": "f.pdf", "explication": None, "entretien": None},
    )
    texte = normalise(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    texte = texte.replace(" ◇", "")  # la marque d'élément reconstitué suit un libellé
    manquants = [s for s in libelles(definitions["cerfa-16146"]) if normalise(s) not in texte]
    assert not manquants
    assert 'href="f.pdf"' in page and definitions["cerfa-16146"]["officiel"]["url"] in page


def test_un_formulaire_manuscrit_n_a_aucun_champ(definitions, tmp_path):
    """Une attestation à écrire de la main du témoin : des lignes sur le papier, aucun champ PDF."""
    import weasyprint

    from generator.config import lit_config_du_site
    from generator.sorties import formulaires as rendu
    from tests.fixtures.chemins import REPO

    site = lit_config_du_site(REPO)
    d = dict(definitions["cerfa-16146"], remplissage="manuscrit")
    document = rendu.document_pdf(rendu.environnement(site.dossier_theme), rendu.prepare(d, site.nom))
    assert "<input" not in document and "<textarea" not in document
    octets = weasyprint.HTML(string=document).write_pdf(pdf_forms=True)
    assert not PdfReader(io.BytesIO(octets)).get_fields()


def test_la_construction_compare_les_champs_du_pdf_vierge_a_la_definition(pdf_vierge, definitions, tmp_path):
    """Un gabarit qui perd ou fusionne des champs (`{{ c.nmo }}` : 58 champs au lieu de
    127) arrête la construction ; le PDF fautif n'est pas publié. Un PDF juste est noté, pas relu."""
    import copy

    from generator.mkdocs.formulaires import champs_du_pdf_vierge
    from tests.fixtures.chemins import REPO

    source = REPO / "content" / "formulaires" / "cerfa-15458.yml"
    cache = tmp_path / "cache"
    juste = tmp_path / "juste.pdf"
    juste.write_bytes(pdf_vierge["cerfa-15458"])
    assert champs_du_pdf_vierge(definitions["cerfa-15458"], juste, cache, source) == []
    assert len(list(cache.glob("*.champs-verifies"))) == 1

    autre = copy.deepcopy(definitions["cerfa-15458"])
    for rubrique in autre["rubriques"]:
        for champ in rubrique["champs"]:
            if champ.get("nom") == "requerant_nom":
                champ["nom"] = "requerant_nom_de_famille"
    faux = tmp_path / "faux.pdf"
    faux.write_bytes(pdf_vierge["cerfa-15458"] + b"\n%")  # d'autres octets : pas notés comme vérifiés
    messages = [e.message for e in champs_du_pdf_vierge(autre, faux, cache, source)]
    assert any("n'a pas le champ « requerant_nom_de_famille »" in m for m in messages), messages
    assert any("a un champ « requerant_nom » que la définition ne connaît pas" in m for m in messages), messages
    assert not faux.exists()
