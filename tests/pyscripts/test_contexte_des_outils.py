"""Les listes et valeurs des pages d'outils viennent des données et du moteur
(`config.extra.donnees_outils`, pyscripts/outils.py) : rien n'est recopié dans les gabarits."""

from __future__ import annotations

import copy

from pyscripts.aj.entree import CAS_PARTICULIERS, EXCEPTIONS_RESIDENCE
from pyscripts.aj.formulaire import formulaire as formulaire_aj
from pyscripts.delais import catalogue
from pyscripts.delais.formulaire import formulaire as formulaire_delais
from pyscripts.donnees import charge
from pyscripts.lecture import MONTANT_MAXIMUM
from pyscripts.outils import contexte, pages


def test_le_contexte_a_une_entree_par_outil_qui_a_sa_page():
    assert set(contexte()) == set(pages()) and pages()


def test_delais_chaque_delai_du_catalogue_une_fois_dans_l_ordre_du_fichier():
    groupes = formulaire_delais()["groupes"]
    assert [g["titre"] for g in groupes][:2] == ["Appel, opposition, recours", "Ordonnance de protection"]
    ids = [e["id"] for g in groupes for e in g["delais"]]
    assert sorted(ids) == sorted(e["id"] for e in catalogue())
    assert ids == [e["id"] for e in catalogue()]  # le fichier range déjà les délais par groupe


def test_delais_lieux_et_distance_suivent_les_donnees():
    feries = copy.deepcopy(charge("jours_feries"))
    feries["territoires"]["nouveau-lieu"] = {**feries["territoires"]["guyane"], "nom": "Nouveau lieu"}
    delais = copy.deepcopy(charge("delais"))
    delais["parametres"]["augmentation_distance"].append(
        {
            **delais["parametres"]["augmentation_distance"][0],
            "applicable_du": "2030-01-01",
            "valeur": {**delais["parametres"]["augmentation_distance"][0]["valeur"], "etranger": {"mois": 3}},
        }
    )
    formulaire = formulaire_delais(delais, feries)
    assert formulaire["territoires"][-1] == {"valeur": "nouveau-lieu", "nom": "Nouveau lieu"}
    assert formulaire["distance"] == {"autre_territoire": 1, "etranger": 3}
    assert formulaire_delais()["distance"] == {"autre_territoire": 1, "etranger": 2}


def test_aj_listes_dates_et_borne_viennent_du_moteur_et_des_donnees():
    formulaire = formulaire_aj()
    assert [c["valeur"] for c in formulaire["cas_particuliers"]] == [*CAS_PARTICULIERS, "mineur"]
    assert [e["valeur"] for e in formulaire["exceptions_residence"]] == list(EXCEPTIONS_RESIDENCE)
    dernier = max(b["annee"] for b in charge("aide_juridictionnelle")["baremes"])
    marge = charge("aide_juridictionnelle")["simulation"]["annees_apres_le_dernier_bareme"]
    assert (formulaire["premier_jour"], formulaire["dernier_jour"]) == ("2021-01-01", f"{dernier + marge}-12-31")
    assert formulaire["fin_sejour_regulier"] == "30 mai 2024"
    assert (formulaire["mois_revenus"], formulaire["montant_maximum"]) == (6, MONTANT_MAXIMUM)
