"""Vérifier le fichier de paramètres de l'aide juridictionnelle avant de s'en servir.

`problemes(parametres)` renvoie la liste des défauts, en français, chacun avec
le chemin de la valeur fautive (par exemple `baremes[2025].plafonds.totale`).
Liste vide : le fichier est utilisable. Les tests et la construction du site
l'appellent, pour qu'un chiffre sans source ou sans date de vérification ne
soit jamais publié.
"""

from __future__ import annotations

import re
from datetime import date

PLAFONDS_DE_BASE = ("totale", "partielle_55", "partielle_25", "immobilier")
MAJORATIONS = ("ressources_2e_et_3e", "ressources_4e_et_suivantes", "immobilier_2e_et_3e", "immobilier_4e_et_suivantes")
COMPARAISONS = ("strictement_inferieur", "inferieur_ou_egal")
# Les plafonds d'un foyer que le simulateur affiche (contrat de sortie, bareme.PLAFONDS).
PLAFONDS_DU_FOYER = ("totale", "partielle_55", "partielle_25", "patrimoine_mobilier", "patrimoine_immobilier")
FAMILLES = ("ressources", "immobilier")

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_valide(valeur) -> bool:
    if not isinstance(valeur, str) or not _ISO.fullmatch(valeur):
        return False
    try:
        date.fromisoformat(valeur)
    except ValueError:
        return False
    return True


def _source(chemin: str, source, defauts: list[str]) -> None:
    if not isinstance(source, dict) or not str(source.get("titre") or "").strip():
        defauts.append(f"{chemin} : il manque la source (`source:` avec un `titre`).")
    elif source.get("url") is not None and not str(source["url"]).startswith("https://"):
        defauts.append(f"{chemin} : l'adresse de la source doit commencer par https://.")


def _parametre(chemin: str, p, defauts: list[str], *, valeur_attendue=int) -> None:
    """Une valeur sourcée : `valeur`, `source`, `verifie_le`, et `derive` facultatif."""
    if not isinstance(p, dict):
        defauts.append(f"{chemin} : valeur absente ou mal écrite.")
        return
    valeur = p.get("valeur")
    if valeur_attendue is int and (isinstance(valeur, bool) or not isinstance(valeur, int) or valeur < 0):
        defauts.append(f"{chemin} : `valeur` doit être un montant entier en euros.")
    _source(chemin, p.get("source"), defauts)
    if not _date_valide(p.get("verifie_le")):
        defauts.append(f"{chemin} : il manque la date de vérification (`verifie_le: AAAA-MM-JJ`).")
    if "derive" in p and not isinstance(p["derive"], bool):
        defauts.append(f"{chemin} : `derive` vaut true ou false.")


def _regles_datees(nom: str, liste, valide, defauts: list[str]) -> None:
    """Une règle datée : liste d'entrées `applicable_du`, `valeur`, `source`, `verifie_le`.
    `valide(valeur)` renvoie None si la valeur convient, sinon ce qu'elle devrait être."""
    if not isinstance(liste, list) or not liste:
        defauts.append(f"{nom} : liste de règles datées absente.")
        return
    for i, entree in enumerate(liste):
        chemin = f"{nom}[{i}]"
        if not isinstance(entree, dict) or not _date_valide(entree.get("applicable_du")):
            defauts.append(f"{chemin} : il manque `applicable_du: AAAA-MM-JJ`.")
            continue
        _parametre(chemin, entree, defauts, valeur_attendue=None)
        attendu = valide(entree.get("valeur"))
        if attendu:
            defauts.append(f"{chemin} : `valeur` doit être {attendu}.")


def _parmi(possibles):
    return lambda valeur: None if valeur in possibles else f"l'une de {', '.join(map(str, possibles))}"


def _entier_positif(valeur) -> bool:
    return isinstance(valeur, int) and not isinstance(valeur, bool) and valeur > 0


def _ressources_derniers_mois(valeur) -> str | None:
    ok = (
        isinstance(valeur, dict)
        and set(valeur) == {"mois", "abattement", "multiplicateur"}
        and _entier_positif(valeur["mois"])
        and _entier_positif(valeur["multiplicateur"])
        and isinstance(valeur["abattement"], int)
        and (not isinstance(valeur["abattement"], bool))
        and 0 <= valeur["abattement"] < 100
    )
    return (
        None
        if ok
        else (
            "`{mois, abattement, multiplicateur}` en nombres entiers (mois et multiplicateur "
            "positifs, abattement en % de 0 à 99)"
        )
    )


