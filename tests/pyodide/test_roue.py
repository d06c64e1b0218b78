"""La roue pyscripts : valide (PEP 427), complète, reproductible, lisible sans PyYAML."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from packaging.utils import parse_wheel_filename

from generator.sorties.pyodide import NOM_PAQUET, roue_pyscripts
from generator.sorties.roue import HORODATAGE, empreinte
from tests.fixtures.pyodide import REPO, STEMS


@pytest.fixture(scope="module")
def roue(tmp_path_factory):
    return roue_pyscripts(REPO, tmp_path_factory.mktemp("roue"))


def test_nom_de_fichier_pep427_et_version_du_pyproject(roue):
    nom, version, build, tags = parse_wheel_filename(roue.name)
    assert nom == NOM_PAQUET and build == ()
    assert {str(t) for t in tags} == {"py3-none-any"}
    assert version.public == "0.1.0"  # from pyproject.toml; the local label is the content hash
    assert len(version.local) == 8


def test_record_liste_chaque_fichier_avec_son_empreinte(roue):
    with zipfile.ZipFile(roue) as archive:
        assert archive.testzip() is None
        noms = archive.namelist()
        record = next(n for n in noms if n.endswith(".dist-info/RECORD"))
        lignes = archive.read(record).decode().splitlines()
        attendu = {f"{n},{empreinte(archive.read(n))},{archive.getinfo(n).file_size}" for n in noms if n != record}
    assert set(lignes) == attendu | {f"{record},,"}
    assert len(lignes) == len(noms)
    assert noms[-1] == record


def test_metadonnees(roue):
    with zipfile.ZipFile(roue) as archive:
        dist_info = roue.name.split("-py3")[0] + ".dist-info"
        metadata = archive.read(f"{dist_info}/METADATA").decode()
        wheel = archive.read(f"{dist_info}/WHEEL").decode()
    version = parse_wheel_filename(roue.name)[1]
    assert f"Name: {NOM_PAQUET}\n" in metadata and f"Version: {version}\n" in metadata
    assert "Root-Is-Purelib: true\n" in wheel and "Tag: py3-none-any\n" in wheel


def test_contient_ce_qu_une_route_atteint_sans_caches_ni_code_de_construction(roue):
    sources = {
        f"pyscripts/{p.relative_to(REPO / 'pyscripts').as_posix()}"
        for p in (REPO / "pyscripts").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    # Command lines, build-time checks, the contexts the page templates read: never imported by a route.
    construction = {s for s in sources if s.endswith(("/__main__.py", "/formulaire.py", "/verification.py"))}
    with zipfile.ZipFile(roue) as archive:
        noms = set(archive.namelist())
    assert construction and not construction & noms
    assert sources - construction <= noms
    assert "pyscripts/api.py" in noms
    assert not [n for n in noms if "__pycache__" in n or n.endswith(".pyc")]  # the local caches are not shipped


def embarques(roue) -> list[str]:
    with zipfile.ZipFile(roue) as archive:
        return sorted(n.split("/")[-1].removesuffix(".json") for n in archive.namelist() if "/_donnees/" in n)


def test_embarque_en_json_compact_les_parametres_que_lisent_les_outils(roue):
    from pyscripts.donnees import charge
    from pyscripts.outils import donnees_requises

    assert "urgences" in STEMS and "urgences" not in embarques(roue)  # read by the pages, not by a route
    assert embarques(roue) == donnees_requises()
    with zipfile.ZipFile(roue) as archive:
        for stem in embarques(roue):
            texte = archive.read(f"pyscripts/_donnees/{stem}.json").decode()
            assert json.loads(texte) == charge(stem) and "\n" not in texte


def test_deux_constructions_donnent_les_memes_octets(roue, tmp_path):
    assert roue_pyscripts(REPO, tmp_path).read_bytes() == roue.read_bytes()
    with zipfile.ZipFile(roue) as archive:
        infos = archive.infolist()
    # Fixed metadata, not the source files' mtimes, makes it reproducible on any checkout.
    assert {i.date_time for i in infos} == {HORODATAGE}
    assert {i.external_attr for i in infos} == {0o100644 << 16}


def test_les_donnees_embarquees_se_lisent_sans_pyyaml_ni_depot(roue, tmp_path):
    """As in the browser: the wheel alone on sys.path, no site-packages (-S), no content/."""
    with zipfile.ZipFile(roue) as archive:
        archive.extractall(tmp_path)
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from pyscripts import donnees;"
        "assert not donnees.DOSSIER_SOURCE.exists();"
        "print(json.dumps({n: donnees.charge(n) for n in sys.argv[2:]}))"
    )
    fini = subprocess.run(
        [sys.executable, "-S", "-c", code, str(tmp_path), *embarques(roue)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    from pyscripts.donnees import charge

    assert json.loads(fini.stdout) == {s: charge(s) for s in embarques(roue)}
