"""Le générateur fait d'un projet d'essai un site complet, ou laisse l'ancien intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.erreurs import ErreurDeConstruction, ErreursDeContenu
from generator.sorties.verification import external_resources, problemes_de_page

pytestmark = [pytest.mark.build, pytest.mark.pdf]


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
        assert problemes_de_page(html) == [], page
        assert '<a id="sortie-rapide"' in html


def test_aucune_ressource_d_une_autre_origine(built):
    site, _ = built
    for path in [*site.rglob("*.html"), *site.rglob("*.css")]:
        assert external_resources(path.read_text(encoding="utf-8")) == [], path


def test_le_controle_refuse_une_ressource_externe_ou_un_script_en_ligne():
    page = '<html lang="fr"><meta http-equiv="Content-Security-Policy" content="x"><a id="sortie-rapide"></a>'
    assert problemes_de_page(page) == []
    assert problemes_de_page(page + '<script src="https://cdn.example.com/x.js"></script>')
    assert problemes_de_page(page + '<link rel="stylesheet" href="//fonts.example.com/css">')
    assert problemes_de_page(page + "<script>alert(1)</script>")
    assert problemes_de_page(page + '<th style="text-align: right;">')
    assert problemes_de_page(page.replace('lang="fr"', 'lang="en"'))


def test_pdf_de_la_page_marquee_avec_titre_et_structure(built):
    site, report = built
    pdf = site / "pdf" / "guides-guide.pdf"
    reader = PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Le guide de l'ordonnance de protection" in text
    assert "Contenu vérifié le jeudi 15 janvier 2026" in text  # generator.mkdocs.filtres.date_fr
    assert "En danger : 17 (Police ou gendarmerie)" in " ".join(text.split())  # tiré d'urgences.yml
    assert "https://essai.example.fr/guides/guide.html" in text
    assert "Page 1 / " in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    # Le titre de la page est imprimé dedans ; celui du PDF, lu dans un onglet ou les propriétés du fichier, est neutre.
    info = {cle: str(valeur) for cle, valeur in reader.metadata.items()}
    assert info.get("/Title") == "Document" and not {"/Subject", "/Keywords", "/Author"} & set(info), info
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


def test_le_code_du_rendu_fait_partie_de_la_cle_du_cache(monkeypatch, tmp_path):
    """Un PDF rendu par l'ancien code (polices, post-traitement) n'est jamais resservi après sa modification."""
    from generator.sorties import pdf

    avant = pdf.job("<p>x</p>", "", tmp_path / "x.pdf").key
    monkeypatch.setattr(pdf, "_code_du_rendu", lambda: "un autre code")
    assert pdf.job("<p>x</p>", "", tmp_path / "x.pdf").key != avant


def test_lexique_relie_la_premiere_occurrence_hors_titres_et_code(built):
    site, _ = built
    html = (site / "guides" / "guide.html").read_text(encoding="utf-8")
    body = html.split('<main id="contenu"', 1)[1]
    links = re.findall(r'<a class="terme" data-definition="[^"]+" href="([^"]+)#([a-z-]+)">([^<]+)</a>', body)
    links = [(slug, f"{page}#{slug}", texte) for page, slug, texte in links]
    assert ("ordonnance-de-protection", "../lexique.html#ordonnance-de-protection", "ordonnance de protection") in links
    assert (
        "juge-aux-affaires-familiales",
        "../lexique.html#juge-aux-affaires-familiales",
        "juge aux affaires familiales",
    ) in links
    assert [slug for slug, *_ in links].count("ordonnance-de-protection") == 1  # première occurrence seulement
    assert 'class="terme"' not in re.search(r"<h1.*?</h1>", body, re.S).group(0)
    assert "<code>OP</code>" in body
    assert 'href="../lexique.html#juge-aux-affaires-familiales">ce mot</a>' in body  # lien explicite lexique:
    # La définition est un attribut (site.js l'ouvre sur place), jamais du texte que la recherche indexerait.
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


def test_le_lexique_nomme_ses_pages_liees_par_leur_titre(built):
    """« Voir : » montre le titre de la page, pas son chemin : sur la page et dans les extraits de la recherche."""
    import json

    site, _ = built
    html = (site / "lexique.html").read_text(encoding="utf-8")
    voir = html.split('id="ordonnance-de-protection"', 1)[1].split("</p>", 3)[:3]
    assert any('href="guides/guide.html">Le guide de l' in p for p in voir), voir
    assert ">guides/guide.md<" not in html
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    textes = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("lexique.html"))
    assert "Le guide de l'ordonnance" in textes and "guide.md" not in textes


def test_un_ancien_mot_du_lexique_renvoie_au_terme_d_aujourd_hui():
    from generator.contenu.lexique import Terme, markdown_de_page

    termes = [
        Terme("Commissaire de justice", "Professionnel qui remet les actes.", 1),
        Terme("Huissier de justice", "Ancien nom du commissaire de justice.", 2, renvoi="Commissaire de justice"),
    ]
    page = markdown_de_page(termes)
    assert "### Huissier de justice {#huissier-de-justice}" in page
    assert "Aujourd'hui : [Commissaire de justice](#commissaire-de-justice)." in page


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
    build_project(project, avec_pdf=False)
    before = (project / "site" / "index.html").read_text(encoding="utf-8")
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("type: guide", "type: roman"), encoding="utf-8")
    with pytest.raises(ErreursDeContenu):
        build_project(project, avec_pdf=False)
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_un_echec_tardif_de_mkdocs_laisse_le_site_intact(project, build_project):
    """Une ancre cassée n'est vue que par MkDocs, pendant la construction."""
    build_project(project, avec_pdf=False)
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("(../index.md)", "(../index.md#nulle-part)"), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        build_project(project, avec_pdf=False)
    assert any(str(e).startswith("content/guides/guide.md:18:") and "nulle-part" in str(e) for e in info.value.errors)
    assert "nulle-part" not in (project / "site" / "guides" / "guide.html").read_text(encoding="utf-8")
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


