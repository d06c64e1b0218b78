"""Dans une page écrite de droite à gauche (arabe), chaque passage en lettres latines — un nom français
(« ordonnance de protection », « Cerfa 16146 »), le nom du site — est marqué `<span lang="fr" dir="ltr">`.

Sans cela, l'algorithme bidirectionnel mêle le passage à la phrase arabe : une parenthèse ou un point
voisin change de côté, une coupure de ligne inverse l'ordre des mots (« (ordonnance de » puis
« protection) »). Marqué, le passage est isolé (dir) et lu par un lecteur d'écran avec la voix française
(lang). Les blocs déjà marqués (libellés officiels, carte d'interprète : libelles.py) sont laissés tels
quels, comme le code.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX, AtomicString

LETTRES = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# Un passage commence par une lettre latine et finit par une lettre ou un chiffre ; entre les deux, des
# mots latins, leurs chiffres, apostrophes, traits d'union et espaces (jamais une lettre arabe).
PASSAGE = re.compile(rf"[{LETTRES}](?:[{LETTRES}0-9'’\-.,/ \u00a0]*[{LETTRES}0-9])?")
# Le HTML écrit dans la page est remplacé, à ce stade, par des repères (STX « wzxhzdk:3 » ETX) : intacts.
REPERE = re.compile(STX + r"[^\x03]*\x03")
SAUTES = {"code", "pre", "script", "style", "bdi", "kbd", "samp"}


class IsoleLeLatin(Treeprocessor):
    def __init__(self, md, ext: BidiExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.actif:
            self._parcours(root)

    def _parcours(self, el: etree.Element) -> None:
        if el.tag in SAUTES or "lang" in el.attrib or "dir" in el.attrib:
            return
        if el.text and not isinstance(el.text, AtomicString) and (noeuds := _decoupe(el.text)):
            el.text = noeuds[0]
            for i, noeud in enumerate(noeuds[1:]):
                el.insert(i, noeud)
        for enfant in list(el):
            self._parcours(enfant)
            if enfant.tail and not isinstance(enfant.tail, AtomicString) and (noeuds := _decoupe(enfant.tail)):
                enfant.tail = noeuds[0]
                rang = list(el).index(enfant)
                for j, noeud in enumerate(noeuds[1:], start=1):
                    el.insert(rang + j, noeud)


def _decoupe(texte: str) -> list | None:
    """[texte de tête, <span>, <span>…] (chaque <span> porte le texte qui le suit) ; None sans lettre latine."""
    reperes = [range(m.start(), m.end()) for m in REPERE.finditer(texte)]
    trouves = [m for m in PASSAGE.finditer(texte) if not any(m.start() in r for r in reperes)]
    if not trouves:
        return None
    noeuds: list = [texte[: trouves[0].start()]]
    for k, m in enumerate(trouves):
        span = etree.Element("span", {"lang": "fr", "dir": "ltr"})
        span.text = AtomicString(m.group(0))
        span.tail = texte[m.end() : trouves[k + 1].start() if k + 1 < len(trouves) else len(texte)]
        noeuds.append(span)
    return noeuds


class BidiExtension(Extension):
    """Active pour les pages de droite à gauche seulement (le plugin le règle à chaque page)."""

    def __init__(self):
        super().__init__()
        self.actif = False

    def extendMarkdown(self, md) -> None:
        # Après le lexique (3) et avant les liens de MkDocs (0) : le texte final des paragraphes et des liens.
        md.treeprocessors.register(IsoleLeLatin(md, self), "bidi", 2)
