"""A small but complete project (mkdocs.yml, site_config, content, lexique, data) built in a
temp dir, with the repository's real theme and data files, as MkDocs' own tests build
fixture projects."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SITE_CONFIG = """\
nom: Site d'essai
description: Un site pour les tests.
langue: fr
url: https://essai.example.fr
pyodide: 314.0.7
bareme_aj: 2025
sortie_rapide: https://www.example.org/
navigation:
  - Accueil: index.md
  - Guides:
      - Le guide: guides/guide.md
  - Lexique: lexique.md
pdf: []
"""

LEXIQUE = """\
- terme: Ordonnance de protection
  variantes: [ordonnances de protection, OP]
  definition: Décision du juge qui protège une victime de violences.
  voir: [guides/guide.md]
- terme: Juge aux affaires familiales
  variantes: [JAF]
  definition: Le juge qui s'occupe des affaires de famille.
"""

PAGES = {
    "index.md": """\
        ---
        titre: Accueil d'essai
        description: La page d'accueil.
        type: accueil
        verifie_le: 2026-01-15
        sources:
          - titre: Source d'essai
        ---

        # Accueil d'essai

        Lire [le guide](guides/guide.md).

        {{ urgences }}
        """,
    "guides/guide.md": """\
        ---
        titre: Le guide de l'ordonnance
        description: Un guide imprimable.
        type: guide
        verifie_le: 2026-01-15
        sources:
          - titre: Code civil, art. 515-9
            url: https://www.legifrance.gouv.fr/
        pdf: true
        ---

        # Le guide de l'ordonnance de protection

        ## Qu'est-ce qu'une ordonnance de protection ?

        Le juge aux affaires familiales peut délivrer une ordonnance de protection.
        Une seconde ordonnance de protection n'est pas reliée, ni `OP` dans du code.
        Voir aussi [ce mot](lexique:juge-aux-affaires-familiales) et [le JAF](../index.md).

        | Cas | Montant |
        | :--- | ---: |
        | Un | 1 € |
        """,
}


def write_project(root: Path, pages: dict[str, str] | None = None, lexique: str = LEXIQUE) -> Path:
    shutil.copytree(REPO / "theme", root / "theme")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "site_config.yml").write_text(SITE_CONFIG, encoding="utf-8")
    content = root / "content"
    shutil.copytree(REPO / "content" / "data", content / "data")
    (content / "lexique.yml").write_text(lexique, encoding="utf-8")
    for rel, text in (PAGES if pages is None else pages).items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "projet")


@pytest.fixture
def build_project():
    """Build a project without the Pyodide bundle (tested on its own and in the real build)."""
    from generator.engine import build

    def _build(root: Path, **kwargs):
        kwargs.setdefault("with_pyodide", False)
        return build(root, **kwargs)

    return _build
