"""`python -m pyscripts.aj` : un objet JSON en entrée, un objet JSON en sortie,
code 0 pour un résultat, code 2 pour une entrée refusée, jamais de trace Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.fixtures.chemins import REPO


def _lance(texte: str | bytes, **environnement: str) -> tuple[int, dict, str]:
    octets = texte if isinstance(texte, bytes) else texte.encode("utf-8")
    fini = subprocess.run(
        [sys.executable, "-m", "pyscripts.aj"],
        input=octets,
        capture_output=True,
        cwd=REPO,
        check=False,
        env={**os.environ, **environnement},
    )
    sortie = fini.stdout.decode("utf-8")
    return fini.returncode, json.loads(sortie), fini.stderr.decode("utf-8", "replace")


def test_une_situation_valide_donne_un_resultat_json_et_le_code_0():
    code, sortie, erreurs = _lance('{"date_demande": "2025-03-01", "personnes_foyer": 2, "rfr": 16000}')
    assert code == 0, erreurs
    assert sortie["resultat"] == "partielle_55"
    assert sortie["taux"] == 55
    assert sortie["bareme"] == {"annee": 2025, "applicable_du": "2025-01-23", "source": sortie["bareme"]["source"]}
    assert sortie["plafonds"]["totale"] == 15177
    assert erreurs == ""


def test_la_sortie_de_la_ligne_de_commande_est_celle_de_l_api():
    from pyscripts.aj import calcule

    situation = {
        "date_demande": "2024-02-01",
        "personnes_foyer": 4,
        "rfr": None,
        "revenus_6_mois": 8000.5,
        "ordonnance_protection": True,
    }
    code, sortie, _ = _lance(json.dumps(situation))
    assert code == 0
    assert json.dumps(sortie) == json.dumps(calcule(situation))


def test_une_entree_vide_prend_la_date_du_jour_et_demande_le_revenu():
    code, sortie, erreurs = _lance("")
    assert code == 2
    assert sortie["erreur"]["champ"] in {"personnes_foyer", "rfr"}
    assert "Traceback" not in erreurs


@pytest.mark.parametrize(
    "texte, champ",
    [
        pytest.param('{"personnes_foyer": true, "rfr": 1}', "personnes_foyer", id="booléen à la place d'un nombre"),
        pytest.param('{"personnes_foyer": 1, "rfr": 1, "inconnu": 3}', "entree", id="clé inconnue"),
        pytest.param('{"date_demande": "2019-05-01"}', "date_demande", id="demande antérieure à 2021"),
        pytest.param("ceci n'est pas du JSON", "entree", id="texte quelconque"),
        pytest.param('{"personnes_foyer": 1,', "entree", id="JSON tronqué"),
        pytest.param("[1, 2, 3]", "entree", id="liste JSON"),
        pytest.param('"bonjour"', "entree", id="chaîne JSON"),
        pytest.param('{"rfr": NaN, "personnes_foyer": 1}', "rfr", id="NaN"),
        pytest.param('{"rfr": 1e999, "personnes_foyer": 1}', "rfr", id="nombre infini"),
        pytest.param("\u00ff\u00fe\x00", "entree", id="octets sans signification"),
    ],
)
def test_une_entree_refusee_donne_une_erreur_json_et_le_code_2(texte, champ):
    code, sortie, erreurs = _lance(texte)
    assert code == 2
    assert list(sortie) == ["erreur"]
    assert sortie["erreur"]["champ"] == champ
    assert sortie["erreur"]["message"].endswith(".")
    assert "Traceback" not in erreurs


@pytest.mark.parametrize(
    "texte, environnement",
    [
        pytest.param('{"rfr": ' + "9" * 5000 + "}", {}, id="entier de plus de 4 300 chiffres"),
        pytest.param("[" * 100_000, {}, id="JSON imbriqué sur 100 000 niveaux"),
        pytest.param(b"\xff\xfe", {"PYTHONIOENCODING": "utf-8"}, id="octets qui ne sont pas de l'UTF-8"),
    ],
)
def test_une_entree_pathologique_donne_une_erreur_json_et_non_une_trace(texte, environnement):
    code, sortie, erreurs = _lance(texte, **environnement)
    assert code == 2 and "erreur" in sortie and "Traceback" not in erreurs
