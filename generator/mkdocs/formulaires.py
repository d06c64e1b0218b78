"""Les formulaires officiels dans le site, appelés par le plugin MkDocs (generator/plugin.py), une
méthode par événement :

fichiers(files)            on_files : quelle page accueille l'entretien guidé de chaque formulaire
                           (une ligne `<!-- entretien: <id> -->`)
contenu(html, page)        on_page_content : la page d'un formulaire (`formulaire: <id>`) reçoit sa
                           reproduction ; une ligne d'entretien reçoit l'entretien
ecrit_pdfs(site_dir, cache) on_post_build : les PDF vierges remplissables, site/formulaires/<id>.pdf,
                           rendus et mis en cache comme les autres PDF (generator/sorties/pdf.py) — même
                           sans les impressions : l'entretien les remplit, ce sont des outils ; puis
                           leurs champs (noms, genres) comparés à la définition

Le document imprimable de chaque formulaire est rendu dès on_config : une erreur de gabarit (ils sont
rendus avec StrictUndefined) arrête la construction à sa ligne avant qu'aucune page ne soit écrite.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.utils import get_relative_url

from ..config import ConfigDuSite
from ..contenu import formulaires
from ..contenu.formulaires import LIGNE_ENTRETIEN
from ..erreurs import ErreurDeContenu, ErreursDeContenu, line_of, template_error
from ..sorties import formulaires as rendu
from ..sorties import pdf, police_champs

DOSSIER_SITE = "formulaires"
CSS_PAGE = "formulaires/formulaire.css"
CSS_ENTRETIEN = "formulaires/entretien.css"
CSS_PDF = ("formulaires/formulaire.css", "formulaires/pdf.css")


def _page_html(vers, page: str | None) -> str | None:
    """« aide-juridictionnelle/deposer.md#ou » → son adresse relative (`vers`), ancre gardée."""
    if not page:
        return None
    chemin, _, ancre = page.partition("#")
    return vers(chemin.removesuffix(".md") + ".html") + (f"#{ancre}" if ancre else "")


def chemin_pdf(identifiant: str) -> str:
    """Où est le PDF vierge d'un formulaire dans le site (le dossier de sa page)."""
    return f"{DOSSIER_SITE}/{identifiant}.pdf"


