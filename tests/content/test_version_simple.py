"""Les pages en « version simple » tiennent les règles de « L'information pour tous » qui
se mesurent (tests/content/lisibilite.py dit lesquelles, et lesquelles ne se mesurent pas), renvoient
à la page complète qui renvoie à elles, sont dans la navigation et imprimées."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import lit_config_du_site
from generator.contenu import frontmatter

from . import lisibilite
from .lisibilite import CONTENT, ROOT, mesure, pages_simples

PAGES = pages_simples()
# Les trois parcours (ordonnance de protection, aide juridictionnelle, plainte), la navigation en
# sécurité, la carte d'interprète et leur sommaire.
ATTENDUES = {
    "simple/index.md",
    "simple/ordonnance-protection.md",
    "simple/aide-juridictionnelle.md",
    "simple/porter-plainte.md",
    "simple/securite.md",
    "simple/carte-interprete.md",
}


def _rel(page: Path) -> str:
    return page.relative_to(CONTENT).as_posix()


def _donnees(page: Path) -> dict:
    return frontmatter.lit_entete(page.read_text(encoding="utf-8")).data


def test_les_pages_attendues_existent():
    assert ATTENDUES <= {_rel(p) for p in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_les_regles_mesurables_sont_tenues(page):
    m = mesure(page)
    assert m.moyenne <= lisibilite.MOYENNE_MAX and m.plus_longue <= lisibilite.PHRASE_MAX
    assert m.problemes == [], "\n".join(m.problemes)


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_dans_la_navigation_et_imprimee(page):
    assert _rel(page) in lit_config_du_site(ROOT).nav_pages()
    assert _donnees(page).get("pdf") is True


@pytest.mark.parametrize("page", [p for p in PAGES if _donnees(p).get("traduction_de")], ids=_rel)
def test_la_version_simple_et_la_page_complete_se_citent(page):
    source = CONTENT / _donnees(page)["traduction_de"]
    vers_la_complete = Path("..") / _donnees(page)["traduction_de"]
    assert f"]({vers_la_complete.as_posix()})" in page.read_text(encoding="utf-8")
    retour = Path(*[".."] * (len(source.relative_to(CONTENT).parts) - 1), _rel(page)).as_posix()
    lignes = source.read_text(encoding="utf-8").split("\n")
    titre = next(i for i, ligne in enumerate(lignes) if ligne.startswith("# "))
    # « une ligne courte en haut » : dans les 3 lignes après le titre de la page.
    assert any(f"]({retour})" in ligne for ligne in lignes[titre : titre + 4]), f"{source}: pas de lien vers {retour}"


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_jamais_le_nom_du_label_officiel(page):
    """« Facile à lire et à comprendre » est un label donné après un test avec des lecteurs : nous disons
    « version simple »."""
    texte = page.read_text(encoding="utf-8")
    _, debut = frontmatter.split(texte)
    corps = "\n".join(texte.split("\n")[debut - 1 :]).lower()
    assert "facile à lire" not in corps and "falc" not in corps


# La mesure elle-même : chaque règle échoue sur une page qui l'enfreint.
@pytest.mark.parametrize(
    ("markdown", "attendu"),
    [
        ("Une phrase " + "très " * 24 + "longue.", "phrase de 27 mots"),
        ("Votre dossier va à la CAF.", "abréviation « CAF »"),
        ("Envoyez un SMS au 114.", "abréviation « SMS » sans « message écrit »"),
        ("Voir l'art. 12.", "abréviation ou symbole « art. »"),
        ("Vous payez 50 €.", "abréviation ou symbole « € »"),
        ("Vous avez quinze jours.", "nombre en lettres « quinze »"),
        ("On vous écrit.", "« on »"),
        ("Lisez *bien* la lettre.", "italique"),
        ("Vous venez ; vous signez.", "« ; » au milieu d'une phrase"),
        ("Allez au greffe du tribunal.", "« greffe » (lexique : Greffe)"),
        ("Le **greffe** reçoit les papiers.", "« greffe » (lexique : Greffe)"),
    ],
)
def test_la_mesure_voit_chaque_regle_enfreinte(tmp_path, markdown, attendu):
    page = tmp_path / "page.md"
    page.write_text("---\ntitre: x\n---\n\n# Titre\n\n" + markdown + "\n", encoding="utf-8")
    problemes = _mesure_hors_contenu(page)
    assert any(attendu in p for p in problemes), problemes


def test_la_mesure_accepte_une_page_conforme(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "---\ntitre: x\n---\n\n# Le greffe\n\n"
        "Le **greffe** : c'est le bureau du tribunal qui reçoit les papiers.\n"
        "Vous envoyez un message écrit (SMS) au {{ numero sms }}.\n"
        "Vous avez {{ duree op_delivrance }}.\n",
        encoding="utf-8",
    )
    assert _mesure_hors_contenu(page) == []


def test_moyenne_trop_haute(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("---\ntitre: x\n---\n\n" + ("Une phrase de seize mots " + "bien " * 11 + "écrite. ") * 3, "utf-8")
    assert any("en moyenne" in p for p in _mesure_hors_contenu(page))


def _mesure_hors_contenu(page: Path) -> list[str]:
    return mesure(page).problemes
