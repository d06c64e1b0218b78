"""Choisir le barème en vigueur à une date et calculer les plafonds d'un foyer.

Tout vient des paramètres (content/data/aide_juridictionnelle.yml, déjà lus en
dictionnaires simples, dates en texte ISO) : ce module ne contient aucun chiffre.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Les plafonds d'un foyer, dans l'ordre où on les présente.
PLAFONDS = ("totale", "partielle_55", "partielle_25", "patrimoine_mobilier", "patrimoine_immobilier")

# Quel plafond de base (foyer d'une personne) et quelles majorations pour chaque plafond.
# Le plafond d'épargne (patrimoine mobilier) est celui de l'aide totale (décret, art. 5).
_COMPOSITION = {
    "totale": ("totale", "ressources"),
    "partielle_55": ("partielle_55", "ressources"),
    "partielle_25": ("partielle_25", "ressources"),
    "patrimoine_mobilier": ("totale", "ressources"),
    "patrimoine_immobilier": ("immobilier", "immobilier"),
}


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

    @property
    def reference(self) -> dict:
        return self.donnees["reference"]

    def en_json(self) -> dict:
        return {"annee": self.annee, "applicable_du": self.applicable_du.isoformat(),
                "source": {"texte": self.reference["texte"], "url": self.reference.get("url")}}


def parametres_ou_defaut(parametres: dict | None) -> dict:
    """Les paramètres reçus, ou ceux du fichier content/data/aide_juridictionnelle.yml."""
    if parametres is not None:
        return parametres
    from ..donnees import charge

    return charge("aide_juridictionnelle")


def jour_iso(texte: str) -> date:
    return date.fromisoformat(texte)


def valeur_au(liste: list[dict], jour: date) -> dict:
    """L'entrée datée en vigueur le `jour` : la dernière dont `applicable_du` ≤ jour."""
    en_vigueur = [e for e in liste if jour_iso(e["applicable_du"]) <= jour]
    if not en_vigueur:
        raise LookupError(f"aucune valeur en vigueur le {jour.isoformat()}")
    return max(en_vigueur, key=lambda e: jour_iso(e["applicable_du"]))


def baremes(parametres: dict) -> list[Bareme]:
    """Tous les barèmes, du plus ancien au plus récent."""
    liste = [Bareme(b["annee"], jour_iso(b["applicable_du"]), b) for b in parametres["baremes"]]
    return sorted(liste, key=lambda b: b.applicable_du)


def premier_jour(parametres: dict) -> date:
    return baremes(parametres)[0].applicable_du


def bareme_au(parametres: dict, jour: date) -> Bareme:
    """Le barème applicable à une demande déposée le `jour`."""
    en_vigueur = [b for b in baremes(parametres) if b.applicable_du <= jour]
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

    Montant par personne supplémentaire pour la 2e et la 3e personne, puis
    montant réduit à partir de la 4e (décret, art. 6, tel qu'appliqué par les circulaires).
    """
    majorations = bareme.donnees["majorations"]
    deux_trois = majorations[f"{famille}_2e_et_3e"]
    suivantes = majorations[f"{famille}_4e_et_suivantes"]
    nombre_deux_trois = min(personnes - 1, 2)
    nombre_suivantes = max(personnes - 3, 0)
    montant = nombre_deux_trois * deux_trois["valeur"] + nombre_suivantes * suivantes["valeur"]
    derive = (nombre_deux_trois > 0 and bool(deux_trois.get("derive"))) or (
        nombre_suivantes > 0 and bool(suivantes.get("derive")))
    return montant, derive


def majoration_ressources(bareme: Bareme, personnes: int) -> int:
    return _majoration(bareme, "ressources", personnes)[0]


def majoration_immobilier(bareme: Bareme, personnes: int) -> int:
    return _majoration(bareme, "immobilier", personnes)[0]


def plafond(bareme: Bareme, nom: str, personnes: int) -> Plafond:
    """Le plafond `nom` (voir PLAFONDS) pour un foyer fiscal de `personnes`."""
    base_nom, famille = _COMPOSITION[nom]
    base = bareme.donnees["plafonds"][base_nom]
    majoration, majoration_derivee = _majoration(bareme, famille, personnes)
    valeur, ecart = base["valeur"] + majoration, None
    publies = [e for e in bareme.donnees.get("ecarts_publies", [])
               if e["plafond"] == base_nom and e["personnes"] <= personnes]
    if publies:
        # Une cellule publiée s'écarte du calcul : on la reprend, et les foyers
        # plus grands en partent (le tableau publié continue à partir d'elle).
        ecart = max(publies, key=lambda e: e["personnes"])
        valeur = ecart["valeur"] + majoration - _majoration(bareme, famille, ecart["personnes"])[0]
    return Plafond(valeur, bool(base.get("derive")) or majoration_derivee, ecart)


def plafonds(bareme: Bareme, personnes: int) -> dict[str, Plafond]:
    return {nom: plafond(bareme, nom, personnes) for nom in PLAFONDS}


def prochaine_date(liste: list[dict], jour: date) -> date | None:
    """Le jour où l'entrée datée en vigueur le `jour` cesse de s'appliquer (None : toujours en vigueur)."""
    suivantes = sorted(jour_iso(e["applicable_du"]) for e in liste if jour_iso(e["applicable_du"]) > jour)
    return suivantes[0] if suivantes else None
