"""Ce que la page du calculateur (theme/outils/delais.html) tire des données, à la construction
du site : la liste des démarches par groupe, les lieux, l'augmentation pour distance. Une seule
source : un délai ou un territoire ajouté dans content/data apparaît dans la page.
"""

from __future__ import annotations

from ..donnees import charge
from . import calendrier, repertoire


def formulaire(delais: dict | None = None, feries: dict | None = None) -> dict:
    """Données du formulaire, en types simples."""
    delais = charge("delais") if delais is None else delais
    table = calendrier.table(feries)
    catalogue = repertoire.catalogue(delais)
    distance = max(delais["parametres"]["augmentation_distance"], key=lambda v: v["applicable_du"])["valeur"]
    return {
        "groupes": [
            {"titre": groupe["titre"], "delais": [e for e in catalogue if e["groupe"] == groupe["id"]]}
            for groupe in delais["groupes"]
        ],
        "territoires": [{"valeur": cle, "nom": lieu["nom"]} for cle, lieu in table["territoires"].items()],
        "autres_lieux": [{"valeur": cle, "nom": lieu["nom"]} for cle, lieu in table["autres_lieux"].items()],
        "distance": {
            "autre_territoire": distance["autre_territoire"]["mois"],
            "etranger": distance["etranger"]["mois"],
        },
    }
