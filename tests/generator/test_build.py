"""The generator turns a fixture project into a complete site, or leaves the old one alone."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from generator.errors import ContentErrors
from generator.site_check import external_resources, page_problems

pytestmark = pytest.mark.build


@pytest.fixture
def built(project, build_project, tmp_path_factory):
    site = project / "site"
    report = build_project(project)
    return site, report


def test_une_page_html_par_page_de_contenu_et_le_lexique(built):
    site, _ = built
    for rel in ("index.html", "guides/guide.html", "lexique.html", "404.html", "recherche.html"):
        assert (site / rel).is_file(), rel


def test_chaque_page_porte_langue_csp_et_sortie_rapide(built):
    site, _ = built
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert page_problems(html) == [], page
        assert '<a id="sortie-rapide"' in html


def test_aucune_ressource_d_une_autre_origine(built):
    site, _ = built
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        assert external_resources(path.read_text(encoding="utf-8")) == [], path


def test_le_controle_refuse_une_ressource_externe_ou_un_script_en_ligne():
    page = '<html lang="fr"><meta http-equiv="Content-Security-Policy" content="x"><a id="sortie-rapide"></a>'
    assert page_problems(page) == []
    assert page_problems(page + '<script src="https://cdn.example.com/x.js"></script>')
    assert page_problems(page + '<link rel="stylesheet" href="//fonts.example.com/css">')
    assert page_problems(page + "<script>alert(1)</script>")
    assert page_problems(page + '<th style="text-align: right;">')
    assert page_problems(page.replace('lang="fr"', 'lang="en"'))


def test_pdf_de_la_page_marquee_avec_titre_et_structure(built):
    site, report = built
    pdf = site / "pdf" / "guides-guide.pdf"
    reader = PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Le guide de l'ordonnance de protection" in text
    assert "Contenu vérifié le 15/01/2026" in text
    assert "https://essai.example.fr/guides/guide.html" in text
    assert "Page 1 / " in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert not (site / "pdf" / "accueil.pdf").exists()  # pdf: non demandé pour l'accueil
    assert (site / "pdf" / "lexique.pdf").is_file()
    assert report["pdf"] == {"rendus": 2, "en_cache": 0}


def test_pdf_non_modifie_non_refait(project, build_project):
    build_project(project)
    again = build_project(project)
    assert again["pdf"] == {"rendus": 0, "en_cache": 2}
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("peut délivrer", "peut prononcer"), encoding="utf-8")
    assert build_project(project)["pdf"] == {"rendus": 1, "en_cache": 1}


def test_lexique_relie_la_premiere_occurrence_hors_titres_et_code(built):
    site, _ = built
    html = (site / "guides" / "guide.html").read_text(encoding="utf-8")
    body = html.split('<main id="contenu"', 1)[1]
    links = re.findall(r'<a class="terme" data-definition="[^"]+" href="([^"]+)#([a-z-]+)">([^<]+)</a>', body)
    links = [(slug, f"{page}#{slug}", texte) for page, slug, texte in links]
    assert ("ordonnance-de-protection", "../lexique.html#ordonnance-de-protection", "ordonnance de protection") in links
    assert ("juge-aux-affaires-familiales", "../lexique.html#juge-aux-affaires-familiales", "juge aux affaires familiales") in links
    assert [slug for slug, *_ in links].count("ordonnance-de-protection") == 1  # première occurrence seulement
    assert 'class="terme"' not in re.search(r"<h1.*?</h1>", body, re.S).group(0)
    assert "<code>OP</code>" in body
    assert 'href="../lexique.html#juge-aux-affaires-familiales">ce mot</a>' in body  # lien explicite lexique:
    # The definition is an attribute (site.js opens it in place), never text the search would index.
    assert 'data-definition="Décision du juge' in body and ">Décision du juge" not in body


def test_colonnes_alignees_sans_style_en_ligne(built):
    site, _ = built
    html = (site / "guides" / "guide.html").read_text(encoding="utf-8")
    assert '<th class="aligne-right">Montant</th>' in html and "style=" not in html


def test_page_lexique_generee(built):
    site, _ = built
    html = (site / "lexique.html").read_text(encoding="utf-8")
    assert 'id="ordonnance-de-protection"' in html and 'id="juge-aux-affaires-familiales"' in html
    assert 'class="terme"' not in html.split('<main id="contenu"', 1)[1]


def test_recherche_en_francais_et_sans_accents(built):
    import json

    site, _ = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"] and index["config"]["min_search_length"] == 2
    assert "'" in index["config"]["separator"]
    assert (site / "search" / "lunr.fr.js").is_file()
    worker = (site / "search" / "worker.js").read_text(encoding="utf-8")
    assert "sansAccents" in worker and 'normalize("NFD")' in worker


def test_un_echec_laisse_le_site_precedent_intact(project, build_project):
    build_project(project, with_pdf=False)
    before = (project / "site" / "index.html").read_text(encoding="utf-8")
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("type: guide", "type: roman"), encoding="utf-8")
    with pytest.raises(ContentErrors):
        build_project(project, with_pdf=False)
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_un_echec_tardif_de_mkdocs_laisse_le_site_intact(project, build_project):
    """Une ancre cassée n'est vue que par MkDocs, pendant la construction."""
    build_project(project, with_pdf=False)
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("(../index.md)", "(../index.md#nulle-part)"), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        build_project(project, with_pdf=False)
    assert any(str(e).startswith("content/guides/guide.md:18:") and "nulle-part" in str(e) for e in info.value.errors)
    assert "nulle-part" not in (project / "site" / "guides" / "guide.html").read_text(encoding="utf-8")
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]
