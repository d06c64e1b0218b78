"""Le registre des outils : chaque outil est déclaré ici une fois, et tout le reste en découle.

Un outil, c'est :

    routes    ce que sa page demande au travailleur Pyodide, `dispatch(route, json)`, et la fonction
              qui répond ("module:fonction", importée au premier appel) ; les `paquets` Pyodide
              facultatifs (pypdf) que le travailleur charge avant l'appel
    gabarit   theme/<gabarit>, inclus dans une page dont l'en-tête dit `outil: <nom>`
              (None : l'outil n'a pas de page à lui)
    module    theme/<module>, le script de sa page
    contexte  "module:fonction" : ce que le gabarit lit dans `config.extra.donnees_outils.<nom>`
              (listes et bornes tirées des données et du moteur, rien de recopié dans le gabarit)
    donnees   les fichiers content/data/<nom>.yml qu'il lit : la construction refuse qu'il en manque un
    verification  "module:fonction" : ce que son moteur vérifie, à chaque construction, dans les données
              et les formulaires qu'il lit (generator/contenu/croisements.py) — problemes(donnees,
              formulaires) → [(fichier sous content/, chemin des clés, message)]

En découlent : les routes de `pyscripts.api`, les outils permis dans l'en-tête des pages, les gabarits
et scripts que la construction vérifie, le contexte des gabarits, les paquets Pyodide facultatifs et
les fichiers de données requis (generator), et les listes des tests.

Ajouter un outil : une entrée dans OUTILS, son gabarit, son script ; aucune autre liste à modifier.
Données seulement, bibliothèque standard : ce module est aussi dans la roue lue par le navigateur.
"""

from __future__ import annotations

import importlib


class Route:
    """Une route du travailleur : la fonction qui répond, les paquets à charger avant."""

    __slots__ = ("fonction", "paquets")

    def __init__(self, fonction: str, paquets: tuple[str, ...] = ()):
        self.fonction = fonction
        self.paquets = paquets

    def appelable(self):
        module, _, nom = self.fonction.partition(":")
        return getattr(importlib.import_module(module), nom)


class Outil:
    __slots__ = ("routes", "gabarit", "module", "contexte", "donnees", "verification")

    def __init__(
        self,
        routes: dict[str, Route],
        gabarit: str | None = None,
        module: str | None = None,
        contexte: str | None = None,
        donnees: tuple[str, ...] = (),
        verification: str | None = None,
    ):
        self.routes = routes
        self.gabarit = gabarit
        self.module = module
        self.contexte = contexte
        self.donnees = donnees
        self.verification = verification


OUTILS: dict[str, Outil] = {
    "aj": Outil(
        routes={"aj": Route("pyscripts.aj:calcule")},
        gabarit="outils/aj.html",
        module="assets/js/outil-aj.mjs",
        contexte="pyscripts.aj.formulaire:formulaire",
        donnees=("aide_juridictionnelle",),
        verification="pyscripts.aj.verification:problemes_des_donnees",
    ),
    "delais": Outil(
        routes={"delais": Route("pyscripts.delais:calcule"), "delais_ics": Route("pyscripts.delais:en_ics")},
        gabarit="outils/delais.html",
        module="assets/js/outil-delais.mjs",
        contexte="pyscripts.delais.formulaire:formulaire",
        donnees=("delais", "jours_feries"),
        verification="pyscripts.delais.verification:problemes",
    ),
    "op": Outil(
        routes={
            # Chaque étape vérifie les réponses sur le PDF vierge (mesure du texte) : pypdf dès la première.
            "op": Route("pyscripts.op.requete:prepare", paquets=("pypdf",)),
            "op_expose": Route("pyscripts.op.requete:expose"),
        },
        gabarit="outils/op.html",
        module="assets/js/outil-op.mjs",
        contexte="pyscripts.op.requete:pour_la_page",
        donnees=("op_mesures", "op_a_apporter"),
        verification="pyscripts.op.verification:problemes",
    ),
    # L'entretien guidé des formulaires Cerfa : il s'ouvre dans la page d'un autre outil (une ligne
    # `<!-- entretien: <id> -->`, generator/mkdocs/formulaires.py), d'où ni gabarit ni script ici.
    "formulaires": Outil(
        routes={
            "formulaire_prerempli": Route("pyscripts.formulaires:prerempli"),
            "formulaire_pieces": Route("pyscripts.formulaires:pieces"),
            "formulaire_verifier": Route("pyscripts.formulaires:verifier", paquets=("pypdf",)),
            "formulaire_remplir": Route("pyscripts.formulaires:remplir_base64", paquets=("pypdf",)),
            "formulaire_preparer": Route("pyscripts.formulaires:preparer", paquets=("pypdf",)),
        },
        donnees=("pieces_aj", "aide_juridictionnelle"),
        verification="pyscripts.formulaires.verification:problemes",
    ),
}


def routes() -> dict[str, Route]:
    """Toutes les routes, de tous les outils."""
    return {nom: route for outil in OUTILS.values() for nom, route in outil.routes.items()}


def paquets(route: str) -> str:
    """Les paquets Pyodide à charger avant `route`, séparés par des espaces (lus par le travailleur)."""
    trouvee = routes().get(route)
    return " ".join(trouvee.paquets) if trouvee else ""


def paquets_facultatifs() -> list[str]:
    """Les paquets qu'au moins une route demande : ceux qu'une page peut livrer (`pyodide_paquets`)."""
    return sorted({p for route in routes().values() for p in route.paquets})


def pages() -> dict[str, Outil]:
    """Les outils qui ont une page à eux (`outil: <nom>` dans l'en-tête)."""
    return {nom: outil for nom, outil in OUTILS.items() if outil.gabarit}


def donnees_requises() -> list[str]:
    return sorted({nom for outil in OUTILS.values() for nom in outil.donnees})


def contexte() -> dict:
    """Ce que les gabarits des outils lisent dans `config.extra.donnees_outils`."""
    sortie = {}
    for nom, outil in OUTILS.items():
        if outil.contexte:
            module, _, fonction = outil.contexte.partition(":")
            sortie[nom] = getattr(importlib.import_module(module), fonction)()
    return sortie
