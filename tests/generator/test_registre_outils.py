"""Un quatrième outil : une entrée dans le registre (pyscripts/outils.py), son gabarit, son script,
et aucune autre liste à modifier. Le projet d'essai le montre construit, servi et aiguillé."""

from __future__ import annotations

import json
import sys
import threading
import types
import urllib.request

import pytest

from generator.erreurs import ErreurDeConstruction
from generator.serve import cree_serveur
from pyscripts import api, outils
from tests.fixtures.projet import PAGES, write_project

pytestmark = pytest.mark.build

GABARIT = """\
{%- set d = config.extra.donnees_outils.essai %}
<section class="outil" id="essai" data-outil="essai">
  <p class="essai-champs">{{ d.champs|join(", ") }}</p>
</section>
<script type="module" src="{{ config.extra.registre_outils.essai.module|url }}"></script>
"""
PAGE = """\
---
titre: Outil d'essai
description: Un quatrième outil.
type: outil
outil: essai
verifie_le: 2026-01-15
sources:
  - titre: Source d'essai
---

# Outil d'essai
"""


@pytest.fixture
def essai(monkeypatch):
    """Le moteur d'essai (un module importable, comme pyscripts.aj) et son entrée dans le registre."""
    moteur = types.SimpleNamespace(
        calcule=lambda entree: {"double": 2 * entree.get("n", 0)}, formulaire=lambda: {"champs": ["n", "m"]}
    )
    monkeypatch.setitem(sys.modules, "essai_moteur", moteur)
    monkeypatch.setitem(
        outils.OUTILS,
        "essai",
        outils.Outil(
            routes={"essai": outils.Route("essai_moteur:calcule")},
            gabarit="outils/essai.html",
            module="assets/js/outil-essai.mjs",
            contexte="essai_moteur:formulaire",
            donnees=("jours_feries",),
        ),
    )


def projet_avec_l_outil(racine, gabarit: bool = True):
    racine = write_project(racine, {**PAGES, "outils/essai.md": PAGE})
    config = racine / "site_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - Lexique: lexique.md", "  - Essai: outils/essai.md\n  - Lexique: lexique.md"
        ),
        encoding="utf-8",
    )
    if gabarit:
        (racine / "theme" / "outils" / "essai.html").write_text(GABARIT, encoding="utf-8")
    (racine / "theme" / "assets" / "js" / "outil-essai.mjs").write_text("export {};\n", encoding="utf-8")
    return racine


def test_un_quatrieme_outil_construit_servi_et_aiguille(essai, tmp_path, build_project):
    racine = projet_avec_l_outil(tmp_path / "projet")
    build_project(racine)

    page = (racine / "site" / "outils" / "essai.html").read_text(encoding="utf-8")
    assert '<p class="essai-champs">n, m</p>' in page  # son contexte, tiré de son moteur
    assert '<script type="module" src="../assets/js/outil-essai.mjs"></script>' in page

    serveur = cree_serveur(racine / "site", port=0, verbose=False)
    threading.Thread(target=serveur.serve_forever, daemon=True).start()
    try:
        adresse = f"http://127.0.0.1:{serveur.server_address[1]}"
        with urllib.request.urlopen(adresse + "/outils/essai.html") as reponse:
            assert reponse.status == 200
        with urllib.request.urlopen(adresse + "/assets/js/outil-essai.mjs") as reponse:
            assert reponse.headers["Content-Type"] == "text/javascript"
    finally:
        serveur.shutdown()
        serveur.server_close()

    assert json.loads(api.dispatch("essai", '{"n": 21}')) == {"resultat": {"double": 42}}
    assert api.paquets("essai") == ""


def test_un_outil_sans_son_gabarit_arrete_la_construction(essai, tmp_path, build_project):
    racine = projet_avec_l_outil(tmp_path / "projet", gabarit=False)
    with pytest.raises(ErreurDeConstruction, match=r"outil « essai » : theme/outils/essai.html n'existe pas"):
        build_project(racine)


def test_les_routes_ont_des_noms_uniques_et_des_fonctions_qui_existent():
    noms = [nom for outil in outils.OUTILS.values() for nom in outil.routes]
    assert len(noms) == len(set(noms))
    for nom, route in outils.routes().items():
        assert callable(route.appelable()), nom
    assert outils.paquets("formulaire_remplir") == "pypdf" and outils.paquets("aj") == ""
