"""Ce qu'il faut apporter au greffe avec la requête, puis à l'audience : une liste personnelle
tirée de content/data/op_a_apporter.yml (notice du Cerfa 15458) et de la situation de la personne.

Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

from ..donnees import charge

FAITS = (
    "toujours",
    "maries",
    "pacses",
    "divorces",
    "enfants",
    "tiers_confiance",
    "logement",
    "finances",
    "precedente",
    "election_procureur",
    "bracelet",
    "adresse_cachee",
    "aj_provisoire",
)
MOMENTS = ("greffe", "audience")


def donnees() -> dict:
    return charge("op_a_apporter")


def faits(valeurs: dict, mesures: list[str], enfants: bool | None, situation: str | None) -> set[str]:
    """Les faits qui décident de chaque ligne de la liste."""
    choisies = set(mesures)
    vrais = {"toujours"}
    if situation in ("maries", "pacses", "divorces"):
        vrais.add(situation)
    if enfants:
        vrais.add("enfants")
    regles = {
        "tiers_confiance": {"autorite_parentale_exclusive_dvh", "visite_mediatisee"},
        "logement": {"logement_conjugal", "logement_commun"},
        "finances": {"contribution_mariage", "aide_materielle", "contribution_enfants"},
        "bracelet": {"bracelet"},
        "aj_provisoire": {"aide_juridictionnelle_provisoire"},
    }
    vrais |= {fait for fait, declencheurs in regles.items() if declencheurs & choisies}
    for fait, case in (
        ("precedente", "precedente_oui"),
        ("election_procureur", "election_procureur"),
        ("adresse_cachee", "adresse_cachee"),
    ):
        if valeurs.get(case) is True:
            vrais.add(fait)
    return vrais


def vraie(condition, vrais: set[str]) -> bool:
    """Une condition de la liste : un fait, {tous: [...]}, {un_de: [...]} ou {non: ...}."""
    if isinstance(condition, str):
        return condition in vrais
    ((cle, valeur),) = condition.items()
    if cle == "tous":
        return all(vraie(c, vrais) for c in valeur)
    if cle == "un_de":
        return any(vraie(c, vrais) for c in valeur)
    return not vraie(valeur, vrais)  # non


def problemes(d: dict) -> list[str]:
    """Les défauts du fichier, en français (la construction et les tests les refusent)."""
    defauts = []
    if not str((d.get("source") or {}).get("titre") or "").strip():
        defauts.append("source : il manque la source (`source:` avec un `titre`).")
    if not d.get("verifie_le"):
        defauts.append("verifie_le : la date de vérification manque.")

    def connus(condition) -> list[str]:
        if isinstance(condition, str):
            return [] if condition in FAITS else [condition]
        if (
            not isinstance(condition, dict)
            or len(condition) != 1
            or next(iter(condition)) not in ("tous", "un_de", "non")
        ):
            return [repr(condition)]
        ((cle, valeur),) = condition.items()
        return connus(valeur) if cle == "non" else [x for c in valeur for x in connus(c)]

    for moment in MOMENTS:
        for i, ligne in enumerate(d.get(moment, []), 1):
            for inconnu in connus(ligne.get("si")):
                defauts.append(f"{moment}.{i} : condition inconnue « {inconnu} » (faits : {', '.join(FAITS)}).")
            for cle in ("quoi", "pourquoi"):
                if not str(ligne.get(cle) or "").strip():
                    defauts.append(f"{moment}.{i} : « {cle} » manque.")
    return defauts


def a_apporter(vrais: set[str], d: dict | None = None) -> dict:
    """{"greffe": [{quoi, pourquoi, source?}], "audience": […]}."""
    d = d or donnees()
    source = d["source"]
    return {
        moment: [
            {"quoi": ligne["quoi"], "pourquoi": ligne["pourquoi"], "source": ligne.get("source", source)}
            for ligne in d[moment]
            if vraie(ligne["si"], vrais)
        ]
        for moment in MOMENTS
    }
