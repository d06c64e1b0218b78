"""A returning browser sees a new barème at once, even with Pyodide's files cached for a year.

The site is served as the README's nginx serves it (`python -m generator serve` does the same):
/pyodide/ cached a year (immutable), everything else revalidated, the build's .br sent compressed. One browser context (so one HTTP cache) loads the simulator, a ceiling changes in
content/data (in a copy of the project), the site is rebuilt, the person comes back: the answer gives
the new ceiling — the page names a new lock, which names the new wheel — while the 9.6 MB .wasm
still comes from the cache. (Before content-addressed names, the old lock and wheel kept running.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator.serve import Gestionnaire, cree_serveur
from tests.fixtures.chemins import REPO
from tests.fixtures.navigateur import ARGS, CHROMIUM, OUTILS, PYTHON, attend_python

pytestmark = [pytest.mark.navigateur, pytest.mark.build]


class Journal(Gestionnaire):
    """`python -m generator serve`, qui envoie ce qu'envoie le nginx du README (/pyodide/ gardé un an, le
    reste revalidé, les .br de la construction), et note chaque chemin demandé."""

    def log_message(self, format, *args) -> None:
        self.server.chemins.append(self.path)


def copie_du_projet(cible: Path) -> Path:
    for nom in ("content", "generator", "pyscripts", "theme"):
        shutil.copytree(REPO / nom, cible / nom, ignore=shutil.ignore_patterns("__pycache__"))
    for nom in ("site_config.yml", "pyproject.toml", "mkdocs.yml", "package.json"):
        shutil.copy2(REPO / nom, cible / nom)
    (cible / "node_modules").symlink_to(REPO / "node_modules")
    (cible / "build" / "cache").mkdir(parents=True)
    (cible / "build" / "wheels").symlink_to(REPO / "build" / "wheels")
    for cache in ("pyodide", "compression"):  # a data change never recompiles nor recompresses the runtime
        if (REPO / "build" / "cache" / cache).is_dir():
            shutil.copytree(REPO / "build" / "cache" / cache, cible / "build" / "cache" / cache)
    return cible


def construit(projet: Path) -> None:
    """`python -m generator build` run FROM the copy (its pyscripts, its content/data)."""
    fini = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--sans-pdf"],
        cwd=projet,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(projet)},
        timeout=600,
    )
    assert fini.returncode == 0, fini.stderr[-3000:]


def euros(montant: int) -> str:
    return f"{montant:,}".replace(",", "\u202f") + "\u00a0€"


def test_un_bareme_modifie_est_vu_par_un_navigateur_au_cache_chaud(navigateur, tmp_path):
    from pyscripts.aj import calcule

    projet = copie_du_projet(tmp_path / "projet")
    plafond = calcule({"personnes_foyer": 1, "rfr": 1000})["plafonds"]["totale"]  # today's barème, 1 person
    donnees = projet / "content" / "data" / "aide_juridictionnelle.yml"
    texte = donnees.read_text(encoding="utf-8")
    assert texte.count(f"valeur: {plafond}\n") == 1, f"plafond {plafond} introuvable une seule fois dans {donnees}"
    construit(projet)

    serveur = cree_serveur(projet / "site", port=0, handler=Journal)
    serveur.chemins = []
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    adresse = f"http://127.0.0.1:{serveur.server_address[1]}"
    # A profile on disk, like a person's browser: the in-memory cache of a fresh context does not keep a
    # 9.6 MB file. No context.route here (unlike the other tests): Playwright turns the HTTP cache off then.
    contexte = navigateur.browser_type.launch_persistent_context(
        tmp_path / "profil", executable_path=CHROMIUM, args=ARGS, headless=True
    )
    page = contexte.new_page()
    try:

        def reponse_pour_une_personne() -> None:
            attend_python(page)
            page.get_by_label("Combien de personnes compte votre foyer fiscal").fill("1")
            page.get_by_label("Revenu fiscal de référence").fill("1000")
            page.get_by_role("button", name="Voir le résultat").click()
            expect(page.locator("#aj-resultat h2")).to_contain_text("totale", timeout=PYTHON)

        page.goto(adresse + OUTILS["aj"])
        reponse_pour_une_personne()
        expect(page.locator("#aj-resultat")).to_contain_text(euros(plafond))

        donnees.write_text(texte.replace(f"valeur: {plafond}\n", f"valeur: {plafond + 1}\n"), encoding="utf-8")
        construit(projet)  # the site folder is replaced; the browser keeps its cache
        page.goto(adresse + OUTILS["aj"])  # coming back
        reponse_pour_une_personne()
        expect(page.locator("#aj-resultat")).to_contain_text(euros(plafond + 1))
        expect(page.locator("#aj-resultat")).not_to_contain_text(euros(plafond))
        # The cache was really warm: the runtime and the stdlib were asked for once for both visits; the
        # lock and our wheel, whose content changed, twice (under new names).
        pyodide = [c.rpartition("/")[2] for c in serveur.chemins if c.startswith("/pyodide/")]
        for fichier in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
            assert pyodide.count(fichier) == 1, pyodide
        assert len({f for f in pyodide if f.startswith("python_stdlib.")}) == 1
        assert len({f for f in pyodide if f.startswith("pyodide-lock.")}) == 2
        assert len({f for f in pyodide if f.startswith("justice_pas_a_pas_pyscripts-")}) == 2
        # pypdf and the stdlib modules it alone needs (loaded for the Cerfa interview) never changed: once at most.
        pypdf = [f for f in pyodide if f.startswith(("pypdf-", "justice_pas_a_pas_stdlib-"))]
        assert len(pypdf) == len(set(pypdf)) <= 2, pyodide
        assert len(pyodide) == 8 + len(pypdf), pyodide
    finally:
        contexte.close()
        serveur.shutdown()
        serveur.server_close()
