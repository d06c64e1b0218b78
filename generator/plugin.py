"""Le plugin MkDocs du générateur (`justice`, déclaré par point d'entrée dans pyproject.toml et
nommé dans mkdocs.yml) : un petit gestionnaire par événement.

on_startup       retient la commande (build, serve)
on_config        lit et vérifie site_config.yml et content/ une fois (les contrôles de
                 `python -m generator check`) et garde ce qu'il a lu (self.contenu) ; donne à
                 MkDocs le nom et la navigation du site, l'extension du lexique ; les données
                 et le registre des outils aux gabarits ; les avertissements de MkDocs en français
on_files         ajoute la page du lexique tirée de lexique.yml, les pages « Rechercher » des autres langues,
                 les polices de l'arabe (generator/mkdocs/polices.py)
on_env           compile chaque gabarit du thème (une faute échoue à son fichier:ligne), ajoute les
                 filtres ; prépare le paquet Pyodide (toutes les pages lues : leurs `pyodide_paquets` ;
                 aucune rendue : elles nomment ses fichiers à empreinte, config.extra.outils)
on_page_markdown développe les `{{ blocs }}` et les liens `lexique:`, dit au lexique quelle page il lie
on_page_content  garde le HTML des pages à imprimer
on_page_context  la langue de la page, ses mots, son menu, ses liens vers les autres langues, et ce qu'une
                 traduction dit sous son titre (generator/mkdocs/multilingue.py)
on_post_build    s'arrête sur les avertissements de MkDocs (strict) ; un index de recherche par langue ; PDF (et formulaires vierges,
                 generator/mkdocs/formulaires.py), paquet Pyodide, contrôles du site fini,
                 .br et .gz à côté des gros fichiers, fichiers lisibles par le serveur web

Le même plugin sert `mkdocs serve` (aperçu en direct des rédacteurs), `mkdocs build` et
`python -m generator build` (la construction en une fois, avec son remplacement atomique).
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

from pyscripts import outils

from . import csp
from .config import lit_config_du_site
from .contenu import lexique
from .contenu.validation import lie_le_lexique, verifie_le_contenu
from .erreurs import ErreurDeConstruction, ErreurDeContenu, ErreursDeContenu, template_error
from .mkdocs import macros, multilingue, polices, tableaux
from .mkdocs.bidi import BidiExtension
from .mkdocs.filtres import FILTRES, apres_titre, echappe
from .mkdocs.formulaires import Formulaires
from .mkdocs.francais import EnFrancais
from .mkdocs.lexique import LexiqueExtension
from .mkdocs.lignes import une_phrase_par_ligne
from .mkdocs.typographie import insecables
from .sorties import compression, pdf, verification
from .sorties.formulaires import FILTRES as FILTRES_FORMULAIRES

LOG = logging.getLogger("mkdocs.plugins.justice")

ALIGN_STYLE = re.compile(r'style="text-align: (left|right|center);"')
LOCATED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<message>.*)$")


class JusticeConfig(base.Config):
    site_config = c.Type(str, default="site_config.yml")  # relatif à mkdocs.yml
    pdf = c.Type(bool, default=True)  # écrire site/pdf/*.pdf (WeasyPrint)
    pyodide = c.Type(bool, default=True)  # Pyodide et notre roue dans site/pyodide/
    cache = c.Type(str, default="build/cache/pdf")  # cache des PDF, relatif à mkdocs.yml
    # .br et .gz à côté des gros fichiers (generator/sorties/compression.py) ; jamais pour `mkdocs serve`.
    precompression = c.Type(bool, default=True)


class JusticePlugin(BasePlugin[JusticeConfig]):
    def __init__(self):
        self.command = "build"
        self.failure: ErreurDeConstruction | None = None  # notre erreur en français, pour `python -m generator build`
        self.francais: EnFrancais | None = None

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_shutdown(self):
        self._stop_translating()

    # MkDocs garde une instance d'une reconstruction de `mkdocs serve` à l'autre : tout repart d'ici.
    @event_priority(100)
    def on_config(self, config):
        self.failure = None
        self.report: dict = {}
        self.to_print: list[tuple] = []
        self.sources: dict[str, Path] = {}  # page du site → sa source (contrôle du site : constats à leur ligne)
        self.pyodide = None
        self.langue_des_urls: dict[str, str] = {}  # adresse d'une page → sa langue (index de recherche)
        root = Path(config.config_file_path).resolve().parent
        site_config = (root / self.config.site_config).resolve()
        self._stop_translating()
        self.francais = EnFrancais(Path(config.docs_dir), site_config)
        self.francais.install()
        try:
            self.site = lit_config_du_site(root, site_config)
            self.contenu = verifie_le_contenu(self.site)
            version_pyodide = self.site.pyodide
        except ErreurDeConstruction as exc:
            raise self._fail(exc) from None
        config.site_name = self.site.nom
        config.site_description = self.site.description
        config.nav = self.site.nav_mkdocs()
        for avertissement in self.contenu.avertissements:
            # INFO : un avertissement de MkDocs arrêterait la construction (strict), et la correction
            # française doit pouvoir être publiée ; `python -m generator` les redit à la fin (rapport).
            LOG.info("Avertissement : %s", avertissement)
        if not config.site_url:  # `mkdocs serve` pose d'abord sa propre adresse
            config.site_url = self.site.url + "/"
        try:
            self.formulaires = Formulaires(
                self.site,
                self.contenu.formulaires,
                {t.slug: t.terme for t in self.contenu.termes},
                lexique.definitions(self.contenu.termes),
            )
        except ErreurDeConstruction as exc:  # un gabarit des formulaires (rendu dès ici) en erreur
            raise self._fail(exc) from None
        self.linker = LexiqueExtension(self.contenu.termes)
        self.bidi = BidiExtension()
        config.markdown_extensions += [self.linker, self.bidi, tableaux.TableauxExtension()]
        try:
            registre = registre_des_outils(self.site.dossier_theme)
        except ErreurDeConstruction as exc:
            raise self._fail(exc) from None
        config.extra.update(
            csp=csp.meta(),
            urgences=echappe(self.contenu.donnees["urgences"]),  # texte des rédacteurs : échappé (filtres.echappe)
            sortie_rapide=self.site.sortie_rapide,
            pdf_pages={},
            pyodide=version_pyodide,
            lexique=echappe(lexique.definitions(self.contenu.termes)),
            outils={},
            donnees_outils=echappe(outils.contexte()),  # listes et bornes des formulaires d'outils (moteurs)
            registre_outils=registre,  # gabarit et script de chaque outil qui a sa page
        )
        return config

    def on_files(self, files, config):
        files.append(File.generated(config, lexique.PAGE, content=lexique.markdown_de_page(self.contenu.termes)))
        self.formulaires.fichiers(files)
        try:
            for fichier in polices.fichiers(config):
                files.append(fichier)
        except ErreurDeConstruction as exc:
            raise self._fail(exc) from None
        for fichier in multilingue.pages_de_recherche(config, self.contenu.langues, self.site):
            files.append(fichier)
        self.files = files
        return files

    def on_env(self, env, config, files):
        env.filters.update(FILTRES, **FILTRES_FORMULAIRES)
        self.env = env
        errors = []
        for name in sorted(n for n in env.list_templates() if n.endswith(".html")):
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                errors.append(template_error(exc, self.site.root))
        if errors:
            raise self._fail(ErreursDeContenu(errors))
        if self.config.pyodide:
            from .sorties.pyodide import paquets_des_pages, prepare

            try:
                self.pyodide = prepare(
                    self.site.root,
                    self.site.pyodide,
                    paquets_des_pages(files),
                    {ident: d.donnees for ident, d in self.contenu.formulaires.items()},
                )
            except ErreurDeConstruction as exc:
                raise self._fail(exc) from None
            config.extra["outils"] = self.pyodide.urls
        return env

    def on_page_markdown(self, markdown, page, config, files):
        source = page.file.abs_src_path or self.site.dossier_contenu / (
            lexique.FILE if page.file.src_uri == lexique.PAGE else page.file.src_uri
        )
        self.sources[page.file.dest_uri] = Path(source)
        langue = multilingue.langue_de(page.file.src_uri, page.meta, self.contenu, self.site)
        # Le lexique est en français : une traduction explique elle-même chaque nom français qu'elle cite.
        self.linker.current_page = page.file.src_uri if langue == self.site.langue else None
        self.bidi.actif = self.contenu.langues[langue].direction == "rtl"
        markdown = lie_le_lexique(markdown, page.file.src_uri)
        # MkDocs lit `title` ; nos rédacteurs écrivent `titre`.
        if "titre" in page.meta:
            page.meta["title"] = page.meta["titre"]
        if page.meta.get("pdf") or page.file.src_uri in self.site.pdf:
            config.extra["pdf_pages"][page.file.src_uri] = pdf.pdf_name(page.file.src_uri)
        markdown = macros.expand(markdown, self.site, self.contenu, langue)
        if page.meta.get("version_simple") or langue != self.site.langue:
            markdown = une_phrase_par_ligne(markdown)  # version simple et traductions : une phrase par ligne
        return markdown

    def on_page_content(self, html, page, config, files):
        # L'extension tables aligne les colonnes par des attributs style="", que la CSP
        # (style-src 'self') bloque : des classes de notre feuille de style à la place.
        html = ALIGN_STYLE.sub(lambda m: f'class="aligne-{m.group(1)}"', html)
        try:
            html = self.formulaires.contenu(html, page)  # la reproduction d'un formulaire, un entretien guidé
        except ErreurDeConstruction as exc:
            raise self._fail(exc) from None
        if page.file.src_uri in config.extra["pdf_pages"]:
            self.to_print.append((page, insecables(html)))  # la page web l'a en entier dans on_post_page
        return html

    def on_page_context(self, context, page, config, nav):
        code = multilingue.langue_de(page.file.src_uri, page.meta, self.contenu, self.site)
        self.langue_des_urls[page.file.url] = code
        context.update(self._contexte_de_langue(code, nav))
        context["liens_de_langue"] = multilingue.liens_de_langue(
            page.file.src_uri, code, self.contenu, self.site, self.files
        )
        context["bandeau"] = multilingue.bandeau(self.env, page.file.src_uri, code, self.contenu, self.files, page.url)
        return context

    def on_template_context(self, context, template_name, config):
        # Les gabarits statiques (404.html, recherche.html) sont en français, à la racine du site.
        context.update(self._contexte_de_langue(self.site.langue, context["nav"]))
        context["liens_de_langue"] = [
            multilingue.LienDeLangue(code, self.contenu.langues[code].nom, multilingue.url_de(self.files, accueil))
            for code in self.site.langues
            if (accueil := multilingue.accueil(self.site, code))
        ]
        context["langues_du_site"] = self.contenu.langues  # 404.html parle aussi chaque autre langue
        return context

    def _contexte_de_langue(self, code: str, nav) -> dict:
        """Ce que base.html lit de la langue d'une page : ses mots, son menu, son accueil, sa page de sécurité
        (adresses depuis la racine du site, que le filtre `url` des gabarits rend relatives)."""
        accueil = multilingue.accueil(self.site, code)
        securite = self.site.langues[code]["securite"] if code != self.site.langue else "securite.md"
        recherche = f"{code}/{multilingue.RECHERCHE}" if code != self.site.langue else None
        return {
            "langue": self.contenu.langues[code],
            "menu": multilingue.menu(nav, self.site, code),
            "accueil_url": multilingue.url_de(self.files, accueil) if accueil else None,
            "securite_url": multilingue.url_de(self.files, securite),
            "securite_src": securite,
            "recherche_url": multilingue.url_de(self.files, recherche) if recherche else "recherche.html",
            "index_de_recherche": multilingue.index_de_recherche(code, self.site),
        }

    def on_post_page(self, output, page, config):
        return insecables(output)  # la page finie : le contenu et les mots du thème, une fois

    def on_post_template(self, output_content, template_name, config):
        # Les gabarits statiques (404.html, recherche.html) suivent la même typographie que les pages.
        return insecables(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # en dernier : après les fichiers des autres plugins
    def on_post_build(self, config):
        if config.strict and self.francais and self.francais.messages:
            # MkDocs ne s'arrêterait qu'après cet événement : s'arrêter avant de rendre les PDF.
            raise self._fail(as_errors(self.francais.messages))
        site_dir = Path(config.site_dir)
        self.report["avertissements"] = list(self.contenu.avertissements)
        if "search" in config.plugins and (site_dir / multilingue.INDEX).is_file():
            self.report["recherche"] = multilingue.separe_l_index(site_dir, self.langue_des_urls, self.site)
        try:
            if self.config.pdf:
                self.report["pdf"] = self._ecrit_les_pdf(site_dir, config)
            # Les formulaires vierges remplissables : toujours (l'entretien les remplit), en cache comme les PDF.
            self.report["formulaires"] = self.formulaires.ecrit_pdfs(site_dir, self._cache(config))
            if self.pyodide:
                self.pyodide.ecrit(site_dir)
            langues = {
                url: (code, self.contenu.langues[code].direction)
                for url, code in self.langue_des_urls.items()
                if code != self.site.langue
            }
            verification.verifie_le_site(
                site_dir, config.extra["pdf_pages"] if self.config.pdf else {}, self.site.root, self.sources, langues
            )
            if self.config.precompression and self.command != "serve":
                self.report["compression"] = compression.precompresse(site_dir, self.site.root / compression.CACHE)
        except ErreurDeConstruction as exc:
            raise self._fail(exc) from None
        publishable(site_dir)
        self._stop_translating()

    def on_build_error(self, *, error):
        self._stop_translating()
        if isinstance(error, Abort) and "strict mode" in (error.message or ""):
            error.message = "Arrêt : avertissements en mode strict (voir ci-dessus)."
        elif isinstance(error, ErreurDeConstruction):
            # MkDocs écrirait le message, puis finirait par « Aborted with a ErreurDeConstruction! » en anglais :
            # l'écrire ici et s'arrêter en français (`python -m generator` lit self.failure).
            LOG.error(str(error))
            raise Abort("Construction arrêtée : corrigez ce qui est signalé ci-dessus.")

    def _fail(self, error: ErreurDeConstruction) -> ErreurDeConstruction:
        self.failure = error
        return error

    def _stop_translating(self) -> None:
        if self.francais:
            self.francais.remove()

    def _ecrit_les_pdf(self, site_dir: Path, config) -> dict:
        theme = self.site.dossier_theme
        css = (theme / pdf.PRINT_CSS).read_text(encoding="utf-8")
        jobs = []
        for page, html in self.to_print:
            url = f"{self.site.url}/{page.file.dest_uri}"
            code = multilingue.langue_de(page.file.src_uri, page.meta, self.contenu, self.site)
            bandeau = multilingue.bandeau(self.env, page.file.src_uri, code, self.contenu, self.files, page.url)
            context = {
                "site_nom": self.site.nom,
                "contenu": pdf.absolute_links(apres_titre(html, bandeau), url),
                "verifie_le": page.meta.get("verifie_le"),
                "sources": page.meta.get("sources") or [],
                "url": url,
                "langue": self.contenu.langues[code],
                "polices": polices.versions(),
                "urgences": self.contenu.donnees["urgences"],
            }
            out = site_dir / "pdf" / config.extra["pdf_pages"][page.file.src_uri]
            source = Path(page.file.abs_src_path) if page.file.abs_src_path else None
            jobs.append(pdf.job(pdf.rend_le_html(theme, context), css, out, f"content/{page.file.src_uri}", source))
        return pdf.ecrit_les_pdf(jobs, css, site_dir, self._cache(config))

    def _cache(self, config) -> Path:
        return Path(config.config_file_path).resolve().parent / self.config.cache


def registre_des_outils(theme: Path) -> dict:
    """{outil: {gabarit, module}} pour les gabarits, tiré du registre des outils (pyscripts/outils.py) :
    chaque outil qui a sa page doit avoir son gabarit et son script dans le thème."""
    registre, manquants = {}, []
    for nom, outil in outils.pages().items():
        for fichier in (outil.gabarit, outil.module):
            if not fichier or not (theme / fichier).is_file():
                manquants.append(f"outil « {nom} » : theme/{fichier} n'existe pas (registre pyscripts/outils.py)")
        registre[nom] = {"gabarit": outil.gabarit, "module": outil.module}
    if manquants:
        raise ErreurDeConstruction("\n".join(manquants))
    return registre


def as_errors(messages: list[str]) -> ErreursDeContenu:
    errors = []
    for message in messages:
        for line in message.split("\n"):
            m = LOCATED.match(line)
            errors.append(
                ErreurDeContenu(m["path"], int(m["line"]), m["message"])
                if m
                else ErreurDeContenu("mkdocs.yml", 1, line)
            )
    return ErreursDeContenu(errors)


def publishable(site_dir: Path) -> None:
    """Dossiers en 0755, fichiers en 0644, quel que soit l'umask : le serveur web est un autre
    utilisateur (un dossier temporaire est créé en 0700)."""
    os.chmod(site_dir, 0o755)
    for folder, dirs, names in os.walk(site_dir):
        for d in dirs:
            os.chmod(os.path.join(folder, d), 0o755)
        for n in names:
            os.chmod(os.path.join(folder, n), 0o644)
