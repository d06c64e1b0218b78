"""Les blocs tirés des données, écrits dans une page par une ligne qui ne contient que `{{ nom }}`.

Chaque bloc rend du Markdown calculé à la construction depuis content/data par les mêmes pyscripts
que le navigateur : la page statique et le simulateur ne se contredisent jamais. Un bloc reçoit la
configuration du site et ce que les contrôles ont déjà lu (validation.Contenu).
`{{ rubrique <formulaire> <id> }}` et `{{ champ <formulaire> <nom>… }}` prennent des arguments : les
libellés officiels d'un formulaire (libelles.py). Les valeurs dans une phrase (`{{ numero police }}`)
sont dans valeurs.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..config import ConfigDuSite
from ..contenu.lexique import texte
from . import libelles, valeurs

if TYPE_CHECKING:
    from ..contenu.validation import Contenu

LINE = re.compile(r"^\{\{\s*([a-z_]+)((?:\s+[a-z0-9_.-]+)*)\s*\}\}\s*$")


def _urgences(config: ConfigDuSite, contenu: Contenu) -> str:
    data = contenu.donnees["urgences"]
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


def _bareme_aj(config: ConfigDuSite, contenu: Contenu) -> str:
    from pyscripts.aj import tableau_bareme_markdown

    return tableau_bareme_markdown(config.bareme_aj)


def _catalogue_delais(config: ConfigDuSite, contenu: Contenu) -> str:
    from pyscripts.delais import catalogue_markdown

    return catalogue_markdown()


def _formulaires(config: ConfigDuSite, contenu: Contenu) -> str:
    from .formulaires import liste_markdown

    return liste_markdown(config, list(contenu.formulaires.values()))


MACROS: dict[str, Callable[[ConfigDuSite, Contenu], str]] = {
    "urgences": _urgences,
    "bareme_aj": _bareme_aj,
    "catalogue_delais": _catalogue_delais,
    "formulaires": _formulaires,
}


# Les blocs à arguments : les libellés d'un formulaire (les définitions sont content/formulaires/*.yml).
AVEC_ARGUMENTS = {"rubrique": libelles.rubrique, "champ": libelles.champ}


def expand(markdown: str, config: ConfigDuSite, contenu: Contenu, langue: str = "fr") -> str:
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if m := LINE.match(line):
            name, args = m.group(1), m.group(2).split()
            if name in AVEC_ARGUMENTS:
                lines[i] = AVEC_ARGUMENTS[name](contenu.formulaires, *args)
            else:
                lines[i] = MACROS[name](config, contenu)
        elif "{{" in line:
            lines[i] = valeurs.remplace(line, contenu.donnees, config.bareme_aj, langue)
    return "\n".join(lines)
