"""Blocks generated from data, written in a page as a line holding only `{{ nom }}`.

Each macro returns Markdown computed at build time from content/data by the same
pyscripts the browser runs, so the static page and the simulator never disagree.
"""

from __future__ import annotations

import re
from typing import Callable

from .config import SiteConfig

LINE = re.compile(r"^\{\{\s*([a-z_]+)\s*\}\}\s*$")


def _urgences(config: SiteConfig) -> str:
    from pyscripts.donnees import charge

    data = charge("urgences")
    rows = ["| Numéro | Pour qui, pour quoi |", "| --- | --- |"]
    for entry in data["urgence"] + data["ecoute"]:
        numero = entry["numero"]
        lien = entry.get("lien") or f"tel:{numero.replace(' ', '')}"
        rows.append(f"| [**{numero}**]({lien}) | {entry['libelle']} : {entry['quand']} |")
    return "\n".join(rows) + "\n\nCes appels sont gratuits, depuis un fixe ou un portable, même bloqué ou sans crédit."


def _bareme_aj(config: SiteConfig) -> str:
    from pyscripts.aj import tableau_bareme_markdown

    return tableau_bareme_markdown(config.bareme_aj)


def _catalogue_delais(config: SiteConfig) -> str:
    from pyscripts.delais import catalogue_markdown

    return catalogue_markdown()


def _formulaires(config: SiteConfig) -> str:
    from . import lexique
    from .formulaires_plugin import liste_markdown

    termes, _ = lexique.load(config.content_dir)
    return liste_markdown(config, {t.slug for t in termes})


MACROS: dict[str, Callable[[SiteConfig], str]] = {
    "urgences": _urgences,
    "bareme_aj": _bareme_aj,
    "catalogue_delais": _catalogue_delais,
    "formulaires": _formulaires,
}


def find(markdown: str) -> list[tuple[int, str]]:
    """(line offset in `markdown`, macro name) for every macro line."""
    return [(i, m.group(1)) for i, line in enumerate(markdown.split("\n")) if (m := LINE.match(line))]


def expand(markdown: str, config: SiteConfig) -> str:
    lines = markdown.split("\n")
    for i, name in find(markdown):
        lines[i] = MACROS[name](config)
    return "\n".join(lines)
