"""Vérifie tout content/ avant MkDocs, et dit chaque problème d'un coup, en
`content/chemin.md:LIGNE: message` (le rédacteur les corrige en une fois).

Lancé par `python -m generator check`, et par `on_config` du plugin à chaque construction
(`make site`, `mkdocs build`, chaque reconstruction de `mkdocs serve`) ; ce qu'il a lu
(`Contenu`) sert ensuite à toute la construction."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pyscripts import outils

from .. import langues as langues_du_theme
from ..config import CONFIG_FILE, ConfigDuSite
from ..erreurs import ErreurDeContenu, ErreursDeContenu, line_of
from ..mkdocs import libelles, macros, valeurs
from ..sorties.pdf import pdf_name
from . import croisements, formulaires, frontmatter, lecture, lexique, schema, traductions

# [texte](cible) ou [texte](cible "titre") ; les images aussi. Le code (en ligne ou en bloc) est ôté avant.
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
LEXIQUE_SCHEME = "lexique:"
LINK_SCHEMES = ("https", "mailto", "tel")
# La syntaxe des encadrés de Python-Markdown : `!!! type "Titre"` (d'autres classes peuvent suivre le type).
ADMONITION = re.compile(r"^\s*!!!(.*)$")
ADMONITION_OK = re.compile(r'^ ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
ADMONITIONS = ("note", "conseil", "attention", "danger", "exemple")  # leurs styles : theme/assets/css/site.css
JINJA_LIKE = re.compile(r"\{\{|\}\}|\{%|%\}")

# Chaque fichier de données est vérifié par son schéma, generator/schemas/<nom>.yml (les définitions
# de formulaires par formulaire.yml : generator/contenu/formulaires.py).
DATA_DIR = "data"
# Les fichiers de données dont le site ne peut se passer : ceux que lisent les outils
# (pyscripts/outils.py), et les numéros d'urgence montrés sur chaque page.
DONNEES_DES_PAGES = ("urgences",)


def donnees_requises() -> list[str]:
    return sorted({*outils.donnees_requises(), *DONNEES_DES_PAGES})


@dataclass
class Contenu:
    """Ce que les contrôles ont lu, transmis à la construction : rien n'est lu deux fois."""

    termes: list[lexique.Terme]
    donnees: dict[str, object] = field(default_factory=dict)  # content/data/<nom>.yml
    formulaires: dict[str, formulaires.Definition] = field(default_factory=dict)  # content/formulaires/<id>.yml
    langues: dict[str, langues_du_theme.Langue] = field(default_factory=dict)  # theme/langues/<code>.yml
    traductions: dict[str, traductions.Derivee] = field(default_factory=dict)  # chaque page dérivée
    langue_des_pages: dict[str, str] = field(default_factory=dict)  # page → code de sa langue
    titres: dict[str, str] = field(default_factory=dict)  # page → son titre
    # Ce qui ne doit pas arrêter la construction mais doit être vu : les traductions à mettre à jour.
    avertissements: list[ErreurDeContenu] = field(default_factory=list)


def pages(dossier_contenu: Path) -> list[Path]:
    """Les pages Markdown (un README.md explique un dossier aux rédacteurs : ce n'est pas une page)."""
    return sorted(
        p
        for p in dossier_contenu.rglob("*.md")
        if not p.name.startswith("_") and p.name != "README.md" and DATA_DIR not in p.relative_to(dossier_contenu).parts
    )


