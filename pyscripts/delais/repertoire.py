"""Répertoire des délais (content/data/delais.yml) : liste pour l'outil, tableau pour la page statique."""

from __future__ import annotations

import html

from ..donnees import charge
from .calcul import Regle
from .francais import duree_fr


def _table(delais: dict | None) -> dict:
    return charge("delais") if delais is None else delais


def entree(identifiant: str, delais: dict | None = None) -> dict | None:
    """L'entrée brute du catalogue, ou None si l'identifiant est inconnu."""
    return next((e for e in _table(delais)["delais"] if e["id"] == identifiant), None)


def identifiants(delais: dict | None = None) -> list[str]:
    return [e["id"] for e in _table(delais)["delais"]]


def duree_actuelle(e: dict, delais: dict | None = None) -> dict:
    """La durée d'une entrée : `duree`, ou la dernière valeur du paramètre daté `duree_selon`
    (le calcul reprend la valeur en vigueur au jour de départ : calcul.duree_au)."""
    if "duree_selon" not in e:
        return e["duree"]
    valeurs = _table(delais)["parametres"][e["duree_selon"]]
    return max(valeurs, key=lambda v: v["applicable_du"])["valeur"]


def regle(identifiant: str, delais: dict | None = None) -> Regle:
    """La règle de calcul d'une entrée du catalogue (l'identifiant doit exister)."""
    e = entree(identifiant, delais)
    duree = duree_actuelle(e, delais)
    return Regle(
        annees=duree.get("annees", 0),
        mois=duree.get("mois", 0),
        jours=duree.get("jours", 0),
        franc=e["franc"],
        jour_origine_compte=e["jour_origine_compte"],
        augmentation=e["augmentation"],
        prorogation=e["prorogation"],
        nature=e["nature"],
        id=e["id"],
        libelle=e["libelle"],
        reference=e["reference"],
        notes=e.get("notes"),
        notes_distance=e.get("notes_distance"),
        duree_selon=e.get("duree_selon"),
        lieu=e.get("lieu"),
        aide_juridictionnelle=e["aide_juridictionnelle"],
    )


def _reference(e: dict, delais: dict) -> dict:
    ref = delais["references"][e["reference"]]
    return {"texte": ref["texte"], "url": ref.get("url")}


def catalogue(delais: dict | None = None) -> list[dict]:
    """Entrées du catalogue pour la liste de choix de l'outil (ordre du fichier)."""
    delais = _table(delais)
    return [_element(e, delais) for e in delais["delais"]]


def _element(e: dict, delais: dict) -> dict:
    duree = duree_actuelle(e, delais)
    return {
        "id": e["id"],
        "libelle": e["libelle"],
        "groupe": e["groupe"],
        "duree": {k: duree[k] for k in ("annees", "mois", "jours") if k in duree},
        "duree_texte": duree_fr(**duree),
        "depart": e["depart"],
        "aupres_de": e.get("aupres_de"),
        "nature": e["nature"],
        "franc": e["franc"],
        "augmentation": e["augmentation"],
        "prorogation": e["prorogation"],
        "reference": _reference(e, delais),
    }


_OUI_NON = {"oui": "oui", "non": "non", "incertaine": "incertaine", True: "oui", False: "non"}


def _cellule(texte: str) -> str:
    """Un texte des données dans une cellule Markdown : du texte, jamais une balise HTML."""
    return html.escape(" ".join(str(texte).split()), quote=False).replace("|", "\\|")


def catalogue_markdown(delais: dict | None = None) -> str:
    """Tableau Markdown du catalogue, pour la page statique (sans JavaScript)."""
    lignes = [
        "| Démarche | Délai | À compter de | Franc | Augmenté pour distance | Texte |",
        "|---|---|---|---|---|---|",
    ]
    for e in catalogue(delais):
        ref = e["reference"]
        texte = f"[{_cellule(ref['texte'])}]({ref['url']})" if ref["url"] else _cellule(ref["texte"])
        lignes.append(
            f"| {_cellule(e['libelle'])} | {e['duree_texte']} | {_cellule(e['depart'])} | "
            f"{_OUI_NON[e['franc']]} | {_OUI_NON[e['augmentation']]} | {texte} |"
        )
    return "\n".join(lignes) + "\n"
