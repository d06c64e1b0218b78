"""The official forms in the site, called by the MkDocs plugin (generator/plugin.py), one
method per event:

fichiers(files)            on_files: find which page hosts each form's guided interview
                           (a line `<!-- entretien: <id> -->`)
contenu(html, page)        on_page_content: a form's page (`formulaire: <id>`) gets its
                           reproduction; an interview marker gets the interview
ecrit_pdfs(site_dir, cache) on_post_build: the blank fillable PDFs, site/formulaires/<id>.pdf,
                           rendered and cached like the other PDFs (generator/sorties/pdf.py) — even
                           without the printouts: the interview fills them, they are a tool; then
                           their field names and types compared with the definition

The printable document of each form is rendered at on_config: a template error (the templates run
under StrictUndefined) stops the build at its template line before any page is written.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.utils import get_relative_url

from ..config import SiteConfig
from ..contenu import formulaires
from ..erreurs import ContentError, ContentErrors, line_of, template_error
from ..sorties import formulaires as rendu
from ..sorties import pdf

DOSSIER_SITE = "formulaires"
CSS_PAGE = "formulaires/formulaire.css"
CSS_ENTRETIEN = "formulaires/entretien.css"
CSS_PDF = ("formulaires/formulaire.css", "formulaires/pdf.css")
MARQUE = re.compile(r"<!--\s*entretien:\s*([a-z0-9-]+)\s*-->")


def chemin_pdf(identifiant: str) -> str:
    """Where the blank PDF of a form lives in the site (same folder as its page)."""
    return f"{DOSSIER_SITE}/{identifiant}.pdf"


class Formulaires:
    def __init__(self, site: SiteConfig, termes: dict[str, str], definitions: dict[str, str] | None = None):
        self.site = site
        self.termes = termes  # slug → terme du lexique
        self.definitions = definitions or {}  # slug → définition
        definitions, erreurs = formulaires.charge_tout(site.content_dir, set(termes))
        assert not erreurs, "validate.validate() refuse les définitions invalides avant la construction"
        self.env = rendu.environnement(site.theme_dir)
        self.definitions_lues = {d.id: d.donnees for d in definitions}
        self.prets = {d.id: rendu.prepare(d.donnees, site.nom) for d in definitions}
        self.documents = {i: self._rend(rendu.document_pdf, self.env, d) for i, d in self.prets.items()}
        self.entretiens: dict[str, str] = {}  # id → page (dest_uri) hosting its interview

    def _rend(self, gabarit, *arguments) -> str:
        """One of the forms' templates rendered; a template error becomes `theme/…:LINE: …`."""
        try:
            return gabarit(*arguments)
        except (jinja2.TemplateError, TypeError, AttributeError) as exc:
            raise ContentErrors([template_error(exc, self.site.root)]) from None

    def fichiers(self, files) -> None:
        for f in files.documentation_pages():
            for identifiant in MARQUE.findall(f.content_string):
                self.entretiens[identifiant] = f.dest_uri

    def _liens(self, d: dict, depuis: str) -> dict:
        vers = lambda cible: get_relative_url(cible, depuis)  # noqa: E731
        explication = d.get("page")
        return {
            "css": vers(CSS_PAGE),
            "css_entretien": vers(CSS_ENTRETIEN),
            "pdf": vers(chemin_pdf(d["id"])),
            "explication": vers(explication.removesuffix(".md") + ".html") if explication else None,
            "entretien": vers(self.entretiens[d["id"]]) if d["id"] in self.entretiens else None,
            "page": vers(f"{DOSSIER_SITE}/{d['id']}.html"),
            "lexique": vers("lexique.html"),
        }

    def contenu(self, html: str, page) -> str:
        identifiant = page.meta.get("formulaire")
        if identifiant in self.prets:
            d = self.prets[identifiant]
            html += self._rend(rendu.page, self.env, d, self._liens(d, page.file.dest_uri))

        def entretien(m: re.Match) -> str:
            d = self.prets.get(m.group(1))
            if not d:
                return m.group(0)
            liens = self._liens(d, page.file.dest_uri)
            # The page's tool (meta `outil: aj`) brings the answers: its glue module starts the interview.
            liens["js"] = get_relative_url(
                f"assets/js/formulaire-{page.meta.get('outil', 'entretien')}.mjs", page.file.dest_uri
            )
            return self._rend(rendu.entretien, self.env, d, liens, self.termes, self.definitions)

        return MARQUE.sub(entretien, html)

    def ecrit_pdfs(self, site_dir: Path, cache: Path) -> dict[str, int]:
        rapport = ecrit_pdfs(self.site, self.documents, site_dir, cache)
        erreurs = []
        for identifiant, definition in sorted(self.definitions_lues.items()):
            source = self.site.content_dir / formulaires.DOSSIER / f"{identifiant}.yml"
            erreurs += champs_du_pdf_vierge(definition, site_dir / chemin_pdf(identifiant), cache, source)
        if erreurs:
            raise ContentErrors(erreurs)
        return rapport


