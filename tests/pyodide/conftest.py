import pytest

from .noeud import PyodideNode, construit_site


@pytest.fixture(scope="session")
def runtime(tmp_path_factory):
    """site/pyodide/<version>/ of one bundle shared by the tests that only read it (pypdf asked for,
    as a forms page would: the real site, which asks for nothing yet, is tested without it)."""
    return construit_site(tmp_path_factory.mktemp("site"), paquets=("pypdf",))


@pytest.fixture(scope="session")
def paquets(runtime):
    return runtime.parent / "paquets"


@pytest.fixture(scope="session")
def pyodide_node(runtime):
    """ONE Pyodide in Node for the session, our package loaded: `pyodide_node.demande({"cas": […]})`."""
    with PyodideNode(runtime) as processus:
        yield processus
