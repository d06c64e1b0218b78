"""Ce que le calculateur de délais lit, vérifié à la construction (generator/contenu/croisements.py) :
le calendrier (content/data/jours_feries.yml) et le catalogue (content/data/delais.yml). Le schéma
a vérifié la forme de chaque valeur ; ici, ce qui se croise : une date qui existe chaque année
(« 02-30 », « 02-29 » feraient échouer tous les calculs), une référence, un groupe, un lieu qui
existent, et chaque délai du catalogue calculé une fois.

    problemes(donnees, formulaires) -> [(fichier sous content/, chemin des clés, message)]

Bibliothèque standard seulement.
"""

from __future__ import annotations

from datetime import date

from ..erreurs import EntreeInvalide

FERIES, DELAIS = "data/jours_feries.yml", "data/delais.yml"
ANNEE_NON_BISSEXTILE = 2023  # un jour fixe doit exister chaque année


def problemes(donnees: dict, formulaires: dict) -> list[tuple[str, tuple, str]]:
    feries, delais = donnees["jours_feries"], donnees["delais"]
    sortie = _calendrier(feries, delais)
    sortie += _catalogue(feries, delais)
    if not sortie:  # données cohérentes : chaque délai doit alors se calculer
        sortie += _chaque_delai_se_calcule(feries, delais)
    return sortie


def _calendrier(feries: dict, delais: dict) -> list[tuple[str, tuple, str]]:
    sortie = []
    annees = feries["annees"]
    if annees["premiere"] > annees["derniere"]:
        sortie.append((FERIES, ("annees",), "la première année couverte est après la dernière."))
    for i, jour in enumerate(feries["jours"]):
        if ("date" in jour) == ("paques" in jour):
            sortie.append(
                (FERIES, ("jours", i), "un jour a soit une date fixe (date), soit un écart à Pâques (paques).")
            )
        if "date" in jour:
            mois, quantieme = (int(x) for x in jour["date"].split("-"))
            try:
                date(ANNEE_NON_BISSEXTILE, mois, quantieme)
            except ValueError:
                sortie.append(
                    (
                        FERIES,
                        ("jours", i, "date"),
                        f"le « {jour['date']} » n'existe pas chaque année : vérifiez la date.",
                    )
                )
        if jour["depuis"] > jour.get("jusqu_a", jour["depuis"]):
            sortie.append((FERIES, ("jours", i, "jusqu_a"), "« jusqu_a » est avant « depuis »."))
        if "(" in jour["nom"]:
            sortie.append((FERIES, ("jours", i, "nom"), "le nom se lit entre parenthèses dans les explications."))
    for cle, territoire in feries["territoires"].items():
        if territoire["article_distance"] not in delais["references"]:
            sortie.append((FERIES, ("territoires", cle, "article_distance"), "cette référence manque dans delais.yml."))
    return sortie


def _catalogue(feries: dict, delais: dict) -> list[tuple[str, tuple, str]]:
    sortie = []
    groupes = {g["id"] for g in delais["groupes"]}
    for i, entree in enumerate(delais["delais"]):
        if ("duree" in entree) == ("duree_selon" in entree):
            sortie.append(
                (DELAIS, ("delais", i), "un délai a soit une durée (duree), soit un paramètre (duree_selon).")
            )
        if entree["groupe"] not in groupes:
            sortie.append((DELAIS, ("delais", i, "groupe"), f"« {entree['groupe']} » n'est pas un id de « groupes »."))
        if "lieu" in entree and entree["lieu"] not in feries["territoires"]:
            sortie.append(
                (DELAIS, ("delais", i, "lieu"), f"« {entree['lieu']} » n'est pas un territoire de jours_feries.yml.")
            )
        for j, datee in enumerate(delais["parametres"].get(entree.get("duree_selon"), [])):
            if not _est_une_duree(datee["valeur"]):
                chemin = ("parametres", entree["duree_selon"], j, "valeur")
                sortie.append((DELAIS, chemin, "une durée : des nombres entiers positifs de jours, mois ou annees."))
        if entree["nature"] in ("duree", "prescription") and entree["prorogation"] != "non":
            sortie.append((DELAIS, ("delais", i, "prorogation"), "une durée ou une prescription n'est pas prorogée."))
    return sortie


def _est_une_duree(valeur) -> bool:
    return (
        isinstance(valeur, dict)
        and bool(valeur)
        and set(valeur) <= {"jours", "mois", "annees"}
        and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in valeur.values())
    )


def _chaque_delai_se_calcule(feries: dict, delais: dict) -> list[tuple[str, tuple, str]]:
    from . import calcule_delai

    annee = int(str(delais["verifie_le"])[:4])  # l'année où le catalogue a été vérifié
    sortie = []
    for i, entree in enumerate(delais["delais"]):
        for depart in (date(annee, 1, 3), date(annee, 2, 27)):  # un début d'année, une fin de février
            try:
                calcule_delai({"depart": depart.isoformat(), "delai": entree["id"]}, feries=feries, delais=delais)
            except EntreeInvalide:
                pass  # une entrée refusée (hors calendrier…) : le calcul a su dire pourquoi
            except Exception as exc:
                sortie.append((DELAIS, ("delais", i), f"le calcul de ce délai échoue ({type(exc).__name__} : {exc})."))
                break
    return sortie
