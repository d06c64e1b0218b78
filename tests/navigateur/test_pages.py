"""Ce qu'un lecteur voit sur les pages ordinaires, dans un vrai navigateur sous la vraie CSP."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator import csp
from tests.fixtures.chemins import REPO
from tests.fixtures.navigateur import stockage_vide

pytestmark = pytest.mark.navigateur


def test_accueil_sans_requete_externe_ni_erreur(page_, adresse):
    page_.goto(adresse + "/index.html")
    expect(page_.get_by_role("heading", level=1)).to_contain_text("Vos démarches de justice")
    expect(page_.get_by_role("link", name="Quitter rapidement")).to_be_visible()
    page_.wait_for_load_state("networkidle")
    assert page_.journal.externes() == []
    assert page_.journal.erreurs == []
    assert page_.journal.reponses[adresse + "/index.html"]["content-security-policy"] == csp.header()
    assert not any("pyodide" in u for u in page_.journal.requetes)  # Python ne se charge que sur les outils
    stockage_vide(page_)


# ── Recherche : rien dans l'adresse, jamais d'erreur ni de page blanche ──────
# (Quitter rapidement, lexique sur place, débordements : test_securite.py.)

RECHERCHE = "/recherche.html"
REPONSE = re.compile(r"^(\d+ résultats?\.|Aucun résultat\..*|Tapez au moins 2 lettres\.)$")


def cherche(page, texte):
    page.get_by_role("searchbox", name="Votre recherche").fill(texte)
    return page.get_by_role("status").and_(page.locator("#recherche-statut"))


@pytest.mark.parametrize(
    "requete, attendu",
    [
        ("AJ", "aide juridictionnelle"),
        # Sans accent, trouve « éligibilité ». (« delai » ne prouverait rien : la racinisation
        # française réduit déjà « délai » et « delai » à la même racine.)
        ("eligibilite", "éligibilité"),
        ("procur", "procureur"),  # mot en cours de frappe
    ],
)
def test_recherche_en_francais(page_, adresse, requete, attendu):
    page_.goto(adresse + RECHERCHE)
    expect(page_.get_by_role("searchbox", name="Votre recherche")).to_be_focused()
    statut = cherche(page_, requete)
    expect(statut).to_have_text(re.compile(r"^\d+ résultats?\.$"), timeout=15000)
    expect(page_.locator("#mkdocs-search-results")).to_contain_text(attendu, ignore_case=True)
    page_.get_by_role("searchbox").press("Enter")
    assert page_.url == adresse + RECHERCHE  # ni « ?q= », ni nouvelle entrée d'historique
    assert page_.journal.erreurs == []


def test_recherche_annonce_le_chargement_puis_repond(page_, adresse):
    """Tapé avant que l'index soit prêt : « Chargement… », puis la réponse à ce qui a été tapé."""
    retenues = []
    page_.route(re.compile(r"/search/search_index\.json$"), lambda route: retenues.append(route))
    page_.goto(adresse + RECHERCHE)
    statut = cherche(page_, "aide")
    expect(statut).to_have_text("Chargement de la recherche…")
    for _ in range(100):
        if retenues:
            break
        page_.wait_for_timeout(50)
    retenues[0].continue_()
    expect(statut).to_have_text(re.compile(r"^\d+ résultats\.$"), timeout=15000)
    expect(page_.locator("#mkdocs-search-results li").first).to_be_visible()


@pytest.mark.parametrize(
    "requete",
    [
        "*",
        "aide*",
        "juge:aide",
        "délai~2",
        "^protection",
        "+plainte -juge",
        "a:b:c",
        "~",
        "- -",
        '"aide',
        "[(",
        "\u202e\u0301",
        "x" * 3000,
    ],
)
def test_recherche_sans_erreur_avec_la_syntaxe_de_lunr(page_, adresse, requete):
    page_.goto(adresse + RECHERCHE)
    statut = cherche(page_, requete)
    # Toujours une réponse : des résultats comptés, ou « Aucun résultat » (jamais une page vide).
    expect(statut).to_have_text(REPONSE, timeout=15000)
    assert page_.journal.erreurs == []


def test_ancienne_adresse_avec_q_lue_puis_effacee(page_, adresse):
    """Un ancien lien « recherche.html?q=… » (même mal formé) est cherché une fois, puis effacé
    de la barre d'adresse et de l'historique."""
    page_.goto(adresse + "/index.html")
    page_.goto(adresse + RECHERCHE + "?q=%E0aide&x=1")
    expect(page_.locator("#recherche-statut")).to_have_text(REPONSE, timeout=15000)
    assert page_.url == adresse + RECHERCHE
    page_.go_back()
    page_.go_forward()
    assert page_.url == adresse + RECHERCHE
    assert page_.journal.erreurs == []


def test_l_index_de_recherche_ne_contient_pas_les_definitions(site_construit):
    """Les définitions ouvertes sur place ne sont pas le texte de la page : un mot d'une définition ne
    doit pas trouver chaque page où le terme apparaît (325 entrées sur 413 le faisaient). Une page qui
    imprime une définition comme son propre texte (le glossaire de la notice officielle) est indexée avec."""
    import json

    import yaml

    index = json.loads((site_construit / "search" / "search_index.json").read_text(encoding="utf-8"))
    lexique = yaml.safe_load((REPO / "content" / "lexique.yml").read_text(encoding="utf-8"))
    definitions = [" ".join(t["definition"].split())[:60] for t in lexique]

    def source(location):  # le Markdown de la page, d'où vient son propre texte
        md = REPO / "content" / location.split("#")[0].removesuffix(".html")
        return " ".join(md.with_suffix(".md").read_text(encoding="utf-8").split())

    bruit = [
        (e["location"], d)
        for e in index["docs"]
        if not e["location"].startswith("lexique.html")
        for d in definitions
        if d in e["text"] and d not in source(e["location"])
    ]
    assert len(index["docs"]) > 100 and bruit == []


@pytest.mark.parametrize(
    "chemin",
    [
        "aide-juridictionnelle/ressources.html",
        "aide-juridictionnelle/pieces-justificatives.html",
        "ordonnance-protection/calendrier.html",
        "lexique.html",
        "modeles/certificat-medical.html",
    ],
)
def test_pages_sans_erreur_de_console(page_, adresse, chemin):
    """Une violation de la CSP (style en ligne, script) apparaît comme une erreur de console."""
    page_.goto(f"{adresse}/{chemin}")
    page_.wait_for_load_state("networkidle")
    assert page_.journal.erreurs == []
    assert page_.journal.externes() == []
