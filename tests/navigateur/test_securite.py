"""La sécurité de la personne qui lit, sur chaque page construite.

- La sortie rapide est à l'écran, entière, à toute largeur et toute position de défilement, et ne
  recouvre jamais le texte ; aucune page n'est plus large que l'écran.
- Elle part par le bouton ou par Maj pressée trois fois (annonces en français dans un
  role="status"), cache aussitôt la page, REMPLACE la page dans l'historique, et une page
  ramenée du cache du navigateur s'affiche de nouveau normalement. Échap ne fait rien.
- Les exports (PDF, .ics, impression) sont précédés d'un avertissement ; les définitions du
  lexique s'ouvrent sur place ; rien n'ouvre de nouvel onglet ; les titres des pages d'outils ne
  nomment aucune procédure.

La mise en page se lit avec les boîtes englobantes et le protocole DevTools (Page.getLayoutMetrics,
la vraie largeur du contenu du document) : la CSP interdit eval, donc pas de page.evaluate.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from playwright.sync_api import expect

from generator.config import lit_config_du_site
from tests.fixtures.chemins import REPO
from tests.fixtures.navigateur import ARGS, CHROMIUM, entiere_a_l_ecran

pytestmark = pytest.mark.navigateur

SORTIE = lit_config_du_site(REPO).sortie_rapide
LARGEURS = [320, 390, 768, 1280]
HAUTEUR = 700
TELEPHONES = [320, 390]
PAGE_OP = "/ordonnance-protection/mesures.html"
AVEC_PDF = "/modeles/certificat-medical.html"  # en-tête `pdf: true`


def est_sortie(url: str) -> bool:
    return url == SORTIE


@pytest.fixture(scope="module")
def onglets(navigateur, adresse):
    """Un contexte de navigateur par largeur, partagé par les tests de ce module (rapide sur 2 cœurs).
    Les autres origines sont interrompues, Pyodide aussi : la mise en page n'a pas besoin de Python."""
    ouverts = {}

    def ouvre(largeur: int):
        if largeur not in ouverts:
            context = navigateur.new_context(viewport={"width": largeur, "height": HAUTEUR})
            context.route(lambda u: not u.startswith(adresse) or "/pyodide/" in u, lambda route: route.abort())
            page = context.new_page()
            page.cdp = context.new_cdp_session(page)
            ouverts[largeur] = page
        return ouverts[largeur]

    yield ouvre
    for page in ouverts.values():
        page.context.close()


def largeur_du_contenu(page) -> float:
    """La largeur de défilement du document, telle que le navigateur la met en page (protocole DevTools, pas eval)."""
    return page.cdp.send("Page.getLayoutMetrics")["cssContentSize"]["width"]


# ── Sortie rapide à l'écran, aucun débordement, sur chaque page ──────────────


