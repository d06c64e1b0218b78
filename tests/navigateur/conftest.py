"""Browser tests: the real site, served by our own server (with its CSP headers),
driven by Playwright in Debian's Chromium (Playwright cannot download its own here).

The CSP forbids eval, so tests use locators and expect(), never page.evaluate("…")
or wait_for_function (both rely on eval); they prove the CSP rather than bypass it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.conftest import ARGS, CHROMIUM  # noqa: F401 - re-exported for the Pyodide browser test

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_construit(tmp_path_factory) -> Path:
    """The whole real site, built once per session into a temp dir."""
    from generator.engine import build

    site = tmp_path_factory.mktemp("site") / "site"
    build(REPO, site, with_pdf=False)
    return site


@pytest.fixture(scope="session")
def pages_du_site(site_construit) -> list[str]:
    """Every HTML page of the built site (Pyodide's own files excepted), e.g. `aide-juridictionnelle/index.html`."""
    pages = sorted(
        p.relative_to(site_construit).as_posix()
        for p in site_construit.rglob("*.html")
        if p.relative_to(site_construit).parts[0] != "pyodide"
    )
    assert len(pages) >= 26, pages
    return pages


@pytest.fixture(scope="session")
def adresse(site_construit) -> str:
    from generator.serve import make_server

    server = make_server(site_construit, port=0, verbose=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Journal:
    """Every request, every console error and page error of one page."""

    def __init__(self, origine: str):
        self.origine = origine
        self.requetes: list[str] = []
        self.erreurs: list[str] = []
        self.reponses: dict[str, dict] = {}  # URL → headers, kept for the page's whole life
        self.statuts: dict[str, int] = {}

    def vide(self) -> None:
        """Forget what happened before this test (the response headers stay: the worker was fetched once)."""
        self.requetes.clear()
        self.erreurs.clear()
        self.statuts.clear()

    def externes(self) -> list[str]:
        return [
            u
            for u in self.requetes
            if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" != self.origine
        ]


def nouvelle_page(navigateur, adresse, **options):
    """A page in a fresh context; requests to other origins are recorded AND aborted, so a
    leak fails the test instead of reaching the network. Its journal is `page.journal`."""
    context = navigateur.new_context(viewport=ECRAN, accept_downloads=True, **options)
    page = context.new_page()
    journal = Journal(adresse)
    page.on("request", lambda r: journal.requetes.append(r.url))
    page.on("response", lambda r: journal.reponses.__setitem__(r.url, r.headers))
    page.on("response", lambda r: journal.statuts.__setitem__(r.url, r.status))
    page.on("console", lambda m: journal.erreurs.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: journal.erreurs.append(str(e)))
    context.route(lambda url: not url.startswith(adresse), lambda route: route.abort())
    page.journal = journal
    return page


@pytest.fixture
def page_(navigateur, adresse):
    """A fresh context per test (no shared state): for what a shared page cannot do
    (hold or refuse Python's files, watch a cold start, navigate away)."""
    page = nouvelle_page(navigateur, adresse)
    yield page
    page.context.close()


# ── One warmed page per tool, shared by the whole session ────────────────────
#
# Starting Python takes seconds: each tool page is opened ONCE per session, Python
# started, and every test gets that page back with the form emptied by its own
# « Effacer mes réponses » button (a form reset: every field, hidden ones too, back
# to its default), the answer area back to its first text, the journal emptied, the
# viewport back to 1280 px. Python is never restarted between tests.
#
#   def test_x(page_aj): page_aj.get_by_label("Revenu fiscal de référence").fill("9000") …
#
# Do not add page routes or navigate away on these pages: use `page_` for that. (If a
# test does navigate away anyway, the next test reopens the tool: slower, still correct.)

OUTILS = {"aj": "/outils/simulateur-aide-juridictionnelle.html", "delais": "/outils/calculateur-delais.html"}
ECRAN = {"width": 1280, "height": 900}
PYTHON = 60_000  # ms: Pyodide's cold start, on a loaded machine


def attend_python(page) -> None:
    expect(page.locator(".outil-etat")).to_contain_text("Calculateur prêt", timeout=PYTHON)


class OutilChaud:
    """One tool page kept open, Python started; `prete()` gives it back as new."""

    def __init__(self, navigateur, adresse: str, chemin: str):
        self.navigateur, self.adresse, self.url = navigateur, adresse, adresse + chemin
        self.page = None

    def _ouvre(self) -> None:
        if self.page is not None:
            self.page.context.close()
        self.page = nouvelle_page(self.navigateur, self.adresse)
        self.page.goto(self.url)
        attend_python(self.page)
        self.accueil = self.page.locator(".outil-resultat").inner_text()

    def prete(self):
        if self.page is None or self.page.is_closed() or self.page.url != self.url:
            self._ouvre()
        page = self.page
        if page.viewport_size != ECRAN:
            page.set_viewport_size(ECRAN)
        page.get_by_role("button", name="Effacer mes réponses").click()
        expect(page.locator(".outil-resultat")).to_have_text(self.accueil)
        expect(page.locator(".erreur-champ")).to_have_count(0)
        page.journal.vide()
        return page

    def ferme(self) -> None:
        if self.page is not None:
            self.page.context.close()


@pytest.fixture(scope="session")
def _outils_chauds(navigateur, adresse):
    outils = {nom: OutilChaud(navigateur, adresse, chemin) for nom, chemin in OUTILS.items()}
    yield outils
    for outil in outils.values():
        outil.ferme()


@pytest.fixture
def page_aj(_outils_chauds):
    """The AJ simulator, Python ready, form emptied (see above)."""
    return _outils_chauds["aj"].prete()


@pytest.fixture
def page_delais(_outils_chauds):
    """The deadline calculator, Python ready, form emptied (see above)."""
    return _outils_chauds["delais"].prete()


def stockage_vide(page) -> None:
    """No cookie, and nothing in Web Storage or IndexedDB (read through the CDP, not eval)."""
    assert page.context.cookies() == []
    state = page.context.storage_state(indexed_db=True)
    assert state["cookies"] == []
    for origin in state["origins"]:
        assert origin.get("localStorage", []) == [], origin
        assert not origin.get("indexedDB"), origin
