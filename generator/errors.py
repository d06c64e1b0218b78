"""Errors the build reports to an editor: never a traceback, always a file and a line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class BuildError(Exception):
    """The build stopped; `str(exc)` is the French message shown to the editor."""


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
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
