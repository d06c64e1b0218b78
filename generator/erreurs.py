"""Errors the build reports to an editor: never a traceback, always a file and a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