@pytest.mark.parametrize("largeur", LARGEURS)
def test_aucune_page_ne_deborde_et_la_sortie_reste_a_l_ecran(onglets, adresse, pages_du_site, largeur):
    page = onglets(largeur)
    sortie = page.locator("#sortie-rapide")
    problemes = []
    for chemin in pages_du_site:
        page.goto(f"{adresse}/{chemin}")
        if (contenu := largeur_du_contenu(page)) > largeur:
            problemes.append(f"{chemin} : la page fait {contenu:.0f} px de large pour un écran de {largeur} px")
        # Au repos, la barre de sécurité est au-dessus du contenu, pas par-dessus.
        barre = page.locator(".barre-securite").bounding_box()
        debut = page.locator("main").bounding_box()
        if barre["y"] + barre["height"] > debut["y"] + 0.5:
            problemes.append(f"{chemin} : la barre de sécurité recouvre le début de la page")
        if largeur in TELEPHONES and debut["y"] > 0.3 * HAUTEUR:
            problemes.append(f"{chemin} : l'en-tête occupe {debut['y']:.0f} px sur {HAUTEUR} (téléphone)")
        blocs = page.locator("main :is(h2, h3, p, li, table):visible")
        milieu = blocs.nth(blocs.count() // 2) if blocs.count() else page.locator("main")
        for position, cible in (
            ("en haut", None),
            ("au milieu", milieu),
            ("en bas", page.locator(".pied-avertissement")),
        ):
            if cible is not None:
                cible.scroll_into_view_if_needed(timeout=5000)
            if not entiere_a_l_ecran(sortie.bounding_box(), largeur, HAUTEUR):
                problemes.append(
                    f"{chemin} : « Quitter rapidement » n'est pas entier à l'écran {position} ({sortie.bounding_box()})"
                )
    assert not problemes, "\n".join(problemes)


@pytest.mark.parametrize(
    "largeur, chemin",
    [
        (320, "/outils/simulateur-aide-juridictionnelle.html"),
        (320, "/aide-juridictionnelle/ressources.html"),
        (1280, "/outils/calculateur-delais.html"),
    ],
)
def test_le_focus_ne_passe_jamais_sous_la_barre(onglets, adresse, largeur, chemin):
    """En remontant avec Maj+Tab, chaque lien ou champ qui reçoit le focus s'arrête sous la barre collée
    (scroll-padding) : la barre ne cache jamais ce sur quoi se trouve la personne."""
    page = onglets(largeur)
    page.goto(adresse + chemin)
    page.locator(".pied a").first.focus()
    barre = page.locator(".barre-securite")
    vus = 0
    for _ in range(400):
        page.keyboard.press("Shift+Tab")
        focus = page.locator("main :focus")
        if focus.count() == 0:
            if page.locator("header :focus, .barre-securite :focus").count():
                break
            continue
        vus += 1
        boite, haut = focus.bounding_box(), barre.bounding_box()
        sous_la_barre = haut["y"] + haut["height"]
        if boite["height"] <= HAUTEUR - sous_la_barre:  # une boîte plus haute que l'écran ne peut pas tenir
            assert boite["y"] >= sous_la_barre - 0.5, (chemin, focus.text_content()[:60], boite)
    assert vus > 10, chemin


# ── Partir : bouton, Maj ×3, aucune trace dans l'historique ──────────────────


def _quitte(page, adresse, declenche):
    page.goto(adresse + "/index.html")
    page.goto(adresse + PAGE_OP)
    # La requête vers le site neutre est enregistrée puis interrompue (tests/fixtures/navigateur.py) : rien ne sort.
    with page.expect_event("requestfailed", lambda r: est_sortie(r.url) and r.is_navigation_request()):
        declenche(page)
    a_quitte(page, adresse)
    # « Précédent » ne ramène pas à la page quittée : elle a été remplacée.
    page.go_back()
    assert page.url == adresse + "/index.html"
    assert page.journal.externes() == [SORTIE]


def a_quitte(page, adresse) -> None:
    """L'onglet a quitté le site (pour la page neutre interrompue, la page d'erreur de Chromium)."""
    for _ in range(100):
        if not page.url.startswith(adresse):
            page.wait_for_load_state()  # la page d'erreur stabilisée, avant d'en revenir en arrière
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"toujours sur {page.url}")


def test_quitter_par_le_bouton(page_, adresse):
    _quitte(page_, adresse, lambda p: p.get_by_role("link", name="Quitter rapidement").click())


def test_quitter_par_maj_trois_fois_avec_annonces(page_, adresse):
    statut = page_.get_by_role("status").and_(page_.locator("#sortie-rapide-statut"))

    def trois_fois_maj(page):
        page.keyboard.press("Shift")
        expect(statut).to_have_text("Appuyez encore 2 fois sur Maj pour quitter le site.")
        page.keyboard.press("Shift")
        expect(statut).to_have_text("Appuyez encore 1 fois sur Maj pour quitter le site.")
        page.keyboard.press("Shift")

    _quitte(page_, adresse, trois_fois_maj)


def test_maj_trois_fois_depuis_un_champ_de_saisie(page_, adresse):
    """La personne tape (focus dans un champ, majuscules avec Maj) : trois Maj seules font quand même partir."""
    page_.goto(adresse + "/recherche.html")
    champ = page_.get_by_role("searchbox")
    champ.focus()
    page_.keyboard.press("Shift+KeyA")
    page_.keyboard.type("ide")
    with page_.expect_event("requestfailed", lambda r: est_sortie(r.url)):
        for _ in range(3):
            page_.keyboard.press("Shift")


