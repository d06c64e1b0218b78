"""Une définition de formulaire (content/formulaires/<id>.yml) dépliée en champs PDF.

Le format est décrit dans content/formulaires/README.md. Ce module ne lit pas de
YAML : il reçoit la définition déjà chargée (dict), pour tourner à l'identique dans
CPython (construction, ligne de commande) et dans Pyodide (la roue embarque les
définitions en JSON). La construction les valide avant : ici, on les suppose justes.

    champs_pdf(definition)      la liste des champs du PDF, dans l'ordre du document
    cases(definition)           {nom de case: groupe exclusif ou None}, cases hors PDF comprises
    nom_accessible(champ)       le nom accessible (/TU) d'un champ simple
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# Types qui deviennent un champ texte du PDF (une valeur : une chaîne).
TEXTES = ("texte", "multiligne", "date", "montant", "nombre")
SANS_CHAMP = ("mention", "signature")

_ICI = Path(__file__).resolve().parent
DOSSIER_EMBARQUE = _ICI.parent / "_formulaires"
DOSSIER_SOURCE = _ICI.parent.parent / "content" / "formulaires"


@cache
def lit_formulaire(identifiant: str) -> dict:
    """La définition `identifiant` : JSON embarqué dans la roue, sinon le YAML du dépôt."""
    from ..donnees import lit

    return lit(DOSSIER_EMBARQUE / f"{identifiant}.json", DOSSIER_SOURCE / f"{identifiant}.yml")


def disponibles() -> list[str]:
    """Les identifiants des formulaires connus (embarqués, sinon ceux du dépôt)."""
    dossier, motif = (DOSSIER_EMBARQUE, "*.json") if DOSSIER_EMBARQUE.is_dir() else (DOSSIER_SOURCE, "*.yml")
    return sorted(p.stem for p in dossier.glob(motif))


def nom_accessible(champ: dict) -> str:
    """Le nom que lit un lecteur d'écran : `nom_accessible`, sinon le libellé imprimé."""
    return (champ.get("nom_accessible") or champ.get("libelle") or "").strip()


def titre_rubrique(rubrique: dict) -> str:
    """« 1 - VOTRE IDENTITÉ ET VOTRE SITUATION », ou le titre seul quand la rubrique n'a pas de numéro."""
    numero = rubrique.get("numero")
    return f"{numero} - {rubrique['titre']}" if numero else rubrique["titre"]


def option_case(groupe: dict, option: dict) -> dict:
    """Une option d'un groupe `cases` vue comme une case simple."""
    libelle = option["libelle"]
    accessible = option.get("nom_accessible")
    if not accessible and groupe.get("imprime_libelle") and groupe.get("libelle"):
        # « Oui » seul ne dit rien dans un PDF : on y joint la question imprimée.
        accessible = f"{libelle} ({groupe['libelle'].strip().rstrip(' :?').strip()})"
    return {
        **option,
        "nom": f"{groupe['nom']}_{option['nom']}",
        "type": "case",
        "libelle": libelle,
        "nom_accessible": accessible or libelle,
        "groupe": groupe["nom"],
        "pdf": groupe.get("pdf", True),
    }


def rangees(tableau: dict, total: int | None = None) -> list[dict]:
    """Les rangées d'un tableau : [{libelle, cellules: [{nom, type, libelle, nom_accessible}]}].

    Lignes numérotées (`lignes: 6`) : cellules `<tableau>_<i>_<colonne>` ; lignes nommées :
    `<tableau>_<ligne>_<colonne>`."""
    nommees = not isinstance(tableau["lignes"], int)
    lignes = (
        tableau["lignes"]
        if nommees
        else [{"nom": str(i), "libelle": str(i)} for i in range(1, (total or tableau["lignes"]) + 1)]
    )
    return [
        {
            "libelle": ligne["libelle"],
            "cellules": [
                {
                    "nom": f"{tableau['nom']}_{ligne['nom']}_{col['nom']}",
                    "type": col["type"],
                    "libelle": col["libelle"],
                    "passee": bool(col.get("passee")),
                    "entretien_si": col.get("entretien_si"),
                    "nom_accessible": f"{ligne['libelle']} — {col['libelle']}"
                    if nommees
                    else f"{col['libelle']}, ligne {ligne['nom']}",
                }
                for col in tableau["colonnes"]
            ],
        }
        for ligne in lignes
    ]


