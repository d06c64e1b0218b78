"""Les .br et .gz que la construction écrit à côté des gros fichiers : fidèles, reproductibles, en cache,
seulement là où ils font gagner quelque chose."""

from __future__ import annotations

import gzip
import os

import brotli

from generator.sorties.compression import MINIMUM, precompresse


def site(dossier):
    (dossier / "pyodide").mkdir(parents=True)
    (dossier / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm" + bytes(range(256)) * 100)
    (dossier / "index.html").write_text("<p>Bonjour</p>\n" * 500, encoding="utf-8")
    (dossier / "petit.css").write_text("a{}", encoding="utf-8")  # under MINIMUM: not worth a request header
    (dossier / "police.woff2").write_bytes(b"wOF2" * 1000)  # WOFF2, PNG: compressed by their format, never tried
    (dossier / "guide.pdf").write_bytes(b"%PDF" + os.urandom(4 * MINIMUM))  # a PDF already compressed: no variant
    (dossier / "hasard.json").write_bytes(os.urandom(4 * MINIMUM))  # incompressible: no variant
    return dossier


def test_variantes_fideles_et_seulement_utiles(tmp_path):
    dossier = site(tmp_path / "site")
    rapport = precompresse(dossier, tmp_path / "cache")
    ecrits = sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*.br")) + sorted(
        p.relative_to(dossier).as_posix() for p in dossier.rglob("*.gz")
    )
    assert ecrits == ["index.html.br", "pyodide/pyodide.asm.wasm.br", "index.html.gz", "pyodide/pyodide.asm.wasm.gz"]
    assert rapport == {"ecrits": 4, "calcules": 8}  # hasard.json and guide.pdf compressed, then judged not worth it
    for fichier in ("index.html", "pyodide/pyodide.asm.wasm"):
        original = (dossier / fichier).read_bytes()
        assert brotli.decompress((dossier / f"{fichier}.br").read_bytes()) == original
        assert gzip.decompress((dossier / f"{fichier}.gz").read_bytes()) == original


def test_reproductible_et_en_cache(tmp_path):
    premier, second = site(tmp_path / "un"), site(tmp_path / "deux")
    (second / "pyodide" / "pyodide.asm.wasm").write_bytes((premier / "pyodide" / "pyodide.asm.wasm").read_bytes())
    (second / "hasard.json").write_bytes((premier / "hasard.json").read_bytes())
    (second / "guide.pdf").write_bytes((premier / "guide.pdf").read_bytes())
    precompresse(premier, tmp_path / "cache")
    assert precompresse(second, tmp_path / "cache") == {"ecrits": 4, "calcules": 0}  # nothing compressed again
    for variante in premier.rglob("*.[bg][rz]"):
        assert variante.read_bytes() == (second / variante.relative_to(premier)).read_bytes()
    assert not list((tmp_path / "cache").glob("*.tmp"))