def verifie_le_contenu(config: ConfigDuSite) -> Contenu:
    """ErreursDeContenu avec chaque problème ; ce qui a été lu quand tout va bien."""
    content = config.dossier_contenu
    errors: list[ErreurDeContenu] = []
    termes = _lexique(content, errors)
    slugs = {t.slug for t in termes}
    found = pages(content)
    rels = {p.relative_to(content).as_posix() for p in found} | {lexique.PAGE}
    pdfs: dict[str, tuple[str, int]] = {pdf_name(lexique.PAGE): (f"content/{lexique.PAGE}", 1)}
    # Données et formulaires d'abord : une page cite leurs valeurs et libellés (`{{ numero police }}`).
    donnees, data_errors = data_files(content)
    definitions, form_errors = formulaires.charge_tout(content, slugs)  # schéma et contrôles croisés, lus une fois
    citees = Valeurs(donnees, {d.id: d for d in definitions})
    lues: dict[str, tuple[str, frontmatter.FrontMatter]] = {}
    for page in found:
        errors += verifie_page(page, content, slugs, config, pdfs, citees, lues)
    try:
        langues = langues_du_theme.charge(config.dossier_theme)
    except ErreursDeContenu as exc:
        errors += exc.errors
        langues = {}
    derivees, erreurs_traductions = traductions.analyse(lues, set(langues), config.langue)
    errors += erreurs_traductions
    langue_des_pages = {rel: fm.data.get("langue", config.langue) for rel, (_, fm) in lues.items()}
    if langues:
        errors += _navigation_par_langue(config, langue_des_pages, set(langues))
    config_rel = _rel(config)
    for target in config.nav_pages():
        if target not in rels:
            errors.append(
                ErreurDeContenu(
                    config_rel,
                    line_of(_path(config), target),
                    f"la navigation cite « {target} », qui n'existe pas dans content/",
                )
            )
    for rel in sorted(rels - set(config.nav_pages())):
        errors.append(ErreurDeContenu(f"content/{rel}", 1, "page absente de la navigation (site_config.yml)"))
    for target in config.pdf:
        if target not in rels:
            errors.append(
                ErreurDeContenu(
                    config_rel,
                    line_of(_path(config), target),
                    f"« pdf » cite « {target} », qui n'existe pas dans content/",
                )
            )
    errors += data_errors + form_errors
    if not data_errors and not form_errors:  # chaque fichier a la forme que ses lecteurs supposent
        # vérifiés par chaque moteur qui les lit (generator/contenu/croisements.py)
        errors += croisements.problemes(content, donnees, {d.id: d.donnees for d in definitions})
    errors += _bareme_problems(config, donnees)
    errors += formulaires.problemes(content, definitions)  # chaque formulaire a sa page ; les règles des pièces
    if errors:
        raise ErreursDeContenu(errors)
    return Contenu(
        termes,
        donnees,
        {d.id: d for d in definitions},
        langues=langues,
        traductions=derivees,
        langue_des_pages=langue_des_pages,
        titres={rel: str(fm.data.get("titre", "")) for rel, (_, fm) in lues.items()},
        avertissements=[d.avertissement() for d in derivees.values() if d.perimee],
    )


def _navigation_par_langue(
    config: ConfigDuSite, langue_des_pages: dict[str, str], connues: set[str]
) -> list[ErreurDeContenu]:
    """Chaque page est dans le menu de sa langue : le menu français (`navigation`) ou celui de `langues.<code>`."""
    errors = []
    chemin, rel = _path(config), _rel(config)
    for code in config.langues:
        if code == config.langue or code not in connues:
            errors.append(
                ErreurDeContenu(
                    rel,
                    line_of(chemin, f"  {code}:"),
                    f"langues : « {code} » n'est pas une autre langue du thème "
                    f"(theme/langues/ : {', '.join(sorted(connues - {config.langue}))})",
                )
            )
    menus = {config.langue: config.navigation} | {c: lg["navigation"] for c, lg in config.langues.items()}
    for code, menu in menus.items():
        for page in config.nav_pages(menu):
            if page in langue_des_pages and langue_des_pages[page] != code:
                errors.append(
                    ErreurDeContenu(
                        rel,
                        line_of(chemin, page),
                        f"« {page} » est en « {langue_des_pages[page]} » : rangez-la dans le menu de sa langue"
                        + (
                            " (langues.<code>.navigation)"
                            if langue_des_pages[page] != config.langue
                            else " (navigation)"
                        ),
                    )
                )
    for code, langue in config.langues.items():
        if langue["securite"] not in config.nav_pages(langue["navigation"]):
            errors.append(
                ErreurDeContenu(
                    rel,
                    line_of(chemin, f"securite: {langue['securite']}"),
                    f"langues.{code}.securite : « {langue['securite']} » n'est pas dans le menu de cette langue",
                )
            )
    return errors


