"""Ce que les moteurs des formulaires lisent, vérifié à la construction (generator/contenu/croisements.py) :
les règles des pièces justificatives (content/data/pieces_aj.yml) et le Cerfa 16146 que le simulateur
pré-remplit (content/formulaires/cerfa-16146.yml). Le pré-remplissage est lancé sur des réponses qui
passent par chacune de ses branches : chaque champ qu'il écrit doit exister dans la définition, avec
le bon genre (une case reçoit true, un champ de texte un texte), sinon la personne lirait « Champ
inconnu » au moment d'obtenir son formulaire.

    problemes(donnees, formulaires) -> [(fichier sous content/, chemin des clés, message)]

Bibliothèque standard seulement.
"""

from __future__ import annotations

from ..aj.bareme import periode
from ..aj.entree import CAS_PARTICULIERS, EXCEPTIONS_RESIDENCE, NATIONALITES, PROTECTIONS
from . import aj, definition
from .pieces import problemes as problemes_des_pieces

PIECES = "data/pieces_aj.yml"
PREREMPLI = "cerfa-16146"


def problemes(donnees: dict, formulaires: dict) -> list[tuple[str, tuple, str]]:
    sortie = [(PIECES, chemin, message) for chemin, message in problemes_des_pieces(donnees["pieces_aj"])]
    d = formulaires.get(PREREMPLI)
    fichier = f"formulaires/{PREREMPLI}.yml"
    if d is None:  # un projet d'essai sans content/formulaires/
        return sortie
    if d.get("remplissage") == "manuscrit":
        sortie.append(
            (fichier, ("remplissage",), "le simulateur pré-remplit ce formulaire : il ne peut pas être manuscrit.")
        )
    genres = {c["nom"]: c["type"] for c in definition.champs_pdf(d)} | dict.fromkeys(definition.cases(d), "case")
    noms = set(genres) | _tous_les_noms(d["rubriques"])
    for simulateur in _exemples(donnees["aide_juridictionnelle"]):
        resultat = aj.prerempli({"simulateur": simulateur})
        for nom, valeur in resultat["valeurs"].items():
            if nom not in genres:
                sortie.append(
                    (fichier, ("rubriques",), f"le pré-remplissage écrit le champ « {nom} », absent du formulaire.")
                )
            elif (genres[nom] == "case") != isinstance(valeur, bool):
                sortie.append((fichier, ("rubriques",), f"le pré-remplissage écrit « {nom} » : son genre a changé."))
        for nom in resultat["rappels"]:
            if nom not in noms:
                sortie.append(
                    (fichier, ("rubriques",), f"le pré-remplissage rappelle « {nom} », absent du formulaire.")
                )
    return list(dict.fromkeys(sortie))


def _tous_les_noms(champs: list) -> set[str]:
    """Les noms de tous les champs, groupes et tableaux compris (un rappel peut viser un tableau)."""
    noms = set()
    for objet in champs:
        for champ in objet.get("champs", []):
            noms.add(champ.get("nom"))
            for option in champ.get("options", []):
                noms |= _tous_les_noms([option])
    return noms - {None}


def _exemples(parametres: dict) -> list[dict]:
    """Des réponses au simulateur qui passent par chaque branche du pré-remplissage."""
    depot = periode(parametres)[0].isoformat()
    complet = {
        "date_demande": depot,
        "personnes_foyer": 3,
        "rfr": 12000,
        "changement_situation": True,
        "revenus_6_mois": 6000,
        "patrimoine_mobilier": 1500,
        "patrimoine_immobilier": 80000,
        "ordonnance_protection": True,
    }
    exemples = [complet, {"rfr": None}]
    exemples += [{**complet, "nationalite": n} for n in NATIONALITES]
    exemples += [{**complet, "protection_juridique": p} for p in PROTECTIONS]
    exemples += [{"cas_particulier": cas} for cas in CAS_PARTICULIERS]
    exemples += [{"nationalite": "autre", "exception_residence": e} for e in EXCEPTIONS_RESIDENCE]
    return exemples
