"""Les erreurs que la construction dit au rédacteur : jamais une trace, toujours un fichier et une ligne."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError


class BuildError(PluginError):
    """La construction s'est arrêtée ; `str(exc)` est le message en français montré au rédacteur.

    Une PluginError, pour que MkDocs (`mkdocs build`, `mkdocs serve`) écrive le message et
    s'arrête proprement au lieu de montrer une trace."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, order=True)
class ContentError:
    """Un problème dans content/, dit `content/chemin.md:LIGNE: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentErrors(BuildError):
    """Tous les problèmes du contenu trouvés d'un coup (le rédacteur les corrige en une fois)."""

    def __init__(self, errors: list[ContentError]):
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
