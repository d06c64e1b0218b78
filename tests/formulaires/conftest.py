"""Fixtures of the forms tests: the definitions and blank PDFs as the build makes them, and the
real site for browser tests (fixtures of tests/navigateur)."""

from __future__ import annotations

from pathlib import Path

import pytest

# The real site and one Chromium page per test (requests to other origins aborted and recorded).
from tests.navigateur.conftest import adresse, page_, site_construit, stockage_vide  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def definitions():
    """The checked definitions of content/formulaires/ (the build's own loader)."""
    from generator import formulaires, lexique

    termes, _ = lexique.load(REPO / "content")
    chargees, erreurs = formulaires.charge_tout(REPO / "content", {t.slug for t in termes})
    assert not erreurs, "\n".join(map(str, erreurs))
    return {d.id: d.donnees for d in chargees}


@pytest.fixture(scope="session")
def pdf_vierge(tmp_path_factory, definitions) -> dict[str, bytes]:
    """{id: blank PDF bytes}, written by the build's own code (cached by content hash)."""
    from generator import formulaires_rendu as rendu
    from generator.config import load_site_config
    from generator.formulaires_site import chemin_pdf, ecrit_pdfs

    site = load_site_config(REPO)
    prets = {ident: rendu.prepare(d, site.nom) for ident, d in definitions.items()}
    dossier = tmp_path_factory.mktemp("site")
    ecrit_pdfs(site, rendu.environnement(site.theme_dir), prets, dossier, REPO / "build" / "cache" / "pdf")
    return {ident: (dossier / chemin_pdf(ident)).read_bytes() for ident in prets}
