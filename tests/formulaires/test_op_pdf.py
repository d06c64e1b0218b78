"""Les PDF vierges du Cerfa 15458*07 (remplissable) et du Cerfa 11527*03 (manuscrit : aucun champ),
tels que la construction les écrit : chaque libellé imprimé, et sur chaque page ce qu'est le document
et la ligne « élément reconstitué ». Les champs du 15458 (exactement ceux de la définition, types,
noms accessibles) : test_pdf_vierge.py::test_exactement_les_champs_definis."""

from __future__ import annotations

import io
import subprocess

import pytest
from pypdf import PdfReader

from tests.fixtures.formulaires import libelles, normalise

pytestmark = pytest.mark.pdf


def _texte(pdf: bytes) -> str:
    """pdftotext : l'ordre de lecture d'un lecteur de PDF ordinaire."""
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("identifiant, cerfa", [("cerfa-15458", "15458*07"), ("cerfa-11527", "11527*03")])
def test_chaque_libelle_et_chaque_page(pdf_vierge, definitions, identifiant, cerfa):
    d = definitions[identifiant]
    lecteur = PdfReader(io.BytesIO(pdf_vierge[identifiant]))
    texte = normalise(" ".join(page.extract_text() for page in lecteur.pages))
    assert [s for s in libelles(d) if s not in texte] == []
    pied = f"Reproduction du Cerfa n° {cerfa} réalisée par Justice pas à pas — formulaire officiel : {d['officiel']['url']}"
    for numero, page in enumerate(lecteur.pages, start=1):
        assert pied in normalise(page.extract_text()), f"page {numero}"


def test_11527_manuscrit_sans_aucun_champ(pdf_vierge):
    lecteur = PdfReader(io.BytesIO(pdf_vierge["cerfa-11527"]))
    assert not lecteur.get_fields()
    assert "Relation des faits" in _texte(pdf_vierge["cerfa-11527"])


def test_15458_les_libelles_confirmes_sont_ceux_de_la_notice(definitions):
    """Les libellés S sont recopiés du formulaire officiel : quelques-uns, mot pour mot."""
    tout = repr(definitions["cerfa-15458"])
    for extrait in (
        "Cochez cette case si vous ne souhaitez pas communiquer votre adresse au défendeur pour des raisons de sécurité :",
        "Pour pouvoir être contacté par le tribunal vous devez, au choix, élire domicile :",
        "Identité du défendeur (votre actuel(le) ou ancien(ne) conjoint(e)/concubin(e)/partenaire de PACS) :",
        "Cette mesure ne peut être demandée que si vous avez préalablement demandé une interdiction de contact.",
        "séparés sans avoir cohabité",
    ):
        assert extrait in tout
