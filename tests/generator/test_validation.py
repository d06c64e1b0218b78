"""Each kind of content error is reported as content/path.md:LINE: message, all at once."""

from __future__ import annotations

import textwrap

import pytest

from generator.config import load_site_config
from generator.errors import ContentErrors
from generator.validate import validate

from .conftest import PAGES, write_project

GUIDE = PAGES["guides/guide.md"]


def errors_for(tmp_path, guide_text=None, lexique=None, config_edit=None) -> list[str]:
    pages = dict(PAGES)
    if guide_text is not None:
        pages["guides/guide.md"] = guide_text
    root = write_project(tmp_path / "p", pages, **({"lexique": lexique} if lexique is not None else {}))
    if config_edit:
        path = root / "site_config.yml"
        path.write_text(config_edit(path.read_text()), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        validate(load_site_config(root))
    return [str(e) for e in info.value.errors]


def test_un_projet_correct_est_valide(project):
    contenu = validate(load_site_config(project))
    assert set(contenu.donnees) == {"aide_juridictionnelle", "delais", "jours_feries", "urgences"}
    assert {t.slug for t in contenu.termes} == {"ordonnance-de-protection", "juge-aux-affaires-familiales"}


@pytest.mark.parametrize(
    "modification, attendu",
    [
        pytest.param(lambda t: t.replace("titre: Le guide de l'ordonnance\n", ""),
                     "content/guides/guide.md:1: champ obligatoire manquant : « titre »", id="champ obligatoire manquant"),
        pytest.param(lambda t: t.replace("pdf: true", "pdf: true\ncouleur: bleu"),
                     "content/guides/guide.md:10: champ inconnu : « couleur »", id="champ inconnu avec sa ligne"),
        pytest.param(lambda t: t.replace("type: guide", "type: roman"),
                     "content/guides/guide.md:4: type inconnu « roman »", id="type inconnu"),
        pytest.param(lambda t: t.replace("verifie_le: 2026-01-15", "verifie_le: bientôt"),
                     "content/guides/guide.md:5: « verifie_le » doit être une date", id="date de vérification invalide"),
        pytest.param(lambda t: t.replace("    url: https://www.legifrance.gouv.fr/", "    url: http://www.legifrance.gouv.fr/"),
                     "content/guides/guide.md:6: source n° 1 : l'adresse doit commencer par https://", id="source non https"),
        pytest.param(lambda t: t.replace("[le JAF](../index.md)", "[le JAF](../absente.md)"),
                     "content/guides/guide.md:18: lien cassé : « ../absente.md »", id="lien interne cassé"),
        pytest.param(lambda t: t.replace("lexique:juge-aux-affaires-familiales", "lexique:notaire"),
                     "content/guides/guide.md:18: terme du lexique inconnu : « notaire »", id="terme du lexique inconnu"),
        pytest.param(lambda t: t + "\n{{ meteo }}\n",
                     "content/guides/guide.md:24: bloc inconnu « {{ meteo }} »", id="bloc de données inconnu"),
        pytest.param(lambda t: t.replace("titre: Le guide", "titre: [Le guide"),
                     "content/guides/guide.md:2: en-tête YAML invalide", id="YAML illisible"),
        pytest.param(lambda t: t.split("---", 2)[2],
                     "content/guides/guide.md:1: en-tête YAML manquant", id="en-tête absent"),
    ],
)
def test_erreur_de_page_avec_fichier_et_ligne(tmp_path, modification, attendu):
    found = errors_for(tmp_path, modification(textwrap.dedent(GUIDE)))
    assert any(e.startswith(attendu) for e in found), found


def test_erreur_du_lexique_avec_ligne(tmp_path):
    lexique = "- terme: Greffe\n  definition: Le secrétariat.\n- terme: Avocat\n  voir: [absente.md]\n"
    found = errors_for(tmp_path, lexique=lexique)
    assert "content/lexique.yml:3: champ obligatoire manquant : « definition »" in found


def test_page_liee_du_lexique_inexistante(tmp_path):
    lexique = "- terme: Greffe\n  definition: Le secrétariat.\n  voir: [absente.md]\n"
    assert "content/lexique.yml:1: « Greffe » : la page liée « absente.md » n'existe pas" in errors_for(tmp_path, lexique=lexique)


def test_navigation_vers_une_page_absente(tmp_path):
    found = errors_for(tmp_path, config_edit=lambda t: t.replace("guides/guide.md", "guides/autre.md"))
    assert "site_config.yml:11: la navigation cite « guides/autre.md », qui n'existe pas dans content/" in found
    assert "content/guides/guide.md:1: page absente de la navigation (site_config.yml)" in found


def test_toutes_les_erreurs_sont_signalees_ensemble(tmp_path):
    text = textwrap.dedent(GUIDE).replace("type: guide", "type: roman").replace("../index.md", "../absente.md")
    found = errors_for(tmp_path, text)
    assert len([e for e in found if e.startswith("content/guides/guide.md")]) == 2


def test_la_commande_sort_en_erreur_sans_trace(tmp_path, capsys):
    from generator.__main__ import main

    root = write_project(tmp_path / "p", {**PAGES, "guides/guide.md": GUIDE.replace("type: guide", "type: roman")})
    assert main(["--racine", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "content/guides/guide.md:4: type inconnu" in err and "Traceback" not in err


@pytest.mark.parametrize("ajout, attendu", [
    ("outil: calculette", "content/guides/guide.md:10: outil inconnu « calculette » (autorisés : aj, delais)"),
    ("outil: aj", "content/guides/guide.md:10: « outil » ne va qu'avec « type: outil »"),
])
def test_cle_outil_verifiee(tmp_path, ajout, attendu):
    found = errors_for(tmp_path, textwrap.dedent(GUIDE).replace("pdf: true", f"pdf: true\n{ajout}"))
    assert attendu in found, found


def test_cle_outil_acceptee_sur_une_page_outil(tmp_path):
    from generator import frontmatter

    texte = textwrap.dedent(GUIDE).replace("type: guide", "type: outil").replace("pdf: true", "pdf: false\noutil: delais")
    assert frontmatter.problems(frontmatter.parse(texte)) == []
