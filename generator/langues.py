"""Les langues du site : les mots du thème dans chaque langue, un fichier par langue (theme/langues/<code>.yml).

fr.yml est la référence : chaque autre fichier en a toutes les clés (sauf « version_simple », propre au
français), plus ce qui n'est dit qu'ailleurs en français — les textes des composants du navigateur
(« composants », les `static defaults.i18n` du JavaScript), les libellés des numéros d'urgence
(« urgences », ceux de content/data/urgences.yml en français), les noms des mois. Une clé manquante ou
en trop est signalée à sa ligne ; la construction s'arrête, comme pour une faute de contenu.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .contenu import lecture
from .erreurs import ErreurDeContenu, ErreursDeContenu
from .mkdocs.filtres import date_francaise

DOSSIER = "langues"  # dans le thème
REFERENCE = "fr"
PROPRES_AU_FRANCAIS = ("version_simple",)
# Ce que le français dit ailleurs (code JavaScript, données, dates du site) : seulement dans les autres langues.
AILLEURS_EN_FRANCAIS = ("composants", "urgences", "date", "mois")
DIRECTIONS = ("ltr", "rtl")


@dataclass(frozen=True)
class Langue:
    code: str
    textes: dict

    @property
    def nom(self) -> str:
        return self.textes["nom"]

    @property
    def direction(self) -> str:
        return self.textes["direction"]

    def date(self, jour) -> str:
        """La date comme la page l'écrit : « jeudi 15 janvier 2026 », « 15 January 2026 », « 15 يناير 2026 »."""
        if self.code == REFERENCE or isinstance(jour, str) and not _iso(jour):
            return date_francaise(jour)
        jour = dt.date.fromisoformat(jour) if isinstance(jour, str) else jour
        mois = self.textes["mois"][jour.month - 1]
        return self.textes["date"].format(jour=jour.day, mois=mois, annee=jour.year)

    def libelle(self, numero: dict) -> tuple[str, str | None]:
        """(libellé d'un numéro d'urgence dans cette langue, None) ; sans traduction, (libellé français, "fr")."""
        if self.code == REFERENCE:
            return numero["libelle"], None
        traduit = (self.textes.get("urgences") or {}).get(numero.get("id"))
        return (traduit, None) if traduit else (numero["libelle"], REFERENCE)

    def composants_json(self) -> str:
        """Le bloc JSON des textes des composants (theme/assets/js/README.md), vide en français."""
        composants = self.textes.get("composants") or {}
        return json.dumps(composants, ensure_ascii=False).replace("</", "<\\/") if composants else ""


def _iso(texte: str) -> bool:
    try:
        dt.date.fromisoformat(texte)
    except ValueError:
        return False
    return True


def _cles(donnees, prefixe: str = "") -> dict[str, str]:
    """{chemin.de.la.cle: chemin} de chaque feuille d'une table (les listes sont des feuilles)."""
    if not isinstance(donnees, dict):
        return {prefixe: prefixe}
    sortie = {}
    for cle, valeur in donnees.items():
        chemin = f"{prefixe}.{cle}" if prefixe else str(cle)
        sortie.update(_cles(valeur, chemin) if isinstance(valeur, dict) else {chemin: chemin})
    return sortie


def _ligne(noeud, chemin: str) -> int:
    """La ligne de la clé `chemin` (a.b.c) dans l'arbre YAML, 1 si on ne la trouve pas."""
    ligne = 1
    for partie in chemin.split("."):
        suivant = None
        for cle, valeur in getattr(noeud, "value", []) if noeud is not None and noeud.id == "mapping" else []:
            if cle.value == partie:
                ligne, suivant = cle.start_mark.line + 1, valeur
        if suivant is None:
            return ligne
        noeud = suivant
    return ligne


def charge(dossier_theme: Path) -> dict[str, Langue]:
    """{code: Langue} de chaque theme/langues/<code>.yml ; ErreursDeContenu nomme chaque clé fautive à sa ligne."""
    dossier = dossier_theme / DOSSIER
    chemins = sorted(dossier.glob("*.yml")) if dossier.is_dir() else []
    erreurs: list[ErreurDeContenu] = []
    lues: dict[str, tuple[dict, object, str]] = {}
    for chemin in chemins:
        rel = f"theme/{DOSSIER}/{chemin.name}"
        try:
            donnees, noeud = lecture.fichier_yaml(chemin, rel)
        except lecture.LectureImpossible as exc:
            erreurs.append(exc.erreur)
            continue
        if not isinstance(donnees, dict):
            erreurs.append(ErreurDeContenu(rel, 1, "le fichier d'une langue est une table « clé: texte »"))
            continue
        lues[chemin.stem] = (donnees, noeud, rel)
    if REFERENCE not in lues:
        raise ErreursDeContenu(erreurs or [ErreurDeContenu(f"theme/{DOSSIER}/{REFERENCE}.yml", 1, "fichier manquant")])
    reference = _cles(lues[REFERENCE][0])
    for code, (donnees, noeud, rel) in lues.items():
        erreurs += _problemes(code, donnees, noeud, rel, reference)
    if erreurs:
        raise ErreursDeContenu(erreurs)
    return {code: Langue(code, donnees) for code, (donnees, _, _) in lues.items()}


def _problemes(code: str, donnees: dict, noeud, rel: str, reference: dict[str, str]) -> list[ErreurDeContenu]:
    erreurs = []
    cles = _cles(donnees)
    if donnees.get("direction") not in DIRECTIONS:
        erreurs.append(ErreurDeContenu(rel, _ligne(noeud, "direction"), "« direction » : ltr ou rtl"))
    if code == REFERENCE:
        return erreurs
    attendues = {c for c in reference if c.split(".")[0] not in PROPRES_AU_FRANCAIS}
    for cle in sorted(attendues - set(cles)):
        parent = cle.rsplit(".", 1)[0] if "." in cle else ""
        erreurs.append(
            ErreurDeContenu(rel, _ligne(noeud, parent) if parent else 1, f"il manque « {cle} » (voir fr.yml)")
        )
    for cle in sorted(set(cles) - attendues):
        if cle.split(".")[0] not in AILLEURS_EN_FRANCAIS:
            erreurs.append(ErreurDeContenu(rel, _ligne(noeud, cle), f"clé inconnue « {cle} » (absente de fr.yml)"))
    for cle in sorted(attendues & set(cles)):
        if not isinstance(_valeur(donnees, cle), str | int | float):
            erreurs.append(ErreurDeContenu(rel, _ligne(noeud, cle), f"« {cle} » : un texte"))
    mois = donnees.get("mois")
    if not (isinstance(mois, list) and len(mois) == 12) or not isinstance(donnees.get("date"), str):
        erreurs.append(
            ErreurDeContenu(rel, _ligne(noeud, "mois"), "« date » (ex. « {jour} {mois} {annee} ») et 12 « mois »")
        )
    return erreurs


def _valeur(donnees: dict, chemin: str):
    for partie in chemin.split("."):
        donnees = donnees[partie]
    return donnees
