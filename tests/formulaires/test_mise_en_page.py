"""The blank forms as printed: valid PDF files (qpdf), the same bytes from every build, French
typography, and the layout of the official forms (pages, breaks, narrow « N° » column)."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.fixtures.chemins import REPO

pytestmark = pytest.mark.pdf

FORMULAIRES = ("cerfa-16146", "cerfa-15458", "cerfa-11527")


def pdftotext(octets: bytes, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-", "-"], input=octets, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_qpdf_ne_trouve_rien_a_redire(pdf_vierge, identifiant, tmp_path):
    fichier = tmp_path / f"{identifiant}.pdf"
    fichier.write_bytes(pdf_vierge[identifiant])
    verdict = subprocess.run(["qpdf", "--check", fichier], capture_output=True, text=True)
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    assert "WARNING" not in verdict.stdout + verdict.stderr


def test_deux_constructions_donnent_les_memes_octets(pdf_vierge, definitions, tmp_path):
    """Rendered again in an empty cache (another build, another day): byte for byte the same."""
    from generator.config import lit_config_du_site
    from generator.mkdocs.formulaires import chemin_pdf, ecrit_pdfs
    from generator.sorties import formulaires as rendu

    site = lit_config_du_site(REPO)
    document = rendu.document_pdf(
        rendu.environnement(site.dossier_theme), rendu.prepare(definitions["cerfa-11527"], site.nom)
    )
    rapport = ecrit_pdfs(site, {"cerfa-11527": document}, tmp_path / "site", tmp_path / "cache")
    assert rapport == {"rendus": 1, "en_cache": 0}
    assert (tmp_path / "site" / chemin_pdf("cerfa-11527")).read_bytes() == pdf_vierge["cerfa-11527"]


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_les_espaces_de_la_typographie_francaise_sont_insecables(pdf_vierge, identifiant):
    """« and » never alone at a line's end or start, nor « : ; ? ! » at a line's start."""
    lignes = [ligne.strip() for ligne in pdftotext(pdf_vierge[identifiant]).splitlines() if ligne.strip()]
    seuls = [ligne for ligne in lignes if ligne.endswith("«") or re.match(r"^[»:;?!](\s|$)", ligne)]
    assert seuls == []


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_le_document_rendu_porte_les_espaces_insecables(definitions, identifiant):
    """The same spaces are plain spaces in the text layer: what WeasyPrint is given is checked."""
    from generator.config import lit_config_du_site
    from generator.sorties import formulaires as rendu

    site = lit_config_du_site(REPO)
    document = rendu.document_pdf(
        rendu.environnement(site.dossier_theme), rendu.prepare(definitions[identifiant], site.nom)
    )
    textes = "".join(re.split(r"<[^>]*>", document))  # attributes (/TU) stay as written
    assert not re.findall(r"« | »|\w [:;?!](?:\s|$)", textes)
    assert "&#160;" in document


def test_la_colonne_numero_du_bordereau_est_etroite(pdf_vierge):
    boites = pdftotext(pdf_vierge["cerfa-15458"], "-bbox")
    largeur = float(re.search(r'<page width="([\d.]+)"', boites).group(1))
    x = [float(m.group(1)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>Désignation</word>', boites)]
    assert x and x[0] < 0.2 * largeur, x  # the designation starts near the left edge, not mid-page


# ---- Layout: pages, breaks, the notice's page references -------------------------------------


def pages_pdf(octets: bytes) -> int:
    sortie = subprocess.run(["pdfinfo", "-"], input=octets, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", sortie, re.MULTILINE).group(1))


def lignes_par_page(octets: bytes) -> list[list[tuple[float, str]]]:
    """[(top of the line / page height, text)] of each page, in reading order (pdftotext)."""
    import xml.etree.ElementTree as ET

    xml = re.sub(r'xmlns="[^"]+"', "", pdftotext(octets, "-bbox-layout"))
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        hauteur = float(page.get("height"))
        pages.append(
            [
                (float(ligne.get("yMin")) / hauteur, " ".join(mot.text for mot in ligne.iter("word")))
                for ligne in page.iter("line")
            ]
        )
    return pages


def marges_mm() -> tuple[float, float]:
    """Top and bottom page margins of the forms' PDF (theme/formulaires/pdf.css), in mm."""
    css = (REPO / "theme" / "formulaires" / "pdf.css").read_text(encoding="utf-8")
    haut, _, bas = re.search(r"@page \{[^}]*?margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm;", css).groups()
    return float(haut), float(bas)


