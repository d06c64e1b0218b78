"""Sur un écran étroit, un tableau défile dans sa propre boîte, jamais la page entière.

Chaque tableau Markdown est enveloppé dans `<div class="tableau" role="region" tabindex="0"
aria-label="Tableau : <le titre au-dessus>">` : la boîte défile de côté (site.css), et une personne au
clavier peut y placer le focus pour la faire défiler avec les flèches (WCAG 2.1.1 ; règle d'axe
« scrollable-region-focusable »). Sans nom, une région n'est que du bruit pour un lecteur d'écran :
elle prend le texte du titre le plus proche.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _texte(el: etree.Element) -> str:
    return " ".join("".join(el.itertext()).split())


class Enveloppe(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        titre = ""
        parents = {enfant: parent for parent in root.iter() for enfant in parent}
        for el in list(root.iter()):
            if el.tag in HEADINGS:
                titre = _texte(el)
            elif el.tag == "table" and "tableau" not in (parents[el].get("class") or "").split():
                parent = parents[el]
                boite = etree.Element(
                    "div",
                    {
                        "class": "tableau",
                        "role": "region",
                        "tabindex": "0",
                        "aria-label": f"Tableau : {titre}" if titre else "Tableau",
                    },
                )
                position = list(parent).index(el)
                parent.remove(el)
                boite.append(el)
                boite.tail, el.tail = el.tail, None
                parent.insert(position, boite)


class TableauxExtension(Extension):
    def extendMarkdown(self, md) -> None:
        # Après que l'extension tables les a construits (l'arbre est complet pour tout treeprocessor).
        md.treeprocessors.register(Enveloppe(md), "tableaux", 2)