def _bandes_ressources(valeur) -> str | None:
    ok = (
        isinstance(valeur, list)
        and valeur
        and all(
            isinstance(b, dict)
            and set(b) == {"plafond", "taux"}
            and b["plafond"] in PLAFONDS_DU_FOYER[:3]
            and _entier_positif(b["taux"])
            and b["taux"] <= 100
            for b in valeur
        )
    )
    if ok:
        taux = [b["taux"] for b in valeur]
        ok = taux[0] == 100 and taux == sorted(taux, reverse=True) and len(set(taux)) == len(taux)
    return (
        None
        if ok
        else (
            "une liste `{plafond, taux}` de la bande à 100 % à la moins favorable "
            f"(plafonds parmi {', '.join(PLAFONDS_DU_FOYER[:3])})"
        )
    )


def _composition_plafonds(valeur) -> str | None:
    ok = (
        isinstance(valeur, list)
        and [c.get("plafond") if isinstance(c, dict) else None for c in valeur] == list(PLAFONDS_DU_FOYER)
        and all(
            set(c) == {"plafond", "base", "majorations"}
            and c["base"] in PLAFONDS_DE_BASE
            and c["majorations"] in FAMILLES
            for c in valeur
        )
    )
    return (
        None
        if ok
        else (
            f"une liste `{{plafond, base, majorations}}` pour {', '.join(PLAFONDS_DU_FOYER)} "
            f"dans cet ordre (base parmi {', '.join(PLAFONDS_DE_BASE)} ; majorations "
            f"parmi {', '.join(FAMILLES)})"
        )
    )


def _majorations_par_personne(valeur) -> str | None:
    attendu = "une liste `{de, a, majoration}` de rangs qui se suivent à partir de 2, la dernière sans `a`"
    if not isinstance(valeur, list) or not valeur:
        return attendu
    suivant = 2
    for i, tranche in enumerate(valeur):
        derniere = i == len(valeur) - 1
        if (
            not isinstance(tranche, dict)
            or tranche.get("de") != suivant
            or ("a" in tranche) == derniere
            or (set(tranche) - {"de", "a", "majoration"})
            or "_".join(("ressources", str(tranche.get("majoration")))) not in MAJORATIONS
        ):
            return attendu
        if not derniere:
            if not _entier_positif(tranche["a"]) or tranche["a"] < suivant:
                return attendu
            suivant = tranche["a"] + 1
    return None


REGLES = {
    "comparaison_ressources": _parmi(COMPARAISONS),
    "residence_reguliere_exigee": _parmi((True, False)),
    "ressources_derniers_mois": _ressources_derniers_mois,
    "bandes_ressources": _bandes_ressources,
    "composition_plafonds": _composition_plafonds,
    "majorations_par_personne": _majorations_par_personne,
    "delai_demande_cnda": lambda v: (
        None
        if isinstance(v, dict) and set(v) == {"jours"} and _entier_positif(v["jours"])
        else "`{jours: N}` (nombre entier positif)"
    ),
}


def _bareme(b: dict, defauts: list[str]) -> None:
    chemin = f"baremes[{b.get('annee')}]"
    if not _date_valide(b.get("applicable_du")):
        defauts.append(f"{chemin} : il manque `applicable_du: AAAA-MM-JJ`.")
    elif date.fromisoformat(b["applicable_du"]).year != b.get("annee"):
        defauts.append(f"{chemin} : `applicable_du` ({b['applicable_du']}) n'est pas dans l'année du barème.")
    reference = b.get("reference")
    if not isinstance(reference, dict) or not str(reference.get("texte") or "").strip():
        defauts.append(f"{chemin}.reference : il manque le texte (circulaire) du barème.")
    for groupe, noms in (("plafonds", PLAFONDS_DE_BASE), ("majorations", MAJORATIONS)):
        valeurs = b.get(groupe) if isinstance(b.get(groupe), dict) else {}
        for nom in noms:
            _parametre(f"{chemin}.{groupe}.{nom}", valeurs.get(nom), defauts)
    for i, ecart in enumerate(b.get("ecarts_publies") or []):
        chemin_ecart = f"{chemin}.ecarts_publies[{i}]"
        _parametre(chemin_ecart, ecart, defauts)
        if (
            not isinstance(ecart, dict)
            or ecart.get("plafond") not in PLAFONDS_DE_BASE
            or not isinstance(ecart.get("personnes"), int)
            or ecart["personnes"] < 2
            or not isinstance(ecart.get("calcul"), int)
        ):
            defauts.append(f"{chemin_ecart} : il faut `plafond`, `personnes` (2 ou plus) et `calcul`.")
    concurrente = b.get("date_concurrente")
    if concurrente is not None:
        if not isinstance(concurrente, dict) or not _date_valide(concurrente.get("date")):
            defauts.append(f"{chemin}.date_concurrente : il manque `date: AAAA-MM-JJ`.")
        else:
            _source(f"{chemin}.date_concurrente", concurrente.get("source"), defauts)