@dataclass
class Valeurs:
    """Ce qu'une page peut citer : les fichiers de données (valeurs dans une phrase) et les définitions
    de formulaires (libellés)."""

    donnees: dict
    formulaires: dict


def _path(config: ConfigDuSite) -> Path:
    return config.path or config.root / CONFIG_FILE


def _rel(config: ConfigDuSite) -> str:
    path = _path(config)
    return path.relative_to(config.root).as_posix() if path.is_relative_to(config.root) else str(path)


def _lexique(content: Path, errors: list[ErreurDeContenu]) -> list[lexique.Terme]:
    rel = f"content/{lexique.FILE}"
    if (content / lexique.FILE).is_file():
        try:
            lecture.texte(content / lexique.FILE, rel)
        except lecture.LectureImpossible as exc:
            errors.append(exc.erreur)
            return []
    termes, found = lexique.lit_lexique(content)
    errors += found
    # Chaque terme s'atteint par son ancre (#slug) : deux termes d'un même slug la partageraient.
    taken: dict[str, lexique.Terme] = {}
    letters = {f"lettre-{c}" for c in "abcdefghijklmnopqrstuvwxyz"}
    for t in termes:
        if not t.slug:
            errors.append(
                ErreurDeContenu(rel, t.line, f"« {t.terme} » : il faut au moins une lettre ou un chiffre dans le terme")
            )
        elif t.slug in taken:
            errors.append(
                ErreurDeContenu(
                    rel,
                    t.line,
                    f"« {t.terme} » aurait la même ancre « #{t.slug} » que « {taken[t.slug].terme} » "
                    f"(ligne {taken[t.slug].line}) : fusionnez les deux entrées ou changez un terme",
                )
            )
        elif t.slug in letters:
            errors.append(
                ErreurDeContenu(
                    rel, t.line, f"« {t.terme} » aurait l'ancre « #{t.slug} », déjà prise par l'index alphabétique"
                )
            )
        taken.setdefault(t.slug, t)
    return termes


def data_files(content: Path) -> tuple[dict, list[ErreurDeContenu]]:
    """Chaque content/data/*.yml vérifié par le schéma de même nom : ({nom: données}, erreurs)."""
    found, errors = {}, []
    directory = content / DATA_DIR
    paths = sorted(directory.glob("*.yml")) if directory.is_dir() else []
    names = {p.stem for p in paths}
    errors += [
        ErreurDeContenu(f"content/{DATA_DIR}/{name}.yml", 1, "fichier de données manquant")
        for name in donnees_requises()
        if name not in names
    ]
    for path in paths:
        rel = f"content/{DATA_DIR}/{path.name}"
        if not schema.existe(path.stem):
            errors.append(
                ErreurDeContenu(
                    rel,
                    1,
                    f"aucun schéma pour ce fichier : créez generator/schemas/{path.stem}.yml "
                    "(voir generator/schemas/README.md)",
                )
            )
            continue
        data, _, problems = schema.document(path, rel, path.stem)
        if problems:
            errors += problems
            continue
        if path.stem == "urgences":
            errors += _urgences_problems(data, path, rel)
        found[path.stem] = data
    return found, errors


def _urgences_problems(data: dict, path: Path, rel: str) -> list[ErreurDeContenu]:
    """Chaque numéro du haut des pages (`en_haut`) est une entrée de `urgence` ou `ecoute`."""
    ids = {e["id"] for e in data["urgence"] + data["ecoute"]}
    return [
        ErreurDeContenu(
            rel,
            line_of(path, f"id: {h['id']}"),
            f"en_haut : « {h['id']} » n'est l'id d'aucun numéro d'urgence ou d'écoute",
        )
        for h in data.get("en_haut", [])
        if h["id"] not in ids
    ]


def _bareme_problems(config: ConfigDuSite, donnees: dict) -> list[ErreurDeContenu]:
    aj = donnees.get("aide_juridictionnelle")
    if not isinstance(aj, dict):
        return []
    years = sorted(b["annee"] for b in aj["baremes"])
    if config.bareme_aj in years:
        return []
    return [
        ErreurDeContenu(
            _rel(config),
            line_of(_path(config), "bareme_aj:"),
            f"bareme_aj : aucun barème {config.bareme_aj} dans content/data/aide_juridictionnelle.yml "
            f"(années disponibles : {', '.join(map(str, years))})",
        )
    ]