class Formulaires:
    def __init__(
        self,
        site: ConfigDuSite,
        formulaires: dict[str, formulaires.Definition],
        termes: dict[str, str],
        definitions: dict[str, str] | None = None,
    ):
        """`formulaires` : les définitions vérifiées par validation.verifie_le_contenu (lues une fois par construction)."""
        self.site = site
        self.termes = termes  # slug → terme du lexique
        self.definitions = definitions or {}  # slug → définition
        self.env = rendu.environnement(site.dossier_theme)
        self.definitions_lues = {ident: d.donnees for ident, d in formulaires.items()}
        self.prets = {ident: rendu.prepare(d.donnees, site.nom) for ident, d in formulaires.items()}
        self.documents = {i: self._rend(rendu.document_pdf, self.env, d) for i, d in self.prets.items()}
        self.entretiens: dict[str, str] = {}  # id → la page (dest_uri) qui accueille son entretien

    def _rend(self, gabarit, *arguments) -> str:
        """Un gabarit des formulaires rendu ; une erreur de gabarit devient `theme/…:LIGNE: …`."""
        try:
            return gabarit(*arguments)
        except (jinja2.TemplateError, TypeError, AttributeError) as exc:
            raise ErreursDeContenu([template_error(exc, self.site.root)]) from None

    def fichiers(self, files) -> None:
        for f in files.documentation_pages():
            for identifiant in LIGNE_ENTRETIEN.findall(f.content_string):
                self.entretiens[identifiant] = f.dest_uri

    def _liens(self, d: dict, depuis: str) -> dict:
        def vers(cible: str) -> str:
            return get_relative_url(cible, depuis)

        explication = d.get("page")
        return {
            "css": vers(CSS_PAGE),
            "css_entretien": vers(CSS_ENTRETIEN),
            "pdf": vers(chemin_pdf(d["id"])),
            "explication": vers(explication.removesuffix(".md") + ".html") if explication else None,
            "entretien": vers(self.entretiens[d["id"]]) if d["id"] in self.entretiens else None,
            "page": vers(f"{DOSSIER_SITE}/{d['id']}.html"),
            "lexique": vers("lexique.html"),
            "depot": _page_html(vers, (d.get("depot") or {}).get("page")),
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
            # Monté par le module de la page (l'outil qui apporte les réponses, ex. assets/js/outil-aj.mjs).
            liens = self._liens(d, page.file.dest_uri)
            return self._rend(rendu.entretien, self.env, d, liens, self.termes, self.definitions)

        return LIGNE_ENTRETIEN.sub(entretien, html)

    def ecrit_pdfs(self, site_dir: Path, cache: Path) -> dict[str, int]:
        rapport = ecrit_pdfs(self.site, self.documents, site_dir, cache)
        erreurs = []
        for identifiant, definition in sorted(self.definitions_lues.items()):
            source = self.site.dossier_contenu / formulaires.DOSSIER / f"{identifiant}.yml"
            erreurs += champs_du_pdf_vierge(definition, site_dir / chemin_pdf(identifiant), cache, source)
        if erreurs:
            raise ErreursDeContenu(erreurs)
        return rapport


def feuille_pdf(site: ConfigDuSite) -> str:
    """La feuille de style des PDF vierges : la police des champs, puis celles du thème (pdf.ecrit_les_pdf y
    ajoute les règles de la police du texte)."""
    return police_champs.regle() + "\n".join((site.dossier_theme / nom).read_text(encoding="utf-8") for nom in CSS_PDF)


def ecrit_pdfs(site: ConfigDuSite, documents: dict[str, str], site_dir: Path, cache: Path) -> dict[str, int]:
    """Le PDF vierge de chaque formulaire (`documents` : son HTML rendu), `site_dir/formulaires/<id>.pdf`,
    depuis le cache des PDF quand rien n'a changé."""
    if not documents:
        return {"rendus": 0, "en_cache": 0}
    css = feuille_pdf(site)
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
    return pdf.ecrit_les_pdf(jobs, css, site_dir, cache)


def champs_du_pdf_vierge(definition: dict, chemin: Path, cache: Path, source: Path) -> list[ErreurDeContenu]:
    """Les champs du PDF vierge, relus (pypdf, comme le navigateur qui le remplit), contre la définition :
    mêmes noms, mêmes genres. Un gabarit qui perd ou fusionne des champs échoue ici, pas dans le
    navigateur. Un PDF déjà vérifié (mêmes octets) n'est pas relu : son empreinte est notée dans le cache."""
    from pyscripts.formulaires.definition import champs_pdf
    from pyscripts.formulaires.remplissage import champs_du_pdf, lecteur

    octets = chemin.read_bytes()
    note = cache / f"{hashlib.sha256(octets).hexdigest()}.champs-verifies"
    if note.is_file():
        return []
    # Les champs imprimés (les rangées de tableau au-delà de `lignes` vont en annexe, sans champ).
    attendus = {} if definition.get("remplissage") == "manuscrit" else {c["nom"]: c for c in champs_pdf(definition)}
    lus = champs_du_pdf(lecteur(octets))
    rel = f"content/{formulaires.DOSSIER}/{definition['id']}.yml"
    erreurs = []
    for nom in sorted(set(attendus) - set(lus)):
        erreurs.append(
            ErreurDeContenu(rel, line_of(source, nom), f"le PDF vierge n'a pas le champ « {nom} » de la définition")
        )
    for nom in sorted(set(lus) - set(attendus)):
        erreurs.append(ErreurDeContenu(rel, 1, f"le PDF vierge a un champ « {nom} » que la définition ne connaît pas"))
    for nom in sorted(set(lus) & set(attendus)):
        if lus[nom]["type"] != attendus[nom]["type"]:
            erreurs.append(
                ErreurDeContenu(
                    rel,
                    1,
                    f"le champ « {nom} » est de type {lus[nom]['type']} dans le PDF vierge, "
                    f"{attendus[nom]['type']} dans la définition",
                )
            )
    if erreurs:
        chemin.unlink()  # jamais publié
        return [ErreurDeContenu(e.path, e.line, e.message + " (gabarits theme/formulaires/)") for e in erreurs[:20]]
    note.parent.mkdir(parents=True, exist_ok=True)
    note.touch()
    return erreurs


def liste_markdown(site: ConfigDuSite, definitions: list[formulaires.Definition]) -> str:
    """Le bloc `{{ formulaires }}` : chaque formulaire, sa page, son PDF vierge, son explication et la
    page qui le pré-remplit. Des liens HTML bruts : les PDF sont écrits après que MkDocs a vérifié les
    liens Markdown (le bloc est dans content/formulaires/index.md : liens relatifs à elle). Les
    définitions ont été vérifiées avant (validation.verifie_le_contenu)."""
    hotes = {
        ident: page.relative_to(site.dossier_contenu).with_suffix(".html").as_posix()
        for page in sorted(site.dossier_contenu.rglob("*.md"))
        for ident in LIGNE_ENTRETIEN.findall(page.read_text(encoding="utf-8"))
    }
    lignes = []
    for d in sorted(definitions, key=lambda d: d.donnees["titre"]):
        x = d.donnees
        liens = [
            f'<a href="{d.id}.html">le lire et l\'imprimer</a>',
            f'<a href="{d.id}.pdf" data-avant-export="onglet">le PDF vierge</a>',
        ]
        if x.get("page"):
            liens.append(f'<a href="../{x["page"].removesuffix(".md")}.html">comment le remplir</a>')
        if d.id in hotes:
            liens.append(f'<a href="../{hotes[d.id]}">le pré-remplir avec le simulateur</a> (rien n\'est envoyé)')
        lignes.append(
            f'- <strong class="sans-lexique">{escape(x["titre"])}</strong> (Cerfa n° {escape(x["cerfa"])}) : '
            + " · ".join(liens)
        )
    return "\n".join(lignes)
