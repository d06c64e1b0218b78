"""Le vrai site construit : un .br et un .gz à côté du runtime de Pyodide, de la bibliothèque standard, des
roues et de chaque page, et des formulaires vierges que chargent les outils ; rien à côté de presque tous les guides
imprimés en PDF (déjà compressés) ; et la page d'un outil annonce au travailleur les tailles
qui circulent vraiment (celles de ces fichiers), pas celles des fichiers décompressés."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from tests.fixtures.site import page_de_l_outil

pytestmark = pytest.mark.build


def test_variantes_a_cote_des_gros_fichiers(site_construit, pages_du_site):
    runtime = next((site_construit / "pyodide").glob("3*"))
    gros = [
        runtime / "pyodide.asm.wasm",
        runtime / "pyodide.asm.mjs",
        *runtime.glob("python_stdlib.*.zip"),
        *(site_construit / "pyodide" / "paquets").glob("*.whl"),
        *(site_construit / p for p in pages_du_site),
    ]
    for fichier in gros:
        for extension in (".br", ".gz"):
            assert fichier.with_name(fichier.name + extension).is_file(), (fichier, extension)
    # The blank forms the tool pages fetch gain from it; most printed guides, compressed already, do not.
    vierges = sorted(p.name for p in (site_construit / "formulaires").glob("*.pdf.br"))
    assert vierges == ["cerfa-15458.pdf.br", "cerfa-16146.pdf.br"]
    guides = list((site_construit / "pdf").glob("*.pdf"))
    assert len(list((site_construit / "pdf").glob("*.pdf.br"))) <= len(guides) / 4
    wasm = runtime / "pyodide.asm.wasm"
    assert wasm.with_name(wasm.name + ".br").stat().st_size < wasm.stat().st_size / 3


class Section(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "data-octets" in a:
            self.octets, self.stdlib = json.loads(a["data-octets"]), a["data-stdlib"]


def test_la_page_annonce_les_octets_qui_circulent(site_construit):
    lue = Section()
    lue.feed((site_construit / page_de_l_outil("aj").lstrip("/")).read_text(encoding="utf-8"))
    runtime = next((site_construit / "pyodide").glob("3*"))
    fichiers = [runtime / "pyodide.asm.wasm", runtime / lue.stdlib.rsplit("/", 1)[1]]
    assert lue.octets["brut"] == [f.stat().st_size for f in fichiers]
    for encodage, extension in (("br", ".br"), ("gzip", ".gz")):
        assert lue.octets[encodage] == [f.with_name(f.name + extension).stat().st_size for f in fichiers]
