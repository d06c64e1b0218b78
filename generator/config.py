"""site_config.yml: the one file an editor reads to understand the site.

Checked against generator/schemas/site_config.yml (errors at the real line);
the plugin then hands its values to MkDocs (`site_name`, `nav`, …), whose own
settings live in mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .contenu import schema
from .erreurs import ContentErrors

CONFIG_FILE = "site_config.yml"


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    nom: str
    description: str
    langue: str
    url: str
    pyodide: str
    bareme_aj: int
    sortie_rapide: str
    navigation: list
    pdf: list[str] = field(default_factory=list)
    path: Path | None = None  # the site_config.yml that was read

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def theme_dir(self) -> Path:
        return self.root / "theme"

    def nav_pages(self) -> list[str]:
        """Every page path named in the navigation, in order."""
        found: list[str] = []

        def walk(items):
            for item in items:
                value = next(iter(item.values())) if isinstance(item, dict) else item
                if isinstance(value, list):
                    walk(value)
                else:
                    found.append(value)

        walk(self.navigation)
        return found


def load_site_config(root: Path, path: Path | None = None) -> SiteConfig:
    """Read and check `path` (default root/site_config.yml); raise ContentErrors with every problem."""
    path = path or root / CONFIG_FILE
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data, errors = schema.valide_fichier(path, rel, "site_config")
    if errors:
        raise ContentErrors(errors)
    return SiteConfig(
        root=root,
        nom=data["nom"],
        description=" ".join(data["description"].split()),
        langue=data["langue"],
        url=data["url"],
        pyodide=data["pyodide"],
        bareme_aj=data["bareme_aj"],
        sortie_rapide=data["sortie_rapide"],
        navigation=data["navigation"],
        pdf=list(data.get("pdf") or []),
        path=path,
    )
