"""generator.sorties.verification lit les pages avec html.parser : ni guillemets ni casse ne cachent une construction interdite."""

from __future__ import annotations

import pytest

from generator.sorties.verification import external_resources, problemes_de_page

PAGE = '<html lang="fr"><head><meta http-equiv="Content-Security-Policy" content="x"></head><body><a id="sortie-rapide"></a>'


def test_une_page_correcte_passe():
    assert (
        problemes_de_page(
            PAGE + '<script src="assets/js/site.js"></script><img src="a.png"><a href="https://ailleurs.fr">x</a>'
        )
        == []
    )


@pytest.mark.parametrize(
    "ajout, attendu",
    [
        pytest.param(
            "<script src='https://cdn.example.com/x.js'></script>",
            "ressource d'une autre origine : https://cdn.example.com/x.js",
            id="script externe entre apostrophes",
        ),
        pytest.param(
            "<script src=https://cdn.example.com/x.js></script>",
            "ressource d'une autre origine : https://cdn.example.com/x.js",
            id="script externe sans guillemets",
        ),
        pytest.param(
            "<SCRIPT SRC='//cdn.example.com/x.js'></SCRIPT>",
            "ressource d'une autre origine : //cdn.example.com/x.js",
            id="script externe en capitales",
        ),
        pytest.param(
            "<img srcset='a.png 1x, https://pixel.example.com/p.png 2x'>",
            "ressource d'une autre origine : https://pixel.example.com/p.png",
            id="srcset externe",
        ),
        pytest.param(
            "<link rel=stylesheet href=//fonts.example.com/css>",
            "ressource d'une autre origine : //fonts.example.com/css",
            id="feuille de style externe",
        ),
        pytest.param(
            "<form action='https://collecte.example.com/'></form>",
            "ressource d'une autre origine : https://collecte.example.com/",
            id="formulaire vers une autre origine",
        ),
        pytest.param(
            "<button onclick='alert(1)'>x</button>",
            "gestionnaire d'événement en ligne « onclick= »",
            id="onclick entre apostrophes",
        ),
        pytest.param(
            "<body onload=go()>", "gestionnaire d'événement en ligne « onload= »", id="onload sans guillemets"
        ),
        pytest.param(
            '<img src="a.png" ONERROR="x()">',
            "gestionnaire d'événement en ligne « onerror= »",
            id="onerror en capitales",
        ),
        pytest.param("<p style='color:red'>x</p>", "attribut style sur <p>", id="style entre apostrophes"),
        pytest.param("<p STYLE=color:red>x</p>", "attribut style sur <p>", id="style sans guillemets"),
        pytest.param("<style>p{}</style>", "élément <style>", id="élément style"),
        pytest.param("<script>alert(1)</script>", "script en ligne", id="script en ligne"),
        pytest.param("<script type='module'>import x from './x.js'</script>", "script en ligne", id="module en ligne"),
        pytest.param(
            "<a href='javascript:alert(1)'>x</a>", "adresse « javascript: » dans <a href>", id="lien javascript:"
        ),
        pytest.param(
            "<a href=' JavaScript:alert(1)'>x</a>",
            "adresse « javascript: » dans <a href>",
            id="lien JavaScript: avec espace",
        ),
        pytest.param(
            "<form action=javascript:void(0)></form>",
            "adresse « javascript: » dans <form action>",
            id="formulaire javascript:",
        ),
    ],
)
def test_chaque_construction_interdite_est_vue(ajout, attendu):
    problems = problemes_de_page(PAGE + ajout)
    assert any(p.startswith(attendu) for p in problems), problems


@pytest.mark.parametrize(
    "page, attendu",
    [
        ('<html lang="en">' + PAGE[len('<html lang="fr">') :], 'pas de lang="fr" sur <html>'),
        ("<html lang='fr'><a id='sortie-rapide'></a>", "pas de Content-Security-Policy"),
        ("<html lang=fr><meta http-equiv=Content-Security-Policy content=x>", "pas de bouton « Quitter rapidement »"),
    ],
)
def test_promesses_de_chaque_page(page, attendu):
    assert attendu in problemes_de_page(page)


def test_les_promesses_se_lisent_quel_que_soit_le_guillemet():
    assert (
        problemes_de_page("<html lang=fr><meta http-equiv='Content-Security-Policy' content=x><a id=sortie-rapide></a>")
        == []
    )


def test_json_de_donnees_permis_et_texte_qui_ressemble_a_du_code_ignore():
    assert (
        problemes_de_page(PAGE + '<script type="application/json">{"a": 1}</script><p>onclick= style= javascript:</p>')
        == []
    )


def test_feuille_de_style_externe_dans_une_css():
    assert external_resources(
        "@import 'https://fonts.example.com/a.css'; a { background: url(//x.example.com/i.png) }"
    ) == ["https://fonts.example.com/a.css", "//x.example.com/i.png"]
    assert external_resources("a { background: url('../img/i.png') }") == []


# ── Chaque constat nomme le fichier source et sa ligne ─────────────


def _site_et_projet(tmp_path, page: str) -> tuple:
    site, racine = tmp_path / "site", tmp_path / "projet"
    (site / "guides").mkdir(parents=True)
    (site / "guides" / "guide.html").write_text(PAGE + page, encoding="utf-8")
    for dossier in ("content/guides", "content/data", "theme"):
        (racine / dossier).mkdir(parents=True)
    return site, racine


def test_un_constat_nomme_la_ligne_de_la_page_markdown(tmp_path):
    from generator.erreurs import ErreursDeContenu
    from generator.sorties.verification import verifie_le_site

    site, racine = _site_et_projet(tmp_path, '<p><span onclick="alert(1)">x</span></p>')
    source = racine / "content" / "guides" / "guide.md"
    source.write_text('---\ntitre: x\n---\n\nUn texte.\n\n<span onclick="alert(1)">x</span>\n', encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_site(site, {}, racine, {"guides/guide.html": source})
    assert [str(e) for e in info.value.errors] == [
        "content/guides/guide.md:7: gestionnaire d'événement en ligne « onclick= » (interdit par la CSP) "
        "(page construite guides/guide.html)"
    ]


def test_un_constat_venu_des_donnees_ou_du_theme_nomme_leur_ligne(tmp_path):
    from generator.erreurs import ErreursDeContenu
    from generator.sorties.verification import verifie_le_site

    site, racine = _site_et_projet(tmp_path, '<img src="https://traceur.example.com/p.gif"><p style="x">a</p>')
    source = racine / "content" / "guides" / "guide.md"
    source.write_text("Un texte sans rien.\n", encoding="utf-8")
    (racine / "content" / "data" / "urgences.yml").write_text(
        "a: 1\nimage: https://traceur.example.com/p.gif\n", encoding="utf-8"
    )
    (racine / "theme" / "main.html").write_text('<main>\n  <p style="x">{{ a }}</p>\n</main>\n', encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_site(site, {}, racine, {"guides/guide.html": source})
    lieux = sorted(str(e).split(": ", 1)[0] for e in info.value.errors)
    assert lieux == ["content/data/urgences.yml:2", "theme/main.html:2"]
