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
    notes = [_majorations(b), _par_mois(b)]
    if derives:
        notes.append(
            f"\\* Montant calculé par nous à partir des règles : nous ne l'avons trouvé dans aucune source publiée. "
            f"Si vous le dépassez de moins de {parametres['simulation']['marge_chiffres_derives']} %, le chiffre "
            f"officiel est peut-être un peu plus élevé : déposez votre demande quand même."
        )
    concurrente = b.donnees.get("date_concurrente")
    if concurrente:
        debut = date.fromisoformat(concurrente["date"])
        bornes = (debut, b.applicable_du - timedelta(days=1)) if debut < b.applicable_du else None
        if bornes:
            notes.append(
                f"Pour une demande déposée entre le {date_longue(bornes[0])} et le {date_longue(bornes[1])}, le bureau "
                f"d'aide juridictionnelle peut appliquer ce barème ou le précédent : si le résultat ne vous est pas "
                f"favorable, déposez votre demande quand même."
            )
    comparaisons = parametres["comparaison_ressources"]
    if valeur_au(comparaisons, b.applicable_du)["valeur"] == "strictement_inferieur":
        fin = prochaine_date(comparaisons, b.applicable_du)
        notes.append(
            f"Jusqu'au {date_longue(fin - timedelta(days=1))}, le revenu devait être strictement "
            f"inférieur à ces montants."
        )
    if b.annee == dernier_bareme(parametres).annee:
        notes += [_annonce(b, a) for a in parametres.get("baremes_annonces") or [] if a["annee"] > b.annee]
    reference = b.reference
    source = f"[{reference['texte']}]({reference['url']})" if reference.get("url") else reference["texte"]
    notes.append(f"Source : {source}.")
    return "\n".join(lignes) + "\n\n" + "\n\n".join(notes) + "\n"


def _montant(parametre: dict) -> str:
    return euros(parametre["valeur"]) + ("\u00a0\\*" if parametre.get("derive") else "")


def _rangs(de: int, a: int | None) -> str:
    if a is None:
        return f"à partir de la {de}e"
    if a == de:
        return f"pour la {de}e personne"
    return f"pour la {de}e et la {a}e personne" if a == de + 1 else f"de la {de}e à la {a}e personne"


def _majorations(b: Bareme) -> str:
    """Ce que chaque personne de plus ajoute aux plafonds (règle datée `majorations_par_personne`)."""
    majorations = b.donnees["majorations"]
    morceaux = []
    for famille, quoi in (
        ("ressources", "les plafonds de revenus et d'épargne"),
        ("immobilier", "le plafond des biens immobiliers"),
    ):
        tranches = []
        for tranche in b.regles["majorations_par_personne"]:
            montant = _montant(majorations[famille + "_" + tranche["majoration"]])
            tranches.append(f"{montant} {_rangs(tranche['de'], tranche.get('a'))}")
        morceaux.append(f"{quoi} de {', puis de '.join(tranches)}")
    return f"Chaque personne de plus dans le foyer fiscal fait monter {morceaux[0]} ; et {morceaux[1]}."


def _par_mois(b: Bareme) -> str:
    """Les plafonds de revenus d'une personne seule ramenés au mois : un repère, la règle est annuelle."""
    p = plafonds(b, 1)
    reperes = []
    for bande in b.regles["bandes_ressources"]:
        aide = "aide totale" if bande["taux"] == 100 else f"aide à {bande['taux']} %"
        reperes.append(f"{euros(round(p[bande['plafond']].valeur / 12))} ({aide})")
    return (
        f"Pour une personne seule, cela fait environ {', '.join(reperes)} par mois. Ce n'est qu'un repère : seul "
        f"le revenu annuel compte."
    )


def _annonce(b: Bareme, annonce: dict) -> str:
    """Le barème suivant est attendu (`baremes_annonces`) : ce que vaut ce tableau après son premier jour."""
    annee = annonce["annee"]
    etat = (
        f"les plafonds {annee} ne sont pas encore publiés ({annonce['texte']})"
        if not annonce.get("publie", True)
        else f"les plafonds {annee} ({annonce['texte']}) ne sont pas encore dans ce tableau"
    )
    return (
        f"Pour une demande déposée à partir du {date_longue(date.fromisoformat(annonce['a_partir_du']))}, "
        f"{etat}. Ils sont en général un peu plus élevés : si vous dépassez un plafond {b.annee} de moins de "
        f"{annonce['marge']} %, vous aurez peut-être droit à mieux. Déposez votre demande quand même."
    )
