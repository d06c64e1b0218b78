"""Un PDF balisé (PDF/UA-1) par page à imprimer, rendu par WeasyPrint depuis notre gabarit
d'impression (pas depuis le HTML du thème : ni en-tête, ni menu, ni recherche dans une notice
imprimée).

Les PDF sont rendus en parallèle sur les cœurs et gardés en cache par empreinte du contenu, hors
du dossier du site : une page inchangée est copiée, pas rendue à nouveau. WeasyPrint n'est importé
que dans les processus de rendu : la construction elle-même ne le paie jamais.

WeasyPrint ne peut lire que les fichiers du site (images, polices) : une page qui demande autre
chose (`<a rel="attachment" href="file:///etc/…">`, une image distante) arrête la construction, à
son fichier et sa ligne ; rien d'extérieur au site ne peut finir dans un PDF public.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import shutil
import warnings
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import jinja2

from ..erreurs import ErreurDeContenu, ErreursDeContenu, line_of
from ..mkdocs.filtres import FILTRES
from . import police_principale as police

PRINT_TEMPLATE = "print/page.html"
PRINT_CSS = "print/pdf.css"


def pdf_name(src_uri: str) -> str:
    """`aide-juridictionnelle/index.md` → `aide-juridictionnelle.pdf` (des noms à plat, lisibles)."""
    stem = src_uri.removesuffix(".md").removesuffix("/index").removesuffix("index")
    return (stem.replace("/", "-") or "accueil") + ".pdf"


@dataclass(frozen=True)
class Impression:
    html: str
    out: Path  # chemin absolu du PDF dans le site en construction
    key: str  # empreinte du contenu
    source: str = ""  # la page content/…, pour les messages d'erreur
    source_path: Path | None = None
    forms: bool = False  # <input>, <textarea> deviennent des champs de PDF (formulaires officiels vierges)


@lru_cache(maxsize=4)
def environment(dossier_theme: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(dossier_theme), autoescape=True)
    env.filters.update(FILTRES)
    return env


def rend_le_html(dossier_theme: Path, context: dict) -> str:
    return environment(dossier_theme).get_template(PRINT_TEMPLATE).render(**context)


def absolute_links(html: str, page_url: str) -> str:
    """Un lien relatif ne veut rien dire sur papier : il vise le site public."""
    base = page_url.rsplit("/", 1)[0] + "/"

    def fix(m: re.Match) -> str:
        href = m.group(2)
        if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
            return m.group(0)
        return f'{m.group(1)}{urljoin(base, href)}"'

    return re.sub(r'(<a\b[^>]*?\bhref=")([^"]*)"', fix, html)


@lru_cache(maxsize=1)
def _code_du_rendu() -> str:
    """L'empreinte du code qui rend les PDF (ce module, les polices) : un changement de ce code, et non
    seulement du HTML ou du CSS, refait les PDF au lieu de servir un PDF en cache rendu par l'ancien."""
    dossier = Path(__file__).parent
    fichiers = [dossier / nom for nom in ("pdf.py", "polices.py", "police_principale.py", "police_champs.py")]
    # polices.complete écrit dans le PDF vierge avec le code du remplissage (pagination, arbre de structure).
    remplissage = dossier.parents[1] / "pyscripts" / "formulaires"
    fichiers += [remplissage / f"{nom}.py" for nom in COMPLETE_LE_VIERGE]
    return hashlib.sha256(b"".join(f.read_bytes() for f in fichiers)).hexdigest()


# Les modules de pyscripts/formulaires dont se sert polices.complete (directement ou par remplissage.py).
COMPLETE_LE_VIERGE = (
    "annexe", "balisage", "definition", "dessin", "ecriture", "gabarit", "increment", "mise_en_page", "polices",
    "remplissage",
)  # fmt: skip


def job(
    html: str, css: str, out: Path, source: str = "", source_path: Path | None = None, forms: bool = False
) -> Impression:
    # La version lue dans les métadonnées du paquet : importer WeasyPrint coûte environ 1 s.
    complement = ""
    if forms:  # le formulaire vierge reçoit ses polices de secours et ses numéros de page après WeasyPrint (polices.py)
        from .polices import versions

        complement = versions()
    empreinte = (
        f"{version('weasyprint')}\0{_code_du_rendu()}\0{police.empreinte()}\0{forms}\0{complement}\0{css}\0{html}"
    )
    key = hashlib.sha256(empreinte.encode()).hexdigest()
    return Impression(html, out, key, source, source_path, forms)


def allowed(url: str, root: Path) -> bool:
    """Seules les adresses `data:`, les fichiers de `root` (le site en construction) et la police des
    PDF (police_principale.py) entrent dans un PDF."""
    parts = urlsplit(url)
    if parts.scheme == "data":
        return True
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(unquote(parts.path))).resolve()
    return path.is_relative_to(root.resolve()) or path.is_relative_to(police.DOSSIER.resolve())


