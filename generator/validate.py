"""Checks all of content/ before MkDocs runs, and reports every problem at once
as `content/path.md:LINE: message` (an editor fixes them in one pass)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import formulaires, frontmatter, lexique, macros
from .config import SiteConfig
from .errors import ContentError, ContentErrors, line_of

# [text](target) or [text](target "title"); images too. Code spans and fences are blanked first.
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
LEXIQUE_SCHEME = "lexique:"


def pages(content_dir: Path) -> list[Path]:
    return sorted(p for p in content_dir.rglob("*.md") if not p.name.startswith("_") and p.name != "README.md"
                  and "data" not in p.relative_to(content_dir).parts)


def validate(config: SiteConfig) -> list[lexique.Terme]:
    """Raise ContentErrors with every problem; return the lexique when all is well."""
    content = config.content_dir
    termes, errors = lexique.load(content)
    slugs = {t.slug for t in termes}
    found = pages(content)
    rels = {p.relative_to(content).as_posix() for p in found} | {lexique.PAGE}
    for page in found:
        errors += check_page(page, content, slugs)
    for target in config.nav_pages():
        if target not in rels:
            errors.append(ContentError("site_config.yml", line_of(config.root / "site_config.yml", target),
                                       f"la navigation cite « {target} », qui n'existe pas dans content/"))
    for rel in sorted(rels - set(config.nav_pages())):
        errors.append(ContentError(f"content/{rel}", 1, "page absente de la navigation (site_config.yml)"))
    errors += data_problems()
    errors += formulaires.problemes(content, slugs)
    if errors:
        raise ContentErrors(errors)
    return termes


def data_problems() -> list[ContentError]:
    """Legal parameters without a source or a verification date fail the build."""
    from pyscripts.aj.verification import problemes
    from pyscripts.donnees import charge

    name = "aide_juridictionnelle"
    return [ContentError(f"content/data/{name}.yml", 1, message) for message in problemes(charge(name))]


def check_page(page: Path, content: Path, slugs: set[str]) -> list[ContentError]:
    rel = f"content/{page.relative_to(content).as_posix()}"
    text = page.read_text(encoding="utf-8")
    try:
        fm = frontmatter.parse(text)
    except ValueError as exc:
        line, message = exc.args
        return [ContentError(rel, line, message)]
    errors = [ContentError(rel, line, msg) for line, msg in frontmatter.problems(fm)]
    body_lines = text.split("\n")[fm.body_line - 1:]
    in_fence = False
    for offset, line in enumerate(body_lines):
        number = fm.body_line + offset
        if FENCE.match(line.strip()):
            in_fence = not in_fence
        if in_fence:
            continue
        if (m := macros.LINE.match(line)) and m.group(1) not in macros.MACROS:
            errors.append(ContentError(rel, number, f"bloc inconnu « {{{{ {m.group(1)} }}}} » (connus : {', '.join(sorted(macros.MACROS))})"))
        for target in LINK.findall(CODE_SPAN.sub("", line)):
            if message := _link_problem(target, page, content, slugs):
                errors.append(ContentError(rel, number, message))
    return errors


def _link_problem(target: str, page: Path, content: Path, slugs: set[str]) -> str | None:
    if target.startswith(LEXIQUE_SCHEME):
        slug = target[len(LEXIQUE_SCHEME):]
        return None if slug in slugs else f"terme du lexique inconnu : « {slug} »"
    parts = urlsplit(target)
    if parts.scheme or target.startswith(("#", "//")):
        if parts.scheme == "http":
            return f"lien non sécurisé « {target} » : utilisez https://"
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return f"lien absolu « {target} » : utilisez un chemin relatif vers le fichier .md"
    resolved = (page.parent / path).resolve()
    if path.endswith(".md") and resolved == (content / lexique.PAGE).resolve():
        return None
    if not resolved.exists():
        return f"lien cassé : « {target} » ne correspond à aucun fichier de content/"
    if resolved.is_dir():
        return f"lien vers un dossier « {target} » : visez le fichier (par exemple {path.rstrip('/')}/index.md)"
    return None


def expand_lexique_links(markdown: str, page_rel: str) -> str:
    """`[texte](lexique:slug)` → a relative link to the lexique page anchor."""
    prefix = "../" * page_rel.count("/") + lexique.PAGE + "#"
    return markdown.replace("](" + LEXIQUE_SCHEME, "](" + prefix)


__all__ = ["validate", "check_page", "pages", "expand_lexique_links", "ContentErrors"]
