"""dispatch : aiguillage par nom d'outil, erreurs en français, jamais de trace (moteurs factices)."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

from pyscripts import api
from pyscripts.erreurs import EntreeInvalide


def faux_moteur(monkeypatch, module: str, **fonctions):
    monkeypatch.setitem(sys.modules, module, types.SimpleNamespace(**fonctions))


@pytest.fixture
def moteurs(monkeypatch):
    """Des doublures de pyscripts.aj / pyscripts.delais qui disent quelle fonction a reçu quoi."""

    def echo(nom):
        return lambda entree: {"moteur": nom, "entree": entree}

    faux_moteur(monkeypatch, "pyscripts.aj", calcule=echo("aj.calcule"))
    faux_moteur(monkeypatch, "pyscripts.delais", calcule=echo("delais.calcule"), en_ics=echo("delais.en_ics"))


def appel(outil, entree) -> dict:
    sortie = api.dispatch(outil, entree if isinstance(entree, str) else json.dumps(entree))
    assert isinstance(sortie, str)
    return json.loads(sortie)


@pytest.mark.parametrize(
    ("outil", "moteur"),
    [
        ("aj", "aj.calcule"),
        ("delais", "delais.calcule"),
        ("delais_ics", "delais.en_ics"),
    ],
)
def test_aiguille_vers_le_moteur(moteurs, outil, moteur):
    assert appel(outil, {"rfr": 12000, "nom": "Élise"}) == {
        "resultat": {"moteur": moteur, "entree": {"rfr": 12000, "nom": "Élise"}}
    }


def test_outil_inconnu(moteurs):
    erreur = appel("impots", {})["erreur"]
    assert erreur["champ"] == "outil" and "impots" in erreur["message"] and "aj" in erreur["message"]


@pytest.mark.parametrize("texte", ["{pas du json", "[1, 2]"])
def test_entree_qui_n_est_pas_un_objet_json(moteurs, texte):
    assert appel("aj", texte)["erreur"]["champ"] == "entree"


def test_entree_invalide_rendue_telle_quelle(monkeypatch):
    def refuse(entree):
        raise EntreeInvalide("rfr", "Indiquez votre revenu fiscal de référence.")

    faux_moteur(monkeypatch, "pyscripts.aj", calcule=refuse)
    assert appel("aj", {}) == {"erreur": {"champ": "rfr", "message": "Indiquez votre revenu fiscal de référence."}}


@pytest.mark.parametrize(
    "resultat",
    [
        pytest.param(lambda entree: 1 / 0, id="exception"),
        pytest.param(lambda entree: {"quand": object()}, id="non-json"),
    ],
)
def test_erreur_interne_sans_trace(monkeypatch, capsys, resultat):
    faux_moteur(monkeypatch, "pyscripts.aj", calcule=resultat)
    sortie = api.dispatch("aj", "{}")
    assert json.loads(sortie) == {"erreur": {"champ": "interne", "message": api.ERREUR_INTERNE}}
    assert "Traceback" not in sortie and "Error" not in sortie
    assert "Traceback" in capsys.readouterr().err  # le développeur la voit encore, dans la console seulement


def test_moteurs_importes_seulement_a_l_appel():
    """Importer l'API ne doit pas coûter tous les moteurs : le worker l'importe au démarrage."""
    code = "import sys, pyscripts.api; print(sorted(m for m in sys.modules if m.startswith('pyscripts.')))"
    charges = json.loads(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.replace(
            "'", '"'
        )
    )
    assert not {"pyscripts.aj", "pyscripts.delais"} & set(charges)
