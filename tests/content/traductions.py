"""Translations and easy-read versions never go stale silently.

A derived page records, in its front matter, the French page it comes from
(`traduction_de: ordonnance-protection/index.md`, a path under content/) and the
first 12 hex characters of the sha256 of that file's bytes when it was last checked
against it (`traduction_de_empreinte`). When the French source changes, the
fingerprint no longer matches and `problemes()` reports the page as out of date,
until someone re-reads the French, updates the translation, and records the new
fingerprint:

    .venv/bin/python -m tests.content.traductions                     # the state of every derived page
    .venv/bin/python -m tests.content.traductions --a-jour en/index.md  # after re-reading: record the new fingerprint

(The build will check the same thing, with a banner on the page, in the i18n phase.)
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from generator.contenu import frontmatter
from generator.contenu.validation import pages
from tests.fixtures.chemins import REPO

CONTENT = REPO / "content"
LONGUEUR = 12
LANGUES = ("fr", "en", "ar")


def empreinte(chemin: Path) -> str:
    return hashlib.sha256(chemin.read_bytes()).hexdigest()[:LONGUEUR]


def derivees(content: Path = CONTENT) -> list[tuple[Path, dict]]:
    """(page, front matter) of every translation (`langue` other than fr) or easy-read version."""
    sortie = []
    for page in pages(content):
        data = frontmatter.parse(page.read_text(encoding="utf-8")).data
        if data.get("version_simple") or data.get("langue", "fr") != "fr":
            sortie.append((page, data))
    return sortie


def probleme(page: Path, data: dict, content: Path = CONTENT) -> str | None:
    """French message when the page does not name a French source, or its fingerprint is not current."""
    rel = page.relative_to(content).as_posix()
    if data.get("langue", "fr") not in LANGUES:
        return f"{rel} : langue inconnue « {data.get('langue')} » (permises : {', '.join(LANGUES)})"
    source = data.get("traduction_de")
    if source is None:
        if data.get("langue", "fr") != "fr":
            return f"{rel} : « traduction_de » manque (la page française traduite)"
        return None  # an easy-read page written directly (no French page behind it)
    cible = content / str(source)
    if not cible.is_file():
        return f"{rel} : « traduction_de » cite {source}, qui n'existe pas dans content/"
    if frontmatter.parse(cible.read_text(encoding="utf-8")).data.get("langue", "fr") != "fr":
        return f"{rel} : « traduction_de » cite {source}, qui n'est pas une page française"
    actuelle, notee = empreinte(cible), str(data.get("traduction_de_empreinte", ""))
    if notee != actuelle:
        return (
            f"{rel} : pas à jour, la page française {source} a changé depuis cette version "
            f"(empreinte notée {notee or 'absente'}, actuelle {actuelle})"
        )
    return None


def problemes(content: Path = CONTENT) -> list[str]:
    return [m for page, data in derivees(content) if (m := probleme(page, data, content))]


def marque_a_jour(page: Path, content: Path = CONTENT) -> str:
    """Record the current fingerprint of the page's French source (after someone re-read it)."""
    texte = page.read_text(encoding="utf-8")
    source = frontmatter.parse(texte).data["traduction_de"]
    nouvelle = empreinte(content / source)
    texte, n = re.subn(r"(?m)^traduction_de_empreinte:.*$", f"traduction_de_empreinte: {nouvelle}", texte, count=1)
    if n == 0:
        texte = re.sub(r"(?m)^(traduction_de:.*)$", rf"\1\ntraduction_de_empreinte: {nouvelle}", texte, count=1)
    page.write_text(texte, encoding="utf-8")
    return nouvelle


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--a-jour":
        for rel in sys.argv[2:]:
            print(rel, marque_a_jour(CONTENT / rel))
    else:
        for page, data in derivees():
            rel = page.relative_to(CONTENT).as_posix()
            print(probleme(page, data) or f"{rel} : à jour")
