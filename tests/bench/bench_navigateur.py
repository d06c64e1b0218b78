"""Les outils tels qu'une personne les rencontre, dans Chromium sans tête (pas un test : des chiffres, jamais
vérifiés).

    python -m tests.bench.bench_navigateur [visites=5] [visites_lentes=3]

Chaque visite : un contexte neuf (cache HTTP vide, comme une première visite), le site servi par
`python -m generator serve` (fichiers .br et .gz de la construction, comme le nginx du README).

Ordinateur, pour chaque construction (Python précompilé et réduit, ou la bibliothèque de npm telle
quelle) et chaque outil, et pour le simulateur de la construction précédente (ci-dessous) :
  formulaire   navigation → le premier champ visible et modifiable (le formulaire est du HTML statique)
  prêt         navigation → « prêt » (marque `outils:pret` d'outils.mjs ; le début de chaque étape est
               imprimé aussi : téléchargement, démarrage de Python, règles, prêt)
  1re réponse  le formulaire rempli et envoyé aussitôt : navigation → la réponse (fin du premier appel,
               mesure `outils:appel`), ce qu'attend une personne qui n'attend pas
  à chaud      une réponse de plus, une fois prêt (l'appel au worker, calcul Python compris)

Téléphone lent (tests/bench/profil_lent.py : 1,6 Mbit/s, 150 ms, processeur ×4) : formulaire, prêt,
1re réponse, pour la construction du jour et, s'il existe, le site précédent (site/ de `make site`, ou
BENCH_PRECEDENT=dossier) : la référence mesurée dans la même course, sur la même machine, ses visites
alternées avec celles du jour (sur ordinateur comme en téléphone lent) : une machine partagée qui ralentit
ralentit les deux.

Octets d'une première visite de chaque page d'outil, sur le fil (corps tels qu'envoyés, compressés, et
en-têtes), jusqu'à la première réponse ; pypdf à part : préchargé au repos (connexion libre), ou venu à
« Commencer » sur la page de la requête OP, qui en a besoin dès sa 1re étape ; pour la construction du jour,
aussi brut / gzip / brotli de ces mêmes fichiers.
Les temps sont lus dans l'API Performance de la page par le protocole DevTools (la CSP reste entière).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager, nullcontext
from pathlib import Path
from urllib.parse import urlsplit

from tests.bench.profil_lent import ARGS_LENT, ProcesseurLent, ralentit_reseau
from tests.fixtures.chemins import REPO
from tests.fixtures.navigateur import ARGS as ARGS_NAVIGATEUR
from tests.fixtures.site import page_de_l_outil

# outil → (page, premier champ) ; « op » : la requête, ses étapes vérifiées une fois prête (pas de réponse
# d'un coup à mesurer : son prêt, puis « Commencer », qui fait venir pypdf, et ses octets).
OUTILS = {
    "aj": (page_de_l_outil("aj"), "Combien de personnes compte votre foyer fiscal"),
    "delais": (page_de_l_outil("delais"), "Date de départ du délai"),
    "op": (page_de_l_outil("op"), None),
}
PRECHARGES = ("/pyodide/paquets/pypdf-", "/pyodide/paquets/justice_pas_a_pas_stdlib-")
ATTENTE = 600_000  # ms : un téléphone lent sur une machine chargée
# Aucune autre origine : refusée par le résolveur de noms de Chromium, pas par une interception de chaque
# requête (page.route), qui retarde chacune d'un aller-retour vers ce processus (+0,6 s sur un « prêt » de 1,5 s).
ARGS = [*ARGS_NAVIGATEUR, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


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


def entrees(cdp) -> list[dict]:
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


def attend_marque(cdp, nom: str, delai_ms: int = ATTENTE) -> list[dict]:
    fin = time.monotonic() + delai_ms / 1000
    while time.monotonic() < fin:
        lues = entrees(cdp)
        if any(e["nom"] == nom for e in lues):
            return lues
        time.sleep(0.2)
    raise TimeoutError(f"{nom} : pas après {delai_ms} ms")


def sur_le_fil(requetes) -> tuple[int, int, list[str]]:
    """Octets reçus (corps encodés + en-têtes) avant la première réponse, puis préchargés au repos ; les URL."""
    avant = apres = 0
    for requete in requetes:
        tailles = requete.sizes()
        octets = tailles["responseBodySize"] + tailles["responseHeadersSize"]
        if any(p in requete.url for p in PRECHARGES):
            apres += octets
        else:
            avant += octets
    return avant, apres, [urlsplit(r.url).path for r in requetes]


def reponse_a_chaud(page, cdp, outil: str, premieres: list[dict]) -> float:
    from playwright.sync_api import expect

    zone = page.locator(".outil-resultat")
    texte = zone.inner_text()
    remplit(page, outil, variante=1)
    expect(zone).not_to_have_text(texte)
    avant = len([e for e in premieres if e["nom"] == "outils:appel"])
    for _ in range(100):  # the answer is drawn right after its measure: it is there, or in an instant
        chauds = [e["duree"] for e in entrees(cdp) if e["nom"] == "outils:appel"][avant:]
        if chauds:
            return chauds[-1]
        time.sleep(0.05)
    raise TimeoutError("réponse à chaud")


def une_visite(navigateur, adresse: str, outil: str, lent: bool = False) -> dict:
    from playwright.sync_api import expect

    chemin, champ = OUTILS[outil]
    contexte = navigateur.new_context(viewport={"width": 412 if lent else 1280, "height": 900})
    page = contexte.new_page()
    cdp = contexte.new_cdp_session(page)
    requetes = []  # every request served, the worker's included
    contexte.on("requestfinished", lambda requete: requetes.append(requete))
    if lent:
        ralentit_reseau(cdp)
    mesures: dict = {}
    with ProcesseurLent() if lent else nullcontext():
        debut = time.perf_counter()
        page.goto(adresse + chemin, wait_until="commit")
        if champ:
            expect(page.get_by_label(champ)).to_be_editable(timeout=ATTENTE)
            mesures["formulaire"] = (time.perf_counter() - debut) * 1000
            remplit(page, outil)
            expect(page.locator(".outil-resultat h2")).to_be_visible(timeout=ATTENTE)
        premieres = attend_marque(cdp, "outils:pret")
        if champ:
            appel = min((e for e in premieres if e["nom"] == "outils:appel"), key=lambda e: e["debut"] + e["duree"])
            mesures["premiere"] = appel["debut"] + appel["duree"]
        mesures.update({f"etape_{e['nom'].removeprefix('outils:')}": e["debut"] for e in premieres if e["duree"] == 0})
        if not champ:  # la requête OP : pypdf vérifie dès la 1re étape, il vient à « Commencer »
            page.get_by_role("button", name="Commencer").click()
            attend_marque(cdp, "outils:appel")  # formulaire_preparer : pypdf chargé, le PDF vierge lu
    if champ and not lent:
        mesures["chaud"] = reponse_a_chaud(page, cdp, outil, premieres)
    if not lent:
        page.wait_for_timeout(3000)  # ready and idle: the page may preload pypdf now (connexion libre)
    mesures["octets"], mesures["precharges"], mesures["urls"] = sur_le_fil(requetes)
    contexte.close()
    return mesures


def tailles(site: Path, chemins: list[str]) -> tuple[int, int, int]:
    """Les fichiers d'une visite : bruts, et envoyés en gzip / en brotli (les variantes de la construction)."""

    def variante(fichier: Path, extension: str) -> int:
        compresse = fichier.with_name(fichier.name + extension)
        return (compresse if compresse.is_file() else fichier).stat().st_size

    fichiers = [site / chemin.lstrip("/") for chemin in set(chemins)]
    return tuple(sum(variante(f, ext) for f in fichiers) for ext in ("", ".gz", ".br"))