def deplie(champs: list[dict]) -> list[dict]:
    """Les champs simples (texte ou case) dans l'ordre du document, hors PDF compris."""
    sortie: list[dict] = []
    for champ in champs:
        genre = champ["type"]
        if genre in SANS_CHAMP:
            continue
        if genre == "cases":
            for option in champ["options"]:
                sortie.append(option_case(champ, option))
                sortie += deplie(option.get("champs", []))
        elif genre == "tableau":
            sortie += [cellule for rangee in rangees(champ) for cellule in rangee["cellules"]]
        else:
            sortie.append({**champ, "nom_accessible": nom_accessible(champ)})
    return sortie


def champs_pdf(definition: dict) -> list[dict]:
    """[{nom, type: texte|multiligne|case, genre, libelle, nom_accessible, rubrique}] du PDF vierge."""
    sortie = []
    for rubrique in definition["rubriques"]:
        for champ in deplie(rubrique["champs"]):
            if champ.get("pdf", True) is False:
                continue
            genre = champ["type"]
            sortie.append(
                {
                    "nom": champ["nom"],
                    "type": "case" if genre == "case" else "multiligne" if genre == "multiligne" else "texte",
                    "genre": genre,
                    "libelle": champ["libelle"],
                    "nom_accessible": champ["nom_accessible"],
                    "rubrique": titre_rubrique(rubrique),
                    "groupe": champ.get("groupe"),
                    "max": champ.get("max"),
                    "passee": bool(champ.get("passee")),
                }
            )
    return sortie


def rangees_annexe(definition: dict) -> list[dict]:
    """Les cellules des rangées d'un tableau au-delà des lignes imprimées (`lignes_max`) : pas de
    champ dans le PDF, elles vont sur une page d'annexe, mêmes colonnes. Même format que `champs_pdf`,
    plus `tableau` (le champ tableau), `rangee` (numéro) et `colonne`."""
    sortie = []
    for rubrique in definition["rubriques"]:
        for tableau in _tableaux(rubrique["champs"]):
            if not isinstance(tableau["lignes"], int) or not tableau.get("lignes_max"):
                continue
            for rang in range(tableau["lignes"] + 1, tableau["lignes_max"] + 1):
                for col in tableau["colonnes"]:
                    sortie.append(
                        {
                            "nom": f"{tableau['nom']}_{rang}_{col['nom']}",
                            "type": "texte",
                            "genre": col["type"],
                            "libelle": col["libelle"],
                            "nom_accessible": f"{col['libelle']}, ligne {rang}",
                            "rubrique": titre_rubrique(rubrique),
                            "groupe": None,
                            "max": None,
                            "passee": bool(col.get("passee")),
                            "tableau": tableau,
                            "rangee": rang,
                            "colonne": col["nom"],
                        }
                    )
    return sortie


def _tableaux(champs: list[dict]):
    for champ in champs:
        if champ["type"] == "tableau":
            yield champ
        for option in champ.get("options", []):
            yield from _tableaux(option.get("champs", []))


def cases(definition: dict) -> dict[str, str | None]:
    """{nom de case: nom du groupe exclusif, ou None} — y compris les cases de l'entretien seul."""
    exclusifs = {}

    def parcourt(champs):
        for champ in champs:
            if champ["type"] == "cases":
                for option in champ["options"]:
                    exclusifs[f"{champ['nom']}_{option['nom']}"] = champ["nom"] if champ.get("exclusif") else None
                    parcourt(option.get("champs", []))
            elif champ["type"] == "case":
                exclusifs[champ["nom"]] = None

    for rubrique in definition["rubriques"]:
        parcourt(rubrique["champs"])
    return exclusifs
