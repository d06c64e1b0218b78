"""Chaque sorte d'erreur de contenu est dite en content/chemin.md:LIGNE: message, toutes d'un coup."""

from __future__ import annotations

import textwrap

import pytest

from generator.config import lit_config_du_site
from generator.contenu.validation import verifie_le_contenu
from generator.erreurs import ErreursDeContenu
from tests.fixtures.chemins import REPO
from tests.fixtures.projet import PAGES, write_project

GUIDE = PAGES["guides/guide.md"]


def errors_for(tmp_path, guide_text=None, lexique=None, config_edit=None) -> list[str]:
    pages = dict(PAGES)
    if guide_text is not None:
        pages["guides/guide.md"] = guide_text
    root = write_project(tmp_path / "p", pages, **({"lexique": lexique} if lexique is not None else {}))
    if config_edit:
        path = root / "site_config.yml"
        path.write_text(config_edit(path.read_text()), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    return [str(e) for e in info.value.errors]


def test_un_projet_correct_est_valide(project):
    contenu = verifie_le_contenu(lit_config_du_site(project))
    assert set(contenu.donnees) == {p.stem for p in (project / "content" / "data").glob("*.yml")}
    assert {t.slug for t in contenu.termes} == {"ordonnance-de-protection", "juge-aux-affaires-familiales"}


@pytest.mark.parametrize(
    "modification, attendu",
    [
        pytest.param(
            lambda t: t.replace("titre: Le guide de l'ordonnance\n", ""),
            "content/guides/guide.md:1: champ obligatoire manquant : « titre »",
            id="champ obligatoire manquant",
        ),
        pytest.param(
            lambda t: t.replace("pdf: true", "pdf: true\ncouleur: bleu"),
            "content/guides/guide.md:10: champ inconnu : « couleur »",
            id="champ inconnu avec sa ligne",
        ),
        pytest.param(
            lambda t: t.replace("type: guide", "type: roman"),
            "content/guides/guide.md:4: type inconnu « roman »",
            id="type inconnu",
        ),
        pytest.param(
            lambda t: t.replace("verifie_le: 2026-01-15", "verifie_le: bientôt"),
            "content/guides/guide.md:5: « verifie_le » doit être une date",
            id="date de vérification invalide",
        ),
        pytest.param(
            lambda t: t.replace("    url: https://www.legifrance.gouv.fr/", "    url: http://www.legifrance.gouv.fr/"),
            "content/guides/guide.md:6: source n° 1 : l'adresse doit commencer par https://",
            id="source non https",
        ),
        pytest.param(
            lambda t: t.replace("[le JAF](../index.md)", "[le JAF](../absente.md)"),
            "content/guides/guide.md:18: lien cassé : « ../absente.md »",
            id="lien interne cassé",
        ),
        pytest.param(
            lambda t: t.replace("lexique:juge-aux-affaires-familiales", "lexique:notaire"),
            "content/guides/guide.md:18: terme du lexique inconnu : « notaire »",
            id="terme du lexique inconnu",
        ),
        pytest.param(
            lambda t: t + "\n{{ meteo }}\n",
            "content/guides/guide.md:24: bloc inconnu « {{ meteo }} »",
            id="bloc de données inconnu",
        ),
        pytest.param(
            lambda t: t.replace("titre: Le guide", "titre: [Le guide"),
            "content/guides/guide.md:2: en-tête YAML invalide",
            id="YAML illisible",
        ),
        pytest.param(
            lambda t: t.split("---", 2)[2], "content/guides/guide.md:1: en-tête YAML manquant", id="en-tête absent"
        ),
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
    assert "content/lexique.yml:1: « Greffe » : la page liée « absente.md » n'existe pas" in errors_for(
        tmp_path, lexique=lexique
    )


def test_renvoi_du_lexique_vers_un_terme_inconnu(tmp_path):
    lexique = "- terme: Huissier\n  definition: Ancien nom.\n  renvoi: Commissaire de justice\n"
    assert (
        "content/lexique.yml:1: « Huissier » : renvoi à « Commissaire de justice », qui n'est pas un terme du lexique"
        in errors_for(tmp_path, lexique=lexique)
    )


def test_navigation_vers_une_page_absente(tmp_path):
    found = errors_for(tmp_path, config_edit=lambda t: t.replace("guides/guide.md", "guides/autre.md"))
    assert "site_config.yml:10: la navigation cite « guides/autre.md », qui n'existe pas dans content/" in found
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


@pytest.mark.parametrize(
    "ajout, attendu",
    [
        ("outil: calculette", "content/guides/guide.md:10: outil inconnu « calculette » (autorisés : aj, delais, op)"),
        ("outil: aj", "content/guides/guide.md:10: « outil » ne va qu'avec « type: outil »"),
        (
            "pyodide_paquets: pypdf",
            "content/guides/guide.md:10: « pyodide_paquets » doit être une liste de noms de paquets, par ex. [pypdf]",
        ),
    ],
)
def test_cle_outil_verifiee(tmp_path, ajout, attendu):
    found = errors_for(tmp_path, textwrap.dedent(GUIDE).replace("pdf: true", f"pdf: true\n{ajout}"))
    assert attendu in found, found


def test_cle_outil_acceptee_sur_une_page_outil(tmp_path):
    from generator.contenu import frontmatter

    texte = (
        textwrap.dedent(GUIDE).replace("type: guide", "type: outil").replace("pdf: true", "pdf: false\noutil: delais")
    )
    assert frontmatter.problems(frontmatter.lit_entete(texte)) == []


# --- du contenu qui se construisait cassé sans un mot, ou avec une trace -----------------


@pytest.mark.parametrize(
    "ligne, attendu",
    [
        pytest.param(
            "{{ bareme_ajj }}", "content/guides/guide.md:24: bloc inconnu « {{ bareme_ajj }} »", id="macro inconnue"
        ),
        pytest.param(
            "{{urgences}}x", "content/guides/guide.md:24: bloc mal écrit « {{urgences}}x »", id="macro suivie de texte"
        ),
        pytest.param(
            "{{ Urgences }}", "content/guides/guide.md:24: bloc mal écrit « {{ Urgences }} »", id="macro en capitales"
        ),
        pytest.param(
            "Voir {{ urgences }} plus bas.", "content/guides/guide.md:24: bloc mal écrit", id="macro dans une phrase"
        ),
        pytest.param(
            '!!! avertissement "Attention"',
            "content/guides/guide.md:24: type d'encadré « avertissement »",
            id="encadré de type inconnu",
        ),
        pytest.param('!!! "Sans type"', "content/guides/guide.md:24: type d'encadré absent", id="encadré sans type"),
        pytest.param(
            "[voir](file:///etc/hostname)",
            "content/guides/guide.md:24: lien « file:///etc/hostname » : seuls https:",
            id="lien file:",
        ),
        pytest.param(
            "[x](javascript:alert(1))",
            "content/guides/guide.md:24: lien « javascript:alert(1 » : seuls https:",
            id="lien javascript:",
        ),
    ],
)
def test_ligne_fautive_signalee(tmp_path, ligne, attendu):
    found = errors_for(tmp_path, textwrap.dedent(GUIDE) + f"\n{ligne}\n")
    assert any(e.startswith(attendu) for e in found), found


@pytest.mark.parametrize(
    "ligne",
    [
        "{{ urgences }}",
        "`{{ urgences }}x` dans du code",
        '!!! conseil "Un conseil"',
        "!!! exemple",
        '!!! danger "Danger"',
        "!!! note",
    ],
)
def test_lignes_correctes_acceptees(tmp_path, ligne):
    root = write_project(tmp_path / "p", {**PAGES, "guides/guide.md": GUIDE + f"\n{ligne}\n"})
    verifie_le_contenu(lit_config_du_site(root))


def test_les_encadres_du_contenu_reel_sont_tous_permis():
    from generator.contenu.validation import ADMONITION, ADMONITION_OK, ADMONITIONS, pages

    types = {
        ADMONITION_OK.match(m.group(1)).group(1).split()[0]
        for p in pages(REPO / "content")
        for line in p.read_text(encoding="utf-8").split("\n")
        if (m := ADMONITION.match(line))
    }
    assert types == set(ADMONITIONS)


def test_page_pas_en_utf8(tmp_path):
    root = write_project(tmp_path / "p")
    guide = root / "content" / "guides" / "guide.md"
    guide.write_bytes(guide.read_bytes().replace("délivrer".encode(), "délivrer".encode("latin-1")))
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    assert [str(e) for e in info.value.errors] == [
        "content/guides/guide.md:16: le fichier n'est pas en UTF-8 (octet 0xe9) : enregistrez-le en UTF-8 dans votre éditeur"
    ]


def test_page_avec_bom_acceptee(tmp_path):
    """Les éditeurs sous Windows peuvent commencer un fichier UTF-8 par un BOM : MkDocs l'accepte, les contrôles
    aussi."""
    root = write_project(tmp_path / "p")
    guide = root / "content" / "guides" / "guide.md"
    guide.write_bytes(b"\xef\xbb\xbf" + guide.read_bytes())
    verifie_le_contenu(lit_config_du_site(root))


def test_lexique_pas_en_utf8(tmp_path):
    root = write_project(tmp_path / "p", lexique=LEXIQUE_TEXT)
    (root / "content" / "lexique.yml").write_bytes(LEXIQUE_TEXT.encode("latin-1"))
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    assert any(str(e).startswith("content/lexique.yml:2: le fichier n'est pas en UTF-8") for e in info.value.errors)


LEXIQUE_TEXT = "- terme: Greffe\n  definition: Le secrétariat.\n"


def test_deux_termes_du_lexique_avec_la_meme_ancre(tmp_path):
    lexique = "- terme: Délai\n  definition: Un temps.\n- terme: Delai\n  definition: Le même, sans accent.\n"
    found = errors_for(tmp_path, lexique=lexique)
    assert any(
        e.startswith("content/lexique.yml:3: « Delai » aurait la même ancre « #delai » que « Délai » (ligne 1)")
        for e in found
    ), found


def test_terme_qui_prendrait_une_ancre_de_l_index(tmp_path):
    found = errors_for(tmp_path, lexique="- terme: Lettre A\n  definition: Une lettre.\n")
    assert any(e.startswith("content/lexique.yml:1: « Lettre A » aurait l'ancre « #lettre-a »") for e in found), found


def test_deux_pages_qui_donneraient_le_meme_pdf(tmp_path):
    pages = {**PAGES, "guides-guide.md": GUIDE.replace("../index.md", "index.md")}
    root = write_project(tmp_path / "p", pages)
    config = root / "site_config.yml"
    config.write_text(
        config.read_text().replace("  - Lexique: lexique.md", "  - Autre: guides-guide.md\n  - Lexique: lexique.md")
    )
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    found = [str(e) for e in info.value.errors]
    assert found == [
        "content/guides-guide.md:9: le PDF de cette page serait pdf/guides-guide.pdf, "
        "comme celui de content/guides/guide.md (ligne 9) : renommez l'une des deux pages"
    ]


def test_annee_du_bareme_inconnue(tmp_path):
    found = errors_for(tmp_path, config_edit=lambda t: t.replace("bareme_aj: 2025", "bareme_aj: 2031"))
    assert any(
        e.startswith(
            "site_config.yml:5: bareme_aj : aucun barème 2031 dans content/data/aide_juridictionnelle.yml "
            "(années disponibles : 2021, 2022, 2023, 2024, 2025, 2026)"
        )
        for e in found
    ), found


@pytest.mark.parametrize(
    "edit, attendu",
    [
        pytest.param(
            lambda t: t.replace("nom: Site d'essai\n", ""),
            "site_config.yml:1: le fichier : il manque « nom »",
            id="clé manquante",
        ),
        pytest.param(
            lambda t: t + "couleur: bleu\n",
            "site_config.yml:13: le fichier : clé inconnue « couleur »",
            id="clé inconnue",
        ),
        pytest.param(
            lambda t: t.replace("bareme_aj: 2025", "bareme_aj: deux mille"),
            "site_config.yml:5: bareme_aj : une année",
            id="année en lettres",
        ),
        pytest.param(
            lambda t: t.replace("url: https://essai.example.fr", "url: http://essai.example.fr/"),
            "site_config.yml:4: url : adresse publique en https://",
            id="url en http",
        ),
        pytest.param(
            lambda t: t.replace("  - Accueil: index.md", "  - index.md"),
            "site_config.yml:8: navigation[n° 1] : une entrée de navigation s'écrit",
            id="entrée sans titre",
        ),
        pytest.param(
            lambda t: t.replace("nom: Site d'essai", "nom: [Site d'essai"),
            "site_config.yml:1: YAML invalide",
            id="YAML illisible",
        ),
    ],
)
def test_site_config_verifie_par_son_schema(tmp_path, edit, attendu):
    root = write_project(tmp_path / "p")
    path = root / "site_config.yml"
    path.write_text(edit(path.read_text()), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        lit_config_du_site(root)
    found = [str(e) for e in info.value.errors]
    assert any(e.startswith(attendu) for e in found), found
