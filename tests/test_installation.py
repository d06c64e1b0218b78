"""Ce que `make install` installe : requirements.lock suit pyproject.toml, et chaque version
n'est écrite qu'à un endroit (pypdf dans pyproject.toml, Pyodide dans package.json)."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from generator.config import lit_config_du_site
from tests.fixtures.chemins import REPO


def _verrou() -> dict[str, Version]:
    epingles = {}
    for ligne in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        exigence = ligne.split("#")[0].split(";")[0].strip()
        if exigence:
            nom, _, version = exigence.partition("==")
            epingles[canonicalize_name(nom)] = Version(version)
    return epingles


def test_le_verrou_donne_chaque_dependance_a_une_version_permise():
    projet = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    nom_du_projet = canonicalize_name(projet["name"])
    exigences = [
        Requirement(e)
        for e in [*projet["dependencies"], *(d for extra in projet["optional-dependencies"].values() for d in extra)]
    ]
    epingles = _verrou()
    for exigence in exigences:
        nom = canonicalize_name(exigence.name)
        if nom == nom_du_projet:
            continue
        assert nom in epingles, f"{exigence.name} manque dans requirements.lock : lancez `make verrou`"
        assert epingles[nom] in exigence.specifier, f"{exigence} : requirements.lock a {epingles[nom]}"


def test_pypdf_installe_est_celui_du_verrou():
    assert Version(metadata.version("pypdf")) == _verrou()["pypdf"]


def test_la_version_de_pyodide_est_celle_de_package_json_seulement():
    paquet = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert lit_config_du_site(REPO).pyodide == paquet["dependencies"]["pyodide"]
    assert not re.search(r"(?m)^pyodide:", (REPO / "site_config.yml").read_text(encoding="utf-8"))
