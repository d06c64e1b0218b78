"""Les formulaires officiels dans le site, appelés par le plugin MkDocs (generator/plugin.py), une
méthode par événement :

fichiers(files)            on_files : quelle page accueille l'entretien guidé de chaque formulaire
                           (une ligne `<!-- entretien: <id> -->`)
contenu(html, page)        on_page_content : la page d'un formulaire (`formulaire: <id>`) reçoit sa
                           reproduction ; une ligne d'entretien reçoit l'entretien
ecrit_pdfs(site_dir, cache) on_post_build : les PDF vierges remplissables, site/formulaires/<id>.pdf,
                           rendus et mis en cache comme les autres PDF (generator/sorties/pdf.py) — même
                           sans les impressions : l'entretien les remplit, ce sont des outils
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..config import SiteConfig
from ..contenu import formulaires
from ..sorties import formulaires as rendu
from ..sorties import pdf, police_champs

DOSSIER_SITE = "formulaires"
CSS_PAGE = "formulaires/formulaire.css"
CSS_ENTRETIEN = "formulaires/entretien.css"
CSS_PDF = ("formulaires/formulaire.css", "formulaires/pdf.css")
LIGNE_ENTRETIEN = re.compile(r"<!--\s*entretien:\s*([a-z0-9-]+)\s*-->")


def chemin_pdf(identifiant: str) -> str:
    """Où est le PDF vierge d'un formulaire dans le site (le dossier de sa page)."""
    return f"{DOSSIER_SITE}/{identifiant}.pdf"


class Formulaires:
    def __init__(
        self,
        site: SiteConfig,
        formulaires: dict[str, formulaires.Definition],
        termes: dict[str, str],
        definitions: dict[str, str] | None = None,
    ):
        """`formulaires` : les définitions vérifiées par validation.validate (lues une fois par construction)."""
        self.site = site
        self.termes = termes  # slug → terme du lexique
        self.definitions = definitions or {}  # slug → définition
        self.env = rendu.environnement(site.theme_dir)
        self.prets = {ident: rendu.prepare(d.donnees, site.nom) for ident, d in formulaires.items()}
        self.entretiens: dict[str, str] = {}  # id → la page (dest_uri) qui accueille son entretien

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
        }

    def contenu(self, html: str, page) -> str:
        identifiant = page.meta.get("formulaire")
        if identifiant in self.prets:
            d = self.prets[identifiant]
            html += rendu.page(self.env, d, self._liens(d, page.file.dest_uri))

        def entretien(m: re.Match) -> str:
            d = self.prets.get(m.group(1))
            if not d:
                return m.group(0)
            # Monté par le module de la page (l'outil qui apporte les réponses, ex. assets/js/outil-aj.mjs).
            return rendu.entretien(self.env, d, self._liens(d, page.file.dest_uri), self.termes, self.definitions)

        return LIGNE_ENTRETIEN.sub(entretien, html)

    def ecrit_pdfs(self, site_dir: Path, cache: Path) -> dict[str, int]:
        return ecrit_pdfs(self.site, self.env, self.prets, site_dir, cache)


def feuille_pdf(site: SiteConfig) -> str:
    """La feuille de style des PDF vierges : la police des champs, puis celles du thème (pdf.write_all y
    ajoute les règles de la police du texte)."""
    return police_champs.regle() + "\n".join((site.theme_dir / nom).read_text(encoding="utf-8") for nom in CSS_PDF)


def ecrit_pdfs(site: SiteConfig, env, prets: dict[str, dict], site_dir: Path, cache: Path) -> dict[str, int]:
    """Le PDF vierge de chaque définition préparée, `site_dir/formulaires/<id>.pdf`, depuis le cache
    des PDF quand rien n'a changé."""
    if not prets:
        return {"rendus": 0, "en_cache": 0}
    css = feuille_pdf(site)
    jobs = [
        pdf.job(
            rendu.document_pdf(env, d),
            css,
            site_dir / chemin_pdf(identifiant),
            f"content/{formulaires.DOSSIER}/{identifiant}.yml",
            forms=True,
        )
        for identifiant, d in sorted(prets.items())
    ]
    return pdf.write_all(jobs, css, site_dir, cache)


def liste_markdown(site: SiteConfig, definitions: list[formulaires.Definition]) -> str:
    """Le bloc `{{ formulaires }}` : chaque formulaire, sa page, son PDF vierge, son explication et la
    page qui le pré-remplit. Des liens HTML bruts : les PDF sont écrits après que MkDocs a vérifié les
    liens Markdown (le bloc est dans content/formulaires/index.md : liens relatifs à elle). Les
    définitions ont été vérifiées avant (validation.validate)."""
    hotes = {
        ident: page.relative_to(site.content_dir).with_suffix(".html").as_posix()
        for page in sorted(site.content_dir.rglob("*.md"))
        for ident in LIGNE_ENTRETIEN.findall(page.read_text(encoding="utf-8"))
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
            f'- <strong class="sans-lexique">{x["titre"]}</strong> (Cerfa n° {x["cerfa"]}) : ' + " · ".join(liens)
        )
    return "\n".join(lignes)
