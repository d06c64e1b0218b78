"""The generator's MkDocs plugin (`justice`, registered by entry point in
pyproject.toml and named in mkdocs.yml): one small handler per event.

on_startup       note the command (build, serve)
on_config        read and check site_config.yml and content/ (the same checks as
                 `python -m generator check`), hand the site's name and navigation
                 to MkDocs, register the lexique Markdown extension, expose data
                 to templates, say MkDocs' warnings in French
on_files         add the lexique page generated from lexique.yml
on_env           compile every theme template (a typo fails with its file:line), add filters;
                 prepare the Pyodide bundle (all pages read: their `pyodide_paquets`; none
                 rendered yet: they name its content-addressed files, config.extra.outils)
on_page_markdown expand `{{ macros }}` and `lexique:` links, tell the linker which page it is in
on_page_content  keep the rendered HTML of pages to print
on_post_build    stop on MkDocs' warnings (strict), PDFs (and the blank forms, generator/mkdocs/formulaires.py),
                 write the Pyodide bundle,
                 the checks on the finished site, readable file modes

The same plugin serves `mkdocs serve` (live preview for editors), `mkdocs build`
and `python -m generator build` (the one-shot build with its atomic swap).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from . import csp
from .config import load_site_config
from .contenu import lexique
from .contenu.validation import expand_lexique_links, validate
from .erreurs import BuildError, ContentError, ContentErrors, template_error
from .mkdocs import macros, tableaux
from .mkdocs.filtres import FILTRES, echappe
from .mkdocs.formulaires import Formulaires
from .mkdocs.francais import EnFrancais
from .mkdocs.lexique import LexiqueExtension
from .mkdocs.typographie import insecables
from .sorties import pdf, verification
from .sorties.formulaires import FILTRES as FILTRES_FORMULAIRES

LOG = logging.getLogger("mkdocs.plugins.justice")

ALIGN_STYLE = re.compile(r'style="text-align: (left|right|center);"')
LOCATED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<message>.*)$")


class JusticeConfig(base.Config):
    site_config = c.Type(str, default="site_config.yml")  # relative to mkdocs.yml
    pdf = c.Type(bool, default=True)  # write site/pdf/*.pdf (WeasyPrint)
    pyodide = c.Type(bool, default=True)  # bundle Pyodide and our wheel under site/pyodide/
    cache = c.Type(str, default="build/cache/pdf")  # PDF cache, relative to mkdocs.yml


class JusticePlugin(BasePlugin[JusticeConfig]):
    def __init__(self):
        self.command = "build"
        self.failure: BuildError | None = None  # our French error, for `python -m generator build`
        self.francais: EnFrancais | None = None

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_shutdown(self):
        self._stop_translating()

    # MkDocs keeps one instance across `mkdocs serve` rebuilds: everything is reset here.
    @event_priority(100)
    def on_config(self, config):
        self.failure = None
        self.report: dict = {}
        self.to_print: list[tuple] = []
        self.sources: dict[str, Path] = {}  # page of the site → its source (site check: findings at their line)
        self.pyodide = None
        root = Path(config.config_file_path).resolve().parent
        site_config = (root / self.config.site_config).resolve()
        self._stop_translating()
        self.francais = EnFrancais(Path(config.docs_dir), site_config)
        self.francais.install()
        try:
            self.site = load_site_config(root, site_config)
            self.contenu = validate(self.site)
        except BuildError as exc:
            raise self._fail(exc) from None
        config.site_name = self.site.nom
        config.site_description = self.site.description
        config.nav = self.site.navigation
        if not config.site_url:  # `mkdocs serve` sets its own address first
            config.site_url = self.site.url + "/"
        try:
            self.formulaires = Formulaires(
                self.site, {t.slug: t.terme for t in self.contenu.termes}, lexique.definitions(self.contenu.termes)
            )
        except BuildError as exc:
            raise self._fail(exc) from None
        self.linker = LexiqueExtension(self.contenu.termes)
        config.markdown_extensions += [self.linker, tableaux.TableauxExtension()]
        from pyscripts.outils import contexte as contexte_des_outils

        config.extra.update(
            csp=csp.meta(),
            urgences=echappe(self.contenu.donnees["urgences"]),  # editors' text: escaped (filtres.echappe)
            sortie_rapide=self.site.sortie_rapide,
            pdf_pages={},
            pyodide=self.site.pyodide,
            lexique=echappe(lexique.definitions(self.contenu.termes)),
            outils={},
            donnees_outils=echappe(contexte_des_outils()),  # listes et bornes des formulaires d'outils (moteurs)
        )
        return config

    def on_files(self, files, config):
        files.append(File.generated(config, lexique.PAGE, content=lexique.page_markdown(self.contenu.termes)))
        self.formulaires.fichiers(files)
        return files

    def on_env(self, env, config, files):
        env.filters.update(FILTRES, **FILTRES_FORMULAIRES)
        errors = []
        for name in sorted(n for n in env.list_templates() if n.endswith(".html")):
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                errors.append(template_error(exc, self.site.root))
        if errors:
            raise self._fail(ContentErrors(errors))
        if self.config.pyodide:
            from .sorties.pyodide import paquets_des_pages, prepare

            try:
                self.pyodide = prepare(self.site.root, self.site.pyodide, paquets_des_pages(files))
            except BuildError as exc:
                raise self._fail(exc) from None
            config.extra["outils"] = self.pyodide.urls
        return env

    def on_page_markdown(self, markdown, page, config, files):
        self.linker.current_page = page.file.src_uri
        source = page.file.abs_src_path or self.site.content_dir / (
            lexique.FILE if page.file.src_uri == lexique.PAGE else page.file.src_uri
        )
        self.sources[page.file.dest_uri] = Path(source)
        markdown = expand_lexique_links(markdown, page.file.src_uri)
        # MkDocs reads `title`; our editors write `titre`.
        if "titre" in page.meta:
            page.meta["title"] = page.meta["titre"]
        if page.meta.get("pdf") or page.file.src_uri in self.site.pdf:
            config.extra["pdf_pages"][page.file.src_uri] = pdf.pdf_name(page.file.src_uri)
        return macros.expand(markdown, self.site, self.contenu.donnees)

    def on_page_content(self, html, page, config, files):
        # The tables extension aligns columns with style="" attributes, which the CSP
        # (style-src 'self') blocks: use classes from our stylesheet instead.
        html = ALIGN_STYLE.sub(lambda m: f'class="aligne-{m.group(1)}"', html)
        try:
            html = self.formulaires.contenu(html, page)  # a form's reproduction, a guided interview
        except BuildError as exc:
            raise self._fail(exc) from None
        if page.file.src_uri in config.extra["pdf_pages"]:
            self.to_print.append((page, insecables(html)))  # the web page gets it whole in on_post_page
        return html

    def on_post_page(self, output, page, config):
        return insecables(output)  # the finished page: content and the theme's own words, once

    @event_priority(-100)  # last: after every other plugin wrote its files
    def on_post_build(self, config):
        if config.strict and self.francais and self.francais.messages:
            # MkDocs would stop only after this event: stop before rendering PDFs.
            raise self._fail(as_errors(self.francais.messages))
        site_dir = Path(config.site_dir)
        try:
            if self.config.pdf:
                self.report["pdf"] = self._write_pdfs(site_dir, config)
            # Blank fillable forms: always (the interview fills them), cached like the PDFs.
            self.report["formulaires"] = self.formulaires.ecrit_pdfs(site_dir, self._cache(config))
            if self.pyodide:
                self.pyodide.ecrit(site_dir)
            verification.check(
                site_dir, config.extra["pdf_pages"] if self.config.pdf else {}, self.site.root, self.sources
            )
        except BuildError as exc:
            raise self._fail(exc) from None
        publishable(site_dir)
        self._stop_translating()

    def on_build_error(self, *, error):
        self._stop_translating()
        if isinstance(error, Abort) and "strict mode" in (error.message or ""):
            error.message = "Arrêt : avertissements en mode strict (voir ci-dessus)."
        elif isinstance(error, BuildError):
            # MkDocs would log the message, then end with « Aborted with a BuildError! » in English:
            # log it here and stop with a French word (`python -m generator` reads self.failure).
            LOG.error(str(error))
            raise Abort("Construction arrêtée : corrigez ce qui est signalé ci-dessus.")

    def _fail(self, error: BuildError) -> BuildError:
        self.failure = error
        return error

    def _stop_translating(self) -> None:
        if self.francais:
            self.francais.remove()

    def _write_pdfs(self, site_dir: Path, config) -> dict:
        theme = self.site.theme_dir
        css = (theme / pdf.PRINT_CSS).read_text(encoding="utf-8")
        jobs = []
        for page, html in self.to_print:
            url = f"{self.site.url}/{page.file.dest_uri}"
            context = {
                "site_nom": self.site.nom,
                "titre": page.meta.get("titre", page.title),
                "description": page.meta.get("description", ""),
                "contenu": pdf.absolute_links(html, url),
                "verifie_le": page.meta.get("verifie_le"),
                "sources": page.meta.get("sources") or [],
                "url": url,
                "langue": self.site.langue,
                "urgences": self.contenu.donnees["urgences"],
            }
            out = site_dir / "pdf" / config.extra["pdf_pages"][page.file.src_uri]
            source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
            jobs.append(pdf.job(pdf.render_html(theme, context), css, out, f"content/{page.file.src_uri}", source))
        return pdf.write_all(jobs, css, site_dir, self._cache(config))

    def _cache(self, config) -> Path:
        return Path(config.config_file_path).resolve().parent / self.config.cache


def as_errors(messages: list[str]) -> ContentErrors:
    errors = []
    for message in messages:
        for line in message.split("\n"):
            m = LOCATED.match(line)
            errors.append(
                ContentError(m["path"], int(m["line"]), m["message"]) if m else ContentError("mkdocs.yml", 1, line)
            )
    return ContentErrors(errors)


def publishable(site_dir: Path) -> None:
    """Directories 0755, files 0644, whatever the umask: the web server is another user
    (a temporary folder is created 0700)."""
    os.chmod(site_dir, 0o755)
    for folder, dirs, names in os.walk(site_dir):
        for d in dirs:
            os.chmod(os.path.join(folder, d), 0o755)
        for n in names:
            os.chmod(os.path.join(folder, n), 0o644)