def resume(valeurs: list[float]) -> str:
    if not valeurs:
        return "—"
    chiffres = 1 if max(valeurs) < 100 else 0
    return f"{statistics.median(valeurs):6.{chiffres}f} [{min(valeurs):.{chiffres}f}–{max(valeurs):.{chiffres}f}]"


def mo(octets: float) -> str:
    return f"{octets / 1e6:5.2f} Mo"


def visites(navigateur, site: Path, outils, nombre: int, lent: bool = False) -> dict[str, list[dict]]:
    return visites_alternees(navigateur, [site], outils, nombre, lent)[0]


def visites_alternees(navigateur, sites: list[Path], outils, nombre: int, lent: bool = False) -> list[dict]:
    """Les visites de plusieurs sites tour à tour : une machine partagée qui ralentit pendant la course
    ralentit chacun d'eux, la comparaison reste juste."""
    resultats = [{outil: [] for outil in outils} for _ in sites]
    with ExitStack() as pile:
        adresses = [pile.enter_context(servi(site)) for site in sites]
        for _ in range(nombre):
            for outil in outils:
                for adresse, resultat in zip(adresses, resultats, strict=True):
                    resultat[outil].append(une_visite(navigateur, adresse, outil, lent))
    return resultats


def imprime_temps(titre: str, lignes: list[tuple[str, str, list[dict]]], colonnes: tuple[str, ...]) -> None:
    print(f"\n{titre}")
    noms = {"formulaire": "formulaire", "etape_pret": "prêt", "premiere": "1re réponse", "chaud": "à chaud"}
    print(f"{'outil':<7} {'construction':<13} " + " ".join(f"{noms[c]:>18}" for c in colonnes))
    for outil, nom, mesures in lignes:
        cellules = [resume([m[c] for m in mesures if c in m]) for c in colonnes]
        print(f"{outil:<7} {nom:<13} " + " ".join(f"{c:>18}" for c in cellules))


