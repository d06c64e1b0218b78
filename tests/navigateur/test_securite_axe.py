"""axe-core sur chaque page construite, à 390 px et sur un écran de bureau : 0 violation WCAG 2.1 A/AA ;
dans le même passage, aucun bloc de texte plus étroit que 10 em (tests/fixtures/largeurs.py).

axe.min.js (dépendance npm de développement `axe-core`) et son lanceur sont servis par une route de
Playwright sur l'origine du site : un script ajouté depuis un chemin serait en ligne, ce que la CSP
bloque, et la CSP n'est jamais affaiblie pour un test. Les résultats sont lus dans le DOM (sans eval).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.fixtures import largeurs
from tests.fixtures.chemins import REPO

pytestmark = pytest.mark.navigateur

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
LANCEUR = REPO / "tests" / "navigateur" / "axe_lancer.js"


def violations(page, adresse: str, chemin: str | None = None) -> list[dict]:
    if chemin is not None:
        page.goto(f"{adresse}/{chemin}")
    page.add_script_tag(url=f"{adresse}/__tests__/axe.min.js")
    page.add_script_tag(url=f"{adresse}/__tests__/axe-lancer.js")
    resultat = page.locator("#axe-resultat")
    expect(resultat).to_be_attached(timeout=30_000)
    return json.loads(resultat.text_content())


def contexte(navigateur, adresse: str, largeur: int, python: bool = False):
    if not AXE.is_file():
        pytest.fail("axe-core manque : `make install` (npm ci) l'installe.")
    context = navigateur.new_context(viewport={"width": largeur, "height": 800})
    context.route(f"{adresse}/__tests__/axe.min.js", lambda r: r.fulfill(path=AXE, content_type="text/javascript"))
    context.route(
        f"{adresse}/__tests__/axe-lancer.js", lambda r: r.fulfill(path=LANCEUR, content_type="text/javascript")
    )
    largeurs.route(context, adresse)
    # Rien ne sort de cette machine ; les formulaires des outils sont vérifiés sans démarrer Python.
    context.route(lambda u: not u.startswith(adresse) or (not python and "/pyodide/" in u), lambda r: r.abort())
    return context


@pytest.mark.parametrize("largeur", [390, 1280])
def test_axe_sans_violation_ni_texte_etroit_sur_chaque_page(navigateur, adresse, pages_du_site, largeur):
    context = contexte(navigateur, adresse, largeur)
    page = context.new_page()
    erreurs = []
    page.on(
        "console",
        lambda m: erreurs.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None,
    )
    trouvees, etroits = {}, {}
    try:
        for chemin in pages_du_site:
            trouvees[chemin] = violations(page, adresse, chemin)
            etroits[chemin] = largeurs.blocs_etroits(page)
    finally:
        context.close()
    assert erreurs == []  # axe a tourné sous la CSP du site, intacte
    trouvees = {c: v for c, v in trouvees.items() if v}
    assert not trouvees, json.dumps(trouvees, ensure_ascii=False, indent=1)
    etroits = {c: v for c, v in etroits.items() if v}
    assert not etroits, json.dumps(etroits, ensure_ascii=False, indent=1)


def test_axe_avec_l_avertissement_et_une_definition_ouverts(navigateur, adresse):
    context = contexte(navigateur, adresse, 390)
    page = context.new_page()
    try:
        page.goto(adresse + "/modeles/certificat-medical.html")
        page.locator("main .terme[role=button]").first.click()
        page.get_by_role("link", name="Télécharger cette page en PDF pour l'imprimer").click()
        expect(page.get_by_role("dialog")).to_be_visible()
        trouvees = violations(page, adresse)
    finally:
        context.close()
    assert trouvees == []


def test_outil_avec_sa_reponse_a_320_px(navigateur, adresse):
    """La réponse du simulateur (tableaux de plafonds, raisons) à 320 px : rien de plus large que
    l'écran, la sortie entière à l'écran là où se lit la réponse, 0 violation axe."""
    context = contexte(navigateur, adresse, 320, python=True)
    page = context.new_page()
    try:
        page.goto(adresse + "/outils/simulateur-aide-juridictionnelle.html")
        page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("3")
        page.get_by_label("Revenu fiscal de référence").fill("21000")
        reponse = page.locator(".outil-resultat h2")
        expect(reponse).to_be_visible(timeout=90_000)
        largeur = context.new_cdp_session(page).send("Page.getLayoutMetrics")["cssContentSize"]["width"]
        page.locator(".outil-resultat table").first.scroll_into_view_if_needed()
        sortie = page.locator("#sortie-rapide").bounding_box()
        trouvees = violations(page, adresse)
    finally:
        context.close()
    assert largeur <= 320
    assert sortie["x"] >= 0 and sortie["x"] + sortie["width"] <= 320 and sortie["y"] >= 0
    assert trouvees == []
