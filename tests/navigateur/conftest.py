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
    pages = sorted(p.relative_to(site_construit).as_posix() for p in site_construit.rglob("*.html")
                   if p.relative_to(site_construit).parts[0] != "pyodide")
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
        self.reponses: dict[str, dict] = {}

    def externes(self) -> list[str]:
        return [u for u in self.requetes if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                and f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" != self.origine]


@pytest.fixture
def page_(navigateur, adresse):
    """A fresh context per test (no shared state); requests to other origins are
    recorded AND aborted, so a leak fails the test instead of reaching the network."""
    context = navigateur.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    journal = Journal(adresse)
    page.on("request", lambda r: journal.requetes.append(r.url))
    page.on("response", lambda r: journal.reponses.__setitem__(r.url, r.headers))
    page.on("console", lambda m: journal.erreurs.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: journal.erreurs.append(str(e)))
    context.route(lambda url: not url.startswith(adresse), lambda route: route.abort())
    page.journal = journal
    yield page
    context.close()


def stockage_vide(page) -> None:
    """No cookie, and nothing in Web Storage or IndexedDB (read through the CDP, not eval)."""
    assert page.context.cookies() == []
    state = page.context.storage_state(indexed_db=True)
    assert state["cookies"] == []
    for origin in state["origins"]:
        assert origin.get("localStorage", []) == [], origin
        assert not origin.get("indexedDB"), origin