def imprime_etapes(lignes: list[tuple[str, str, list[dict]]]) -> None:
    print("Début de chaque étape du chargement (médiane, ms depuis la navigation) :")
    for outil, nom, mesures in lignes:
        debuts = "   ".join(
            f"{etape} {statistics.median(m['etape_' + etape] for m in mesures):.0f}"
            for etape in ("telechargement", "demarrage", "regles", "pret")
            if all("etape_" + etape in m for m in mesures)
        )
        print(f"  {outil:<7} {nom:<13} {debuts}")


def precedent() -> Path | None:
    """Le site d'une construction précédente : BENCH_PRECEDENT, sinon site/ de `make site`."""
    dossier = Path(os.environ.get("BENCH_PRECEDENT") or REPO / "site")
    return dossier if (dossier / "index.html").is_file() else None


def main(nombre: int = 5, lentes: int = 3) -> None:
    from playwright.sync_api import sync_playwright

    from tests.fixtures.navigateur import CHROMIUM

    ancien = precedent()
    with tempfile.TemporaryDirectory() as dossier, sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        npm = visites(navigateur, construit(Path(dossier), False), OUTILS, nombre)
        bureau = [(o, "npm (.py)", m) for o, m in npm.items()]
        site = construit(Path(dossier), True)
        # Le jour et la précédente tour à tour, dans le même navigateur : la même machine au même moment.
        du_jour, *avant = visites_alternees(navigateur, [site, *([ancien] if ancien else [])], OUTILS, nombre)
        bureau += [(o, "précompilé", m) for o, m in du_jour.items()]
        precedentes = avant[0] if avant else None
        if precedentes:
            bureau += [("aj", "précédente", precedentes["aj"])]
        navigateur.close()
        lent = p.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, *ARGS_LENT], headless=True)
        # Le simulateur, du jour et précédent tour à tour ; les autres outils du jour ensuite.
        simulateur = visites_alternees(lent, [site, *([ancien] if ancien else [])], ["aj"], lentes, lent=True)
        telephone = [("aj", "du jour", simulateur[0]["aj"])]
        telephone += [(o, "du jour", m) for o, m in visites(lent, site, ["delais", "op"], lentes, lent=True).items()]
        if ancien:
            telephone.append(("aj", "précédente", simulateur[1]["aj"]))
        lent.close()
        imprime(bureau, telephone, nombre, lentes, site, precedentes, ancien)


def imprime(bureau, telephone, nombre, lentes, site, precedentes, ancien) -> None:
    imprime_temps(
        f"Ordinateur : Chromium sans tête, {nombre} contextes neufs par ligne (cache HTTP vide), médiane [min–max] "
        "en ms depuis la navigation",
        bureau,
        ("formulaire", "etape_pret", "premiere", "chaud"),
    )
    imprime_etapes(bureau)
    imprime_temps(
        f"Téléphone lent (1,6 Mbit/s, 150 ms, processeur ×4) : {lentes} contextes neufs par ligne, médiane "
        "[min–max] en ms",
        telephone,
        ("formulaire", "etape_pret", "premiere"),
    )
    imprime_etapes(telephone)
    print("\nOctets d'une première visite, sur le fil depuis `generator serve` (jusqu'à la 1re réponse ; + pypdf,")
    print(
        "préchargé au repos sur une connexion libre, ou demandé : « Préparer ma demande », « Commencer » de la requête) :"
    )
    for outil, nom, mesures in bureau:
        if nom != "précompilé":
            continue
        m = mesures[0]
        brut, gz, br = tailles(site, m["urls"])
        ligne = f"  {outil:<7} {mo(m['octets'])} (+ {mo(m['precharges'])} pypdf)"
        ligne += f"   fichiers : brut {mo(brut)}, gzip {mo(gz)}, brotli {mo(br)}"
        if precedentes:
            ligne += f"   précédente : {mo(precedentes[outil][0]['octets'] + precedentes[outil][0]['precharges'])}"
        print(ligne)
    if ancien:
        print(
            f"  (précédente : {ancien}, construite le {time.strftime('%d/%m %H:%M', time.localtime(ancien.stat().st_mtime))})"
        )


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(REPO))
    main(*(int(a) for a in sys.argv[1:]))