def test_la_page_disparait_des_le_declenchement(page_, adresse):
    """On fait répondre 204 au site neutre (la navigation n'a pas lieu) : ce qui reste est ce
    que la sortie a fait aussitôt — rien de la page n'est montré, le titre de l'onglet est neutre."""
    page_.context.route(SORTIE, lambda route: route.fulfill(status=204))
    page_.goto(adresse + PAGE_OP)
    page_.get_by_role("link", name="Quitter rapidement").click()
    expect(page_.locator("html")).to_have_class(re.compile(r"\bsortie-en-cours\b"))
    for zone in ("main", "header", ".barre-securite", "footer"):
        expect(page_.locator(zone)).to_be_hidden()
    expect(page_).to_have_title("Nouvel onglet")


def test_maj_comme_modificateur_ou_serie_interrompue_ne_quitte_pas(page_, adresse):
    page_.clock.install()
    page_.goto(adresse + PAGE_OP)
    html = page_.locator("html")
    statut = page_.locator("#sortie-rapide-statut")
    for _ in range(3):  # une majuscule tapée (Maj+A), un retour en arrière (Maj+Tab) : Maj est un modificateur
        page_.keyboard.press("Shift+KeyA")
        page_.keyboard.press("Shift+Tab")
    expect(statut).to_have_text("")
    page_.keyboard.press("Shift")
    page_.keyboard.press("Shift")
    page_.keyboard.press("KeyA")  # toute autre touche remet à zéro
    expect(statut).to_have_text("")
    page_.keyboard.press("Shift")
    expect(statut).to_have_text("Appuyez encore 2 fois sur Maj pour quitter le site.")
    page_.keyboard.press("Shift")
    page_.clock.run_for(5100)  # plus de 5 s entre deux appuis : la série expire, et le dit
    expect(statut).to_have_text("Sortie rapide annulée.")
    page_.keyboard.press("Shift")
    expect(statut).to_have_text("Appuyez encore 2 fois sur Maj pour quitter le site.")
    expect(html).not_to_have_class(re.compile(r"sortie-en-cours"))
    assert not any(est_sortie(u) for u in page_.journal.requetes)


def test_echap_ne_quitte_pas(page_, adresse):
    """Échap arrête le chargement d'une page et ferme les dialogues : ce n'est pas une touche de sortie
    (voir site.js)."""
    page_.goto(adresse + PAGE_OP)
    for _ in range(3):
        page_.keyboard.press("Escape")
    expect(page_.locator("html")).not_to_have_class(re.compile(r"sortie-en-cours"))
    assert not any(est_sortie(u) for u in page_.journal.requetes)


def test_retour_depuis_le_cache_reaffiche_la_page(navigateur, adresse):
    """Si la navigation de la sortie n'a pas eu lieu (ici : le site neutre répond 204) et que la
    personne revient sur cette page depuis le cache de navigation arrière-avant, la page s'affiche de
    nouveau. Playwright coupe ce cache par défaut ; ce navigateur-ci l'a."""
    navigateur_cache = navigateur.browser_type.launch(
        executable_path=CHROMIUM, args=ARGS, headless=True, ignore_default_args=["--disable-back-forward-cache"]
    )
    try:
        context = navigateur_cache.new_context()
        context.route(lambda u: not u.startswith(adresse), lambda route: route.fulfill(status=204))
        page = context.new_page()
        requetes = []
        page.on("request", lambda r: requetes.append(r.url))
        page.goto(adresse + PAGE_OP)
        page.get_by_role("link", name="Quitter rapidement").click()
        expect(page.locator("main")).to_be_hidden()
        page.goto(adresse + "/index.html")
        page.go_back(wait_until="commit")  # pas d'événement « load » sur une page restaurée depuis le cache
        assert page.url == adresse + PAGE_OP
        assert requetes.count(adresse + PAGE_OP) == 1, "la page n'est pas revenue du cache"
        expect(page.locator("main")).to_be_visible()
        expect(page.locator("html")).not_to_have_class(re.compile(r"sortie-en-cours"))
        expect(page).to_have_title(re.compile(r"Les mesures"))
        context.close()
    finally:
        navigateur_cache.close()


# ── Avertissement avant un téléchargement ou une impression ──────────────────


