"""`pyodide py-compile` de pyodide-build, employé quand l'hôte a le CPython de Pyodide (3.14 pour Pyodide 314).

Ces machines n'ont pas de CPython 3.14 : une paire factice `python3.99` + `pyodide` prouve la tuyauterie
(trouvée dans le PATH, lancée sur un zip des fichiers à compiler, ses .pyc rendus à empreinte non
vérifiée et rendus).
"""

from __future__ import annotations

import py_compile
import stat
import sys
import zipfile

import pytest

from generator.erreurs import ErreurDeConstruction
from generator.sorties import pyodide_compile

FAUX_PYODIDE = f"""#!{sys.executable}
# Stand-in for pyodide-build's CLI: `pyodide py-compile --silent ARCHIVE` (each .py → .pyc beside it).
import os, py_compile, sys, tempfile, zipfile
assert sys.argv[1:3] == ["py-compile", "--silent"], sys.argv
assert os.environ.get("SOURCE_DATE_EPOCH") == "0"  # so that py_compile writes hash-based .pyc
archive = sys.argv[3]
with zipfile.ZipFile(archive) as entree:
    fichiers = {{n: entree.read(n) for n in entree.namelist()}}
with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(archive, "w") as sortie:
    for nom, contenu in fichiers.items():
        source = os.path.join(tmp, "m.py")
        with open(source, "wb") as f:
            f.write(contenu)
        py_compile.compile(source, cfile=source + "c", dfile=nom, doraise=True)
        with open(source + "c", "rb") as f:
            sortie.writestr(nom + "c", f.read())
"""


def executable(chemin, texte):
    chemin.write_text(texte)
    chemin.chmod(chemin.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def hote(tmp_path, monkeypatch):
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    executable(bin_ / "python3.99", "#!/bin/sh\necho 3.99\n")  # "import pyodide_build" works, version 3.99
    executable(bin_ / "pyodide", FAUX_PYODIDE)
    monkeypatch.setenv("PATH", f"{bin_}:/usr/bin:/bin")
    return bin_


def test_sans_cpython_de_pyodide_pas_de_compilateur_hote(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert pyodide_compile.compilateur_hote("3.14") is None


def test_compilateur_hote_trouve_et_utilise(hote, tmp_path):
    assert pyodide_compile.compilateur_hote("3.99") == hote / "pyodide"
    assert pyodide_compile.compilateur_hote("3.98") is None
    stdlib = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(stdlib, "w") as archive:
        archive.writestr("json/__init__.py", "X = 1\n")
        archive.writestr("pas_importe.py", "Y = 2\n")
    compiles = pyodide_compile._compile_hote(
        hote / "pyodide",
        stdlib,
        ["json/__init__.py"],
        {"pyscripts/api.py": b"Z = 3\n", "pyscripts/_donnees/a.json": b"{}"},
        tmp_path,
    )
    assert sorted(compiles) == ["site/pyscripts/api.pyc", "stdlib/json/__init__.pyc"]
    for pyc in compiles.values():
        assert pyc[4:8] == (1).to_bytes(4, "little")  # made unchecked: the source is never read again


def test_un_pyc_date_est_refuse(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("X = 1\n")
    py_compile.compile(
        str(source), cfile=str(tmp_path / "m.pyc"), invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP
    )
    with pytest.raises(ErreurDeConstruction, match="datés"):
        pyodide_compile.non_verifie((tmp_path / "m.pyc").read_bytes())