def verifie_page(
    page: Path,
    content: Path,
    slugs: set[str],
    config: ConfigDuSite | None = None,
    pdfs: dict[str, tuple[str, int]] | None = None,
    valeurs_citees: Valeurs | None = None,
    lues: dict | None = None,
) -> list[ErreurDeContenu]:
    """Les problèmes d'une page ; `lues` reçoit son texte et son en-tête (les traductions les comparent)."""
    rel = f"content/{page.relative_to(content).as_posix()}"
    try:
        text = lecture.texte(page, rel)
        fm = frontmatter.lit_entete(text)
    except lecture.LectureImpossible as exc:
        return [exc.erreur]
    except ValueError as exc:
        line, message = exc.args
        return [ErreurDeContenu(rel, line, message)]
    if lues is not None:
        lues[rel.removeprefix("content/")] = (text, fm)
    errors = [ErreurDeContenu(rel, line, msg) for line, msg in frontmatter.problems(fm)]
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
        errors += [ErreurDeContenu(rel, number, m) for m in _line_problems(line, valeurs_citees, config)]
        for target in LINK.findall(CODE_SPAN.sub("", line)):
            if message := _link_problem(target, page, content, slugs):
                errors.append(ErreurDeContenu(rel, number, message))
    return errors


def _pdf_collision(src: str, fm: frontmatter.FrontMatter, config: ConfigDuSite, pdfs: dict) -> list[ErreurDeContenu]:
    if not (fm.data.get("pdf") is True or src in config.pdf):
        return []
    name = pdf_name(src)
    rel, line = f"content/{src}", fm.lines.get("pdf", 1)
    if name in pdfs:
        other, other_line = pdfs[name]
        return [
            ErreurDeContenu(
                rel,
                line,
                f"le PDF de cette page serait pdf/{name}, comme celui de {other} "
                f"(ligne {other_line}) : renommez l'une des deux pages",
            )
        ]
    pdfs[name] = (rel, line)
    return []


def _line_problems(line: str, citees: Valeurs | None = None, config: ConfigDuSite | None = None) -> list[str]:
    """Les blocs `{{ nom }}`, les valeurs `{{ numero police }}` et les encadrés `!!! type` d'une ligne de Markdown."""
    problems = []
    known = ", ".join(f"{{{{ {n} }}}}" for n in sorted([*macros.MACROS, *macros.AVEC_ARGUMENTS]))
    prose = CODE_SPAN.sub("", line)
    if m := macros.LINE.match(line):
        name, args = m.group(1), m.group(2).split()
        if name in macros.AVEC_ARGUMENTS:
            if citees is not None and (message := libelles.probleme(name, args, citees.formulaires)):
                problems.append(message)
        elif name not in macros.MACROS:
            problems.append(f"bloc inconnu « {{{{ {name} }}}} » (connus : {known})")
        elif args:
            problems.append(f"« {{{{ {name} }}}} » ne prend pas d'argument")
    else:
        for kind, cle in valeurs.INLINE.findall(prose):
            if citees is not None and config is not None:
                if message := valeurs.probleme(kind, cle, citees.donnees, config.bareme_aj):
                    problems.append(message)
        if JINJA_LIKE.search(valeurs.INLINE.sub("", prose)):
            problems.append(
                f"bloc mal écrit « {_excerpt(prose.strip())} » : un bloc s'écrit seul sur sa ligne, en minuscules "
                f"({known}) ; une valeur dans une phrase s'écrit {{{{ numero|duree|montant|annee clé }}}} ; "
                "des accolades doubles ailleurs s'écrivent dans du code (`{{`)"
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


def lie_le_lexique(markdown: str, page_rel: str) -> str:
    """`[texte](lexique:slug)` → un lien relatif vers l'ancre de la page du lexique."""
    prefix = "../" * page_rel.count("/") + lexique.PAGE + "#"
    return markdown.replace("](" + LEXIQUE_SCHEME, "](" + prefix)


__all__ = ["verifie_le_contenu", "verifie_page", "pages", "lie_le_lexique", "Contenu", "ErreursDeContenu"]
