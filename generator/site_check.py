"""Checks on the finished site, before it replaces the published one.

What a reader is promised on every page: French, the CSP, the quick exit, and no
resource loaded from another origin (no CDN, font service or analytics).
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import BuildError

# Attributes that make the browser fetch something (links <a href> are navigation, not fetches).
FETCHING = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed|track|input)\b[^>]*?\bsrc=\"([^\"]+)\""
    r"|<link\b[^>]*?\bhref=\"([^\"]+)\""
    r"|<(?:object)\b[^>]*?\bdata=\"([^\"]+)\""
    r"|<form\b[^>]*?\baction=\"([^\"]+)\""
    r"|\bsrcset=\"([^\"]+)\"",
    re.IGNORECASE,
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\s on[a-z]+=\"", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<[a-z][^>]*\sstyle=\"|<style\b", re.IGNORECASE)


def page_problems(html: str) -> list[str]:
    problems = []
    if not re.search(r"<html\b[^>]*\blang=\"fr\"", html):
        problems.append('pas de lang="fr" sur <html>')
    if 'http-equiv="Content-Security-Policy"' not in html:
        problems.append("pas de Content-Security-Policy")
    if 'id="sortie-rapide"' not in html:
        problems.append("pas de bouton « Quitter rapidement »")
    if INLINE_SCRIPT.search(html) or INLINE_HANDLER.search(html):
        problems.append("script en ligne (interdit par la CSP)")
    if INLINE_STYLE.search(html):
        problems.append("style en ligne (interdit par la CSP)")
    problems += [f"ressource d'une autre origine : {u}" for u in external_resources(html)]
    return problems


def external_resources(text: str) -> list[str]:
    urls = [u for groups in FETCHING.findall(text) for u in groups if u]
    urls += CSS_URL.findall(text)
    return [u for u in urls if EXTERNAL.match(u.strip())]


def check(site_dir: Path, pdf_pages: dict[str, str]) -> None:
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        problems += [f"{rel} : {p}" for p in page_problems(page.read_text(encoding="utf-8"))]
    for css in sorted(site_dir.rglob("*.css")):
        rel = css.relative_to(site_dir).as_posix()
        problems += [f"{rel} : ressource d'une autre origine : {u}" for u in external_resources(css.read_text(encoding="utf-8"))]
    for name in sorted(pdf_pages.values()):
        if not (site_dir / "pdf" / name).is_file():
            problems.append(f"pdf/{name} : PDF manquant")
    if problems:
        raise BuildError("Le site construit ne respecte pas ses promesses :\n" + "\n".join(problems))