def test_avertissement_avant_le_pdf(page_, adresse):
    page_.context.route(
        re.compile(r"/pdf/[^/]+\.pdf$"),
        lambda route: route.fulfill(status=200, content_type="application/pdf", body=b"%PDF-1.4\n%%EOF\n"),
    )
    telechargements = []
    page_.on("download", lambda d: telechargements.append(d))
    page_.goto(adresse + AVEC_PDF)
    lien = page_.get_by_role("link", name=re.compile("Télécharger cette page en PDF"))
    lien.click()
    boite = page_.get_by_role("dialog", name="Avant de télécharger ce document")
    expect(boite).to_be_visible()
    expect(boite).to_contain_text("Téléchargements")
    continuer = boite.get_by_role("button", name="Continuer")
    annuler = boite.get_by_role("button", name="Annuler")
    expect(continuer).to_be_focused()
    page_.keyboard.press("Tab")
    expect(annuler).to_be_focused()
    page_.keyboard.press("Tab")  # le focus reste dans la boîte
    expect(continuer).to_be_focused()
    page_.keyboard.press("Escape")  # Échap ferme la boîte, et seulement elle
    expect(boite).to_have_count(0)
    expect(lien).to_be_focused()
    expect(page_.locator("main")).to_be_visible()
    assert telechargements == []

    lien.click()
    boite.get_by_role("button", name="Annuler").click()
    expect(boite).to_have_count(0)
    assert telechargements == []

    lien.click()
    with page_.expect_download() as attente:
        boite.get_by_role("button", name="Continuer").click()
    assert attente.value.suggested_filename == "document.pdf"  # nom neutre
    expect(lien).to_be_focused()
    assert page_.journal.externes() == []


def test_on_peut_quitter_pendant_l_avertissement(page_, adresse):
    page_.goto(adresse + "/index.html")
    page_.goto(adresse + AVEC_PDF)
    page_.get_by_role("link", name=re.compile("Télécharger cette page en PDF")).click()
    expect(page_.get_by_role("dialog")).to_be_visible()
    with page_.expect_event("requestfailed", lambda r: est_sortie(r.url)):
        # Le bouton rouge reste cliquable au-dessus du fond de la boîte.
        page_.get_by_role("link", name="Quitter rapidement").click()
    a_quitte(page_, adresse)
    page_.go_back()
    assert page_.url == adresse + "/index.html"


def test_maj_trois_fois_pendant_l_avertissement(page_, adresse):
    page_.goto(adresse + AVEC_PDF)
    page_.get_by_role("link", name=re.compile("Télécharger cette page en PDF")).click()
    expect(page_.get_by_role("dialog")).to_be_visible()
    with page_.expect_request(lambda r: est_sortie(r.url)):
        for _ in range(3):
            page_.keyboard.press("Shift")


# ── Lexique sur place, aucun nouvel onglet ───────────────────────────────────


def test_definition_du_lexique_sur_place(page_, adresse):
    page_.goto(adresse + "/aide-juridictionnelle/index.html")
    terme = page_.locator("main .terme[role=button]").first
    expect(terme).to_have_attribute("aria-expanded", "false")
    definition = page_.locator("#" + terme.get_attribute("aria-controls"))
    expect(definition).to_be_hidden()
    terme.click()
    expect(terme).to_have_attribute("aria-expanded", "true")
    expect(definition).to_be_visible()
    expect(definition).not_to_be_empty()
    assert len(page_.context.pages) == 1 and page_.url == adresse + "/aide-juridictionnelle/index.html"
    page_.keyboard.press("Escape")  # referme, le focus reste sur le mot
    expect(definition).to_be_hidden()
    expect(terme).to_be_focused()
    terme.press("Enter")
    expect(definition).to_be_visible()
    terme.press("Space")
    expect(definition).to_be_hidden()
    assert page_.url == adresse + "/aide-juridictionnelle/index.html"  # jamais suivi comme un lien


def test_definition_sur_place_dans_l_entretien_guide(page_, adresse):
    """L'entretien du Cerfa 16146 est ajouté à la page plus tard (un <template>) : ses
    « Définition : … » s'ouvrent aussi sur place (site.js surveille ce qui est ajouté)."""
    from tests.fixtures.entretien import etape_, remplit_entretien, simulateur_puis_entretien

    simulateur_puis_entretien(page_, adresse)
    remplit_entretien(page_)  # jusqu'à l'étape 4 ; l'étape 3 (ressources) a des définitions visibles
    page_.get_by_role("button", name="Étape précédente").click()
    expect(etape_(page_, 3)).to_be_visible()
    terme = page_.locator(".entretien-formulaire .terme[role=button]:visible").first
    expect(terme).to_have_text(re.compile(r"^Définition\s: "))  # une espace insécable avant « : »
    definition = page_.locator("#" + terme.get_attribute("aria-controls"))
    expect(definition).to_be_hidden()
    terme.click()
    expect(definition).to_be_visible()
    expect(definition).not_to_be_empty()
    assert len(page_.context.pages) == 1 and page_.url.endswith("/outils/simulateur-aide-juridictionnelle.html")


