"""Un site en plusieurs langues, construit depuis un projet d'essai : chaque page dit sa langue et son
sens d'écriture, parle la langue de la page (thème, composants, menu), renvoie aux mêmes pages dans les
autres langues sans rien garder ; une traduction dit sa source, qui fait foi, et sa relecture ; quand sa
source française change, la construction le dit (sans s'arrêter) et la page aussi, jusqu'à ce qu'on note
la nouvelle empreinte ; une recherche par langue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.contenu import traductions
from tests.fixtures.projet import PAGES, SITE_CONFIG, write_project

pytestmark = pytest.mark.build

EN_TETE = """\
description: Une page.
type: guide
verifie_le: 2026-01-15
sources:
  - titre: Code civil, art. 515-9
"""
SOURCE = f"""\
---
titre: Le guide de l'ordonnance
{EN_TETE}---

# Le guide de l'ordonnance de protection

Le juge décide en quelques jours.
"""
LANGUES = """\
langues:
  en:
    securite: en/guide.md
    navigation:
      - The guide: en/guide.md
  ar:
    securite: ar/guide.md
    navigation:
      - الدليل: ar/guide.md
"""


def _traduction(langue: str, titre: str, corps: str, empreinte: str, relecture: str = "{par: null, le: null}") -> str:
    return (
        f"---\ntitre: {titre}\n{EN_TETE}langue: {langue}\ntraduction_de: guides/guide.md\n"
        f"traduction_de_empreinte: {empreinte}\nrelecture: {relecture}\npdf: true\n---\n\n# {titre}\n\n{corps}\n"
    )


def projet_multilingue(root: Path, relecture_en: str = "{par: null, le: null}") -> Path:
    empreinte = traductions.empreinte(SOURCE)
    pages = dict(PAGES)
    pages["guides/guide.md"] = SOURCE
    pages["en/guide.md"] = _traduction(
        "en", "The guide", "The judge decides (ordonnance de protection).", empreinte, relecture_en
    )
    pages["ar/guide.md"] = _traduction("ar", "الدليل", "يقرر القاضي (ordonnance de protection) بسرعة.", empreinte)
    write_project(root, pages)
    (root / "site_config.yml").write_text(SITE_CONFIG.replace("pdf: []", "pdf: []\n" + LANGUES), encoding="utf-8")
    return root


def _page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def construit(tmp_path_factory):
    from generator.engine import construit_le_site

    root = projet_multilingue(tmp_path_factory.mktemp("langues") / "projet")
    rapport = construit_le_site(root, avec_pdf=False, avec_pyodide=False)
    return root, root / "site", rapport


def test_chaque_page_dit_sa_langue_et_son_sens(construit):
    _, site, _ = construit
    assert re.search(r'<html lang="fr" data-base-url', _page(site, "guides/guide.html"))
    assert re.search(r'<html lang="en" data-base-url', _page(site, "en/guide.html"))
    assert re.search(r'<html lang="ar" dir="rtl" data-base-url', _page(site, "ar/guide.html"))


def test_le_theme_et_les_composants_parlent_la_langue_de_la_page(construit):
    _, site, _ = construit
    en = _page(site, "en/guide.html")
    assert ">Leave quickly</a>" in en and ">Browsing safely</a>" in en and ">Skip to content</a>" in en
    assert "Quitter rapidement" not in en
    bloc = re.search(r'<script type="application/json" id="textes-composants">(.*?)</script>', en, re.S)
    textes = json.loads(bloc.group(1))
    assert textes["SortieRapide"]["appuyezEncore"].startswith("Press Shift")
    assert textes["Export"]["pdf"]["titre"] == "Before you download this document"
    assert "Police or gendarmerie" in en  # les numéros du pied de page, tirés d'urgences.yml, nommés en anglais
    assert 'id="textes-composants"' not in _page(site, "guides/guide.html")  # français : ceux des composants


def test_le_menu_est_celui_de_la_langue(construit):
    _, site, _ = construit
    menu = re.search(r'<nav class="menu".*?</nav>', _page(site, "en/guide.html"), re.S).group(0)
    assert "The guide" in menu and "Le guide" not in menu and "Accueil" not in menu
    assert 'href="recherche.html">Search<' in menu  # la page de recherche anglaise
    francais = re.search(r'<nav class="menu".*?</nav>', _page(site, "guides/guide.html"), re.S).group(0)
    assert "Le guide" in francais and "The guide" not in francais


def test_liens_vers_les_autres_langues_sans_rien_garder(construit):
    _, site, _ = construit
    liens = re.search(r'<nav class="langues".*?</nav>', _page(site, "guides/guide.html"), re.S).group(0)
    assert '<a href="../en/guide.html" hreflang="en" lang="en">English</a>' in liens
    assert '<a href="../ar/guide.html" hreflang="ar" lang="ar">العربية</a>' in liens
    liens_ar = re.search(r'<nav class="langues".*?</nav>', _page(site, "ar/guide.html"), re.S).group(0)
    assert '<a href="../guides/guide.html" hreflang="fr" lang="fr">Français</a>' in liens_ar
    assert '<a href="../en/guide.html" hreflang="en" lang="en">English</a>' in liens_ar
    # L'accueil n'a pas de traduction : ses liens mènent à la première page de chaque langue.
    accueil = re.search(r'<nav class="langues".*?</nav>', _page(site, "index.html"), re.S).group(0)
    assert 'href="en/guide.html"' in accueil and "?" not in accueil


def test_les_traductions_sont_annoncees_comme_alternatives(construit):
    _, site, _ = construit
    guide = _page(site, "guides/guide.html")
    assert '<link rel="alternate" hreflang="en" href="../en/guide.html">' in guide
    assert '<link rel="alternate" hreflang="ar" href="../ar/guide.html">' in guide
    assert '<link rel="alternate" hreflang="fr" href="../guides/guide.html">' in _page(site, "ar/guide.html")
    # L'accueil n'a pas de traduction : les liens donnés à défaut ne sont pas des « alternate ».
    assert 'rel="alternate"' not in _page(site, "index.html")


def test_la_page_introuvable_parle_chaque_langue(construit):
    _, site, _ = construit
    page = _page(site, "404.html")
    assert "<h1>Page introuvable</h1>" in page
    texte = re.sub(r"<[^>]*>", "", page)  # la typographie des pages aussi : « En danger ? » sans coupure
    assert "En danger" in texte and " ?" not in texte and " :" not in texte
    assert re.search(r'<p lang="en" dir="ltr"><strong>Page not found\.</strong>.*href="/?en/guide.html"', page)
    assert re.search(r'<p lang="ar" dir="rtl"><strong>الصفحة غير موجودة\.</strong>.*href="/?ar/guide.html"', page)


def test_une_traduction_dit_sa_source_et_qu_elle_n_est_pas_relue(construit):
    _, site, _ = construit
    en = _page(site, "en/guide.html")
    titre, _, reste = en.partition("</h1>")
    assert "Not yet checked by a qualified translator" in reste[:2000]  # juste sous le titre
    assert '<a href="../guides/guide.html" hreflang="fr" lang="fr" dir="ltr">Le guide de l&#39;ordonnance</a>' in en
    assert "The French page is the reference" in en
    assert "La version française a changé" not in en  # à jour
    ar = _page(site, "ar/guide.html")
    assert "لم يراجعها مترجم مؤهل بعد" in ar and "النسخة الفرنسية هي المرجع" in ar


def test_une_traduction_relue_le_dit(tmp_path, build_project):
    root = projet_multilingue(tmp_path / "p", relecture_en="{par: Camille Martin, le: 2026-02-03}")
    build_project(root, avec_pdf=False)
    en = _page(root / "site", "en/guide.html")
    assert "Checked by Camille Martin on 3 February 2026." in en
    assert "Not yet checked" not in en


def test_les_passages_latins_d_une_page_en_arabe_sont_isoles(construit):
    _, site, _ = construit
    ar = _page(site, "ar/guide.html")
    assert '(<span dir="ltr" lang="fr">ordonnance de protection</span>)' in ar
    assert "wzxhzdk" not in ar
    assert 'dir="ltr" lang="fr">ordonnance' not in _page(site, "en/guide.html")  # déjà de gauche à droite


def test_une_recherche_par_langue(construit):
    _, site, rapport = construit

    def lieux(fichier):
        return {d["location"].split("#")[0] for d in json.loads((site / "search" / fichier).read_text())["docs"]}

    assert lieux("search_index.en.json") == {"en/guide.html"}
    assert lieux("search_index.ar.json") == {"ar/guide.html"}
    assert "guides/guide.html" in lieux("search_index.json") and not any(
        u.startswith(("en/", "ar/")) for u in lieux("search_index.json")
    )
    assert json.loads((site / "search" / "search_index.ar.json").read_text())["config"]["lang"] == ["ar", "fr"]
    assert (site / "search" / "lunr.ar.js").is_file()
    recherche = _page(site, "ar/recherche.html")
    assert 'data-index="search_index.ar.json"' in recherche and 'lang="ar" dir="rtl"' in recherche
    assert rapport["recherche"]["en"] == len(json.loads((site / "search" / "search_index.en.json").read_text())["docs"])


def test_les_polices_de_l_arabe_sont_servies_par_le_site(construit):
    _, site, _ = construit
    polices = {p.name for p in (site / "assets" / "polices").iterdir()}
    assert {"vazirmatn-arabic-400-normal.woff2", "vazirmatn-arabic-700-normal.woff2"} <= polices
    assert "LICENSE-vazirmatn.txt" in polices
    css = (site / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    for url in re.findall(r'url\("\.\./polices/([^"]+)"\)', css):
        assert url in polices


def test_une_source_francaise_changee_perime_sa_traduction_sans_arreter_la_construction(
    tmp_path, build_project, capsys
):
    root = projet_multilingue(tmp_path / "p")
    guide = root / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("quelques jours", "6 jours"), encoding="utf-8")
    rapport = build_project(root, avec_pdf=False)
    avertissements = [str(a) for a in rapport["avertissements"]]
    assert len(avertissements) == 2
    assert avertissements[0].startswith(
        "content/ar/guide.md:10: pas à jour : la page française guides/guide.md a changé"
    )
    assert avertissements[1].startswith("content/en/guide.md:10: pas à jour")
    en = _page(root / "site", "en/guide.html")
    assert "The French page has changed since this translation" in en
    assert '<p lang="fr" dir="ltr">La version française a changé depuis cette traduction.</p>' in en
    assert "تغيرت النسخة الفرنسية منذ هذه الترجمة" in _page(root / "site", "ar/guide.html")
    # `generator check` le dit aussi, à sa ligne, et réussit.
    assert main(["--racine", str(root), "check"]) == 0
    assert "content/en/guide.md:10: pas à jour" in capsys.readouterr().err
    # Quelqu'un a relu la page anglaise d'après la française : la page est de nouveau à jour.
    assert main(["--racine", str(root), "traductions", "--a-jour", "en/guide.md", "ar/guide.md"]) == 0
    rapport = build_project(root, avec_pdf=False)
    assert rapport["avertissements"] == []
    assert "has changed since" not in _page(root / "site", "en/guide.html")


def test_une_version_simple_perimee_le_dit_en_francais(tmp_path, build_project):
    root = projet_multilingue(tmp_path / "p")
    simple = SOURCE.replace("titre: Le guide de l'ordonnance", "titre: Le guide en simple").replace(
        "# Le guide de l'ordonnance de protection", "# Le guide en simple"
    )
    simple = simple.replace(
        "---\n\n#",
        "version_simple: true\ntraduction_de: guides/guide.md\ntraduction_de_empreinte: abcdefabcdef\n---\n\n#",
        1,
    )
    (root / "content" / "simple.md").write_text(simple, encoding="utf-8")
    config = root / "site_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - Lexique: lexique.md", "  - Lexique: lexique.md\n  - Simple: simple.md"
        ),
        encoding="utf-8",
    )
    build_project(root, avec_pdf=False)
    page = _page(root / "site", "simple.html")
    assert "La page complète a changé depuis cette version simple" in page
    assert "Not yet checked" not in page and "traducteur" not in page  # une version simple n'est pas une traduction


@pytest.mark.parametrize(
    ("remplace", "attendu"),
    [
        (
            ("  ar:\n    securite: ar/guide.md", "  de:\n    securite: ar/guide.md"),
            "« de » n'est pas une autre langue du thème",
        ),
        (("      - The guide: en/guide.md", "      - The guide: guides/guide.md"), "« guides/guide.md » est en « fr »"),
        (
            ("  - Lexique: lexique.md", "  - Lexique: lexique.md\n  - Guide: en/guide.md"),
            "« en/guide.md » est en « en »",
        ),
    ],
)
def test_chaque_page_dans_le_menu_de_sa_langue(tmp_path, remplace, attendu):
    from generator.config import lit_config_du_site
    from generator.contenu.validation import verifie_le_contenu
    from generator.erreurs import ErreursDeContenu

    root = projet_multilingue(tmp_path / "p")
    config = root / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(*remplace), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as exc:
        verifie_le_contenu(lit_config_du_site(root))
    assert attendu in str(exc.value) and "site_config.yml:" in str(exc.value)
