"""Tables scroll inside their own box on a narrow screen, never the whole page.

Each Markdown table is wrapped in `<div class="tableau" role="region" tabindex="0"
aria-label="Tableau : <the heading above it>">`: the box scrolls sideways (site.css),
and a keyboard user can focus it to scroll it with the arrow keys (WCAG 2.1.1; axe
rule « scrollable-region-focusable »). Without a name a region is noise to a screen
reader, so it borrows the nearest heading's text.
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
        # After the tables extension built them (the tree is complete at any treeprocessor).
        md.treeprocessors.register(Enveloppe(md), "tableaux", 2)
