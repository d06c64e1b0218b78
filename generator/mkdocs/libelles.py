"""Les libellés officiels, en français, d'un formulaire, montrés dans une page par une ligne à part :

    {{ rubrique cerfa-16146 identite }}
    {{ champ cerfa-16146 nom_naissance nom_usage }}
    {{ champ cerfa-16146 ressources.salaires }}      (une ligne d'un tableau)

Les pages d'aide dans une autre langue expliquent chaque champ d'un formulaire français : le libellé
vient de content/formulaires/<id>.yml, jamais retapé, c'est donc celui que la personne voit sur le
papier, et il suit la définition quand elle change. Le bloc est marqué lang="fr" (lecteurs d'écran)
et dir="ltr" (il reste entier dans une page de droite à gauche).
"""

from __future__ import annotations

import re

CASE = "☐"
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")


def _echappe(texte: str) -> str:
    return _MARKDOWN.sub(r"\\\1", " ".join(str(texte).split()))


def _bloc(lignes: list[str]) -> str:
    return "  \n".join(lignes) + '\n{: .libelle-officiel lang="fr" dir="ltr" }\n'


def _tous_les_champs(champs: list[dict]):
    """Chaque champ nommé, y compris ceux imprimés sous une option (« Autre, précisez »)."""
    for champ in champs:
        if champ.get("nom"):
            yield champ
        for option in champ.get("options") or []:
            yield from _tous_les_champs(option.get("champs") or [])


def _champs(definition: dict) -> dict[str, dict]:
    return {c["nom"]: c for r in definition["rubriques"] for c in _tous_les_champs(r["champs"])}


def _libelle(champ: dict) -> str:
    return champ.get("libelle") or champ.get("nom_accessible") or ""


def _ligne(champ: dict, rang: str | None) -> str | None:
    """Le libellé tel qu'imprimé ; None pour une ligne imprimée sans libellé (« précisez » sous une case)."""
    if champ["type"] == "tableau":
        if rang is not None:
            ligne = next(r for r in champ["lignes"] if r["nom"] == rang)
            return f"**{_echappe(ligne['libelle'])}**"
        colonnes = " · ".join(_echappe(c["libelle"]) for c in champ["colonnes"])
        return f"**{_echappe(_libelle(champ))}** {colonnes}"
    if champ["type"] == "case":
        return f"{CASE} **{_echappe(_libelle(champ))}**"
    if champ["type"] == "cases":
        options = " ".join(f"{CASE} {_echappe(o['libelle'])}" for o in champ["options"])
        titre = f"**{_echappe(_libelle(champ))}** " if champ.get("imprime_libelle") else ""
        return titre + options
    if not champ.get("libelle"):
        return None
    return f"**{_echappe(champ['libelle'])}**"


def rubrique(formulaires: dict, ident: str, rubrique_id: str) -> str:
    r = next(r for r in formulaires[ident].donnees["rubriques"] if r["id"] == rubrique_id)
    numero = f"{r['numero']} - " if r.get("numero") else ""
    return _bloc([f"**{_echappe(numero + r['titre'])}**"])


def champ(formulaires: dict, ident: str, *noms: str) -> str:
    champs = _champs(formulaires[ident].donnees)
    lignes = []
    for nom in noms:
        base, _, rang = nom.partition(".")
        if (ligne := _ligne(champs[base], rang or None)) is not None:
            lignes.append(ligne)
    return _bloc(lignes) if lignes else ""


def probleme(macro: str, args: list[str], formulaires: dict) -> str | None:
    """Message en français quand un formulaire, une rubrique ou un champ n'existe pas (None si tous existent)."""
    if not args or args[0] not in formulaires:
        return f"« {macro} » : formulaire inconnu « {args[0] if args else ''} » (connus : {', '.join(sorted(formulaires))})"
    ident, noms = args[0], args[1:]
    if not noms:
        return f"« {macro} {ident} » : nommez {'la rubrique' if macro == 'rubrique' else 'un champ au moins'}"
    definition = formulaires[ident].donnees
    if macro == "rubrique":
        ids = [r["id"] for r in definition["rubriques"]]
        if len(noms) != 1 or noms[0] not in ids:
            return f"« rubrique {ident} » : rubrique inconnue « {' '.join(noms)} » (connues : {', '.join(ids)})"
        return None
    champs = _champs(definition)
    for nom in noms:
        base, _, rang = nom.partition(".")
        if base not in champs:
            return f"« champ {ident} » : champ inconnu « {base} »"
        if rang and rang not in [r["nom"] for r in champs[base].get("lignes") or [] if isinstance(r, dict)]:
            return f"« champ {ident} » : le tableau « {base} » n'a pas de ligne « {rang} »"
    return None
