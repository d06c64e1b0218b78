"""Errors the build reports to an editor: never a traceback, always a file and a line."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError


class BuildError(PluginError):
    """The build stopped; `str(exc)` is the French message shown to the editor.

    A PluginError, so that MkDocs (`mkdocs build`, `mkdocs serve`) prints the message
    and stops cleanly instead of showing a traceback."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in content/, reported as `content/path.md:LINE: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentErrors(BuildError):
    """All content problems found at once (the editor fixes them in one pass)."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


def line_of(path: Path, needle: str) -> int:
    """First line of `path` containing `needle` (1 when absent): where to point the editor."""
    if path.is_file():
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        for number, line in enumerate(lines, start=1):
            if needle in line:
                return number
    return 1


INCONNU = re.compile(r"has no attribute '([^']*)'|'([^']*)' is undefined")


def template_error(exc: Exception, root: Path) -> ContentError:
    """`theme/main.html:12: gabarit invalide (…)` for a Jinja error: a syntax error carries
    its place; for an error while rendering (an undefined name under StrictUndefined, a None where
    a list was expected), Jinja's rewritten traceback holds it."""
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
        return ContentError(rel, line or 1, f"gabarit invalide : « {m[1] or m[2]} » n'existe pas (faute de frappe ?)")
    return ContentError(rel, line or 1, f"gabarit invalide (Jinja : {message})")
