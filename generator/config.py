"""site_config.yml: the one file an editor reads to understand the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, ContentErrors

CONFIG_FILE = "site_config.yml"
REQUIRED = {"nom", "description", "langue", "url", "pyodide", "bareme_aj", "sortie_rapide", "navigation"}
OPTIONAL = {"pdf"}


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


def load_site_config(root: Path) -> SiteConfig:
    path = root / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        data = yaml.safe_load(text)
    except FileNotFoundError:
        raise ContentErrors([ContentError(CONFIG_FILE, 1, "fichier introuvable")]) from None
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        raise ContentErrors([ContentError(CONFIG_FILE, line, f"YAML invalide : {exc.problem}")]) from None
    if not isinstance(data, dict):
        raise ContentErrors([ContentError(CONFIG_FILE, 1, "le fichier doit être une table clé: valeur")])
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    errors = [ContentError(CONFIG_FILE, 1, f"clé obligatoire manquante : « {k} »") for k in sorted(REQUIRED - data.keys())]
    errors += [ContentError(CONFIG_FILE, lines[k], f"clé inconnue : « {k} » (attendues : {', '.join(sorted(REQUIRED | OPTIONAL))})")
               for k in sorted(data.keys() - REQUIRED - OPTIONAL)]
    if not errors and not isinstance(data["navigation"], list):
        errors.append(ContentError(CONFIG_FILE, lines["navigation"], "« navigation » doit être une liste"))
    if errors:
        raise ContentErrors(errors)
    return SiteConfig(root=root, nom=data["nom"], description=str(data["description"]).strip(),
                      langue=data["langue"], url=str(data["url"]).rstrip("/"), pyodide=str(data["pyodide"]),
                      bareme_aj=int(data["bareme_aj"]), sortie_rapide=data["sortie_rapide"],
                      navigation=data["navigation"], pdf=list(data.get("pdf") or []))
