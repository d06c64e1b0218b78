"""Les traductions et les versions simples ne se périment jamais en silence.

Une page dérivée (`langue: en|ar`, ou `version_simple: true`) nomme la page française dont elle vient
(`traduction_de: ordonnance-protection/index.md`) et l'empreinte de cette page quand on l'a relue
contre elle (`traduction_de_empreinte`, 12 caractères hexadécimaux). L'empreinte couvre ce que lit
une personne : le corps de la page et son en-tête, sauf les clés de suivi (HORS_EMPREINTE). Ainsi,
noter l'empreinte d'une version simple, ou la date où l'on a vérifié la page française, ne périme pas
les traductions qui en dépendent.

Une page dont la source a changé est signalée par `python -m generator check` et par la construction
— un avertissement, à sa ligne, qui n'arrête rien : la correction française doit pouvoir être publiée
tout de suite — et la page le dit en tête tant que l'empreinte n'est pas mise à jour. Une erreur
d'en-tête (source absente, langue inconnue…) arrête la construction, comme toute erreur de contenu.

    python -m generator traductions                     # l'état de chaque page dérivée
    python -m generator traductions --a-jour en/index.md  # après relecture : note la nouvelle empreinte
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..erreurs import ErreurDeContenu
from . import frontmatter

LONGUEUR = 12
EMPREINTE = re.compile(rf"^[0-9a-f]{{{LONGUEUR}}}$")
# Les clés de suivi d'une page, qui ne changent rien pour la personne qui lit sa traduction : le suivi
# de ses propres traductions et relectures, la date où l'on a vérifié ses sources, son impression en PDF.
HORS_EMPREINTE = frozenset({"traduction_de", "traduction_de_empreinte", "relecture", "verifie_le", "pdf"})
COMMANDE = "python -m generator traductions --a-jour"


@dataclass(frozen=True)
class Derivee:
    """Une traduction ou une version simple, et son état par rapport à sa source française."""

    rel: str  # en/index.md (relatif à content/)
    langue: str
    source: str | None  # la page française, relative à content/
    notee: str | None  # l'empreinte notée dans l'en-tête
    actuelle: str | None  # l'empreinte de la source aujourd'hui
    ligne: int  # la ligne à corriger (traduction_de_empreinte)
    relecture: dict = field(default_factory=dict)

    @property
    def perimee(self) -> bool:
        return self.source is not None and self.notee != self.actuelle

    @property
    def relue(self) -> bool:
        return bool(self.relecture.get("par"))

    def avertissement(self) -> ErreurDeContenu:
        genre = "cette traduction" if self.langue != "fr" else "cette version simple"
        return ErreurDeContenu(
            f"content/{self.rel}",
            self.ligne,
            f"pas à jour : la page française {self.source} a changé depuis {genre} "
            f"(empreinte notée {self.notee or 'absente'}, actuelle {self.actuelle}) ; "
            f"relisez-la contre le français, puis : {COMMANDE} {self.rel}",
        )


def corps_et_entete(texte: str) -> tuple[dict, str]:
    """(en-tête sans les clés de suivi, corps) : ce qu'une personne lit de la page."""
    fm = frontmatter.lit_entete(texte)
    lignes = texte.replace("\r\n", "\n").split("\n")
    corps = "\n".join(lignes[fm.body_line - 1 :]).strip("\n")
    return {k: v for k, v in fm.data.items() if k not in HORS_EMPREINTE}, corps


def empreinte(texte: str) -> str:
    """L'empreinte du texte d'une page source : son corps et les clés de son en-tête qui comptent pour un lecteur."""
    entete, corps = corps_et_entete(texte)
    canon = json.dumps(entete, sort_keys=True, ensure_ascii=False, default=str) + "\n---\n" + corps
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()[:LONGUEUR]


def est_derivee(data: dict, langue_du_site: str = "fr") -> bool:
    return bool(data.get("version_simple")) or data.get("langue", langue_du_site) != langue_du_site


def analyse(
    lues: dict[str, tuple[str, frontmatter.FrontMatter]], langues: set[str], langue_du_site: str = "fr"
) -> tuple[dict[str, Derivee], list[ErreurDeContenu]]:
    """({page: Derivee} pour chaque page dérivée, erreurs d'en-tête) ; `lues` : {page: (texte, en-tête)}."""
    derivees, erreurs = {}, []
    for rel, (_, fm) in sorted(lues.items()):
        data = fm.data
        if "traduction_de" not in data and not est_derivee(data, langue_du_site):
            continue
        chemin = f"content/{rel}"
        probleme = _probleme(rel, fm, lues, langues, langue_du_site)
        if probleme:
            erreurs.append(ErreurDeContenu(chemin, *probleme))
            continue
        source = data.get("traduction_de")
        relecture = data.get("relecture") or {}
        derivees[rel] = Derivee(
            rel=rel,
            langue=data.get("langue", langue_du_site),
            source=source,
            notee=data.get("traduction_de_empreinte"),
            actuelle=empreinte(lues[source][0]) if source else None,
            ligne=fm.lines.get("traduction_de_empreinte", fm.lines.get("traduction_de", 1)),
            relecture=relecture,
        )
    return derivees, erreurs


