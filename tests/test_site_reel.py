"""Le vrai site, construit depuis ce dépôt exactement comme le fait `make site` (PDF et Pyodide compris)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator.config import lit_config_du_site
from generator.contenu import frontmatter
from generator.contenu.lexique import slugify
from generator.contenu.validation import pages
from generator.engine import construit_le_site
from generator.sorties.pdf import pdf_name
from tests.fixtures.chemins import REPO

pytestmark = [pytest.mark.build, pytest.mark.pdf]
CONTENT = REPO / "content"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reel") / "site"
    construit_le_site(REPO, out)
    return out


def test_une_page_html_par_page_de_contenu(site):
    for page in pages(CONTENT):
        rel = page.relative_to(CONTENT).with_suffix(".html")
        assert (site / rel).is_file(), rel


def test_un_pdf_par_page_marquee_avec_son_titre(site):
    marquees = [p for p in pages(CONTENT) if frontmatter.lit_entete(p.read_text(encoding="utf-8")).data.get("pdf")]
    assert len(marquees) >= 15
    for page in marquees:
        fm = frontmatter.lit_entete(page.read_text(encoding="utf-8"))
        pdf = site / "pdf" / pdf_name(page.relative_to(CONTENT).as_posix())
        reader = PdfReader(pdf)
        premiere = " ".join(reader.pages[0].extract_text().split())
        if fm.data.get("langue") == "ar":
            # Un titre de droite à gauche coupé par un deux-points revient en morceaux, chacun dans l'ordre
            # de lecture (tests/generator/test_pdf_langues.py lit des lignes arabes entières avec pdftotext).
            assert set(re.findall(r"\w+", fm.data["titre"])) <= set(re.findall(r"\w+", premiere)), pdf.name
            continue
        assert " ".join(fm.data["titre"].split())[:40] in premiere, pdf.name


def test_chaque_terme_du_lexique_est_relie_quelque_part(site):
    lexique = yaml.safe_load((CONTENT / "lexique.yml").read_text(encoding="utf-8"))
    relies = set()
    for page in site.rglob("*.html"):
        relies |= set(
            re.findall(
                r'class="terme" data-definition="[^"]*" href="[^"]*lexique\.html#([a-z0-9-]+)"',
                page.read_text(encoding="utf-8"),
            )
        )
    jamais = [t["terme"] for t in lexique if slugify(t["terme"]) not in relies]
    assert jamais == []


def test_les_tableaux_generes_sont_dans_les_pages(site):
    from generator.config import lit_config_du_site
    from pyscripts.aj import tableau_bareme

    ressources = (site / "aide-juridictionnelle" / "ressources.html").read_text(encoding="utf-8")
    annee = lit_config_du_site(REPO).bareme_aj  # l'année mise en avant : son plafond pour 3 personnes est au tableau
    trois = tableau_bareme(annee, personnes=[3])["lignes"][0]["totale"]
    assert "<table>" in ressources and f"{trois:,}".replace(",", " ") in ressources.replace("\u202f", " ").replace(
        "\xa0", " "
    )
    assert f"Barème {annee}, pour les demandes déposées" in ressources
    assert "3919" in (site / "aide-aux-victimes.html").read_text(encoding="utf-8")


def test_le_runtime_pyodide_est_livre(site):
    version = lit_config_du_site(REPO).pyodide  # package.json
    assert (site / "pyodide" / version / "pyodide.asm.wasm").is_file()
    (lock,) = (site / "pyodide" / "paquets").glob("pyodide-lock.*.json")  # nommé d'après son contenu
    (stdlib,) = (site / "pyodide" / version).glob("python_stdlib.*.zip")
    outil = (site / "outils" / "calculateur-delais.html").read_text(encoding="utf-8")
    assert f'data-lock="../pyodide/paquets/{lock.name}"' in outil
    assert f'data-stdlib="../pyodide/{version}/{stdlib.name}"' in outil


def test_aucun_guillemet_seul_en_bout_de_ligne(site):
    """generator/mkdocs/typographie.py : l'espace à l'intérieur de « » est insécable sur chaque page."""
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] != "pyodide":
            texte = re.sub(r"<[^>]*>", "", page.read_text(encoding="utf-8"))  # le texte, pas les attributs
            assert "« " not in texte and " »" not in texte, page.relative_to(site)
