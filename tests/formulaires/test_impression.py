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
    from generator.config import load_site_config
    from generator.mkdocs.formulaires import chemin_pdf, ecrit_pdfs
    from generator.sorties import formulaires as rendu

    site = load_site_config(REPO)
    prets = {"cerfa-11527": rendu.prepare(definitions["cerfa-11527"], site.nom)}
    rapport = ecrit_pdfs(site, rendu.environnement(site.theme_dir), prets, tmp_path / "site", tmp_path / "cache")
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
    from generator.config import load_site_config
    from generator.sorties import formulaires as rendu

    site = load_site_config(REPO)
    document = rendu.document_pdf(
        rendu.environnement(site.theme_dir), rendu.prepare(definitions[identifiant], site.nom)
    )
    textes = "".join(re.split(r"<[^>]*>", document))  # attributes (/TU) stay as written
    assert not re.findall(r"« | »|\w [:;?!](?:\s|$)", textes)
    assert "&#160;" in document


def test_la_colonne_numero_du_bordereau_est_etroite(pdf_vierge):
    boites = pdftotext(pdf_vierge["cerfa-15458"], "-bbox")
    largeur = float(re.search(r'<page width="([\d.]+)"', boites).group(1))
    x = [float(m.group(1)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>Désignation</word>', boites)]
    assert x and x[0] < 0.2 * largeur, x  # the designation starts near the left edge, not mid-page
