"""Le barème en tableau, pour la page du site (lisible sans JavaScript)."""

from __future__ import annotations

from datetime import date, timedelta

from ..donnees import prochaine_date, valeur_au
from ..erreurs import EntreeInvalide
from ..francais import date_longue, euros
from .bareme import (
    PLAFONDS,
    Bareme,
    bareme_au,
    bareme_de_l_annee,
    dernier_bareme,
    parametres_ou_defaut,
    plafonds,
)
from .explications import taux_de

_ENTETES = {
    "totale": "Aide totale : revenu jusqu'à",
    "patrimoine_mobilier": "Épargne et placements : au plus",
    "patrimoine_immobilier": "Biens immobiliers hors résidence principale : au plus",
}


def entete(nom: str, b: Bareme) -> str:
    """L'en-tête de colonne d'un plafond ; le taux d'une aide partielle vient des paramètres."""
    if nom in _ENTETES:
        return _ENTETES[nom]
    return f"Aide à {taux_de(b.regles['bandes_ressources'], nom)} % : revenu jusqu'à"


def choisit_bareme(parametres: dict, annee_ou_date) -> Bareme:
    """None : le dernier barème ; un entier : le barème de cette année ; une date
    (ou un texte AAAA-MM-JJ) : le barème applicable à une demande déposée ce jour-là."""
    try:
        if annee_ou_date is None:
            return dernier_bareme(parametres)
        if isinstance(annee_ou_date, bool):
            raise TypeError
        if isinstance(annee_ou_date, int):
            return bareme_de_l_annee(parametres, annee_ou_date)
        if isinstance(annee_ou_date, str):
            annee_ou_date = date.fromisoformat(annee_ou_date)
        if isinstance(annee_ou_date, date):
            return bareme_au(parametres, annee_ou_date)
        raise TypeError
    except LookupError:
        connues = ", ".join(str(b["annee"]) for b in parametres["baremes"])
        raise EntreeInvalide(
            "annee_ou_date",
            f"Aucun barème d'aide juridictionnelle pour « {annee_ou_date} » : barèmes connus : {connues}.",
        ) from None
    except (TypeError, ValueError):
        raise EntreeInvalide("annee_ou_date", "Indiquez une année (par exemple 2025) ou une date AAAA-MM-JJ.") from None


def tableau_bareme(annee_ou_date=None, personnes=range(1, 7), parametres: dict | None = None) -> dict:
    """Les plafonds d'un barème pour chaque taille de foyer, en données simples (JSON)."""
    b = choisit_bareme(parametres_ou_defaut(parametres), annee_ou_date)
    return {"bareme": b.en_json(), "lignes": _lignes(b, personnes)}


def _lignes(b: Bareme, personnes) -> list[dict]:
    lignes = []
    for n in personnes:
        p = plafonds(b, n)
        ligne = {"personnes": n}
        ligne.update({nom: p[nom].valeur for nom in PLAFONDS})
        ligne["derives"] = [nom for nom in PLAFONDS if p[nom].derive]
        lignes.append(ligne)
    return lignes


def tableau_bareme_markdown(annee_ou_date=None, personnes=range(1, 7), parametres: dict | None = None) -> str:
    """Le même tableau en Markdown, avec sa légende, pour la page sur l'aide juridictionnelle."""
    parametres = parametres_ou_defaut(parametres)
    b = choisit_bareme(parametres, annee_ou_date)
    lignes = [
        f"Barème {b.annee}, pour les demandes déposées depuis le {date_longue(b.applicable_du)}. "
        f"Montants par an ; le « revenu » est le revenu fiscal de référence inscrit sur votre dernier "
        f"avis d'impôt.",
        "",
        "| Personnes dans le foyer fiscal | " + " | ".join(entete(nom, b) for nom in PLAFONDS) + " |",
        "| :--- |" + " ---: |" * len(PLAFONDS),
    ]
    derives = False
    for ligne in _lignes(b, personnes):
        cellules = []
        for nom in PLAFONDS:
            renvoi = "\u00a0\\*" if nom in ligne["derives"] else ""
            derives = derives or bool(renvoi)
            cellules.append(f"{euros(ligne[nom])}{renvoi}")
        lignes.append(f"| {ligne['personnes']} | " + " | ".join(cellules) + " |")
    notes = []
    if derives:
        notes.append(
            "\\* Montant calculé par nous à partir des règles : nous ne l'avons trouvé dans aucune source publiée."
        )
    comparaisons = parametres["comparaison_ressources"]
    if valeur_au(comparaisons, b.applicable_du)["valeur"] == "strictement_inferieur":
        fin = prochaine_date(comparaisons, b.applicable_du)
        notes.append(
            f"Jusqu'au {date_longue(fin - timedelta(days=1))}, le revenu devait être strictement "
            f"inférieur à ces montants."
        )
    reference = b.reference
    source = f"[{reference['texte']}]({reference['url']})" if reference.get("url") else reference["texte"]
    notes.append(f"Source : {source}.")
    return "\n".join(lignes) + "\n\n" + "\n\n".join(notes) + "\n"
