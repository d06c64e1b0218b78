"""Une page dans une autre langue donne les textes des composants dans son bloc JSON
(theme/assets/js/README.md) : le compte à rebours de la sortie rapide et l'avertissement d'export
parlent la langue de la page, sous la vraie CSP du site ; un texte que la page ne donne pas reste en
français.

Une petite page servie depuis un dossier temporaire avec les scripts du thème : le mécanisme lui-même,
quoi que donnent les fichiers de langue (les vraies pages anglaises et arabes : test_langues.py).
"""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from playwright.sync_api import expect

from tests.fixtures.chemins import REPO

pytestmark = pytest.mark.navigateur

TEXTES = {
    "SortieRapide": {"appuyezEncore": "Press Shift {n} more times to leave this site.", "annulee": "Exit cancelled."},
    "Export": {"continuer": "Continue", "annuler": "Cancel", "pdf": {"titre": "Before you download this document"}},
}
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test page</title>
<script type="application/json" id="textes-composants">{textes}</script>
<script src="assets/js/site.js"></script>
<script type="module" src="assets/js/page.mjs"></script></head>
<body><header class="entete"><button type="button" class="menu-bouton" aria-expanded="false" aria-controls="menu" hidden>Menu</button>
<nav id="menu"></nav></header>
<a id="sortie-rapide" href="https://www.example.org/">Quick exit</a>
<span id="sortie-rapide-statut" role="status"></span>
<main><p data-module="export"><a href="doc.pdf" download="document.pdf" data-avant-export="pdf">Download this page as a PDF</a></p></main>
</body></html>
"""


@pytest.fixture(scope="module")
def adresse(tmp_path_factory):
    from generator.serve import cree_serveur

    site = tmp_path_factory.mktemp("langue")
    shutil.copytree(REPO / "theme" / "assets" / "js", site / "assets" / "js")
    (site / "index.html").write_text(PAGE.replace("{textes}", json.dumps(TEXTES)), encoding="utf-8")
    (site / "doc.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    serveur = cree_serveur(site, port=0, verbose=False)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{serveur.server_address[1]}"
    serveur.shutdown()
    serveur.server_close()


def test_la_sortie_et_l_avertissement_parlent_la_langue_de_la_page(navigateur, adresse):
    contexte = navigateur.new_context(accept_downloads=True)
    contexte.route(lambda url: not url.startswith(adresse), lambda route: route.abort())
    page = contexte.new_page()
    erreurs = []
    page.on("console", lambda m: erreurs.append(m.text) if m.type == "error" else None)
    try:
        page.goto(adresse + "/index.html")
        statut = page.locator("#sortie-rapide-statut")
        page.keyboard.press("Shift")
        expect(statut).to_have_text("Press Shift 2 more times to leave this site.")
        page.keyboard.press("KeyA")
        page.get_by_role("link", name="Download this page as a PDF").click()
        boite = page.get_by_role("dialog", name="Before you download this document")
        expect(boite).to_be_visible()
        expect(boite.get_by_role("button", name="Cancel")).to_be_visible()
        expect(boite).to_contain_text("Téléchargements")  # les lignes que la page n'a pas données : en français
        with page.expect_download() as telechargement:
            boite.get_by_role("button", name="Continue").click()
        assert telechargement.value.suggested_filename == "document.pdf"
        assert erreurs == []  # le bloc JSON est une donnée : la CSP le laisse passer
    finally:
        contexte.close()
