"""Les contrôles du site fini, avant qu'il remplace le site publié.

Ce que chaque page promet au lecteur : sa langue (le français, ou celle de sa traduction, et son sens
d'écriture), la CSP, la sortie rapide, aucun script, gestionnaire
ou style en ligne (la CSP les bloquerait : une page qui en dépend est cassée), aucune adresse
`javascript:`, et aucune ressource d'une autre origine (ni CDN, ni police, ni mesure d'audience). Les
pages sont lues par html.parser : ni les guillemets (simples, doubles, absents) ni la casse ne comptent.

Chaque constat est dit là d'où il vient : le Markdown de la page, un fichier de données ou une
définition de formulaire, un gabarit du thème, à la première ligne qui contient la construction fautive
(`content/guides/guide.md:7: gestionnaire d'événement en ligne « onclick= » … (page construite …)`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..erreurs import ErreurDeContenu, ErreursDeContenu

# Les attributs qui font télécharger quelque chose au navigateur (<a href> est une navigation, pas un téléchargement).
FETCHING = {
    "src": {"script", "img", "iframe", "source", "audio", "video", "embed", "track", "input", "frame"},
    "href": {"link"},
    "data": {"object"},
    "action": {"form"},
    "formaction": {"button", "input"},
    "poster": {"video"},
    "background": {"body", "table", "td", "th"},
    "srcset": {"img", "source"},
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
JAVASCRIPT = re.compile(r"^\s*(?:javascript|vbscript)\s*:", re.IGNORECASE)
SCRIPT_TYPES_DATA = {"application/json", "application/ld+json", "importmap", "text/template"}


class _PageLue(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.dir = None
        self.csp = False
        self.quick_exit = False
        self.problems: list[tuple[str, str]] = []  # (message, ce qu'on cherche dans les sources)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {name: (value or "") for name, value in attrs}
        if tag == "html":
            self.lang = a.get("lang")
            self.dir = a.get("dir")
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = True
        if a.get("id") == "sortie-rapide":
            self.quick_exit = True
        if tag == "script" and "src" not in a and a.get("type", "").lower() not in SCRIPT_TYPES_DATA:
            self.problems.append(("script en ligne (interdit par la CSP)", "<script"))
        if tag == "style":
            self.problems.append(("élément <style> (interdit par la CSP)", "<style"))
        for name, value in a.items():
            if name.startswith("on"):
                self.problems.append((f"gestionnaire d'événement en ligne « {name}= » (interdit par la CSP)", name))
            if name == "style":
                self.problems.append((f"attribut style sur <{tag}> (interdit par la CSP)", "style="))
            if name in URL_ATTRIBUTES and JAVASCRIPT.match(value):
                self.problems.append((f"adresse « javascript: » dans <{tag} {name}>", value.strip()[:30]))
            if tag in FETCHING.get(name, ()):
                candidates = (
                    [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                )
                self.urls += candidates

    handle_startendtag = handle_starttag


def problemes_de_page(html: str, langue: str = "fr", direction: str = "ltr") -> list[str]:
    return [message for message, _ in constats_de_page(html, langue, direction)]


def constats_de_page(html: str, langue: str = "fr", direction: str = "ltr") -> list[tuple[str, str]]:
    """(message, texte à chercher dans les sources) pour chaque promesse non tenue d'une page ; `langue`,
    `direction` : ceux de la page (de sa source Markdown)."""
    page = _PageLue()
    page.feed(html)
    page.close()
    problems = []
    if page.lang != langue:
        problems.append((f'pas de lang="{langue}" sur <html>', "<html"))
    if (page.dir or "ltr") != direction:
        problems.append((f'pas de dir="{direction}" sur <html>', "<html"))
    if not page.csp:
        problems.append(("pas de Content-Security-Policy", "Content-Security-Policy"))
    if not page.quick_exit:
        problems.append(("pas de bouton « Quitter rapidement »", "sortie-rapide"))
    problems += list(dict.fromkeys(page.problems))  # chaque sorte une fois par page
    problems += [(f"ressource d'une autre origine : {u}", u.strip()) for u in page.urls if EXTERNAL.match(u.strip())]
    return problems


def external_resources(text: str) -> list[str]:
    """Les adresses d'une autre origine qu'une page ou une feuille de style téléchargerait."""
    if "<" in text:
        page = _PageLue()
        page.feed(text)
        page.close()
        urls = list(page.urls)
    else:
        urls = []
    urls += [a or b for a, b in CSS_URL.findall(text)]
    return [u for u in urls if EXTERNAL.match(u.strip())]


def verifie_le_site(
    site_dir: Path,
    pdf_pages: dict[str, str],
    root: Path | None = None,
    sources: dict | None = None,
    langues: dict[str, tuple[str, str]] | None = None,
) -> None:
    """ErreursDeContenu pour chaque promesse non tenue du site construit. `sources` : {page du site : son
    fichier source dans `root`} (les pages de MkDocs) ; les autres fichiers cherchés sont les données, les
    définitions de formulaires, le lexique et le thème. `langues` : {page.html: (langue, direction)} des
    pages qui ne sont pas en français."""
    trouve = _Sources(root, sources or {})
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        attendu = (langues or {}).get(rel, ("fr", "ltr"))
        for message, needle in constats_de_page(page.read_text(encoding="utf-8"), *attendu):
            problems.append(trouve.erreur(rel, needle, f"{message} (page construite {rel})"))
    for css in sorted(site_dir.rglob("*.css")):
        rel = css.relative_to(site_dir).as_posix()
        for u in external_resources(css.read_text(encoding="utf-8")):
            problems.append(trouve.erreur(rel, u, f"ressource d'une autre origine : {u} (feuille {rel})"))
    for name in sorted(pdf_pages.values()):
        if not (site_dir / "pdf" / name).is_file():
            problems.append(ErreurDeContenu(f"pdf/{name}", 1, "PDF manquant"))
    if problems:
        raise ErreursDeContenu(problems)


class _Sources:
    """Où une construction du site a été écrite : la source de la page d'abord, puis les données et
    définitions des rédacteurs, puis le thème ; la première ligne qui la contient (casse ignorée)."""

    def __init__(self, root: Path | None, sources: dict[str, Path]):
        self.root = root
        self.sources = sources
        self.autres: list[Path] = []
        if root is not None:
            content = root / "content"
            self.autres = [
                *sorted((content / "data").glob("*.yml")),
                *sorted((content / "formulaires").glob("*.yml")),
                content / "lexique.yml",
                *sorted((root / "theme").rglob("*.html")),
                *sorted((root / "theme").rglob("*.css")),
            ]

    def erreur(self, rel: str, needle: str, message: str) -> ErreurDeContenu:
        propre = self.sources.get(rel)
        for chemin in ([propre] if propre else []) + self.autres:
            if (ligne := _ligne(chemin, needle)) is not None:
                return ErreurDeContenu(self._nom(chemin), ligne, message)
        if propre:
            return ErreurDeContenu(self._nom(propre), 1, message)
        return ErreurDeContenu(rel, 1, message)

    def _nom(self, chemin: Path) -> str:
        if self.root is not None and chemin.is_relative_to(self.root):
            return chemin.relative_to(self.root).as_posix()
        return chemin.as_posix()


def _ligne(chemin: Path, needle: str) -> int | None:
    if not needle or not chemin.is_file():
        return None
    cherche = needle.lower()
    for numero, ligne in enumerate(chemin.read_text(encoding="utf-8", errors="replace").split("\n"), start=1):
        if cherche in ligne.lower():
            return numero
    return None
