"""One tagged PDF (PDF/UA-1) per page marked for print, rendered by WeasyPrint
from our own print template (not from the themed HTML: no header, menu or
search in a printed notice).

PDFs are rendered in parallel across cores and cached by content hash outside
the site folder, so an unchanged page is copied, not rendered again.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import jinja2

PRINT_TEMPLATE = "print/page.html"
PRINT_CSS = "print/pdf.css"


@dataclass(frozen=True)
class PrintJob:
    html: str
    out: Path  # absolute path of the PDF in the site being built
    key: str  # content hash
    forms: bool = False  # <input>, <textarea> become PDF form fields (blank official forms)


def render_html(theme_dir: Path, context: dict) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(theme_dir), autoescape=True)
    return env.get_template(PRINT_TEMPLATE).render(**context)


def absolute_links(html: str, page_url: str) -> str:
    """Relative links mean nothing on paper: point them at the public site."""
    base = page_url.rsplit("/", 1)[0] + "/"

    def fix(m: re.Match) -> str:
        href = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
            return m.group(0)
        return f'{m.group(1)}{urljoin(base, href)}"'

    return re.sub(r'(<a\b[^>]*?\bhref=")([^"]*)"', fix, html)


def job(html: str, css: str, out: Path, forms: bool = False) -> PrintJob:
    import weasyprint

    key = hashlib.sha256(f"{weasyprint.__version__}\0{forms}\0{css}\0{html}".encode()).hexdigest()
    return PrintJob(html, out, key, forms)


def _render(html: str, css: str, base_url: str, target: str, forms: bool = False) -> None:
    import weasyprint
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file"}, fail_on_errors=True)
    weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        target, stylesheets=[weasyprint.CSS(string=css, base_url=base_url)],
        pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True, pdf_forms=forms)


def write_all(jobs: list[PrintJob], css: str, base_url: str, cache_dir: Path) -> dict[str, int]:
    """Write every PDF; returns {"rendus": n, "en_cache": m}."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    todo = [j for j in jobs if not (cache_dir / f"{j.key}.pdf").is_file()]
    if todo:
        workers = min(len(todo), os.cpu_count() or 1)
        # spawn, not fork: the build process has threads (MkDocs, logging), fork could deadlock.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [pool.submit(_render, j.html, css, base_url, str(cache_dir / f"{j.key}.tmp"), j.forms) for j in todo]
            for j, future in zip(todo, futures):
                future.result()  # re-raises a rendering error in the parent
                os.replace(cache_dir / f"{j.key}.tmp", cache_dir / f"{j.key}.pdf")
    for j in jobs:
        j.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache_dir / f"{j.key}.pdf", j.out)
    return {"rendus": len(todo), "en_cache": len(jobs) - len(todo)}
