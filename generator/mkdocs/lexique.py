"""Le lexique lié automatiquement dans chaque page (première occurrence, jamais dans un titre, un
lien ou du code), comme le fait le Code du travail numérique avec son glossaire.

Les liens sont posés par un treeprocessor de Python-Markdown enregistré en priorité 3 : le
réécrivain et le vérificateur de liens de MkDocs (priorité 0) contrôlent ensuite ceux qu'il pose.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..contenu.lexique import PAGE, Terme

# Les balises dont le texte n'est jamais lié : titres, liens, code, et nos propres balises.
SKIP_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "abbr",
    "dfn",
    "button",
    "label",
    "script",
    "style",
    "summary",
}
SKIP_CLASSES = {"admonition-title", "terme-def", "sans-lexique"}


def _pattern(forme: str) -> str:
    # Les sigles (AJ, RFR, JAF) se cherchent tels quels ; les autres mots admettent une majuscule initiale.
    escaped = re.escape(forme).replace(r"\ ", r"\s+")
    if forme.isupper():
        return escaped
    first = forme[0]
    return f"[{first.lower()}{first.upper()}]" + escaped[len(re.escape(first)) :]


class LexiqueLinker(Treeprocessor):
    """Lie la première occurrence de chaque terme d'une page à son entrée du lexique."""

    def __init__(self, md, ext: LexiqueExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        page = self.ext.current_page
        if not self.ext.termes or page is None or page == PAGE:
            return
        depth = page.count("/")
        self.href = "../" * depth + PAGE
        self.done: set[str] = set()
        self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        if el.tag in SKIP_TAGS or SKIP_CLASSES & set((el.get("class") or "").split()):
            return
        if el.text and not isinstance(el.text, AtomicString):
            nodes = self._link(el.text)
            if nodes:
                el.text = nodes[0]
                for i, node in enumerate(nodes[1:]):
                    el.insert(i, node)
        for child in list(el):
            self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                nodes = self._link(child.tail)
                if nodes:
                    child.tail = nodes[0]
                    index = list(el).index(child)
                    for j, node in enumerate(nodes[1:], start=1):
                        el.insert(index + j, node)

    def _link(self, text: str):
        """Découpe `text` en [texte de tête, <a>, <a>, …] (chaque <a> porte le texte qui le suit) ; None sans correspondance."""
        made = []
        for m in self.ext.regex.finditer(text):
            terme = self.ext.by_form[_key(m.group(0))]
            if terme.slug not in self.done:
                self.done.add(terme.slug)
                made.append((m.start(), m.end(), terme))
        if not made:
            return None
        nodes: list = [text[: made[0][0]]]
        for k, (start, end, terme) in enumerate(made):
            nodes.append(lien_terme(f"{self.href}#{terme.slug}", terme.definition, text[start:end]))
            nodes[-1].tail = text[end : made[k + 1][0] if k + 1 < len(made) else len(text)]
        return nodes


def lien_terme(href: str, definition: str, texte: str) -> etree.Element:
    """Un lien vers l'entrée du lexique, qui porte sa définition dans data-definition.

    site.js en fait un bouton qui ouvre la définition sur place (ni nouvel onglet, ni page dans
    l'historique) ; sans JavaScript, il reste un lien. La définition est un attribut, pas du texte :
    la recherche de MkDocs ne l'indexe pas dans chaque section.
    """
    a = etree.Element("a", {"href": href, "class": "terme", "data-definition": definition})
    a.text = AtomicString(texte)
    return a


def _key(forme: str) -> str:
    return re.sub(r"\s+", " ", forme).lower()


class LexiqueExtension(Extension):
    def __init__(self, termes: list[Terme]):
        super().__init__()
        self.termes = termes
        self.current_page: str | None = None
        self.by_form = {_key(f): t for t in termes for f in t.formes()}
        formes = sorted((f for t in termes for f in t.formes()), key=len, reverse=True)
        alternation = "|".join(_pattern(f) for f in formes) or r"(?!x)x"
        self.regex = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(LexiqueLinker(md, self), "lexique", 3)
