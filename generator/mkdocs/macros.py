"""Blocks generated from data, written in a page as a line holding only `{{ nom }}`.

Each macro returns Markdown computed at build time from content/data by the same
pyscripts the browser runs, so the static page and the simulator never disagree.
A macro receives the site configuration and the data the checks already read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..config import SiteConfig
from ..contenu.lexique import texte

LINE = re.compile(r"^\{\{\s*([a-z_]+)\s*\}\}\s*$")


def _urgences(config: SiteConfig, donnees: dict) -> str:
    data = donnees["urgences"]
    entries = data["urgence"] + data["ecoute"]
    with_hours = any("horaires" in e for e in entries)
    rows = [
        "| Numéro | Pour qui, pour quoi |" + (" Horaires |" if with_hours else ""),
        "| --- | --- |" + (" --- |" if with_hours else ""),
    ]
    for entry in entries:
        numero = entry["numero"]
        lien = entry.get("lien") or f"tel:{numero.replace(' ', '')}"
        row = f"| [**{texte(numero)}**]({lien}) | {texte(entry['libelle'])} : {texte(entry['quand'])} |"
        rows.append(row + (f" {texte(entry.get('horaires', ''))} |" if with_hours else ""))
    table = "\n".join(rows)
    if all(e.get("gratuit") is True for e in entries):
        table += "\n\nTous ces numéros et services sont gratuits."
    return table


def _bareme_aj(config: SiteConfig, donnees: dict) -> str:
    from pyscripts.aj import tableau_bareme_markdown

    return tableau_bareme_markdown(config.bareme_aj)


def _catalogue_delais(config: SiteConfig, donnees: dict) -> str:
    from pyscripts.delais import catalogue_markdown

    return catalogue_markdown()


def _formulaires(config: SiteConfig, donnees: dict) -> str:
    from .formulaires import liste_markdown

    return liste_markdown(config)


MACROS: dict[str, Callable[[SiteConfig, dict], str]] = {
    "urgences": _urgences,
    "bareme_aj": _bareme_aj,
    "catalogue_delais": _catalogue_delais,
    "formulaires": _formulaires,
}


def find(markdown: str) -> list[tuple[int, str]]:
    """(line offset in `markdown`, macro name) for every macro line."""
    return [(i, m.group(1)) for i, line in enumerate(markdown.split("\n")) if (m := LINE.match(line))]


def expand(markdown: str, config: SiteConfig, donnees: dict) -> str:
    lines = markdown.split("\n")
    for i, name in find(markdown):
        lines[i] = MACROS[name](config, donnees)
    return "\n".join(lines)
