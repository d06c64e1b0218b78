"""Chaque moteur vérifie, à la construction, ce qu'il lit (pyscripts/*/verification.py,
appelées par generator/contenu/croisements.py). Les données du dépôt passent ; chaque défaut qu'un
test seul voyait avant est nommé à son chemin de clés."""

from __future__ import annotations

import copy

import pytest

from pyscripts.delais import verification as delais
from pyscripts.donnees import charge
from pyscripts.formulaires import verification as formulaires
from pyscripts.formulaires.definition import lit_formulaire
from pyscripts.op import verification as op

DONNEES = {
    nom: charge(nom)
    for nom in ("jours_feries", "delais", "op_mesures", "op_a_apporter", "pieces_aj", "aide_juridictionnelle")
}
FORMULAIRES = {ident: lit_formulaire(ident) for ident in ("cerfa-15458", "cerfa-16146")}


@pytest.mark.parametrize("module", [delais, op, formulaires])
def test_les_donnees_du_depot_passent(module):
    assert module.problemes(DONNEES, FORMULAIRES) == []


def _abime(**fichiers) -> dict:
    donnees = copy.deepcopy(DONNEES)
    for nom, modifie in fichiers.items():
        modifie(donnees[nom])
    return donnees


@pytest.mark.parametrize(
    "valeur, chemin, message",
    [
        ({}, ("parametres", "duree_maximale_mesures_op", 0, "valeur"), "une durée"),  # 0 jour : échéance = départ
        ({"mois": "six"}, ("parametres", "duree_maximale_mesures_op", 0, "valeur"), "une durée"),
    ],
)
def test_une_duree_datee_qui_n_en_est_pas_une_est_nommee(valeur, chemin, message):
    def casse(d):
        d["parametres"]["duree_maximale_mesures_op"][0]["valeur"] = valeur

    trouves = delais.problemes(_abime(delais=casse), {})
    assert [(f, c) for f, c, _ in trouves] == [("data/delais.yml", chemin)] and message in trouves[0][2]


def test_un_delai_dont_le_calcul_echouerait_est_nomme():
    """Le dernier filet : chaque délai du catalogue est calculé une fois (ici, un jour de la table
    des fériés devenu illisible pour le calcul, que les contrôles précédents ne voient pas)."""

    def casse(d):
        next(j for j in d["jours"] if "paques" in j)["paques"] = "un"  # un écart à Pâques illisible

    trouves = delais.problemes(_abime(jours_feries=casse), {})
    assert trouves and all(f == "data/delais.yml" and c[0] == "delais" for f, c, _ in trouves), trouves
    assert "le calcul de ce délai échoue" in trouves[0][2]


def test_un_groupe_ou_un_lieu_inconnu_du_catalogue_est_nomme():
    def casse(d):
        d["delais"][0]["groupe"] = "inconnu"
        d["delais"][1]["lieu"] = "atlantide"

    chemins = {c for _, c, _ in delais.problemes(_abime(delais=casse), {})}
    assert chemins == {("delais", 0, "groupe"), ("delais", 1, "lieu")}


def test_une_mesure_que_le_moteur_nomme_ne_peut_pas_disparaitre():
    def retire(d):
        d["mesures"] = [m for m in d["mesures"] if m["id"] != "bracelet"]
        for m in d["mesures"]:
            m["requiert"] = [r for r in m.get("requiert", []) if r != "bracelet"]
        for c in d["conseils"]:
            c["si"] = [x for x in c["si"] if x != "bracelet"]
            c["sans"] = [x for x in c.get("sans", []) if x != "bracelet"]

    messages = [m for _, _, m in op.problemes(_abime(op_mesures=retire), FORMULAIRES)]
    assert any("lit la mesure « bracelet »" in m for m in messages), messages


def _retire(objets: list, nom: str) -> None:
    """Le champ `nom`, retiré où qu'il soit (dans une rubrique ou sous l'option d'un groupe)."""
    for objet in objets:
        objet["champs"] = [c for c in objet.get("champs", []) if c.get("nom") != nom]
        for champ in objet["champs"]:
            _retire(champ.get("options", []), nom)


def test_un_champ_que_l_outil_op_remplit_ne_peut_pas_disparaitre():
    d = copy.deepcopy(FORMULAIRES["cerfa-15458"])
    _retire(d["rubriques"], "expose_faits")
    trouves = op.problemes(DONNEES, {**FORMULAIRES, "cerfa-15458": d})
    assert ("formulaires/cerfa-15458.yml", ("rubriques",)) in {(f, c) for f, c, _ in trouves}
    assert any("expose_faits" in m for _, _, m in trouves)


def test_un_champ_que_le_simulateur_pre_remplit_ne_peut_pas_disparaitre():
    d = copy.deepcopy(FORMULAIRES["cerfa-16146"])
    _retire(d["rubriques"], "juge_lequel")
    trouves = formulaires.problemes(DONNEES, {**FORMULAIRES, "cerfa-16146": d})
    assert any("écrit le champ « juge_lequel »" in m for _, _, m in trouves), trouves


@pytest.mark.parametrize(
    "cle, cible",
    [("incompatible", "soi"), ("requiert", "soi"), ("requiert", "une mesure qu'elle exclut")],
)
def test_une_mesure_qui_ne_pourrait_jamais_etre_demandee_est_nommee(cle, cible):
    def casse(d):
        m = d["mesures"][3]
        autre = d["mesures"][4]["id"]
        if cible == "soi":
            m[cle] = [m["id"]]
        else:
            m["incompatible"], m["requiert"] = [autre], [autre]

    trouves = op.problemes(_abime(op_mesures=casse), FORMULAIRES)
    assert any(c[:3] == ("mesures", 3, cle) and "jamais" in m for _, c, m in trouves), trouves
