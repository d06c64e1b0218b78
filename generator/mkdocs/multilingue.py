"""Un site en plusieurs langues, fait avec MkDocs et un petit plugin plutôt qu'avec un plugin i18n.

Le plugin i18n maintenu (mkdocs-static-i18n) construit le site entier une fois par langue, sous
/<langue>/, et y recopie les pages françaises qui n'ont pas de traduction : 8 pages traduites sur 40
donneraient 3 sites de 40 pages, dont 64 pages françaises déguisées en anglais ou en arabe, et nos
PDF, formulaires et paquet Pyodide seraient produits pour chacune. Ici, une page traduite est une page
comme une autre (content/en/, content/ar/) ; ce module lui donne ce qu'un site multilingue donne :

- sa langue et son sens d'écriture (`<html lang dir>`), les mots du thème dans sa langue
  (theme/langues/<code>.yml, generator/langues.py), le menu de sa langue (site_config.yml, `langues`) ;
- des liens vers la même page dans les autres langues (sans cookie, stockage ni paramètre d'adresse) ;
- une recherche par langue : un index et une page « Rechercher » par langue ;
- ce que dit une traduction sous son titre (theme/partials/traduction.html) : sa source, qui fait foi,
  sa relecture, et qu'elle est périmée quand sa source française a changé.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from ..config import ConfigDuSite
from ..contenu.traductions import famille
from ..langues import Langue

BANDEAU = "partials/traduction.html"
RECHERCHE = "recherche.md"  # une page « Rechercher » par autre langue : <code>/recherche.md, gabarit recherche.html
INDEX = "search/search_index.json"  # écrit par le plugin `search` de MkDocs pour toutes les pages


@dataclass(frozen=True)
class LienDeLangue:
    code: str
    nom: str
    url: str
    equivalente: bool = False  # la même page traduite (pas l'accueil de la langue, donné à défaut)


def langue_de(src_uri: str, meta: dict, contenu, site: ConfigDuSite) -> str:
    """La langue d'une page : son en-tête (`langue`), la langue du site pour les pages produites (lexique…)."""
    return contenu.langue_des_pages.get(src_uri) or meta.get("langue") or site.langue


def menu(nav, site: ConfigDuSite, code: str) -> list:
    """Le menu de la page : la navigation française, ou la rubrique de sa langue (site_config.nav_mkdocs)."""
    francais = len(site.navigation)
    if code == site.langue:
        return nav.items[:francais]
    return nav.items[francais + list(site.langues).index(code)].children


def accueil(site: ConfigDuSite, code: str) -> str | None:
    """La première page du menu d'une autre langue (son accueil) ; None pour le français (nav.homepage)."""
    return None if code == site.langue else site.nav_pages(site.langues[code]["navigation"])[0]


def url_de(files: Files, rel: str, depuis: str | None = None) -> str | None:
    """L'adresse de la page `rel` : depuis la racine du site (pour le filtre `url` des gabarits), ou depuis
    la page d'adresse `depuis` ; None si le site n'a pas cette page."""
    fichier = files.get_file_from_path(rel)
    if fichier is None:
        return None
    return fichier.url if depuis is None else get_relative_url(fichier.url, depuis)


def liens_de_langue(src_uri: str, code: str, contenu, site: ConfigDuSite, files: Files):
    """La même page dans chaque autre langue : sa source française, ses traductions ; à défaut,
    l'accueil de la langue (une personne qui ne lit pas le français trouve ses pages depuis n'importe où)."""
    proches = famille(contenu.traductions, src_uri)
    derivee = contenu.traductions.get(src_uri)
    liens = []
    for autre in [site.langue, *site.langues]:
        if autre == code:
            continue
        if autre == site.langue:
            if derivee is None or not derivee.source:
                continue  # une page française écrite directement : pas d'« autre » français
            cible = derivee.source
            equivalente = True
        else:
            memes = sorted(p for p in proches if contenu.langue_des_pages.get(p) == autre)
            cible = memes[0] if memes else accueil(site, autre)
            equivalente = bool(memes)
        liens.append(LienDeLangue(autre, contenu.langues[autre].nom, url_de(files, cible), equivalente))
    return liens


def bandeau(env, src_uri: str, code: str, contenu, files: Files, page_url: str) -> str:
    """Ce que la page dit sous son titre quand elle traduit ou simplifie une page française ("" sinon)."""
    derivee = contenu.traductions.get(src_uri)
    if derivee is None or not derivee.source:
        return ""
    return env.get_template(BANDEAU).render(
        derivee=derivee,
        simple=code == "fr",
        t=contenu.langues[code],
        fr=contenu.langues["fr"],
        source_url=url_de(files, derivee.source, page_url),
        source_titre=contenu.titres.get(derivee.source, derivee.source),
    )


def pages_de_recherche(config, langues: dict[str, Langue], site: ConfigDuSite) -> list[File]:
    """Une page « Rechercher » par autre langue (la française est le gabarit statique recherche.html)."""
    pages = []
    for code in site.langues:
        titre = langues[code].textes["recherche"]["titre"]
        contenu = (
            f"---\ntitre: {json.dumps(titre, ensure_ascii=False)}\nlangue: {code}\ntemplate: recherche.html\n---\n"
        )
        pages.append(
            File.generated(config, f"{code}/{RECHERCHE}", content=contenu, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return pages


def index_de_recherche(code: str, site: ConfigDuSite) -> str:
    """Le fichier d'index de la langue, sous search/ : search_index.json (français), search_index.<code>.json."""
    return "search_index.json" if code == site.langue else f"search_index.{code}.json"


# Les mots des pages en arabe ou en anglais citent souvent un nom français (« ordonnance de protection »,
# « Cerfa ») : l'index arabe lit aussi le français (lunr.multiLanguage). L'anglais, écrit en lettres
# latines, le lit déjà.
LUNR = {"fr": ["fr"], "en": ["en"], "ar": ["ar", "fr"]}


def separe_l_index(site_dir: Path, langue_des_urls: dict[str, str], site: ConfigDuSite) -> dict[str, int]:
    """Découpe l'index unique de MkDocs en un index par langue ; {code: nombre d'entrées}.
    Une page « Rechercher » n'a rien à trouver : ses entrées sont ôtées."""
    chemin = site_dir / INDEX
    index = json.loads(chemin.read_text(encoding="utf-8"))
    par_langue: dict[str, list] = {code: [] for code in [site.langue, *site.langues]}
    for entree in index["docs"]:
        url = entree["location"].split("#", 1)[0]
        if url.rsplit("/", 1)[-1] == "recherche.html":
            continue
        par_langue[langue_des_urls.get(url, site.langue)].append(entree)
    for code, docs in par_langue.items():
        config = dict(index["config"], lang=LUNR.get(code, [code]))
        sortie = site_dir / "search" / index_de_recherche(code, site)
        sortie.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False), encoding="utf-8")
    return {code: len(docs) for code, docs in par_langue.items()}
