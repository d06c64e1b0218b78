"""The tools as a person meets them, in headless Chromium (not a test: figures, never asserted).

For each tool page and each build (Python precompiled, or npm's .py as before), N fresh contexts
(empty HTTP cache, like a first visit), served by `python -m generator serve`'s server:

  formulaire   navigation → the first field visible and editable (the form is static HTML)
  prêt         navigation → « Calculateur prêt » (mark `outils:pret` of outils.mjs; the start of each
               stage is printed too: téléchargement, démarrage de Python, règles, prêt)
  1re réponse  the form filled and sent at once: navigation → the answer (end of the first call,
               measure `outils:appel`), i.e. what a person waits for when they do not wait
  à chaud      one more answer once ready: the page's call to the worker, Python's computation
               included (measure `outils:appel`; drawing the answer adds a few ms)

and the bytes of a cold tool page: as served (raw), and as gzip / brotli would send them.
Timings are read from the page's Performance API through the DevTools protocol (CSP untouched).
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from tests.fixtures.chemins import REPO
from tests.fixtures.site import page_de_l_outil

OUTILS = {
    "aj": (page_de_l_outil("aj"), "Combien de personnes compte votre foyer fiscal"),
    "delais": (page_de_l_outil("delais"), "Date de départ du délai"),
}


def remplit(page, outil: str, variante: int = 0) -> None:
    if outil == "aj":
        page.get_by_label("Combien de personnes compte votre foyer fiscal").fill(str(1 + variante))
        page.get_by_label("Revenu fiscal de référence").fill("12000")
        page.get_by_role("button", name="Voir le résultat").click()
    else:
        page.get_by_label("Votre démarche").select_option("appel_civil")
        page.get_by_label("Date de départ du délai").fill(f"2025-01-{10 + variante}")
        page.get_by_role("button", name="Calculer").click()


def construit(dossier: Path, precompile: bool) -> Path:
    from generator.engine import construit_le_site

    ancien = os.environ.get("PYODIDE_PRECOMPILE")
    os.environ["PYODIDE_PRECOMPILE"] = "1" if precompile else "0"
    try:
        site = dossier / ("site-precompile" if precompile else "site-npm")
        construit_le_site(REPO, site, avec_pdf=False)
        return site
    finally:
        if ancien is None:
            os.environ.pop("PYODIDE_PRECOMPILE")
        else:
            os.environ["PYODIDE_PRECOMPILE"] = ancien


@contextmanager
def servi(site: Path):
    from generator.serve import cree_serveur

    serveur = cree_serveur(site, port=0, verbose=False)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{serveur.server_address[1]}"
    finally:
        serveur.shutdown()
        serveur.server_close()


def entrees(cdp) -> dict:
    valeur = cdp.send(
        "Runtime.evaluate",
        {
            "returnByValue": True,
            "expression": (
                "JSON.stringify(performance.getEntries().filter((e) => e.name.startsWith('outils:'))"
                ".map((e) => ({nom: e.name, debut: e.startTime, duree: e.duration})))"
            ),
        },
    )["result"]["value"]
    return json.loads(valeur)


def une_visite(navigateur, adresse: str, outil: str) -> dict:
    from playwright.sync_api import expect

    chemin, champ = OUTILS[outil]
    contexte = navigateur.new_context(viewport={"width": 1280, "height": 900})
    contexte.route(lambda url: not url.startswith(adresse), lambda route: route.abort())
    page = contexte.new_page()
    cdp = contexte.new_cdp_session(page)
    recus = []  # every URL served, the worker's included
    page.on("requestfinished", lambda requete: recus.append(requete.url))
    debut = time.perf_counter()
    page.goto(adresse + chemin, wait_until="commit")
    expect(page.get_by_label(champ)).to_be_editable()
    utilisable = (time.perf_counter() - debut) * 1000
    remplit(page, outil)
    resultat = page.locator(".outil-resultat h2")
    expect(resultat).to_be_visible(timeout=120_000)
    expect(page.locator(".outil-etat")).to_contain_text("Calculateur prêt", timeout=120_000)
    premieres = entrees(cdp)
    appel = min((e for e in premieres if e["nom"] == "outils:appel"), key=lambda e: e["debut"] + e["duree"])
    etapes = {e["nom"].removeprefix("outils:"): e["debut"] for e in premieres if e["duree"] == 0}
    zone = page.locator(".outil-resultat")
    texte = zone.inner_text()
    remplit(page, outil, variante=1)
    expect(zone).not_to_have_text(texte)
    avant = len([e for e in premieres if e["nom"] == "outils:appel"])
    chauds: list[float] = []
    for _ in range(100):  # the answer is drawn right after its measure: it is there, or in an instant
        chauds = [e["duree"] for e in entrees(cdp) if e["nom"] == "outils:appel"][avant:]
        if chauds:
            break
        time.sleep(0.05)
    contexte.close()
    return {
        "formulaire": utilisable,
        "premiere": appel["debut"] + appel["duree"],
        "chaud": chauds[-1],
        **{f"etape_{nom}": debut for nom, debut in etapes.items()},
        "recus": recus,
    }


def tailles(site: Path, adresse: str, urls: list[str]) -> tuple[int, int, int]:
    """Bytes of a cold visit: the files as served here (uncompressed), and as gzip -6 / brotli -q 11 would send them."""
    import brotli

    brut = comprime_gz = comprime_br = 0
    for url in set(urls):
        contenu = (site / url.removeprefix(adresse).split("?")[0].lstrip("/")).read_bytes()
        brut += len(contenu)
        comprime_gz += len(gzip.compress(contenu, 6))
        comprime_br += len(brotli.compress(contenu))
    return brut, comprime_gz, comprime_br


def resume(valeurs: list[float]) -> str:
    chiffres = 1 if max(valeurs) < 100 else 0
    return f"{statistics.median(valeurs):6.{chiffres}f} [{min(valeurs):.{chiffres}f}–{max(valeurs):.{chiffres}f}]"


def main(visites: int = 5) -> None:
    from playwright.sync_api import sync_playwright

    from tests.fixtures.navigateur import ARGS, CHROMIUM

    with tempfile.TemporaryDirectory() as dossier, sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        lignes, poids = [], {}
        for precompile in (False, True):
            site = construit(Path(dossier), precompile)
            nom = "précompilé" if precompile else "npm (.py) "
            with servi(site) as adresse:
                for outil in OUTILS:
                    mesures = [une_visite(navigateur, adresse, outil) for _ in range(visites)]
                    lignes.append((outil, nom, mesures))
                    poids[(outil, nom)] = tailles(site, adresse, mesures[0]["recus"])
        navigateur.close()
    print(
        f"\nNavigateur : Chromium sans tête, {visites} contextes neufs par ligne (cache HTTP vide), "
        "médiane [min–max] en ms depuis la navigation"
    )
    print(f"{'outil':<7} {'Python':<11} {'formulaire':>18} {'prêt':>18} {'1re réponse':>18} {'à chaud':>18}")
    for outil, nom, mesures in lignes:
        print(
            f"{outil:<7} {nom:<11} "
            + " ".join(
                f"{resume([m[c] for m in mesures]):>18}" for c in ("formulaire", "etape_pret", "premiere", "chaud")
            )
        )
    print("\nDébut de chaque étape du chargement (médiane, ms depuis la navigation) :")
    for outil, nom, mesures in lignes:
        debuts = "   ".join(
            f"{etape} {statistics.median(m['etape_' + etape] for m in mesures):.0f}"
            for etape in ("telechargement", "demarrage", "regles", "pret")
            if all("etape_" + etape in m for m in mesures)
        )
        print(f"  {outil:<7} {nom:<11} {debuts}")
    print("\nOctets d'une première visite d'une page d'outil (HTML, CSS, JS, Python) :")
    for (outil, nom), (brut, gz, br) in poids.items():
        print(f"  {outil:<7} {nom:<11} brut {brut / 1e6:5.1f} Mo   gzip {gz / 1e6:5.1f} Mo   brotli {br / 1e6:5.1f} Mo")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(REPO))
    main(*(int(a) for a in sys.argv[1:]))
