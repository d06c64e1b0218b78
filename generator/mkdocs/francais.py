"""Les avertissements de MkDocs, dits en français avec le fichier et la ligne qu'un rédacteur doit ouvrir.

`EnFrancais` est un filtre de journalisation posé sur les journaux de MkDocs qui émettent les
avertissements (le filtre d'un journal passe avant tout gestionnaire : `mkdocs serve`, `mkdocs build`
et `python -m generator build` écrivent tous le texte français). Les formes connues sont traduites ;
les autres reçoivent un préfixe en français et le texte d'origine.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from ..erreurs import line_of

LOGGERS = (
    "mkdocs.structure.pages",
    "mkdocs.structure.nav",
    "mkdocs.structure.files",
    "mkdocs.commands.build",
    "mkdocs.config",
    "mkdocs.plugins",
    "mkdocs.theme",
    "mkdocs.utils",
)
SUGGESTION = r"(?: Did you mean '(?P<suggestion>[^']*)'\?)?"
DOC = r"Doc file '(?P<src>[^']+)' contains "
SHAPES = [
    (
        re.compile(
            DOC
            + r"a link '(?P<link>[^']+)', but the target(?: '[^']*')? is not found among documentation files\."
            + SUGGESTION
            + "$"
        ),
        "lien cassé : « {link} » ne mène à aucune page de content/",
    ),
    (
        re.compile(DOC + r"an unrecognized relative link '(?P<link>[^']+)', it was left as is\." + SUGGESTION + "$"),
        "lien relatif non reconnu : « {link} » (visez un fichier .md)",
    ),
    (
        re.compile(
            DOC
            + r"a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'\.$"
        ),
        "ancre introuvable : « {link} » : content/{doc} n'a pas de titre ou d'ancre « #{anchor} »",
    ),
    (
        re.compile(
            DOC + r"a link '(?P<link>[^']+)', but there is no such anchor on this page\.(?P<footnote> This seems.*)?$"
        ),
        "ancre introuvable : « {link} » : cette page n'a pas de titre ou d'ancre de ce nom",
    ),
    (
        re.compile(DOC + r"an absolute link '(?P<link>[^']+)', it was left as is\." + SUGGESTION + "$"),
        "lien absolu « {link} » : utilisez un chemin relatif vers le fichier .md",
    ),
    (
        re.compile(DOC + r"a link to '(?P<link>[^']+)' which is excluded from the built site\.$"),
        "lien vers « {link} », qui n'est pas publié (fichier exclu du site)",
    ),
]
OMITTED = re.compile(
    r"^The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n(?P<pages>.*)$",
    re.S,
)
NAV_MISSING = re.compile(
    r"^A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found in the documentation files\.$"
)


def translate(message: str, dossier_contenu: Path, site_config: Path) -> str:
    """Le texte français d'un message de MkDocs ; `chemin:ligne: …` quand il concerne un fichier."""
    for shape, french in SHAPES:
        if m := shape.match(message):
            src = m.group("src")
            text = french.format(**m.groupdict())
            if m.groupdict().get("suggestion"):
                text += f" (vouliez-vous dire « {m.group('suggestion')} » ?)"
            return f"content/{src}:{_line(dossier_contenu / src, m.group('link'))}: {text}"
    if m := OMITTED.match(message):
        pages = [p.strip().removeprefix("- ") for p in m.group("pages").splitlines() if p.strip()]
        return "\n".join(f"content/{p}:1: page absente de la navigation ({site_config.name})" for p in pages)
    if m := NAV_MISSING.match(message):
        return (
            f"{site_config.name}:{line_of(site_config, m.group('link'))}: la navigation cite « {m.group('link')} », "
            "qui n'existe pas dans content/"
        )
    return f"MkDocs signale : {message}"


def _line(page: Path, link: str) -> int:
    """Où la page écrit le lien : tel quel, sinon son ancre, sinon son chemin."""
    path, _, anchor = link.partition("#")
    for needle in (f"({link}", link, f"#{anchor}" if anchor else "", path):
        if needle and (line := line_of(page, needle)) > 1:
            return line
    return 1


class EnFrancais(logging.Filter):
    """Récrit en français les messages WARNING et plus de MkDocs (idempotent : un texte français reste tel quel)."""

    def __init__(self, dossier_contenu: Path, site_config: Path):
        super().__init__()
        self.dossier_contenu = dossier_contenu
        self.site_config = site_config
        self.messages: list[str] = []  # chaque avertissement, traduit, pour le rapport final de la construction

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and not getattr(record, "en_francais", False):
            record.msg = translate(record.getMessage(), self.dossier_contenu, self.site_config)
            record.args = ()
            record.en_francais = True
            self.messages.append(record.msg)
        return True

    def install(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).addFilter(self)

    def remove(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)