def ecrit_pdfs(site: SiteConfig, documents: dict[str, str], site_dir: Path, cache: Path) -> dict[str, int]:
    """The blank PDF of each form (`documents`: its rendered HTML), `site_dir/formulaires/<id>.pdf`,
    from the PDF cache when unchanged."""
    if not documents:
        return {"rendus": 0, "en_cache": 0}
    css = "\n".join((site.theme_dir / nom).read_text(encoding="utf-8") for nom in CSS_PDF)
    jobs = [
        pdf.job(
            html,
            css,
            site_dir / chemin_pdf(identifiant),
            f"content/{formulaires.DOSSIER}/{identifiant}.yml",
            forms=True,
        )
        for identifiant, html in sorted(documents.items())
    ]
    return pdf.write_all(jobs, css, site_dir, cache)


def champs_du_pdf_vierge(definition: dict, chemin: Path, cache: Path, source: Path) -> list[ContentError]:
    """The blank PDF's fields, read back (pypdf, as the browser fills it), against the definition:
    same names, same kinds. A template that drops or merges fields fails here, not in the browser.
    A PDF already checked (same bytes) is not read again: its digest is noted in the cache."""
    import hashlib

    from pyscripts.formulaires.remplissage import champs_de_la_definition, champs_du_pdf, lecteur

    octets = chemin.read_bytes()
    note = cache / f"{hashlib.sha256(octets).hexdigest()}.champs-verifies"
    if note.is_file():
        return []
    attendus = {} if definition.get("remplissage") == "manuscrit" else champs_de_la_definition(definition)
    lus = champs_du_pdf(lecteur(octets))
    rel = f"content/{formulaires.DOSSIER}/{definition['id']}.yml"
    erreurs = []
    for nom in sorted(set(attendus) - set(lus)):
        erreurs.append(
            ContentError(rel, line_of(source, nom), f"le PDF vierge n'a pas le champ « {nom} » de la définition")
        )
    for nom in sorted(set(lus) - set(attendus)):
        erreurs.append(ContentError(rel, 1, f"le PDF vierge a un champ « {nom} » que la définition ne connaît pas"))
    for nom in sorted(set(lus) & set(attendus)):
        if lus[nom]["type"] != attendus[nom]["type"]:
            erreurs.append(
                ContentError(
                    rel,
                    1,
                    f"le champ « {nom} » est de type {lus[nom]['type']} dans le PDF vierge, "
                    f"{attendus[nom]['type']} dans la définition",
                )
            )
    if erreurs:
        chemin.unlink()  # never published
        return [ContentError(e.path, e.line, e.message + " (gabarits theme/formulaires/)") for e in erreurs[:20]]
    note.parent.mkdir(parents=True, exist_ok=True)
    note.touch()
    return erreurs


def liste_markdown(site: SiteConfig) -> str:
    """The `{{ formulaires }}` block: every form, its page, its blank PDF, its explanation, and
    the page that pre-fills it. Raw HTML links: the PDFs are written after MkDocs has checked
    the Markdown links (the block is on content/formulaires/index.md: links are relative to it).
    The definitions were checked before (validate)."""
    definitions = [d for d, _ in map(formulaires.charge, formulaires.fichiers(site.content_dir)) if d]
    hotes = {
        ident: page.relative_to(site.content_dir).with_suffix(".html").as_posix()
        for page in sorted(site.content_dir.rglob("*.md"))
        for ident in MARQUE.findall(page.read_text(encoding="utf-8"))
    }
    lignes = []
    for d in sorted(definitions, key=lambda d: d.donnees["titre"]):
        x = d.donnees
        liens = [f'<a href="{d.id}.html">le lire et l\'imprimer</a>', f'<a href="{d.id}.pdf">le PDF vierge</a>']
        if x.get("page"):
            liens.append(f'<a href="../{x["page"].removesuffix(".md")}.html">comment le remplir</a>')
        if d.id in hotes:
            liens.append(f'<a href="../{hotes[d.id]}">le pré-remplir avec le simulateur</a> (rien n\'est envoyé)')
        lignes.append(
            f'- <strong class="sans-lexique">{escape(x["titre"])}</strong> (Cerfa n° {escape(x["cerfa"])}) : '
            + " · ".join(liens)
        )
    return "\n".join(lignes)
