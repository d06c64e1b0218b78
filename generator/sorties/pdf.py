"""One tagged PDF (PDF/UA-1) per page marked for print, rendered by WeasyPrint
from our own print template (not from the themed HTML: no header, menu or
search in a printed notice).

PDFs are rendered in parallel across cores and cached by content hash outside
the site folder, so an unchanged page is copied, not rendered again. WeasyPrint
is imported only in the worker processes: the build itself never pays for it.

WeasyPrint may read only the site's own files (images, fonts): a page that
asks for anything else (`<a rel="attachment" href="file:///etc/…">`, a remote
image) fails the build with its file and line, so nothing outside the site can
end up inside a public PDF.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import jinja2

from ..erreurs import ContentError, ContentErrors, line_of
from ..mkdocs.filtres import FILTRES
from . import police

PRINT_TEMPLATE = "print/page.html"
PRINT_CSS = "print/pdf.css"


def pdf_name(src_uri: str) -> str:
    """`aide-juridictionnelle/index.md` → `aide-juridictionnelle.pdf` (flat, readable file names)."""
    stem = src_uri.removesuffix(".md").removesuffix("/index").removesuffix("index")
    return (stem.replace("/", "-") or "accueil") + ".pdf"


@dataclass(frozen=True)
class PrintJob:
    html: str
    out: Path  # absolute path of the PDF in the site being built
    key: str  # content hash
    source: str = ""  # content/… page, for error messages
    source_path: Path | None = None
    forms: bool = False  # <input>, <textarea> become PDF form fields (blank official forms)


@lru_cache(maxsize=4)
def environment(theme_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(theme_dir), autoescape=True)
    env.filters.update(FILTRES)
    return env


def render_html(theme_dir: Path, context: dict) -> str:
    return environment(theme_dir).get_template(PRINT_TEMPLATE).render(**context)


def absolute_links(html: str, page_url: str) -> str:
    """Relative links mean nothing on paper: point them at the public site."""
    base = page_url.rsplit("/", 1)[0] + "/"

    def fix(m: re.Match) -> str:
        href = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
            return m.group(0)
        return f'{m.group(1)}{urljoin(base, href)}"'

    return re.sub(r'(<a\b[^>]*?\bhref=")([^"]*)"', fix, html)


def job(
    html: str, css: str, out: Path, source: str = "", source_path: Path | None = None, forms: bool = False
) -> PrintJob:
    # The version from the package metadata: importing WeasyPrint costs ~1 s.
    key = hashlib.sha256(f"{version('weasyprint')}\0{police.empreinte()}\0{forms}\0{css}\0{html}".encode()).hexdigest()
    return PrintJob(html, out, key, source, source_path, forms)


def allowed(url: str, root: Path) -> bool:
    """Only `data:` URLs, files inside `root` (the site being built) and the PDF font may enter a PDF."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(unquote(parts.path))).resolve()
    return path.is_relative_to(root.resolve()) or path.is_relative_to(police.DOSSIER.resolve())


def _fetcher(root: Path):
    """A WeasyPrint URL fetcher confined to `root` (built in the worker: WeasyPrint is imported there)."""
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if not allowed(url, root):
                self.refused.append(url)  # kept even where WeasyPrint swallows the error (attachments)
                raise ValueError(f"adresse hors du site : {url}")
            return super().fetch(url, headers)

    return SiteFetcher()


# The mark of a reconstructed item in a form (theme/formulaires/_rendu.html) and the running footer
# that explains it (theme/formulaires/document.html): only on the pages that show the mark.
MARQUE = "reconstruit"
PIED_MARQUE = "@page :nth({}) {{ @bottom-center {{ content: element(piedmarque); }} }}\n"


def _pages_marquees(document) -> list[int]:
    def marque(boite) -> bool:
        element = getattr(boite, "element", None)
        return element is not None and MARQUE in (element.get("class") or "").split()

    return [n for n, page in enumerate(document.pages, 1) if any(map(marque, page._page_box.descendants()))]


