"""Checks all of content/ before MkDocs runs, and reports every problem at once
as `content/path.md:LINE: message` (an editor fixes them in one pass).

Run by `python -m generator check`, and by the plugin's `on_config` at every build
(`make site`, `mkdocs build`, each rebuild of `mkdocs serve`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..config import CONFIG_FILE, SiteConfig
from ..erreurs import ContentError, ContentErrors, line_of
from ..mkdocs import macros
from ..sorties.pdf import pdf_name
from . import croisements, frontmatter, lecture, lexique, schema
from .formulaires import problemes as problemes_formulaires

# [text](target) or [text](target "title"); images too. Code spans and fences are blanked first.
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
LEXIQUE_SCHEME = "lexique:"
LINK_SCHEMES = ("https", "mailto", "tel")
# Python-Markdown's admonition syntax: `!!! type "Titre"` (other classes may follow the type).
ADMONITION = re.compile(r"^\s*!!!(.*)$")
ADMONITION_OK = re.compile(r'^ ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
ADMONITIONS = ("note", "conseil", "attention", "danger", "exemple")  # styled in theme/assets/css/site.css
JINJA_LIKE = re.compile(r"\{\{|\}\}|\{%|%\}")

# Files checked against a schema (generator/schemas/<schema>.yml): one schema per data file,
# named like it; one schema for every form definition (skipped until it exists).
DATA_DIR = "data"
DATA_REQUIRED = (
    "aide_juridictionnelle",
    "delais",
    "jours_feries",
    "op_a_apporter",
    "op_mesures",
    "pieces_aj",
    "urgences",
)  # pieces_aj: pyscripts.formulaires.pieces ; op_* : pyscripts.op
FORMS_DIR, FORMS_SCHEMA = "formulaires", "formulaire"


@dataclass
class Contenu:
    """What the checks read, handed to the build so nothing is parsed twice."""

    termes: list[lexique.Terme]
    donnees: dict[str, object] = field(default_factory=dict)  # content/data/<nom>.yml
    formulaires: dict[str, object] = field(default_factory=dict)  # content/formulaires/<id>.yml


def pages(content_dir: Path) -> list[Path]:
    """The Markdown pages (README.md files document a folder for editors: not pages)."""
    return sorted(
        p
        for p in content_dir.rglob("*.md")
        if not p.name.startswith("_") and p.name != "README.md" and DATA_DIR not in p.relative_to(content_dir).parts
    )


def validate(config: SiteConfig) -> Contenu:
    """Raise ContentErrors with every problem; return what was read when all is well."""
    content = config.content_dir
    errors: list[ContentError] = []
    termes = _lexique(content, errors)
    slugs = {t.slug for t in termes}
    found = pages(content)
    rels = {p.relative_to(content).as_posix() for p in found} | {lexique.PAGE}
    pdfs: dict[str, tuple[str, int]] = {pdf_name(lexique.PAGE): (f"content/{lexique.PAGE}", 1)}
    for page in found:
        errors += check_page(page, content, slugs, config, pdfs)
    config_rel = _rel(config)
    for target in config.nav_pages():
        if target not in rels:
            errors.append(
                ContentError(
                    config_rel,
                    line_of(_path(config), target),
                    f"la navigation cite « {target} », qui n'existe pas dans content/",
                )
            )
    for rel in sorted(rels - set(config.nav_pages())):
        errors.append(ContentError(f"content/{rel}", 1, "page absente de la navigation (site_config.yml)"))
    for target in config.pdf:
        if target not in rels:
            errors.append(
                ContentError(
                    config_rel,
                    line_of(_path(config), target),
                    f"« pdf » cite « {target} », qui n'existe pas dans content/",
                )
            )
    donnees, data_errors = data_files(content, DATA_DIR, None)
    formulaires, form_errors = data_files(content, FORMS_DIR, FORMS_SCHEMA)
    errors += data_errors + form_errors
    if not data_errors and not form_errors:  # each file has the shape its readers assume
        errors += croisements.problemes(content, donnees, formulaires)  # checked by each engine that reads it
    errors += _bareme_problems(config, donnees)
    errors += problemes_formulaires(content, slugs)  # generator/contenu/formulaires.py: cross-checks of the forms
    if errors:
        raise ContentErrors(errors)
    return Contenu(termes, donnees, formulaires)


def _path(config: SiteConfig) -> Path:
    return config.path or config.root / CONFIG_FILE


def _rel(config: SiteConfig) -> str:
    path = _path(config)
    return path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else str(path)


def _lexique(content: Path, errors: list[ContentError]) -> list[lexique.Terme]:
    rel = f"content/{lexique.FILE}"
    if (content / lexique.FILE).is_file():
        try:
            lecture.texte(content / lexique.FILE, rel)
        except lecture.LectureImpossible as exc:
            errors.append(exc.erreur)
            return []
    termes, found = lexique.load(content)
    errors += found
    # Each term is reached through its anchor (#slug): two terms with one slug would share it.
    taken: dict[str, lexique.Terme] = {}
    letters = {f"lettre-{c}" for c in "abcdefghijklmnopqrstuvwxyz"}
    for t in termes:
        if not t.slug:
            errors.append(
                ContentError(rel, t.line, f"« {t.terme} » : il faut au moins une lettre ou un chiffre dans le terme")
            )
        elif t.slug in taken:
            errors.append(
                ContentError(
                    rel,
                    t.line,
                    f"« {t.terme} » aurait la même ancre « #{t.slug} » que « {taken[t.slug].terme} » "
                    f"(ligne {taken[t.slug].line}) : fusionnez les deux entrées ou changez un terme",
                )
            )
        elif t.slug in letters:
            errors.append(
                ContentError(
                    rel, t.line, f"« {t.terme} » aurait l'ancre « #{t.slug} », déjà prise par l'index alphabétique"
                )
            )
        taken.setdefault(t.slug, t)
    return termes


def data_files(content: Path, folder: str, fixed_schema: str | None) -> tuple[dict, list[ContentError]]:
    """Every content/<folder>/*.yml checked against its schema: ({name: data}, errors)."""
    found, errors = {}, []
    directory = content / folder
    paths = sorted(directory.glob("*.yml")) if directory.is_dir() else []
    if fixed_schema is None:
        names = {p.stem for p in paths}
        errors += [
            ContentError(f"content/{folder}/{name}.yml", 1, "fichier de données manquant")
            for name in DATA_REQUIRED
            if name not in names
        ]
    for path in paths:
        rel = f"content/{folder}/{path.name}"
        name = fixed_schema or path.stem
        if not schema.existe(name):
            if fixed_schema is None:
                errors.append(
                    ContentError(
                        rel,
                        1,
                        f"aucun schéma pour ce fichier : créez generator/schemas/{name}.yml "
                        "(voir generator/schemas/README.md)",
                    )
                )
            continue
        data, node, problems = schema.document(path, rel, name)
        if problems:
            errors += problems
            continue
        if path.stem == "aide_juridictionnelle" and fixed_schema is None:
            errors += _aj_problems(data, node, rel)
        found[path.stem] = data
    return found, errors


def _aj_problems(data, node, rel: str) -> list[ContentError]:
    """The checks pyscripts runs on the AJ parameters (dates, years), placed at their line."""
    from pyscripts.aj.verification import problemes

    as_json = json.loads(json.dumps(data, default=lambda d: d.isoformat()))  # as the browser sees it
    errors = []
    for message in problemes(as_json):
        path, _, _ = message.partition(" : ")
        errors.append(ContentError(rel, schema.ligne_du_chemin(node, path), message))
    return errors


def _bareme_problems(config: SiteConfig, donnees: dict) -> list[ContentError]:
    aj = donnees.get("aide_juridictionnelle")
    if not isinstance(aj, dict):
        return []
    years = sorted(b["annee"] for b in aj["baremes"])
    if config.bareme_aj in years:
        return []
    return [
        ContentError(
            _rel(config),
            line_of(_path(config), "bareme_aj:"),
            f"bareme_aj : aucun barème {config.bareme_aj} dans content/data/aide_juridictionnelle.yml "
            f"(années disponibles : {', '.join(map(str, years))})",
        )
    ]


def check_page(
    page: Path,
    content: Path,
    slugs: set[str],
    config: SiteConfig | None = None,
    pdfs: dict[str, tuple[str, int]] | None = None,
) -> list[ContentError]:
    rel = f"content/{page.relative_to(content).as_posix()}"
    try:
        text = lecture.texte(page, rel)
        fm = frontmatter.parse(text)
    except lecture.LectureImpossible as exc:
        return [exc.erreur]
    except ValueError as exc:
        line, message = exc.args
        return [ContentError(rel, line, message)]
    errors = [ContentError(rel, line, msg) for line, msg in frontmatter.problems(fm)]
    if pdfs is not None and config is not None:
        errors += _pdf_collision(page.relative_to(content).as_posix(), fm, config, pdfs)
    body_lines = text.split("\n")[fm.body_line - 1 :]
    in_fence = False
    for offset, line in enumerate(body_lines):
        number = fm.body_line + offset
        if FENCE.match(line.strip()):
            in_fence = not in_fence
        if in_fence:
            continue
        errors += [ContentError(rel, number, m) for m in _line_problems(line)]
        for target in LINK.findall(CODE_SPAN.sub("", line)):
            if message := _link_problem(target, page, content, slugs):
                errors.append(ContentError(rel, number, message))
    return errors


def _pdf_collision(src: str, fm: frontmatter.FrontMatter, config: SiteConfig, pdfs: dict) -> list[ContentError]:
    if not (fm.data.get("pdf") is True or src in config.pdf):
        return []
    name = pdf_name(src)
    rel, line = f"content/{src}", fm.lines.get("pdf", 1)
    if name in pdfs:
        other, other_line = pdfs[name]
        return [
            ContentError(
                rel,
                line,
                f"le PDF de cette page serait pdf/{name}, comme celui de {other} "
                f"(ligne {other_line}) : renommez l'une des deux pages",
            )
        ]
    pdfs[name] = (rel, line)
    return []


def _line_problems(line: str) -> list[str]:
    """Blocks `{{ nom }}` and admonitions `!!! type` on one line of Markdown."""
    problems = []
    known = ", ".join(f"{{{{ {n} }}}}" for n in sorted(macros.MACROS))
    prose = CODE_SPAN.sub("", line)
    if m := macros.LINE.match(line):
        if m.group(1) not in macros.MACROS:
            problems.append(f"bloc inconnu « {{{{ {m.group(1)} }}}} » (connus : {known})")
    elif JINJA_LIKE.search(prose):
        problems.append(
            f"bloc mal écrit « {_excerpt(prose.strip())} » : un bloc s'écrit seul sur sa ligne, en minuscules "
            f"({known}) ; des accolades doubles ailleurs s'écrivent dans du code (`{{{{`)"
        )
    if m := ADMONITION.match(line):
        ok = ADMONITION_OK.match(m.group(1))
        kind = ok.group(1).split()[0] if ok else None
        if kind not in ADMONITIONS:
            shown = f"« {kind} »" if kind else "absent"
            problems.append(
                f'type d\'encadré {shown} : écrivez « !!! type "Titre" » avec un type parmi {", ".join(ADMONITIONS)}'
            )
    return problems


def _excerpt(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _link_problem(target: str, page: Path, content: Path, slugs: set[str]) -> str | None:
    if target.startswith(LEXIQUE_SCHEME):
        slug = target[len(LEXIQUE_SCHEME) :]
        return None if slug in slugs else f"terme du lexique inconnu : « {slug} »"
    parts = urlsplit(target)
    if target.startswith("#"):
        return None
    if target.startswith("//"):
        return f"lien « {target} » sans protocole : écrivez https://…"
    if parts.scheme:
        if parts.scheme == "http":
            return f"lien non sécurisé « {target} » : utilisez https://"
        if parts.scheme not in LINK_SCHEMES:
            return f"lien « {_excerpt(target)} » : seuls https:, mailto: et tel: sont permis (ou un chemin vers une page .md)"
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


__all__ = ["validate", "check_page", "pages", "expand_lexique_links", "Contenu", "ContentErrors"]
