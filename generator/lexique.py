"""The lexique: content/lexique.yml loaded and checked, rendered as a page, and
linked automatically in every page (first occurrence, never inside headings,
links or code), as the Code du travail numérique does with its glossary.

The linking is a Python-Markdown tree-processor registered at priority 3, so
MkDocs' own link rewriter and validator (priority 0) check the links it emits.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import lecture
from .errors import ContentError

FILE = "lexique.yml"
PAGE = "lexique.md"
KEYS_REQUIRED = {"terme", "definition"}
KEYS_OPTIONAL = {"variantes", "voir"}
# Tags whose text is never linked: headings, links, code, and our own markup.
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


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sort_key(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass
class Terme:
    terme: str
    definition: str
    line: int
    variantes: list[str] = field(default_factory=list)
    voir: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slugify(self.terme)

    def formes(self) -> list[str]:
        return [self.terme, *self.variantes]


def load(content_dir: Path) -> tuple[list[Terme], list[ContentError]]:
    path = content_dir / FILE
    rel = f"content/{FILE}"
    if not path.is_file():
        return [], []
    text = path.read_text(encoding="utf-8")
    try:
        data, node = lecture.yaml_avec_lignes(text, rel)  # one pass of libyaml, errors at their line
    except lecture.LectureImpossible as exc:
        return [], [exc.erreur]
    if node is None:  # empty file
        return [], []
    if not isinstance(data, list):
        return [], [ContentError(rel, 1, "le lexique doit être une liste de termes (- terme: …)")]
    termes, errors, seen = [], [], {}
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            errors.append(ContentError(rel, line, "chaque entrée doit être une table avec « terme » et « definition »"))
            continue
        errors += [
            ContentError(rel, line, f"champ obligatoire manquant : « {k} »")
            for k in sorted(KEYS_REQUIRED - item.keys())
        ]
        errors += [
            ContentError(rel, line, f"champ inconnu : « {k} »")
            for k in sorted(item.keys() - KEYS_REQUIRED - KEYS_OPTIONAL)
        ]
        if not KEYS_REQUIRED <= item.keys():
            continue
        terme = Terme(
            str(item["terme"]).strip(),
            " ".join(str(item["definition"]).split()),
            line,
            [str(v) for v in item.get("variantes") or []],
            [str(v) for v in item.get("voir") or []],
        )
        for voir in terme.voir:
            if not (content_dir / voir).is_file():
                errors.append(ContentError(rel, line, f"« {terme.terme} » : la page liée « {voir} » n'existe pas"))
        for forme in terme.formes():
            key = forme.lower()
            if key in seen:
                errors.append(ContentError(rel, line, f"« {forme} » est déjà défini ligne {seen[key]}"))
            seen[key] = line
        termes.append(terme)
    return termes, errors


def page_markdown(termes: list[Terme]) -> str:
    """The lexique page, generated from lexique.yml (anchors = slugs)."""
    lines = [
        "---",
        "titre: Lexique",
        "description: Les mots de la justice expliqués simplement.",
        "type: page",
        "pdf: true",
        "---",
        "",
        "# Lexique",
        "",
        "Les mots de la justice, expliqués simplement. Dans les autres pages, "
        "ces mots sont soulignés en pointillés : touchez-les pour lire leur définition.",
        "",
    ]
    letters = sorted({sort_key(t.terme)[0].upper() for t in termes})
    if letters:
        lines += [
            "Aller à la lettre : " + " · ".join(f"[{l}](#lettre-{l.lower()})" for l in letters),
            "",
            '<div class="lexique" markdown>',
            "",
        ]
    current = None
    for t in sorted(termes, key=lambda t: sort_key(t.terme)):
        letter = sort_key(t.terme)[0].upper()
        if letter != current:
            lines += [f"## {letter} {{#lettre-{letter.lower()}}}", ""]
            current = letter
        lines += [f"### {t.terme} {{#{t.slug}}}", "", t.definition, ""]
        if t.variantes:
            lines += ["*Aussi : " + ", ".join(t.variantes) + ".*", ""]
        if t.voir:
            lines += ["Voir : " + ", ".join(f"[{v}]({v})" for v in t.voir), ""]
    if letters:
        lines += ["</div>", ""]
    return "\n".join(lines)


def _pattern(forme: str) -> str:
    # Acronyms (AJ, RFR, JAF) match exactly; other words tolerate a capital first letter.
    escaped = re.escape(forme).replace(r"\ ", r"\s+")
    if forme.isupper():
        return escaped
    first = forme[0]
    return f"[{first.lower()}{first.upper()}]" + escaped[len(re.escape(first)) :]


class LexiqueLinker(Treeprocessor):
    """Links the first occurrence of each term in a page to its lexique entry."""

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
        """Split `text` into [leading text, <a>, <a>, …] (each <a> carrying the text after it); None when nothing matches."""
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
    """A link to the lexique entry carrying its definition in data-definition.

    site.js turns it into a button that opens the definition in place (no new tab, no
    page in the history); without JavaScript it stays a link. The definition is an
    attribute, not text, so MkDocs' search does not index it into every section.
    """
    a = etree.Element("a", {"href": href, "class": "terme", "data-definition": definition})
    a.text = AtomicString(texte)
    return a


def definitions(termes: list[Terme]) -> dict[str, str]:
    """slug → definition, for templates (theme/partials/lexique.html)."""
    return {t.slug: t.definition for t in termes}


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