def _fetcher(root: Path):
    """Un lecteur d'adresses de WeasyPrint enfermé dans `root` (créé dans le processus de rendu, où WeasyPrint est importé)."""
    from weasyprint.urls import URLFetcher

    class LecteurDuSite(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if not allowed(url, root):
                self.refused.append(url)  # gardé même quand WeasyPrint avale l'erreur (pièces jointes)
                raise ValueError(f"adresse hors du site : {url}")
            return super().fetch(url, headers)

    return LecteurDuSite()


# La marque d'un élément reconstitué (theme/formulaires/_rendu.html) et le pied de page courant qui
# l'explique (theme/formulaires/document.html) : seulement sur les pages qui montrent la marque.
MARQUE = "reconstruit"
PIED_MARQUE = "@page :nth({}) {{ @bottom-center {{ content: element(piedmarque); }} }}\n"


def _pages_marquees(document) -> list[int]:
    def marque(boite) -> bool:
        element = getattr(boite, "element", None)
        return element is not None and MARQUE in (element.get("class") or "").split()

    return [n for n, page in enumerate(document.pages, 1) if any(map(marque, page._page_box.descendants()))]


def _write(html: str, css: str, base_url: str, fetcher, target: str, forms: bool) -> None:
    """Rend le PDF ; s'il montre des « ◇ », un second rendu met la clé au pied de ces pages-là."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    # Sans elle, WeasyPrint ignore les @font-face de la feuille (police_principale.regles, print/ar.css).
    polices = FontConfiguration()
    options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True, "custom_metadata": True, "pdf_forms": forms}
    page = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)

    def feuille(css: str):
        return weasyprint.CSS(string=css, base_url=base_url, url_fetcher=fetcher, font_config=polices)

    document = page.render(stylesheets=[feuille(css)], font_config=polices, **options)
    if f'class="{MARQUE}"' in html and (pages := _pages_marquees(document)):
        css += "".join(PIED_MARQUE.format(n) for n in pages)  # des marges seulement : les pages ne bougent pas
        document = page.render(stylesheets=[feuille(css)], font_config=polices, **options)
    document.write_pdf(target, **options)


def _render(html: str, css: str, root: str, target: str, forms: bool = False) -> tuple[str, str] | None:
    """Écrit un PDF. None si c'est fait, sinon ("refus", url) ou ("erreur", message) : les exceptions de
    WeasyPrint (certaines dérivent de BaseException) ne passent jamais brutes d'un processus à l'autre."""
    police.isole()
    with warnings.catch_warnings():
        # À l'import, WeasyPrint prévient que fontconfig ne connaît aucune police : c'est voulu (police_principale.isole).
        warnings.filterwarnings("ignore", "No fonts configured", UserWarning)
        from weasyprint.urls import FatalURLFetchingError

    base_url = Path(root).as_uri() + "/"
    fetcher = _fetcher(Path(root))
    try:
        _write(html, css, base_url, fetcher, target, forms)
    except FatalURLFetchingError as exc:
        if not fetcher.refused:
            m = re.search(r'"(.*)"', str(exc))
            url = m.group(1) if m else str(exc)
            return "absent", url.removeprefix(base_url)
    except Exception as exc:  # dit au rédacteur, avec sa page
        return "erreur", f"{type(exc).__name__} : {exc}"
    if fetcher.refused:
        Path(target).unlink(missing_ok=True)
        return "refus", fetcher.refused[0]
    if forms:
        from .polices import complete

        try:
            complete(Path(target))
        except Exception as exc:  # signalée avec le fichier du formulaire
            return "erreur", f"polices de secours : {type(exc).__name__} : {exc}"
    return None


def _brouillon(cache_dir: Path, j: Impression) -> Path:
    """Le PDF en cours d'écriture, au nom de ce processus : deux constructions qui partagent le cache
    (tests en parallèle, un aperçu à côté d'une construction) n'écrivent jamais le même fichier ;
    os.replace le publie entier."""
    return cache_dir / f"{j.key}.{os.getpid()}.tmp"


def ecrit_les_pdf(jobs: list[Impression], css: str, site_dir: Path, cache_dir: Path) -> dict[str, int]:
    """Écrit chaque PDF ; renvoie {"rendus": n, "en_cache": m} ; ErreursDeContenu nomme les pages en faute."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    css = police.regles() + css
    todo = [j for j in jobs if not (cache_dir / f"{j.key}.pdf").is_file()]
    errors = []
    if todo:
        workers = min(len(todo), os.cpu_count() or 1)
        # spawn, pas fork : le processus de construction a des fils (MkDocs, journalisation), fork pourrait bloquer.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [
                pool.submit(_render, j.html, css, str(site_dir), str(_brouillon(cache_dir, j)), j.forms) for j in todo
            ]
            for j, future in zip(todo, futures):
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = ("erreur", "le processus de rendu s'est arrêté (mémoire ?)")
                if outcome is None:
                    os.replace(_brouillon(cache_dir, j), cache_dir / f"{j.key}.pdf")
                else:
                    _brouillon(cache_dir, j).unlink(missing_ok=True)
                    errors.append(_error(j, *outcome))
    if errors:
        raise ErreursDeContenu(errors)
    for j in jobs:
        j.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache_dir / f"{j.key}.pdf", j.out)
    return {"rendus": len(todo), "en_cache": len(jobs) - len(todo)}


def _error(j: Impression, kind: str, detail: str) -> ErreurDeContenu:
    if kind == "erreur":
        return ErreurDeContenu(j.source, 1, f"le PDF n'a pas pu être produit par WeasyPrint ({detail[:300]})")
    line = 1
    if j.source_path is not None:
        # Là où la page la nomme : l'adresse telle qu'écrite, sinon le dernier morceau de son chemin.
        for needle in (detail, unquote(urlsplit(detail).path).rsplit("/", 1)[-1]):
            if needle and (line := line_of(j.source_path, needle)) > 1:
                break
    if kind == "refus":
        return ErreurDeContenu(
            j.source,
            line,
            f"le PDF devrait charger « {detail[:80]} », qui n'est pas un fichier du site : "
            "un PDF public ne peut contenir que des fichiers du site",
        )
    return ErreurDeContenu(
        j.source, line, f"le PDF a besoin de « {unquote(detail)[:80]} », introuvable dans le site construit"
    )
