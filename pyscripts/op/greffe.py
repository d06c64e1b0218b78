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
# Fait → les mesures (ids de op_mesures.yml) qui le rendent vrai ; fait → la case du Cerfa 15458.
DECLENCHEURS = {
    "tiers_confiance": {"autorite_parentale_exclusive_dvh", "visite_mediatisee"},
    "logement": {"logement_conjugal", "logement_commun"},
    "finances": {"contribution_mariage", "aide_materielle", "contribution_enfants"},
    "bracelet": {"bracelet"},
    "aj_provisoire": {"aide_juridictionnelle_provisoire"},
}
CASES = {"precedente": "precedente_oui", "election_procureur": "election_procureur", "adresse_cachee": "adresse_cachee"}


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
    vrais |= {fait for fait, declencheurs in DECLENCHEURS.items() if declencheurs & choisies}
    for fait, case in CASES.items():
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


def problemes(d: dict) -> list[tuple[tuple, str]]:
    """(chemin des clés, message) pour chaque condition qui cite un fait que `faits` ne calcule pas :
    la ligne disparaîtrait sans bruit. La structure est vérifiée par generator/schemas/op_a_apporter.yml."""

    def inconnus(condition) -> list[str]:
        if isinstance(condition, str):
            return [] if condition in FAITS else [condition]
        ((cle, valeur),) = condition.items()
        return inconnus(valeur) if cle == "non" else [x for c in valeur for x in inconnus(c)]

    return [
        ((moment, i, "si"), f"condition sur « {inconnu} », un fait inconnu (faits : {', '.join(FAITS)}).")
        for moment in MOMENTS
        for i, ligne in enumerate(d.get(moment, []))
        for inconnu in inconnus(ligne["si"])
    ]


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