class _Balises(HTMLParser):
    """Chaque `<a>` qui a un href (ses attributs) et, pour chaque `<table>`, les attributs de son parent."""

    def __init__(self):
        super().__init__()
        self.liens: list[dict] = []
        self.tableaux: list[dict] = []
        self._pile: list[dict] = [{}]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.liens.append(attrs)
        if tag == "table":
            self.tableaux.append(self._pile[-1])
        if tag not in VIDES:
            self._pile.append(attrs)

    def handle_endtag(self, tag):
        if tag not in VIDES and len(self._pile) > 1:
            self._pile.pop()


VIDES = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def balises(fichier) -> _Balises:
    lecteur = _Balises()
    lecteur.feed(fichier.read_text(encoding="utf-8"))
    return lecteur


def test_aucun_lien_n_ouvre_un_nouvel_onglet(site_construit, pages_du_site):
    """Un onglet laissé ouvert est une trace : aucun lien (lexique, pages, sources) n'en ouvre."""
    fautifs = [
        (chemin, lien["href"])
        for chemin in pages_du_site
        for lien in balises(site_construit / chemin).liens
        if lien.get("target") == "_blank"
    ]
    assert fautifs == []


def test_aucune_recherche_ne_part_dans_l_adresse(site_construit):
    """Aucune page n'a de formulaire qui mettrait ce qui est tapé dans l'URL (GET avec des champs nommés)."""
    fautives = []
    for p in site_construit.rglob("*.html"):
        html = p.read_text(encoding="utf-8")
        for formulaire in re.findall(r"<form\b.*?</form>", html, re.S):
            methode = re.search(r'method="(\w+)"', formulaire)
            # method="dialog" (outils, recherche) : sans JavaScript, « Entrée » n'envoie rien nulle part.
            if (not methode or methode.group(1).lower() == "get") and re.search(
                r"<(?:input|select|textarea)\b[^>]*\bname=", formulaire
            ):
                fautives.append(p.relative_to(site_construit).as_posix())
    assert fautives == []


def test_les_titres_des_outils_ne_nomment_ni_violence_ni_procedure(site_construit):
    """Un titre d'onglet, une entrée d'historique, un favori : ce qu'une autre personne peut voir."""
    for outil in (site_construit / "outils").glob("*.html"):
        titre = re.search(r"<title>(.*?)</title>", outil.read_text(encoding="utf-8"), re.S).group(1)
        assert not re.search(r"violen|conjug|protection|plainte|victime|agress", titre, re.I), titre


def test_les_tableaux_defilent_dans_une_boite_focalisable(site_construit, pages_du_site):
    """Chaque tableau est dans sa propre boîte défilante, qu'un clavier atteint et qu'un lecteur d'écran nomme."""
    ressources = (site_construit / "aide-juridictionnelle" / "ressources.html").read_text(encoding="utf-8")
    assert re.search(
        r'<div aria-label="Tableau : [^"]+" class="tableau" role="region" tabindex="0"><table>', ressources
    )
    nus = [
        (chemin, boite)
        for chemin in pages_du_site
        for boite in balises(site_construit / chemin).tableaux
        if not (boite.get("role") == "region" and boite.get("tabindex") == "0" and boite.get("aria-label"))
    ]
    assert nus == []


def test_naviguer_en_securite_a_cote_de_la_sortie_sur_chaque_page(site_construit, pages_du_site):
    """Dans la langue de la page : une page anglaise ou arabe renvoie à la page de sa langue (site_config.yml)."""
    assert (site_construit / "securite.html").is_file()
    libelles = {"en": "Browsing safely", "ar": "التصفح بأمان"}
    sans = [
        chemin
        for chemin in pages_du_site
        if not re.search(
            r'<a class="lien-securite" href="[./]*securite\.html"[^>]*>'
            + re.escape(libelles.get(chemin.split("/")[0], "Naviguer en sécurité"))
            + r'</a>\s*<a id="sortie-rapide"',
            (site_construit / chemin).read_text(encoding="utf-8"),
        )
    ]
    assert sans == []
