"""Les contrôles du site fini, avant qu'il remplace le site publié.

Ce que chaque page promet au lecteur : sa langue (le français, ou celle de sa traduction, et son sens
d'écriture), la CSP, la sortie rapide, aucun script, gestionnaire
ou style en ligne (la CSP les bloquerait : une page qui en dépend est cassée), aucune adresse
`javascript:`, et aucune ressource d'une autre origine (ni CDN, ni police, ni mesure d'audience). Les
pages sont lues par html.parser : ni les guillemets (simples, doubles, absents) ni la casse ne comptent.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..erreurs import BuildError

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


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.dir = None
        self.csp = False
        self.quick_exit = False
        self.problems: list[str] = []
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
            self.problems.append("script en ligne (interdit par la CSP)")
        if tag == "style":
            self.problems.append("élément <style> (interdit par la CSP)")
        for name, value in a.items():
            if name.startswith("on"):
                self.problems.append(f"gestionnaire d'événement en ligne « {name}= » (interdit par la CSP)")
            if name == "style":
                self.problems.append(f"attribut style sur <{tag}> (interdit par la CSP)")
            if name in URL_ATTRIBUTES and JAVASCRIPT.match(value):
                self.problems.append(f"adresse « javascript: » dans <{tag} {name}>")
            if tag in FETCHING.get(name, ()):
                candidates = (
                    [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                )
                self.urls += candidates

    handle_startendtag = handle_starttag


def page_problems(html: str, langue: str = "fr", direction: str = "ltr") -> list[str]:
    """Ce qu'une page ne tient pas ; `langue`, `direction` : ceux de la page (de sa source Markdown)."""
    page = _Page()
    page.feed(html)
    page.close()
    problems = []
    if page.lang != langue:
        problems.append(f'pas de lang="{langue}" sur <html>')
    if (page.dir or "ltr") != direction:
        problems.append(f'pas de dir="{direction}" sur <html>')
    if not page.csp:
        problems.append("pas de Content-Security-Policy")
    if not page.quick_exit:
        problems.append("pas de bouton « Quitter rapidement »")
    problems += list(dict.fromkeys(page.problems))  # chaque sorte une fois par page
    problems += [f"ressource d'une autre origine : {u}" for u in page.urls if EXTERNAL.match(u.strip())]
    return problems


def external_resources(text: str) -> list[str]:
    """Les adresses d'une autre origine qu'une page ou une feuille de style téléchargerait."""
    if "<" in text:
        page = _Page()
        page.feed(text)
        page.close()
        urls = list(page.urls)
    else:
        urls = []
    urls += [a or b for a, b in CSS_URL.findall(text)]
    return [u for u in urls if EXTERNAL.match(u.strip())]


def check(site_dir: Path, pdf_pages: dict[str, str], langues: dict[str, tuple[str, str]] | None = None) -> None:
    """`langues` : {page.html: (langue, direction)} des pages qui ne sont pas en français."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        attendu = (langues or {}).get(rel, ("fr", "ltr"))
        problems += [f"{rel} : {p}" for p in page_problems(page.read_text(encoding="utf-8"), *attendu)]
    for css in sorted(site_dir.rglob("*.css")):
        rel = css.relative_to(site_dir).as_posix()
        problems += [
            f"{rel} : ressource d'une autre origine : {u}" for u in external_resources(css.read_text(encoding="utf-8"))
        ]
    for name in sorted(pdf_pages.values()):
        if not (site_dir / "pdf" / name).is_file():
            problems.append(f"pdf/{name} : PDF manquant")
    if problems:
        raise BuildError("Le site construit ne respecte pas ses promesses :\n" + "\n".join(problems))
