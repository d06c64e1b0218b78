"""Le Cerfa 16146 rempli dans Chromium (pas un test).

    python -m tests.bench.bench_formulaire [répétitions=3]

pypdf froid : sur une page neuve, de « Préparer ma demande » à pypdf chargé et au PDF vierge lu dans
le worker (cela commence à l'ouverture de l'entretien : une personne répond pendant ce temps).
1er remplissage : un robot répond aux 4 étapes, puis « Obtenir le formulaire » → le PDF.
chaud : « Modifier mes réponses » puis de nouveau « Obtenir le formulaire » dans la même page.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from tests.fixtures.chemins import REPO
from tests.fixtures.entretien import remplit_entretien, simulateur_puis_entretien
from tests.fixtures.navigateur import ARGS, CHROMIUM

PRET = 120_000


def obtient(page) -> float:
    debut = time.perf_counter()
    page.get_by_role("button", name="Obtenir le formulaire").click()
    expect(page.get_by_role("heading", name="Votre formulaire est prêt")).to_be_visible(timeout=PRET)
    return time.perf_counter() - debut


def main(repetitions: int = 3) -> None:
    from generator.engine import construit_le_site
    from generator.serve import cree_serveur

    with tempfile.TemporaryDirectory() as dossier:
        site = Path(dossier) / "site"
        construit_le_site(REPO, site, avec_pdf=False)
        serveur = cree_serveur(site, port=0, verbose=False)
        threading.Thread(target=serveur.serve_forever, daemon=True).start()
        adresse = f"http://127.0.0.1:{serveur.server_address[1]}"
        froids, premiers, chauds = [], [], []
        with sync_playwright() as p:
            navigateur = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            for _ in range(repetitions):
                page = navigateur.new_context(viewport={"width": 1280, "height": 900}).new_page()
                debut = simulateur_puis_entretien(page, adresse)
                expect(page.locator("#entretien-cerfa-16146[data-pdf-pret]")).to_be_attached(timeout=PRET)
                froids.append(time.perf_counter() - debut)
                remplit_entretien(page)
                premiers.append(obtient(page))
                page.get_by_role("button", name="Modifier mes réponses").click()
                chauds.append(obtient(page))
                page.context.close()
            navigateur.close()
        serveur.shutdown()
    print(f"Cerfa 16146 dans Chromium ({repetitions} fois, médiane) :")
    for nom, mesures in (
        ("pypdf froid : chargé + PDF vierge lu (« Préparer ma demande » →)", froids),
        ("« Obtenir le formulaire » → PDF, 1re fois", premiers),
        ("« Obtenir le formulaire » → PDF, à chaud", chauds),
    ):
        print(f"  {nom:<66} {statistics.median(mesures):5.2f} s  {[round(x, 2) for x in mesures]}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
