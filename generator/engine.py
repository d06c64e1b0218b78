"""Drives MkDocs 1.6 through its Python API (what `mkdocs build` itself calls),
into a temporary folder that replaces site/ only when everything succeeded."""

from __future__ import annotations

import io
import logging
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from . import validate
from .config import SiteConfig, load_site_config
from .errors import BuildError, ContentError, ContentErrors, line_of
from .formulaires_plugin import FormulairesPlugin
from .plugin import JusticePlugin

# Files in content/ that are data, not pages.
EXCLUDED = ["data/", "forms/", "*.yml", "_*", "README.md"]


def mkdocs_config(site: SiteConfig, site_dir: Path) -> dict:
    return {
        "site_name": site.nom,
        "site_description": site.description,
        "site_url": site.url + "/",
        "docs_dir": str(site.content_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": False,  # plain files: works on any static host and from a USB key
        "theme": {"name": None, "custom_dir": str(site.theme_dir), "locale": "fr",
                  "static_templates": ["404.html", "recherche.html"]},
        "nav": site.navigation,
        "exclude_docs": "\n".join(EXCLUDED),
        "strict": True,
        "validation": {"omitted_files": "warn", "absolute_links": "warn",
                       "unrecognized_links": "warn", "anchors": "warn"},
        "markdown_extensions": ["tables", "attr_list", "admonition", "def_list", "md_in_html",
                                "sane_lists", {"toc": {"permalink": False}}],
        "plugins": [{"search": {"lang": "fr", "min_search_length": 2, "separator": r"[\s\-'’]+"}}],
    }


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings: in strict mode they abort the build, and the
    editor must see them (MkDocs alone exits silently)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _as_content_errors(messages: list[str], site: SiteConfig) -> BuildError:
    errors = []
    for message in messages:
        m = re.search(r"Doc file '([^']+)' contains (?:a link|an unrecognized relative link) '([^']+)'", message)
        if m:
            line = line_of(site.content_dir / m.group(1), m.group(2).split("#")[-1])
            errors.append(ContentError(f"content/{m.group(1)}", line, message))
        else:
            errors.append(ContentError("mkdocs", 0, message))
    return ContentErrors(errors)


def build(root: Path, site_dir: Path | None = None, with_pdf: bool = True, with_pyodide: bool = True) -> dict:
    """Build the site of `root` into `site_dir` (default root/site). Returns a small report."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    site = load_site_config(root)
    termes = validate.validate(site)
    site_dir = (site_dir or root / "site").resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    collector = _Collect()
    mk_logger = logging.getLogger("mkdocs")
    mk_logger.addHandler(collector)
    try:
        cfg = load_config(io.StringIO(yaml.safe_dump(mkdocs_config(site, tmp), allow_unicode=True)),
                          config_file_path=str(root / "mkdocs.yml"))
        plugin = JusticePlugin(site, termes, with_pdf=with_pdf, with_pyodide=with_pyodide)
        cfg.plugins["justice"] = plugin
        cfg.plugins["formulaires"] = formulaires = FormulairesPlugin(site, {t.slug: t.terme for t in termes})
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(cfg)
        except Abort:  # subclass of SystemExit: never let it end the process silently
            raise _as_content_errors(collector.messages, site) from None
        finally:
            cfg.plugins.on_shutdown()
        _swap(tmp, site_dir)
        return {"site": str(site_dir), **plugin.report, **formulaires.report}
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        mk_logger.removeHandler(collector)


def _swap(new: Path, target: Path) -> None:
    """Replace `target` by `new` with two renames: a reader never sees a half-written site."""
    old = target.with_name(f".{target.name}-ancien")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


__all__ = ["build", "mkdocs_config", "BuildError", "ContentErrors"]
