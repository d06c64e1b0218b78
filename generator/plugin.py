"""The generator's MkDocs plugin: one small handler per event.

on_config        register the lexique Markdown extension, expose site data to templates
on_files         add the lexique page generated from lexique.yml
on_page_markdown expand `{{ macros }}` and `lexique:` links, tell the linker which page it is in
on_page_content  keep the rendered HTML of pages to print
on_post_build    PDFs, the Pyodide bundle, then the checks on the finished site
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import csp, lexique, macros, pdf, site_check
from .config import SiteConfig
from .validate import expand_lexique_links


ALIGN_STYLE = re.compile(r'style="text-align: (left|right|center);"')


def pdf_name(src_uri: str) -> str:
    """`aide-juridictionnelle/index.md` → `aide-juridictionnelle.pdf` (flat, readable file names)."""
    stem = src_uri.removesuffix(".md").removesuffix("/index").removesuffix("index")
    return (stem.replace("/", "-") or "accueil") + ".pdf"


class JusticePlugin(BasePlugin):
    def __init__(self, site: SiteConfig, termes: list[lexique.Terme], with_pdf: bool = True, with_pyodide: bool = True):
        super().__init__()
        self.site = site
        self.termes = termes
        self.with_pdf = with_pdf
        self.with_pyodide = with_pyodide
        self.linker = lexique.LexiqueExtension(termes)
        self.to_print: list[tuple] = []
        self.report: dict = {}

    def on_config(self, config):
        config.markdown_extensions.append(self.linker)
        from pyscripts.donnees import charge
        from pyscripts.formulaires.op import pour_la_page

        config.extra.update(
            csp=csp.meta(),
            urgences=charge("urgences"),
            sortie_rapide=self.site.sortie_rapide,
            pdf_pages={},
            pyodide=self.site.pyodide,
            op=pour_la_page(),  # theme/outils/op.html : libellés du Cerfa 15458 et mesures
        )
        return config

    def on_files(self, files, config):
        files.append(File.generated(config, lexique.PAGE, content=lexique.page_markdown(self.termes)))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        self.linker.current_page = page.file.src_uri
        markdown = expand_lexique_links(markdown, page.file.src_uri)
        # MkDocs reads `title`; our editors write `titre`.
        if "titre" in page.meta:
            page.meta["title"] = page.meta["titre"]
        if page.meta.get("pdf") or page.file.src_uri in self.site.pdf:
            config.extra["pdf_pages"][page.file.src_uri] = pdf_name(page.file.src_uri)
        return macros.expand(markdown, self.site)

    def on_page_content(self, html, page, config, files):
        # The tables extension aligns columns with style="" attributes, which the CSP
        # (style-src 'self') blocks: use classes from our stylesheet instead.
        html = ALIGN_STYLE.sub(lambda m: f'class="aligne-{m.group(1)}"', html)
        if page.file.src_uri in config.extra["pdf_pages"]:
            self.to_print.append((page, html))
        return html

    def on_post_build(self, config):
        site_dir = Path(config.site_dir)
        if self.with_pdf:
            self.report["pdf"] = self._write_pdfs(site_dir, config)
        if self.with_pyodide:
            from .pyodide_bundle import bundle_pyodide

            bundle_pyodide(site_dir, self.site.root, self.site.pyodide)
        site_check.check(site_dir, config.extra["pdf_pages"] if self.with_pdf else {})

    def _write_pdfs(self, site_dir: Path, config) -> dict:
        theme = self.site.theme_dir
        css = (theme / pdf.PRINT_CSS).read_text(encoding="utf-8")
        jobs = []
        for page, html in self.to_print:
            url = f"{self.site.url}/{page.file.dest_uri}"
            context = {
                "site_nom": self.site.nom, "titre": page.meta.get("titre", page.title),
                "description": page.meta.get("description", ""), "contenu": pdf.absolute_links(html, url),
                "verifie_le": page.meta.get("verifie_le"), "sources": page.meta.get("sources") or [],
                "url": url, "langue": self.site.langue,
            }
            out = site_dir / "pdf" / config.extra["pdf_pages"][page.file.src_uri]
            jobs.append(pdf.job(pdf.render_html(theme, context), css, out))
        return pdf.write_all(jobs, css, site_dir.as_uri() + "/", self.site.root / "build" / "cache" / "pdf")