def _probleme(rel: str, fm, lues: dict, langues: set[str], langue_du_site: str) -> tuple[int, str] | None:
    """(ligne, message) pour un en-tête de page dérivée mal écrit, None s'il est juste."""
    data, ligne = fm.data, fm.lines.get
    langue = data.get("langue", langue_du_site)
    if langue not in langues:
        return ligne("langue", 1), f"langue inconnue « {langue} » (connues : {', '.join(sorted(langues))})"
    if data.get("version_simple") and langue != langue_du_site:
        return ligne("version_simple", 1), "une version simple est écrite en français (« langue » : fr)"
    if (probleme := _relecture(data.get("relecture"))) is not None:
        return ligne("relecture", 1), probleme
    source = data.get("traduction_de")
    if source is None:
        if langue != langue_du_site:
            return ligne("langue", 1), "« traduction_de » manque : la page française que celle-ci traduit"
        return None  # une version simple écrite directement, sans page française derrière elle
    if not est_derivee(data, langue_du_site):
        return ligne(
            "traduction_de"
        ), "« traduction_de » ne va qu'avec une traduction (langue) ou « version_simple: true »"
    if not isinstance(source, str) or source not in lues:
        return ligne("traduction_de"), f"« traduction_de » cite {source}, qui n'est pas une page de content/"
    if lues[source][1].data.get("langue", langue_du_site) != langue_du_site:
        return ligne("traduction_de"), f"« traduction_de » cite {source}, qui n'est pas une page française"
    notee = data.get("traduction_de_empreinte")
    if notee is None:
        return ligne("traduction_de"), (
            f"« traduction_de_empreinte » manque : après avoir relu la page contre {source}, {COMMANDE} {rel}"
        )
    if not isinstance(notee, str) or not EMPREINTE.match(notee):
        return ligne("traduction_de_empreinte"), (
            f"« traduction_de_empreinte » : {LONGUEUR} caractères hexadécimaux, notés par {COMMANDE} {rel}"
        )
    return None


def _relecture(relecture) -> str | None:
    """La relecture : {par: nom ou null, le: date ou null, note: texte}. Une date sans nom n'a pas de sens."""
    if relecture is None:
        return None
    if not isinstance(relecture, dict) or set(relecture) - {"par", "le", "note"}:
        return "« relecture » s'écrit {par: nom ou null, le: AAAA-MM-JJ ou null, note: texte}"
    par, le = relecture.get("par"), relecture.get("le")
    if par is not None and not (isinstance(par, str) and par.strip()):
        return "« relecture.par » : le nom de la personne qualifiée qui a relu, ou null"
    if par and not isinstance(le, dt.date):
        return "« relecture.le » : la date de la relecture (AAAA-MM-JJ)"
    if le is not None and not par:
        return "« relecture.le » sans « relecture.par » : qui a relu ?"
    return None


def marque_a_jour(page: Path, content: Path) -> str:
    """Note l'empreinte actuelle de la source française de `page` (après relecture) ; la renvoie."""
    texte = page.read_text(encoding="utf-8")
    source = frontmatter.lit_entete(texte).data["traduction_de"]
    nouvelle = empreinte((content / source).read_text(encoding="utf-8"))
    # Entre guillemets quand YAML la lirait comme un nombre (« 012345678901 », « 0b1010… »).
    ecrite = nouvelle if yaml.safe_load(nouvelle) == nouvelle else f'"{nouvelle}"'
    ligne = f"traduction_de_empreinte: {ecrite}"
    texte, n = re.subn(r"(?m)^traduction_de_empreinte:.*$", lambda _: ligne, texte, count=1)
    if n == 0:
        texte = re.sub(r"(?m)^(traduction_de:.*)$", lambda m: f"{m.group(1)}\n{ligne}", texte, count=1)
    page.write_text(texte, encoding="utf-8")
    return nouvelle


def famille(derivees: dict[str, Derivee], rel: str) -> set[str]:
    """Les pages qui disent la même chose que `rel` : sa source française, ses versions simples et leurs
    traductions (les liens `traduction_de`, dans les deux sens)."""
    voisins: dict[str, set[str]] = {}
    for d in derivees.values():
        if d.source:
            voisins.setdefault(d.rel, set()).add(d.source)
            voisins.setdefault(d.source, set()).add(d.rel)
    vues, a_voir = {rel}, [rel]
    while a_voir:
        for autre in voisins.get(a_voir.pop(), ()):
            if autre not in vues:
                vues.add(autre)
                a_voir.append(autre)
    return vues
