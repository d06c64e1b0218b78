"""Choisir le barème en vigueur à une date et calculer les plafonds d'un foyer.

Tout vient des paramètres (content/data/aide_juridictionnelle.yml, déjà lus en
dictionnaires simples, dates en texte ISO) : ce module ne contient aucun chiffre.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..donnees import valeur_au

# Les plafonds d'un foyer, dans l'ordre où on les présente (le contrat de sortie du
# simulateur). Leur composition (plafond de base et majorations) est une règle datée
# des paramètres : `composition_plafonds`.
PLAFONDS = ("totale", "partielle_55", "partielle_25", "patrimoine_mobilier", "patrimoine_immobilier")

# Les règles de calcul datées, lues à la date de la demande (voir `regles_au`).
REGLES_DATEES = ("composition_plafonds", "majorations_par_personne", "bandes_ressources", "ressources_derniers_mois")


@dataclass(frozen=True)
class Plafond:
    valeur: int
    derive: bool  # un chiffre « calculé par nous » (derive: true) entre dans le calcul
    ecart: dict | None = None  # cellule publiée qui s'écarte du calcul, quand elle sert


@dataclass(frozen=True)
class Bareme:
    annee: int
    applicable_du: date
    donnees: dict  # le bloc du fichier de paramètres
    parametres: dict = field(compare=False, repr=False)  # tout le fichier, pour les règles datées
    jour: date | None = None  # le jour où on lit les règles datées (None : le premier jour du barème)

    @cached_property
    def regles(self) -> dict:
        """Les règles datées (REGLES_DATEES) en vigueur au jour considéré."""
        return regles_au(self.parametres, self.jour or self.applicable_du)

    @property
    def reference(self) -> dict:
        return self.donnees["reference"]

    def en_json(self) -> dict:
        return {
            "annee": self.annee,
            "applicable_du": self.applicable_du.isoformat(),
            "source": {"texte": self.reference["texte"], "url": self.reference.get("url")},
        }


def parametres_ou_defaut(parametres: dict | None) -> dict:
    """Les paramètres reçus, ou ceux du fichier content/data/aide_juridictionnelle.yml."""
    if parametres is not None:
        return parametres
    from ..donnees import charge

    return charge("aide_juridictionnelle")


def jour_iso(texte: str) -> date:
    return date.fromisoformat(texte)


def regles_au(parametres: dict, jour: date) -> dict:
    """La valeur de chaque règle datée (REGLES_DATEES) en vigueur le `jour`."""
    return {nom: valeur_au(parametres[nom], jour)["valeur"] for nom in REGLES_DATEES}


def baremes(parametres: dict, jour: date | None = None) -> list[Bareme]:
    """Tous les barèmes, du plus ancien au plus récent, avec les règles datées en vigueur le
    `jour` (par défaut : le premier jour de chaque barème)."""
    liste = [Bareme(b["annee"], jour_iso(b["applicable_du"]), b, parametres, jour) for b in parametres["baremes"]]
    return sorted(liste, key=lambda b: b.applicable_du)


def premier_jour(parametres: dict) -> date:
    return baremes(parametres)[0].applicable_du


def periode(parametres: dict) -> tuple[date, date]:
    """Premier et dernier jours de dépôt d'une demande que le simulateur accepte (paramètre `simulation`)."""
    marge = parametres["simulation"]["annees_apres_le_dernier_bareme"]
    return premier_jour(parametres), date(dernier_bareme(parametres).annee + marge, 12, 31)


def bareme_au(parametres: dict, jour: date) -> Bareme:
    """Le barème applicable à une demande déposée le `jour`."""
    en_vigueur = [b for b in baremes(parametres, jour) if b.applicable_du <= jour]
    if not en_vigueur:
        raise LookupError(f"aucun barème en vigueur le {jour.isoformat()}")
    return en_vigueur[-1]


def bareme_de_l_annee(parametres: dict, annee: int) -> Bareme:
    for bareme in baremes(parametres):
        if bareme.annee == annee:
            return bareme
    raise LookupError(f"aucun barème pour l'année {annee}")


def dernier_bareme(parametres: dict) -> Bareme:
    return baremes(parametres)[-1]


def _majoration(bareme: Bareme, famille: str, personnes: int) -> tuple[int, bool]:
    """Majoration totale pour un foyer de `personnes` : (montant, chiffre dérivé utilisé ?).

    Chaque personne après le demandeur reçoit la majoration de sa tranche de rang
    (règle datée `majorations_par_personne` : décret, art. 6, tel qu'appliqué par les
    circulaires).
    """
    majorations = bareme.donnees["majorations"]
    montant, derive = 0, False
    for tranche in bareme.regles["majorations_par_personne"]:
        dernier = min(personnes, tranche.get("a", personnes))
        nombre = max(dernier - tranche["de"] + 1, 0)
        if nombre:
            majoration = majorations[f"{famille}_{tranche['majoration']}"]
            montant += nombre * majoration["valeur"]
            derive = derive or bool(majoration.get("derive"))
    return montant, derive


def majoration_ressources(bareme: Bareme, personnes: int) -> int:
    return _majoration(bareme, "ressources", personnes)[0]


def majoration_immobilier(bareme: Bareme, personnes: int) -> int:
    return _majoration(bareme, "immobilier", personnes)[0]


def plafond(bareme: Bareme, nom: str, personnes: int) -> Plafond:
    """Le plafond `nom` (voir PLAFONDS) pour un foyer fiscal de `personnes`."""
    composition = next(c for c in bareme.regles["composition_plafonds"] if c["plafond"] == nom)
    base_nom, famille = composition["base"], composition["majorations"]
    base = bareme.donnees["plafonds"][base_nom]
    majoration, majoration_derivee = _majoration(bareme, famille, personnes)
    valeur, ecart = base["valeur"] + majoration, None
    publies = [
        e for e in bareme.donnees.get("ecarts_publies", []) if e["plafond"] == base_nom and e["personnes"] <= personnes
    ]
    if publies:
        # Une cellule publiée s'écarte du calcul : on la reprend, et les foyers
        # plus grands en partent (le tableau publié continue à partir d'elle).
        ecart = max(publies, key=lambda e: e["personnes"])
        valeur = ecart["valeur"] + majoration - _majoration(bareme, famille, ecart["personnes"])[0]
    return Plafond(valeur, bool(base.get("derive")) or majoration_derivee, ecart)


def plafonds(bareme: Bareme, personnes: int) -> dict[str, Plafond]:
    return {nom: plafond(bareme, nom, personnes) for nom in PLAFONDS}
