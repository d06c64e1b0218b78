"""Les PDF des pages en arabe et la carte d'interprète, tels que la construction du vrai site les écrit.

- Une page en arabe : ses seules polices sont celles des paquets npm copiés dans le site (Vazirmatn,
  Noto Sans Symbols 2 ; generator/mkdocs/polices.py), aucune de la machine ; son texte se relit dans
  l'ordre de lecture, lettres liées (pdftotext), et elle est mise en page de droite à gauche (le titre
  courant en haut à droite, « صفحة » et le numéro en bas à gauche).
- La carte d'interprète, en français, anglais et arabe, tient sur une seule page A4.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.engine import construit_le_site
from tests.fixtures.chemins import REPO

pytestmark = [pytest.mark.build, pytest.mark.pdf]

NOS_POLICES = re.compile(r"^[A-Z]{6}\+(Arabe-PDF|Latin-PDF|Latin-etendu-PDF|Symboles-PDF)(-Bold)?$")
CARTES = ("simple-carte-interprete.pdf", "en-carte-interprete.pdf", "ar-carte-interprete.pdf")
A4 = (595.28, 841.89)  # points
# Lignes arabes entières des pages imprimées, telles qu'une personne les lit (sans ligature lam-alif :
# pdftotext écrit ses deux lettres dans l'ordre visuel).
LIGNES = {
    "ar-carte-interprete.pdf": ["بطاقة طلب مترجم", "للضحية الحق في مترجم عندما تستمع إليها الشرطة"],
    "ar.pdf": ["الأساسيات بالعربية", "كل هذه المكالمات مجانية"],
}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("pdf-langues") / "site"
    construit_le_site(REPO, site, avec_pyodide=False)  # les PDF sont en cache selon leur contenu (build/cache/pdf)
    return site / "pdf"


def polices(chemin: Path) -> set[str]:
    sortie = subprocess.run(["pdffonts", str(chemin)], capture_output=True, text=True, check=True).stdout
    return {ligne.split()[0] for ligne in sortie.splitlines()[2:]}


def texte(chemin: Path, *options: str) -> str:
    sortie = subprocess.run(["pdftotext", *options, str(chemin), "-"], capture_output=True, text=True, check=True)
    return re.sub("[\u202a-\u202e]", "", sortie.stdout)  # les marques bidi qu'ajoute pdftotext


def test_les_pdf_en_arabe_n_emploient_que_les_polices_du_site(pdf):
    arabes = sorted(pdf.glob("ar*.pdf"))
    assert len(arabes) >= 8
    for chemin in arabes:
        noms = polices(chemin)
        assert noms and all(NOS_POLICES.match(n) for n in noms), (chemin.name, noms)


@pytest.mark.parametrize("nom", sorted(LIGNES))
def test_le_texte_arabe_se_relit_dans_l_ordre_lettres_liees(pdf, nom):
    lignes = [" ".join(ligne.split()) for ligne in texte(pdf / nom).splitlines()]
    for attendue in LIGNES[nom]:
        assert any(attendue in ligne for ligne in lignes), (attendue, lignes[:30])


def test_la_page_en_arabe_est_mise_en_page_de_droite_a_gauche(pdf):
    """Le titre courant à droite, le numéro de page (« صفحة 1/2 », dans l'ordre de lecture) à gauche."""
    page = texte(pdf / "ar.pdf", "-layout", "-f", "2", "-l", "2").splitlines()
    lignes = [ligne for ligne in page if ligne.strip()]
    haut, bas = lignes[0], lignes[-1]
    assert haut.rstrip().endswith("الأساسيات بالعربية") and len(haut) - len(haut.lstrip()) > 20
    assert bas.lstrip().startswith("صفحة 2/2") or bas.lstrip().startswith("2/2 صفحة"), bas
    assert bas.rstrip().endswith("Justice pas à pas")


@pytest.mark.parametrize("nom", CARTES)
def test_la_carte_d_interprete_tient_sur_une_page_a4(pdf, nom):
    lecteur = PdfReader(pdf / nom)
    assert len(lecteur.pages) == 1
    boite = lecteur.pages[0].mediabox
    assert (round(float(boite.width), 1), round(float(boite.height), 1)) == (round(A4[0], 1), round(A4[1], 1))
    carte = " ".join(lecteur.pages[0].extract_text().split())
    assert "Je ne parle pas bien français." in carte and "Je demande un interprète." in carte
    assert "Code de procédure pénale, article D594-12" in carte
