"""Ce que le moteur OP lit, vérifié à la construction (generator/contenu/croisements.py) : les
mesures (content/data/op_mesures.yml), la liste du greffe (op_a_apporter.yml) et le formulaire
qu'il remplit (content/formulaires/cerfa-15458.yml). Une donnée qui renvoie à une mesure, une
case ou un fait inconnus donnerait « erreur de l'outil » ou une ligne perdue, dans le navigateur
de la personne : la construction la refuse à sa ligne.

    problemes(donnees, formulaires) -> [(fichier sous content/, chemin des clés, message)]

Bibliothèque standard seulement.
"""

from __future__ import annotations

from ..formulaires.definition import cases, champs_pdf
from . import greffe, mesures, requete

MESURES, GREFFE = "data/op_mesures.yml", "data/op_a_apporter.yml"
FORMULAIRE = f"formulaires/{requete.IDENTIFIANT}.yml"
# Les champs que requete.py écrit ou lit, par leur genre dans le PDF.
CHAMPS_DE_LA_REQUETE = {
    **dict.fromkeys(requete.A_COMPLETER, ("texte", "multiligne")),
    "expose_faits": ("multiligne",),
    **mesures.CHAMPS_LUS,
    **dict.fromkeys(greffe.CASES.values(), ("case",)),
}


def genres(definition: dict) -> dict[str, str]:
    """{nom: case | texte | multiligne} de chaque champ du formulaire, cases hors PDF comprises."""
    sortie = dict.fromkeys(cases(definition), "case")
    sortie |= {c["nom"]: c["type"] for c in champs_pdf(definition)}
    return sortie


def problemes(donnees: dict, formulaires: dict) -> list[tuple[str, tuple, str]]:
    # Sans la définition (un projet d'essai sans content/formulaires/) : les renvois entre données seulement.
    definition = formulaires.get(requete.IDENTIFIANT)
    champs = genres(definition) if definition is not None else None
    sortie = [(MESURES, chemin, message) for chemin, message in mesures.problemes(donnees["op_mesures"], champs)]
    sortie += [(GREFFE, chemin, message) for chemin, message in greffe.problemes(donnees["op_a_apporter"])]
    connues = {m["id"] for m in donnees["op_mesures"]["mesures"]}
    for fait, declencheurs in greffe.DECLENCHEURS.items():
        for ident in sorted(declencheurs - connues):
            sortie.append((MESURES, ("mesures",), f"la liste du greffe (fait « {fait} ») lit la mesure « {ident} »."))
    if definition is not None:
        sortie += _formulaire(definition, champs)
    return sortie


def _formulaire(definition: dict, champs: dict[str, str]) -> list[tuple[str, tuple, str]]:
    sortie = []
    if definition.get("remplissage") == "manuscrit":
        sortie.append(
            (
                FORMULAIRE,
                ("remplissage",),
                "l'outil « Préparer la requête » remplit ce formulaire dans le navigateur : "
                "il ne peut pas être « remplissage: manuscrit ».",
            )
        )
    for nom, permis in CHAMPS_DE_LA_REQUETE.items():
        if nom not in champs:
            sortie.append((FORMULAIRE, ("rubriques",), f"l'outil OP remplit le champ « {nom} », absent du formulaire."))
        elif champs[nom] not in permis:
            sortie.append((FORMULAIRE, ("rubriques",), f"l'outil OP attend « {nom} » de type {' ou '.join(permis)}."))
    if not any(requete.CELLULE_PIECE.fullmatch(nom) for nom in champs):
        sortie.append((FORMULAIRE, ("rubriques",), "l'outil OP reporte le bordereau dans le tableau « pieces »."))
    return sortie
