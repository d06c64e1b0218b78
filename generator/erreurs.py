"""Les erreurs que la construction dit au rédacteur : jamais une trace, toujours un fichier et une ligne."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError


class ErreurDeConstruction(PluginError):
    """La construction s'est arrêtée ; `str(exc)` est le message en français montré au rédacteur.

    Une PluginError, pour que MkDocs (`mkdocs build`, `mkdocs serve`) écrive le message et
    s'arrête proprement au lieu de montrer une trace."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, order=True)
class ErreurDeContenu:
    """Un problème dans content/, dit `content/chemin.md:LIGNE: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ErreursDeContenu(ErreurDeConstruction):
    """Tous les problèmes du contenu trouvés d'un coup (le rédacteur les corrige en une fois)."""

    def __init__(self, errors: list[ErreurDeContenu]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


def line_of(path: Path, needle: str) -> int:
    """La première ligne de `path` qui contient `needle` (1 sinon) : où envoyer le rédacteur."""
    if path.is_file():
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1


INCONNU = re.compile(r"has no attribute '([^']*)'|'([^']*)' is undefined")


def template_error(exc: Exception, root: Path) -> ErreurDeContenu:
    """`theme/main.html:12: gabarit invalide (…)` pour une erreur de Jinja : une erreur de syntaxe porte
    sa place ; pour une erreur au rendu (un nom inconnu sous StrictUndefined, un None là où une liste
    était attendue), la trace réécrite par Jinja la donne."""
    name, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if name is None:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".html")]
        if frames:
            name, line = frames[-1].filename, frames[-1].lineno
    path = Path(name or "?")
    rel = (
        path.relative_to(root).as_posix() if path.is_absolute() and path.is_relative_to(root) else f"theme/{path.name}"
    )
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, jinja2.UndefinedError) and (m := INCONNU.search(message)):
        return ErreurDeContenu(
            rel, line or 1, f"gabarit invalide : « {m[1] or m[2]} » n'existe pas (faute de frappe ?)"
        )
    return ErreurDeContenu(rel, line or 1, f"gabarit invalide (Jinja : {message})")
