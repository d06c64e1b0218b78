"""La liste personnelle des pièces justificatives d'une demande d'aide juridictionnelle.

Les règles sont des données (content/data/pieces_aj.yml, d'après la notice 52347#03) ;
ce module calcule seulement les FAITS qu'elles citent, à partir de l'entrée du
simulateur (pyscripts.aj) et des valeurs du formulaire Cerfa 16146 (noms de ses champs).

    pieces({"simulateur": {...}, "valeurs": {...}}) -> [{"piece", "pourquoi", "tableau"}]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..donnees import charge
from ..erreurs import EntreeInvalide
from ..lecture import champ_inconnu
from .aj import lit_simulateur

CAS = ("a", "b", "c", "d", "e")
ENFANT = re.compile(r"\b(fils|fille|enfant|enfants|beau-fils|belle-fille)\b", re.IGNORECASE)
EXCEPTIONS = ("exception_penal_", "exception_sejour_")


class Situation:
    """Ce que disent le simulateur et le formulaire, lu une fois."""

    def __init__(self, simulateur: dict, valeurs: dict):
        self.s = simulateur
        self.v = valeurs

    def coche(self, *noms: str) -> bool:
        return any(self.v.get(nom) is True for nom in noms)

    def rempli(self, nom: str) -> bool:
        return isinstance(self.v.get(nom), str) and self.v[nom].strip() != ""

    def nombre(self, cle: str) -> float:
        valeur = self.s.get(cle)
        return valeur if isinstance(valeur, (int, float)) and not isinstance(valeur, bool) else 0

    def cas(self, lettre: str) -> bool:
        return self.coche(f"cas_particulier_{lettre}") or self.s.get("cas_particulier") == lettre.upper()

    def nationalite(self) -> str | None:
        if self.v.get("hors_ue") is True:
            return "autre"
        if self.s.get("nationalite") in ("francaise", "union_europeenne", "autre"):
            return "autre" if self.s["nationalite"] == "autre" else "fr_ue"
        texte = self.v.get("nationalite")
        if isinstance(texte, str) and re.search(r"fran[cç]ais", texte, re.IGNORECASE):
            return "fr_ue"
        return None


def _enfants(x: Situation) -> bool:
    return any(
        ENFANT.search(v)
        for k, v in x.v.items()
        if k.startswith("foyer_") and k.endswith("_lien") and isinstance(v, str)
    )


def _immobilier(x: Situation) -> bool:
    if x.nombre("patrimoine_immobilier") > 0:
        return True
    if not x.coche("proprietaire_oui"):
        return False
    plusieurs = x.rempli("proprietaire_nombre") and x.v["proprietaire_nombre"].strip() not in ("0", "1")
    return x.coche("residence_principale_non") or plusieurs or x.rempli("biens")


def _cas(lettre: str) -> Callable[[Situation], bool]:
    return lambda x: x.cas(lettre)


# Chaque fait que pieces_aj.yml peut citer, et comment on le lit.
FAITS: dict[str, Callable[[Situation], bool]] = {
    "toujours": lambda x: True,
    "enfants_a_charge": _enfants,
    "nationalite_fr_ue": lambda x: x.nationalite() == "fr_ue",
    "nationalite_autre": lambda x: x.nationalite() == "autre",
    "nationalite_inconnue": lambda x: x.nationalite() is None,
    "dispense_residence": lambda x: (
        bool(x.s.get("exception_residence")) or any(v is True and k.startswith(EXCEPTIONS) for k, v in x.v.items())
    ),
    **{f"cas_{lettre}": _cas(lettre) for lettre in CAS},
    "accord_amiable": lambda x: x.coche("procedure_accord_amiable"),
    "examen_ressources": lambda x: not any(x.cas(lettre) for lettre in CAS),
    "sans_avis": lambda x: x.coche("sans_avis") or ("rfr" in x.s and x.s["rfr"] is None),
    "changement_familial": lambda x: x.coche("changement_nature_separation", "changement_nature_personnes_charge"),
    "ressources_changees": lambda x: x.coche("changement") or x.s.get("changement_situation") is True,
    "oppose_foyer": lambda x: x.coche("oppose_foyer"),
    "immobilier_hors_residence": _immobilier,
    "epargne": lambda x: x.coche("epargne_oui") or x.nombre("patrimoine_mobilier") > 0,
    "convoque": lambda x: x.rempli("audience_date"),
    "recours_sans_aj": lambda x: (
        x.coche("procedure_deja_jugee")
        and not x.coche("aj_anterieure_oui")
        and x.coche("recours_adversaire_oui", "aj_anterieure_non")
    ),
    "auxiliaire_choisi": lambda x: any(v is True and k.startswith("auxiliaire_choisi_") for k, v in x.v.items()),
    "honoraires_payes": lambda x: x.coche("honoraires_oui"),
    "assurance_refus": lambda x: x.coche("contrat_pj_oui") and x.coche("protection_juridique_non"),
    "assurance_partielle": lambda x: (
        x.coche("protection_juridique_oui") or x.s.get("protection_juridique") == "partielle"
    ),
    "assurance_aucune": lambda x: x.coche("contrat_pj_non"),
    "employeur_refus": lambda x: x.coche("employeur_refus"),
    "contentieux_administratif": lambda x: x.coche("contentieux_administratif"),
}


def conditions_inconnues(condition, chemin: tuple = ()) -> list[tuple[tuple, str]]:
    """(chemin, message) pour chaque fait cité par `condition` que FAITS ne connaît pas."""
    if isinstance(condition, str):
        return [] if condition in FAITS else [(chemin, f"fait inconnu « {condition} » (connus : {', '.join(FAITS)})")]
    if isinstance(condition, dict) and len(condition) == 1:
        ((cle, valeur),) = condition.items()
        if cle in ("tous", "un_de") and isinstance(valeur, list):
            return [p for i, c in enumerate(valeur) for p in conditions_inconnues(c, (*chemin, cle, i))]
        if cle == "non":
            return conditions_inconnues(valeur, (*chemin, "non"))
    return [
        (chemin, f"condition mal formée {condition!r} : un fait, ou {{tous: [...]}}, {{un_de: [...]}}, {{non: ...}}")
    ]


def vrai(condition, x: Situation) -> bool:
    if isinstance(condition, str):
        return FAITS[condition](x)
    ((cle, valeur),) = condition.items()
    if cle == "tous":
        return all(vrai(c, x) for c in valeur)
    if cle == "un_de":
        return any(vrai(c, x) for c in valeur)
    return not vrai(valeur, x)


def _objet(entree: dict, cle: str) -> dict:
    valeur = entree.get(cle, {})
    if valeur is None:
        return {}
    if not isinstance(valeur, dict):
        raise EntreeInvalide(cle, f"« {cle} » doit être un objet JSON {{nom: valeur}}.")
    return valeur


def pieces(entree: dict, regles: dict | None = None) -> list[dict]:
    """La liste des pièces à joindre, dans l'ordre des tableaux de la notice, sans doublon."""
    inconnues = set(entree) - {"formulaire", "simulateur", "valeurs"}
    if inconnues:
        cle = sorted(inconnues)[0]
        raise champ_inconnu(cle, ("simulateur", "valeurs"))
    if entree.get("formulaire", "cerfa-16146") != "cerfa-16146":
        raise EntreeInvalide("formulaire", "La liste des pièces existe pour le formulaire cerfa-16146 seulement.")
    simulateur, _ = lit_simulateur(entree)
    x = Situation(simulateur, _objet(entree, "valeurs"))
    regles = regles or charge("pieces_aj")
    sortie, vues = [], set()
    for tableau in regles["tableaux"]:
        for regle in tableau["pieces"]:
            if vrai(regle["si"], x) and (regle["piece"], regle["pourquoi"]) not in vues:
                vues.add((regle["piece"], regle["pourquoi"]))
                sortie.append({"piece": regle["piece"], "pourquoi": regle["pourquoi"], "tableau": tableau["titre"]})
    return sortie


def problemes(regles: dict) -> list[tuple[tuple, str]]:
    """(chemin des clés, message) pour ce qui ne va pas dans pieces_aj.yml (vérifié à la construction)."""
    if not isinstance(regles, dict):
        return [((), "le fichier doit être une table clé: valeur")]
    sortie = [
        ((), f"clé obligatoire manquante « {cle} »")
        for cle in ("source", "verifie_le", "tableaux")
        if not regles.get(cle)
    ]
    for i, tableau in enumerate(regles.get("tableaux") or []):
        for cle in ("id", "titre", "pieces"):
            if not isinstance(tableau, dict) or not tableau.get(cle):
                sortie.append((("tableaux", i), f"tableau : clé obligatoire manquante « {cle} »"))
        for j, regle in enumerate(tableau.get("pieces") or [] if isinstance(tableau, dict) else []):
            ou = ("tableaux", i, "pieces", j)
            for cle in ("piece", "pourquoi", "si"):
                if not isinstance(regle, dict) or cle not in regle:
                    sortie.append((ou, f"pièce : clé obligatoire manquante « {cle} »"))
            if isinstance(regle, dict) and "si" in regle:
                sortie += conditions_inconnues(regle["si"], (*ou, "si"))
    return sortie
