"""site_config.yml : le seul fichier qu'un rédacteur lit pour comprendre le site.

Vérifié par generator/schemas/site_config.yml (erreurs à leur ligne) ; le plugin
donne ensuite ses valeurs à MkDocs (`site_name`, `nav`…), dont les réglages propres
sont dans mkdocs.yml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .contenu import schema
from .erreurs import ErreurDeConstruction, ErreursDeContenu

CONFIG_FILE = "site_config.yml"


@dataclass(frozen=True)
class ConfigDuSite:
    root: Path
    nom: str
    description: str
    langue: str
    url: str
    bareme_aj: int
    sortie_rapide: str
    navigation: list
    pdf: list[str] = field(default_factory=list)
    # {code: {securite: page, navigation: [...]}} : les pages d'une autre langue, leur menu à elles
    langues: dict = field(default_factory=dict)
    path: Path | None = None  # le site_config.yml lu

    @property
    def pyodide(self) -> str:
        """La version de Pyodide : le paquet npm que nomme package.json (npm l'installe, la construction le
        copie). Lue à la demande : vérifier le contenu n'en a pas besoin."""
        return version_pyodide(self.root)

    @property
    def dossier_contenu(self) -> Path:
        return self.root / "content"

    @property
    def dossier_theme(self) -> Path:
        return self.root / "theme"

    def nav_mkdocs(self) -> list:
        """La navigation que reçoit MkDocs : le menu français, puis une rubrique par autre langue (ses pages
        ont leur propre menu, dans leur langue : on_page_context du plugin choisit celui de la page)."""
        return self.navigation + [{code: langue["navigation"]} for code, langue in self.langues.items()]

    def nav_pages(self, navigation: list | None = None) -> list[str]:
        """Chaque page que cite la navigation (toutes les langues, ou `navigation`), dans l'ordre."""
        found: list[str] = []

        def walk(items):
            for item in items:
                value = next(iter(item.values())) if isinstance(item, dict) else item
                if isinstance(value, list):
                    walk(value)
                else:
                    found.append(value)

        walk(self.nav_mkdocs() if navigation is None else navigation)
        return found


def version_pyodide(root: Path) -> str:
    """La version du paquet npm `pyodide` que demande package.json : écrite là seulement."""
    try:
        return json.loads((root / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    except (OSError, ValueError, KeyError):
        raise ErreurDeConstruction(
            "package.json illisible ou sans la dépendance « pyodide » : c'est lui qui en fixe la version."
        ) from None


def lit_config_du_site(root: Path, path: Path | None = None) -> ConfigDuSite:
    """Lit et vérifie `path` (par défaut root/site_config.yml) ; ErreursDeContenu avec chaque problème."""
    path = path or root / CONFIG_FILE
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data, errors = schema.valide_fichier(path, rel, "site_config")
    if errors:
        raise ErreursDeContenu(errors)
    return ConfigDuSite(
        root=root,
        nom=data["nom"],
        description=" ".join(data["description"].split()),
        langue=data["langue"],
        url=data["url"],
        bareme_aj=data["bareme_aj"],
        sortie_rapide=data["sortie_rapide"],
        navigation=data["navigation"],
        pdf=list(data.get("pdf") or []),
        langues=dict(data.get("langues") or {}),
        path=path,
    )
