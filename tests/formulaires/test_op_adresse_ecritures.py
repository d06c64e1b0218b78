"""L'adresse cachée, écrite de toutes les façons dans tous les champs : refusée (la rue, le numéro et
la rue), ou à confirmer (le nom seul, le code postal, le complément) ; et des textes légitimes qui
lui ressemblent, jamais refusés. Le PDF n'est jamais rempli avec l'une d'elles sans confirmation."""

from __future__ import annotations

import subprocess

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires import remplir
from pyscripts.op.requete import a_remplir, prepare
from tests.fixtures.adresse_cachee import CONFIRMER, ECRITURES, LEGITIMES, MORCEAUX, REFUS, entree

IDS = [f"{i}-{c}" for i, (c, _, _) in enumerate(ECRITURES)]


def test_les_tables_ont_la_taille_promise():
    assert len(ECRITURES) >= 50 and len(LEGITIMES) >= 20
    assert {a for _, _, a in ECRITURES} == {REFUS, CONFIRMER}
    champs = {c.split(".")[0] for c, _, _ in ECRITURES}
    assert len(champs) >= 25  # chaque étape, chaque document


@pytest.mark.parametrize("champ, texte, attendu", ECRITURES, ids=IDS)
def test_chaque_ecriture_est_refusee_ou_a_confirmer(champ, texte, attendu):
    if attendu == REFUS:
        with pytest.raises(EntreeInvalide) as exc:
            prepare(entree(champ, texte))
        assert exc.value.champ == champ
        assert "cacher" in exc.value.message or "propre adresse" in exc.value.message, exc.value.message
        assert "zola" not in exc.value.message.casefold()  # le refus ne répète pas l'adresse
        return
    avertis = [a for a in prepare(entree(champ, texte))["avertissements"] if a["champ"] == champ]
    assert [a["confirme"] for a in avertis if a.get("confirmer")] == [False], avertis
    assert "zola" not in avertis[0]["message"].casefold()
    # Ce que `remplir` écrit : refusé tant que la personne n'a pas confirmé, champ nommé.
    with pytest.raises(EntreeInvalide) as exc:
        a_remplir(entree(champ, texte))
    assert exc.value.champ == champ and avertis[0]["confirmer"] in exc.value.message
    confirmee = {**entree(champ, texte), "confirmations": [avertis[0]["confirmer"]]}
    assert a_remplir(confirmee)["valeurs"]


@pytest.mark.parametrize(
    "cachee, champ, texte, averti", LEGITIMES, ids=[f"{i}-{c}" for i, (_, c, _, _) in enumerate(LEGITIMES)]
)
def test_un_texte_legitime_n_est_pas_refuse(cachee, champ, texte, averti):
    r = prepare(entree(champ, texte, cachee))
    a_confirmer = [a for a in r["avertissements"] if a["champ"] == champ and a.get("confirmer")]
    assert bool(a_confirmer) is averti, a_confirmer
    assert r["adresse_verifiee"] is True


def test_une_confirmation_vaut_pour_son_champ_et_ce_qu_il_cite():
    """Confirmer le code postal d'un champ ne confirme ni un autre champ, ni le complément ajouté ensuite."""
    e = entree("autres_demandes", "Qu'il ne vienne plus dans le 69003.")
    e["confirmations"] = ["autres_demandes:code_postal"]
    assert a_remplir(e)
    e["valeurs"]["lieux_precisions"] = "Le 69003."
    with pytest.raises(EntreeInvalide) as exc:
        a_remplir(e)
    assert exc.value.champ == "lieux_precisions"
    del e["valeurs"]["lieux_precisions"]
    e["valeurs"]["autres_demandes"] += " Ni au bâtiment C."
    with pytest.raises(EntreeInvalide) as exc:
        a_remplir(e)
    assert exc.value.champ == "autres_demandes" and "autres_demandes:code_postal+complement" in exc.value.message


# ── Dans le PDF ──────────────────────────────────────────────────────────────────


def _texte_du_pdf(pdf: bytes) -> str:
    sortie = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(sortie.stdout.decode().split()).casefold()


@pytest.mark.pdf
def test_aucune_ecriture_n_atteint_le_pdf_sans_confirmation(pdf_vierge):
    """Par le vrai chemin de `remplir` : pas de PDF pour une seule des écritures de la table."""
    for (champ, texte, _), ident in zip(ECRITURES, IDS):
        with pytest.raises(EntreeInvalide) as exc:
            remplir(entree(champ, texte), pdf_vierge["cerfa-15458"])
        assert exc.value.champ == champ, ident


@pytest.mark.pdf
def test_le_pdf_rempli_ne_porte_que_ce_qui_a_ete_confirme(pdf_vierge):
    """Sans texte à confirmer, rien de l'adresse ; un complément confirmé, lui seul."""
    propre = _texte_du_pdf(remplir(entree("lieux_precisions", "Mon domicile."), pdf_vierge["cerfa-15458"]))
    assert "mon domicile" in propre and "martin" in propre  # le texte rempli est bien lisible
    for morceau in MORCEAUX:
        assert morceau not in propre, morceau
    e = entree("danger", "Il connaît le bâtiment C, appartement 34.")
    e["confirmations"] = ["danger:complement"]
    texte = _texte_du_pdf(remplir(e, pdf_vierge["cerfa-15458"]))
    assert "bâtiment c, appartement 34" in texte
    assert "zola" not in texte and "69003" not in texte