def _write(html: str, css: str, base_url: str, fetcher, target: str, forms: bool) -> None:
    import weasyprint

    options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "custom_metadata": True, "pdf_forms": forms}
    page = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    document = page.render(stylesheets=[weasyprint.CSS(string=css, base_url=base_url, url_fetcher=fetcher)], **options)
    if f'class="{MARQUE}"' in html and (pages := _pages_marquees(document)):
        css += "".join(PIED_MARQUE.format(n) for n in pages)  # margin boxes: the pages do not move
        document = page.render(
            stylesheets=[weasyprint.CSS(string=css, base_url=base_url, url_fetcher=fetcher)], **options
        )
    document.write_pdf(target, **options)


def _render(html: str, css: str, root: str, target: str, forms: bool = False) -> tuple[str, str] | None:
    """Write one PDF. None when done, else ("refus", url) or ("erreur", message): exceptions
    of WeasyPrint (some derive from BaseException) never cross the process boundary raw."""
    police.isole()
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    base_url = Path(root).as_uri() + "/"
    fetcher = _fetcher(Path(root))
    try:
        _write(html, css, base_url, fetcher, target, forms)
    except FatalURLFetchingError as exc:
        if not fetcher.refused:
            m = re.search(r'"(.*)"', str(exc))
            url = m.group(1) if m else str(exc)
            return "absent", url.removeprefix(base_url)
    except Exception as exc:  # noqa: BLE001 - reported to the editor with the page
        return "erreur", f"{type(exc).__name__} : {exc}"
    if fetcher.refused:
        Path(target).unlink(missing_ok=True)
        return "refus", fetcher.refused[0]
    return None


def _brouillon(cache_dir: Path, j: PrintJob) -> Path:
    """The PDF being written, named after this process: two builds sharing the cache (tests in
    parallel, a preview beside a build) never write the same file; os.replace publishes it whole."""
    return cache_dir / f"{j.key}.{os.getpid()}.tmp"


def write_all(jobs: list[PrintJob], css: str, site_dir: Path, cache_dir: Path) -> dict[str, int]:
    """Write every PDF; returns {"rendus": n, "en_cache": m}; raises ContentErrors naming the pages."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    css = police.regles() + css
    todo = [j for j in jobs if not (cache_dir / f"{j.key}.pdf").is_file()]
    errors = []
    if todo:
        workers = min(len(todo), os.cpu_count() or 1)
        # spawn, not fork: the build process has threads (MkDocs, logging), fork could deadlock.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [
                pool.submit(_render, j.html, css, str(site_dir), str(_brouillon(cache_dir, j)), j.forms) for j in todo
            ]
            for j, future in zip(todo, futures):
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = ("erreur", "le processus de rendu s'est arrêté (mémoire ?)")
                if outcome is None:
                    os.replace(_brouillon(cache_dir, j), cache_dir / f"{j.key}.pdf")
                else:
                    _brouillon(cache_dir, j).unlink(missing_ok=True)
                    errors.append(_error(j, *outcome))
    if errors:
        raise ContentErrors(errors)
    for j in jobs:
        j.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache_dir / f"{j.key}.pdf", j.out)
    return {"rendus": len(todo), "en_cache": len(jobs) - len(todo)}


def _error(j: PrintJob, kind: str, detail: str) -> ContentError:
    if kind == "erreur":
        return ContentError(j.source, 1, f"le PDF n'a pas pu être produit par WeasyPrint ({detail[:300]})")
    line = 1
    if j.source_path is not None:
        # Where the page names it: the URL as written, else its last path segment.
        for needle in (detail, unquote(urlsplit(detail).path).rsplit("/", 1)[-1]):
            if needle and (line := line_of(j.source_path, needle)) > 1:
                break
    if kind == "refus":
        return ContentError(
            j.source,
            line,
            f"le PDF devrait charger « {detail[:80]} », qui n'est pas un fichier du site : "
            "un PDF public ne peut contenir que des fichiers du site",
        )
    return ContentError(
        j.source, line, f"le PDF a besoin de « {unquote(detail)[:80]} », introuvable dans le site construit"
    )
