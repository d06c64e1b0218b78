"""Les routes qui remplissent un PDF (`formulaire_remplir`, `formulaire_preparer`) avec le vrai PDF
vierge : n'importe quelles valeurs (textes démesurés, demi-caractères, émojis, écritures, nombres,
listes, objets) donnent un PDF ou une erreur en français qui nomme le champ, jamais « erreur de
l'outil ». Peu d'exemples : chacun remplit un vrai PDF."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyscripts.api import dispatch
from pyscripts.formulaires.definition import champs_pdf, lit_formulaire
from tests.fixtures.proprietes import valeurs_json

pytestmark = pytest.mark.pdf

NOMS = {ident: sorted(c["nom"] for c in champs_pdf(lit_formulaire(ident))) for ident in ("cerfa-16146", "cerfa-15458")}
texte = st.text(max_size=60) | st.sampled_from(["\ud800", "\u202eabc", "🙂", "فاطمة", "x" * 3000, "05/03/2026"])
valeur = st.booleans() | texte | valeurs_json(6)


@pytest.fixture(scope="module")
def vierges(pdf_vierge):
    return {ident: base64.b64encode(pdf_vierge[ident]).decode("ascii") for ident in NOMS}


def _verifie(reponse: dict) -> None:
    assert set(reponse) in ({"resultat"}, {"erreur"}), reponse
    if "erreur" in reponse:
        erreur = reponse["erreur"]
        assert erreur["champ"] != "interne" and erreur["message"].endswith("."), erreur
        assert len(erreur["message"]) <= 1000


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(NOMS)), st.data())
def test_remplir_avec_des_valeurs_quelconques(vierges, identifiant, data):
    valeurs = data.draw(st.dictionaries(st.sampled_from(NOMS[identifiant]) | st.text(max_size=8), valeur, max_size=5))
    entree = {"formulaire": identifiant, "valeurs": valeurs, "pdf": vierges[identifiant]}
    if identifiant == "cerfa-15458":
        entree["aujourdhui"] = "2026-11-29"
    _verifie(json.loads(dispatch("formulaire_remplir", json.dumps(entree))))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["formulaire_remplir", "formulaire_preparer"]), valeurs_json(8), st.booleans())
def test_une_entree_quelconque_avec_ou_sans_le_pdf(vierges, route, entree, avec_pdf):
    if avec_pdf and isinstance(entree, dict):
        entree = {**entree, "pdf": vierges["cerfa-16146"]}
    _verifie(json.loads(dispatch(route, json.dumps(entree))))
