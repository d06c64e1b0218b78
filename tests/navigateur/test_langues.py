"""Les pages en anglais et en arabe dans Chromium, sous la vraie CSP : l'arabe de droite à gauche, mise en
page en miroir, à 320, 390 et 1280 px, la sortie rapide entière à l'écran et rien qui déborde ; la police
de l'arabe servie par le site (et jamais chargée par une page française) ; la sortie rapide, son compte à
rebours et l'avertissement avant un téléchargement dans la langue de la page ; les liens entre langues ne
gardent rien ; la recherche en arabe trouve les pages en arabe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.fixtures.navigateur import entiere_a_l_ecran, nouvelle_page, stockage_vide

pytestmark = pytest.mark.navigateur

HAUTEUR = 700
PAGES_AR = ["ar/index.html", "ar/securite.html", "ar/carte-interprete.html", "ar/formulaire-16146.html"]
POLICE_AR = "/assets/polices/vazirmatn-arabic-400-normal.woff2"


def largeur_du_contenu(page) -> float:
    cdp = page.context.new_cdp_session(page)
    return cdp.send("Page.getLayoutMetrics")["cssContentSize"]["width"]


@pytest.mark.parametrize("largeur", [320, 390, 1280])
def test_l_arabe_de_droite_a_gauche_sans_debordement_sortie_a_l_ecran(navigateur, adresse, largeur):
    page = nouvelle_page(navigateur, adresse)
    page.set_viewport_size({"width": largeur, "height": HAUTEUR})
    problemes = []
    try:
        for chemin in PAGES_AR:
            page.goto(f"{adresse}/{chemin}")
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            expect(page.locator("html")).to_have_attribute("lang", "ar")
            if (contenu := largeur_du_contenu(page)) > largeur:
                problemes.append(f"{chemin} : {contenu:.0f} px de large pour {largeur}")
            # En miroir : le titre commence à droite, le bouton de sortie est à gauche de la barre.
            titre, main = page.locator("main h1").bounding_box(), page.locator("main").bounding_box()
            if abs((titre["x"] + titre["width"]) - (main["x"] + main["width"])) > 20:
                problemes.append(f"{chemin} : le titre ne commence pas à droite ({titre}, {main})")
            sortie = page.locator("#sortie-rapide")
            expect(sortie).to_have_text("الخروج بسرعة")
            if sortie.bounding_box()["x"] > largeur / 2:
                problemes.append(f"{chemin} : la sortie rapide n'est pas du côté gauche (miroir)")
            for cible in (None, page.locator("main li").last, page.locator(".pied-avertissement")):
                if cible is not None:
                    cible.scroll_into_view_if_needed()
                if not entiere_a_l_ecran(sortie.bounding_box(), largeur, HAUTEUR):
                    problemes.append(f"{chemin} : sortie rapide pas entière à l'écran ({sortie.bounding_box()})")
        page.wait_for_load_state("networkidle")
        assert page.journal.externes() == [] and page.journal.erreurs == []
        assert any(u.endswith(POLICE_AR) for u in page.journal.requetes)  # Vazirmatn, servie par le site lui-même
    finally:
        page.context.close()
    assert not problemes, "\n".join(problemes)


def test_une_page_francaise_ne_charge_pas_la_police_de_l_arabe(page_, adresse):
    page_.goto(adresse + "/index.html")
    expect(page_.get_by_role("link", name="العربية")).to_be_visible()
    page_.wait_for_load_state("networkidle")
    assert not any("/assets/polices/" in u for u in page_.journal.requetes)


def test_sortie_rapide_et_avertissement_en_arabe(page_, adresse):
    page_.goto(adresse + "/ar/index.html")
    statut = page_.locator("#sortie-rapide-statut")
    page_.keyboard.press("Shift")
    expect(statut).to_have_text("اضغطوا على Shift مرة أخرى للخروج من الموقع (المتبقي: 2).")
    page_.keyboard.press("KeyA")
    page_.get_by_role("link", name="تنزيل هذه الصفحة بصيغة PDF لطباعتها").click()
    boite = page_.get_by_role("dialog", name="قبل تنزيل هذه الوثيقة")
    expect(boite).to_be_visible()
    boite.get_by_role("button", name="إلغاء").click()
    expect(boite).to_have_count(0)
    assert page_.journal.erreurs == []


def test_sortie_rapide_en_anglais(page_, adresse):
    page_.goto(adresse + "/en/securite.html")
    page_.keyboard.press("Shift")
    expect(page_.locator("#sortie-rapide-statut")).to_have_text("Press Shift again to leave this site (2 more).")
    expect(page_.get_by_role("link", name="Leave quickly")).to_be_visible()


def test_les_liens_entre_langues_ne_gardent_rien(page_, adresse):
    page_.goto(adresse + "/ordonnance-protection/index.html")
    langues = page_.get_by_role("navigation", name="Cette page dans d'autres langues")
    langues.get_by_role("link", name="العربية").click()
    expect(page_).to_have_url(adresse + "/ar/ordonnance-protection.html")
    page_.get_by_role("navigation", name="هذه الصفحة بلغات أخرى").get_by_role("link", name="Français").click()
    expect(page_).to_have_url(adresse + "/simple/ordonnance-protection.html")  # la page française qu'elle traduit
    stockage_vide(page_)
    assert page_.journal.externes() == []


def test_le_menu_d_une_page_en_arabe_est_celui_de_l_arabe(page_, adresse):
    page_.goto(adresse + "/ar/securite.html")
    menu = page_.get_by_role("navigation", name="القائمة الرئيسية")
    expect(menu.get_by_role("link")).to_have_count(9)  # ses 8 pages et « البحث »
    expect(menu).not_to_contain_text("Violences conjugales")


def test_la_recherche_en_arabe_trouve_les_pages_en_arabe(page_, adresse):
    page_.goto(adresse + "/ar/recherche.html")
    champ = page_.get_by_role("searchbox", name="ما تبحثون عنه (حرفان على الأقل)")
    expect(champ).to_be_focused()
    champ.fill("محامي")
    statut = page_.locator("#recherche-statut")
    expect(statut).to_have_text(re.compile(r"^(نتيجة واحدة|عدد النتائج: \d+)\.$"), timeout=15000)
    liens = page_.locator("#mkdocs-search-results a")
    for i in range(liens.count()):
        assert "/ar/" in liens.nth(i).get_attribute("href"), liens.nth(i).get_attribute("href")
    champ.fill("Cerfa")  # un nom français cité dans les pages arabes
    expect(statut).to_have_text(re.compile(r"^(نتيجة واحدة|عدد النتائج: \d+)\.$"), timeout=15000)
    champ.press("Enter")
    assert page_.url == adresse + "/ar/recherche.html"
    assert page_.journal.erreurs == []