def remplissage(octets: bytes, tmp_path) -> list[float]:
    """Per page, how far down the page body the drawing goes (0: empty, 1: to the footer), seen in
    a rendering: text, lines, boxes and frames alike."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-gray", "-r", "24", "-png", "-", tmp_path / "p"], input=octets, check=True)
    haut_mm, bas_mm = marges_mm()
    sortie = []
    for png in sorted(tmp_path.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        image = Image.open(png).convert("L")
        largeur, hauteur = image.size
        px = image.load()
        haut, bas = round(hauteur * haut_mm / 297), round(hauteur * (297 - bas_mm) / 297)
        encre = [y for y in range(haut, bas) if any(px[x, y] < 200 for x in range(largeur))]
        sortie.append((max(encre, default=haut) - haut) / (bas - haut))
    return sortie


def test_16146_sept_pages_au_plus(pdf_vierge):
    """The official 16146*03 has 6 pages; ours, with lines tall enough to write by hand, 7."""
    assert pages_pdf(pdf_vierge["cerfa-16146"]) <= 7


def test_16146_les_renvois_de_la_notice_restent_vrais(pdf_vierge):
    """Notice 52347#03: « cocher la case « vous ne disposez pas d'un avis d'imposition » au milieu
    de la page 4 du formulaire » ; « en page 6 rubrique 9 « votre protection juridique » »."""
    pages = lignes_par_page(pdf_vierge["cerfa-16146"])
    ou = {texte: (n, y) for n, lignes in enumerate(pages, 1) for y, texte in lignes}
    n, y = next(v for t, v in ou.items() if t.startswith("2. Vous ne disposez pas d'un avis d'imposition"))
    assert n == 4 and 0.3 < y < 0.7, (n, y)
    assert next(v for t, v in ou.items() if t.startswith("9 - VOTRE PROTECTION JURIDIQUE"))[0] == 6


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucune_page_presque_vide(pdf_vierge, identifiant, tmp_path):
    """No page less than a quarter filled; before the last, none 40 % empty (15458, 11527)."""
    pleines = remplissage(pdf_vierge[identifiant], tmp_path)
    assert len(pleines) == pages_pdf(pdf_vierge[identifiant])
    assert min(pleines) >= 0.25, [round(p, 2) for p in pleines]
    if identifiant != "cerfa-16146":  # the 16146 follows the official page breaks (rubriques 3, 4, 6, 10)
        assert min(pleines[:-1], default=1) >= 0.6, [round(p, 2) for p in pleines]


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucun_titre_seul_en_bas_de_page(pdf_vierge, definitions, identifiant, tmp_path):
    """A rubric's heading is never the last thing drawn on a page: its fields (lines, boxes) follow it."""
    titres = {re.sub(r"\s+", " ", r["titre"]).strip() for r in definitions[identifiant]["rubriques"]}
    haut_mm, bas_mm = marges_mm()
    corps = (297 - haut_mm - bas_mm) / 297
    fins = remplissage(pdf_vierge[identifiant], tmp_path)  # how far the drawing goes, in the page body
    for n, (lignes, fin) in enumerate(zip(lignes_par_page(pdf_vierge[identifiant]), fins), 1):
        fin = haut_mm / 297 + fin * corps  # as a fraction of the page
        for y, texte in lignes:
            if re.sub(r"^[\dIVX]+ - | ◇$", "", texte).strip() in titres:
                assert fin - y > 15 / 297, (n, texte)  # at least a field's height drawn below it