# --- site/ lisible par un serveur web qui tourne sous un autre utilisateur ---------------


def test_le_site_est_lisible_par_le_serveur_web(project, build_project):
    import os
    import stat

    old = os.umask(0o077)  # l'umask le plus strict : les modes ne doivent pas en dépendre
    try:
        build_project(project, avec_pdf=False)
    finally:
        os.umask(old)
    site = project / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    modes = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()}
    dirs = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_dir()}
    assert modes == {0o644} and dirs == {0o755}


# --- des constructions qui passaient avec un site cassé ou dangereux ---------------------


def test_guillemet_dans_la_description_n_abime_pas_la_page(tmp_path, build_project):
    from html.parser import HTMLParser

    from tests.fixtures.projet import PAGES, write_project

    description = 'Le "juge" <b>décide</b> & tranche.'
    guide = PAGES["guides/guide.md"].replace("description: Un guide imprimable.", f"description: '{description}'")
    root = write_project(tmp_path / "p", {**PAGES, "guides/guide.md": guide})
    build_project(root, avec_pdf=False)
    metas = []

    class Metas(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "meta" and dict(attrs).get("name") == "description":
                metas.append(dict(attrs)["content"])

    Metas().feed((root / "site" / "guides" / "guide.html").read_text(encoding="utf-8"))
    assert metas == [description]


def test_le_pdf_ne_peut_lire_que_les_fichiers_du_site(tmp_path, build_project):
    """`<a rel="attachment" href="file:///…">` incorporait autrefois ce fichier dans le PDF public."""
    from tests.fixtures.projet import PAGES, write_project

    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe", encoding="utf-8")
    guide = PAGES["guides/guide.md"] + f'\n        <a rel="attachment" href="{secret.as_uri()}">pièce jointe</a>\n'
    image = (
        PAGES["index.md"]
        .replace("{{ urgences }}", '<img src="absente.png" alt="">')
        .replace("type: accueil", "type: accueil\n        pdf: true")
    )
    root = write_project(tmp_path / "p", {**PAGES, "guides/guide.md": guide, "index.md": image})
    with pytest.raises(ErreursDeContenu) as info:
        build_project(root)
    found = [str(e) for e in info.value.errors]
    # L'adresse est citée en court extrait (les messages sont bornés) : son début, puis la raison.
    assert any(
        e.startswith("content/guides/guide.md:24: le PDF devrait charger « file:///")
        and "qui n'est pas un fichier du site" in e
        for e in found
    ), found
    assert "content/index.md:15: le PDF a besoin de « absente.png », introuvable dans le site construit" in found, found
    assert not (root / "site").exists()
    cached = list((root / "build" / "cache" / "pdf").iterdir())
    assert len(cached) == 1 and cached[0].suffix == ".pdf"  # celui du lexique ; rien des pages refusées


@pytest.mark.parametrize(
    "url, permis",
    [
        ("file:///etc/hostname", False),
        ("https://example.org/a.png", False),
        ("http://127.0.0.1/", False),
        ("ftp://x/y", False),
        ("file://autre-machine/site/a.png", False),
        ("data:image/png;base64,AAAA", True),
        ("SITE/a.png", True),
        ("SITE/sous/dossier/b.css", True),
        ("SITE/../secret.txt", False),
        ("SITE-voisin/a.png", False),
    ],
)
def test_adresses_permises_au_pdf(tmp_path, url, permis):
    from generator.sorties.pdf import allowed

    site = tmp_path / "site"
    site.mkdir()
    url = url.replace("SITE", site.as_uri())
    assert allowed(url, site) is permis


def gabarit_modifie(project, ajout: str) -> list[str]:
    """Ajoute `ajout` à la ligne 3 de theme/main.html, construit, rend les erreurs."""
    main_html = project / "theme" / "main.html"
    lines = main_html.read_text(encoding="utf-8").split("\n")
    lines[2] += ajout
    main_html.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        build_project_sans_pdf(project)
    return [str(e) for e in info.value.errors]


def build_project_sans_pdf(root):
    from generator.engine import construit_le_site

    return construit_le_site(root, avec_pdf=False, avec_pyodide=False)


def test_une_faute_dans_un_gabarit_du_theme(project):
    assert gabarit_modifie(project, " {% if %}") == [
        "theme/main.html:3: gabarit invalide (Jinja : Expected an expression, got 'end of statement block')"
    ]


def test_une_erreur_a_l_execution_d_un_gabarit(project):
    [error] = gabarit_modifie(project, " {{ page.meta.absent.encore }}")
    assert error == "theme/main.html:3: gabarit invalide : « absent » n'existe pas (faute de frappe ?)"


def test_les_avertissements_de_mkdocs_en_francais(project, build_project):
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("(../index.md)", "(../index.md#nulle-part)"), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        build_project(project, avec_pdf=False)
    assert [str(e) for e in info.value.errors] == [
        "content/guides/guide.md:18: ancre introuvable : « ../index.md#nulle-part » : content/index.md "
        "n'a pas de titre ou d'ancre « #nulle-part »"
    ]


@pytest.mark.parametrize(
    "message, attendu",
    [
        (
            "Doc file 'a/b.md' contains a link 'c.md', but the target 'a/c.md' is not found among documentation files. "
            "Did you mean 'd.md'?",
            "content/a/b.md:1: lien cassé : « c.md » ne mène à aucune page de content/ (vouliez-vous dire « d.md » ?)",
        ),
        (
            "Doc file 'a.md' contains an unrecognized relative link 'x/', it was left as is.",
            "content/a.md:1: lien relatif non reconnu : « x/ » (visez un fichier .md)",
        ),
        (
            "Doc file 'a.md' contains a link '#z', but there is no such anchor on this page.",
            "content/a.md:1: ancre introuvable : « #z » : cette page n'a pas de titre ou d'ancre de ce nom",
        ),
        (
            "Doc file 'a.md' contains an absolute link '/x.html', it was left as is.",
            "content/a.md:1: lien absolu « /x.html » : utilisez un chemin relatif vers le fichier .md",
        ),
        (
            'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n  - a.md\n  - b/c.md',
            "content/a.md:1: page absente de la navigation (site_config.yml)\ncontent/b/c.md:1: page absente de la navigation (site_config.yml)",
        ),
        (
            "A reference to 'x.md' is included in the 'nav' configuration, which is not found in the documentation files.",
            "site_config.yml:1: la navigation cite « x.md », qui n'existe pas dans content/",
        ),
        ("Something new happened.", "MkDocs signale : Something new happened."),
    ],
)
def test_traduction_des_messages_de_mkdocs(tmp_path, message, attendu):
    from generator.mkdocs.francais import translate

    assert translate(message, tmp_path / "content", tmp_path / "site_config.yml") == attendu


def test_un_dossier_de_sortie_impossible_est_dit_en_francais(project, tmp_path):
    """Aucune trace : un dossier introuvable ou interdit est refusé avant de construire."""
    from generator.engine import construit_le_site

    with pytest.raises(ErreurDeConstruction, match=r"Impossible d'écrire le site dans .* \(dossier introuvable\)"):
        construit_le_site(project, Path("/proc/dossier-impossible/site"), avec_pdf=False, avec_pyodide=False)