def _annonces(liste, defauts: list[str], annees_saisies: set) -> None:
    """`baremes_annonces` (facultatif) : barèmes attendus ou publiés, pas encore saisis. Une
    entrée dont l'année a son bloc dans `baremes` est refusée : son avertissement serait faux."""
    if liste is None:
        return
    if not isinstance(liste, list):
        defauts.append("baremes_annonces : liste attendue.")
        return
    for i, annonce in enumerate(liste):
        chemin = f"baremes_annonces[{i}]"
        if (
            not isinstance(annonce, dict)
            or not _entier_positif(annonce.get("annee"))
            or not _date_valide(annonce.get("a_partir_du"))
            or not str(annonce.get("texte") or "").strip()
            or not str(annonce.get("hausse_annoncee") or "").strip()
            or not _entier_positif(annonce.get("marge"))
            or not isinstance(annonce.get("publie", True), bool)
        ):
            defauts.append(
                f"{chemin} : il faut `annee`, `a_partir_du: AAAA-MM-JJ`, `texte`, `hausse_annoncee`, "
                f"`marge` (en %, nombre entier) et, facultatif, `publie` (true ou false)."
            )
            continue
        _parametre(chemin, annonce, defauts, valeur_attendue=None)
        if annonce["annee"] in annees_saisies:
            defauts.append(
                f"{chemin} : le barème {annonce['annee']} est dans `baremes` : retirez cette entrée "
                f"(le simulateur dirait encore que ses plafonds manquent)."
            )


def problemes_des_donnees(donnees: dict, formulaires: dict) -> list[tuple[str, str, str]]:
    """La vérification du registre des outils (pyscripts/outils.py), lancée à chaque construction :
    [(fichier sous content/, chemin du défaut tel que le message le nomme, message)]."""
    return [
        ("data/aide_juridictionnelle.yml", message.partition(" : ")[0], message)
        for message in problemes(donnees["aide_juridictionnelle"])
    ]


def problemes(parametres: dict) -> list[str]:
    """Tous les défauts du fichier de paramètres (liste vide s'il est correct)."""
    defauts: list[str] = []
    saisies = {b.get("annee") for b in parametres.get("baremes") or [] if isinstance(b, dict)}
    _annonces(parametres.get("baremes_annonces"), defauts, saisies)
    simulation = parametres.get("simulation")
    for cle in ("annees_apres_le_dernier_bareme", "marge_chiffres_derives"):
        if not isinstance(simulation, dict) or not _entier_positif(simulation.get(cle)):
            defauts.append(f"simulation : il faut `{cle}` (nombre entier positif).")
    for cle, texte in (parametres.get("textes") or {}).items():
        if (
            not isinstance(texte, dict)
            or not texte.get("texte")
            or not str(texte.get("url", "")).startswith("https://")
        ):
            defauts.append(f"textes.{cle} : il faut `texte` et une `url` en https://.")
    for nom, valide in REGLES.items():
        _regles_datees(nom, parametres.get(nom), valide, defauts)
    liste = parametres.get("baremes")
    if not isinstance(liste, list) or not liste:
        return defauts + ["baremes : aucun barème."]
    annees = [b.get("annee") for b in liste if isinstance(b, dict)]
    if len(set(annees)) != len(annees):
        defauts.append("baremes : une année apparaît deux fois.")
    for b in liste:
        if isinstance(b, dict) and isinstance(b.get("annee"), int) and not isinstance(b.get("annee"), bool):
            _bareme(b, defauts)
        else:
            defauts.append("baremes : chaque barème commence par `annee: AAAA`.")
    return defauts
