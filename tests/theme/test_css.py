"""Les feuilles de style du thème, lues comme du texte : une page en arabe se lit de droite à gauche, avec
les mêmes feuilles. Un côté se dit donc par sa place dans le sens de lecture (`margin-inline-start`,
`border-inline-start`, `text-align: start`), jamais par « gauche » ou « droite » — sauf quand les deux
côtés reçoivent la même valeur (centrer, une marge égale) ou pour les classes d'alignement des tableaux,
qui suivent ce que la source Markdown demande. La reproduction des formulaires, toujours en français, est
à part."""

from __future__ import annotations

import re

import pytest

from tests.fixtures.chemins import REPO

# La reproduction d'un formulaire reste en français, de gauche à droite, à l'écran comme dans le PDF vierge
# que WeasyPrint en tire (formulaire.css, et pdf.css pour le PDF ; sa mise en page y est mesurée au
# millimètre) : elle garde ses côtés physiques.
REPRODUCTION = {REPO / "theme" / "formulaires" / nom for nom in ("formulaire.css", "pdf.css")}
FEUILLES = sorted(p for p in (REPO / "theme").rglob("*.css") if p not in REPRODUCTION)
REGLE = re.compile(r"([^{}]+)\{([^{}]*)\}")
DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;]+)")
COTE = re.compile(r"^(?:(margin|padding|border)-)?(left|right)$")
QUATRE_VALEURS = re.compile(r"^(margin|padding)$")
SELECTEURS_PERMIS = re.compile(r"\.aligne-(left|right)\b")


def _sans_commentaires(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def _cotes_physiques(declarations: dict[str, str]) -> list[str]:
    """Les déclarations qui ne valent que d'un côté physique."""
    fautes = []
    for nom, valeur in declarations.items():
        if m := COTE.match(nom):
            oppose = nom.replace(m.group(2), "right" if m.group(2) == "left" else "left")
            centre = nom == "left" and valeur == "50%" and "translate" in declarations.get("transform", "")
            if declarations.get(oppose) != valeur and not centre:
                fautes.append(f"{nom}: {valeur}")
        elif nom == "text-align" and valeur in ("left", "right"):
            fautes.append(f"{nom}: {valeur}")
        elif QUATRE_VALEURS.match(nom) and len(parties := valeur.split()) == 4 and parties[1] != parties[3]:
            fautes.append(f"{nom}: {valeur}")  # haut droite bas gauche, différents à gauche et à droite
    return fautes


def _fautes(css: str) -> list[str]:
    fautes = []
    for selecteur, corps in REGLE.findall(_sans_commentaires(css)):
        if SELECTEURS_PERMIS.search(selecteur):
            continue
        declarations = {nom.strip(): valeur.strip() for nom, valeur in DECLARATION.findall(corps)}
        fautes += [f"{selecteur.strip()} {{ {faute} }}" for faute in _cotes_physiques(declarations)]
    return fautes


def test_les_feuilles_sont_lues():
    assert {p.name for p in FEUILLES} >= {"site.css", "outils.css", "outil-op.css"}


@pytest.mark.parametrize("feuille", FEUILLES, ids=lambda p: p.name)
def test_aucun_cote_gauche_ou_droit_seul(feuille):
    assert _fautes(feuille.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "css",
    [
        ".a { border-left: 5px solid red; }",
        ".a { margin-right: .3em; }",
        ".a { position: absolute; left: -.5rem; }",
        ".a { text-align: right; }",
        ".a { margin: 0 .5rem .5rem 0; }",
    ],
)
def test_un_cote_physique_est_releve(css):
    assert _fautes(css)


@pytest.mark.parametrize(
    "css",
    [
        ".a { margin-left: auto; margin-right: auto; }",
        ".a { position: absolute; left: 50%; transform: translateX(-50%); }",
        ".aligne-right { text-align: right; }",
        ".a { padding: .5rem 1rem .5rem 1rem; }",
    ],
)
def test_ce_qui_vaut_des_deux_cotes_passe(css):
    assert _fautes(css) == []
