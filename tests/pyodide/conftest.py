import pytest

from .noeud import construit_site


@pytest.fixture(scope="session")
def runtime(tmp_path_factory):
    """site/pyodide/<version>/ of one bundle shared by the tests that only read it."""
    return construit_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def paquets(runtime):
    return runtime.parent / "paquets"
