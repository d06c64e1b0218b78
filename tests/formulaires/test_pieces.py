"""La liste personnelle des pièces justificatives, selon la situation (notice 52347#03, pages 4 et 5),
et les réponses du simulateur reportées dans le formulaire."""

from __future__ import annotations

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires import pieces, prerempli

AVIS = "Votre avis d'imposition le plus récent."
SIX_MOIS = "Les justificatifs de vos revenus imposables des six derniers mois"
DOMICILE = "Justificatif de domicile de moins de trois mois"
CNI = "Copie recto-verso de votre carte nationale d'identité"
RESIDENCE = "Tout document montrant que vous résidez habituellement en France"
IDENTITE_ETRANGER = "Une pièce d'identité (passeport ou carte d'identité de votre pays"
PRECEDENTE = "Copie de la précédente décision d'admission à l'aide juridictionnelle."
TOUTE_PIECE = "Toute pièce justificative de cette situation"


def liste(simulateur=None, **valeurs) -> list[str]:
    return [p["piece"] for p in pieces({"simulateur": simulateur or {}, "valeurs": valeurs})]


def contient(liste_, debut: str) -> bool:
    return any(p.startswith(debut) for p in liste_)


FRANCAISE = {"nationalite": "francaise", "personnes_foyer": 1, "rfr": 9000}


def test_cas_general():
    lu = liste(FRANCAISE)
    assert contient(lu, DOMICILE) and contient(lu, CNI) and AVIS in lu
    assert not contient(lu, SIX_MOIS) and not contient(lu, RESIDENCE) and PRECEDENTE not in lu


@pytest.mark.parametrize(
    "lettre, attendu",
    [
        ("A", "L'avis à victime ou l'ordonnance de renvoi"),
        ("B", PRECEDENTE),
        ("C", TOUTE_PIECE),
        ("D", TOUTE_PIECE),
        ("E", PRECEDENTE),
    ],
)
@pytest.mark.parametrize("source", ["simulateur", "formulaire"])
def test_cas_particuliers_remplacent_les_ressources(lettre, attendu, source):
    if source == "simulateur":
        lu = pieces({"simulateur": {**FRANCAISE, "cas_particulier": lettre, "patrimoine_mobilier": 500}})
    else:
        lu = pieces(
            {
                "valeurs": {
                    "nationalite": "Française",
                    f"cas_particulier_{lettre.lower()}": True,
                    "epargne_oui": True,
                    "sans_avis": True,
                }
            }
        )
    textes = [p["piece"] for p in lu]
    assert any(t.startswith(attendu) for t in textes)
    assert any(f"cas {lettre}" in p["pourquoi"] for p in lu)
    # La notice : « Vous ne devez pas transmettre les pièces justificatives de vos ressources et de votre patrimoine ».
    assert not [p for p in lu if p["tableau"] == "Vos ressources et votre patrimoine"]
    assert contient(textes, DOMICILE)


def test_changement_de_situation():
    lu = liste(FRANCAISE, changement=True, changement_nature_separation=True)
    assert AVIS in lu and contient(lu, SIX_MOIS)
    assert contient(lu, "Tout justificatif de votre changement de situation")
    # Une perte d'emploi change les ressources, pas la famille : aucun papier de mariage ou de divorce.
    lu = liste({**FRANCAISE, "changement_situation": True})
    assert contient(lu, SIX_MOIS) and not contient(lu, "Tout justificatif de votre changement de situation")


def test_sans_avis_d_imposition():
    for lu in (
        liste({"nationalite": "francaise", "rfr": None, "revenus_6_mois": 4000}),
        liste(FRANCAISE, sans_avis=True),
    ):
        assert contient(lu, SIX_MOIS) and AVIS not in lu


def test_affaire_contre_un_membre_du_foyer():
    assert contient(liste(FRANCAISE, oppose_foyer=True, oppose_foyer_lien="époux"), SIX_MOIS)


def test_etranger_sans_dispense_de_residence():
    lu = pieces({"simulateur": {"nationalite": "autre", "residence_habituelle": True, "rfr": 9000}})
    residence = next(p for p in lu if p["piece"].startswith(RESIDENCE))
    assert "28 mai 2024" in residence["pourquoi"]  # la loi actuelle, pas le « régulière » du formulaire
    assert not any(p["piece"].startswith((CNI, IDENTITE_ETRANGER)) for p in lu)


@pytest.mark.parametrize("exception", ["mineur", "partie_civile", "beneficiaire_ordonnance_protection", "retention"])
def test_etranger_dispense_de_residence(exception):
    lu = liste({"nationalite": "autre", "exception_residence": exception, "rfr": 9000})
    assert contient(lu, IDENTITE_ETRANGER) and not contient(lu, RESIDENCE)


def test_etranger_dispense_par_les_cases_du_formulaire():
    lu = liste({}, hors_ue=True, exception_sejour_eloignement=True)
    assert contient(lu, IDENTITE_ETRANGER) and not contient(lu, RESIDENCE) and not contient(lu, CNI)


def test_nationalite_inconnue():
    lu = pieces({})
    assert [p for p in lu if "nationalité n'est pas indiquée" in p["pourquoi"]]


def test_patrimoine():
    lu = liste({**FRANCAISE, "patrimoine_mobilier": 3000, "patrimoine_immobilier": 50000})
    assert contient(lu, "Une pièce justificative précisant le montant de votre épargne")
    assert contient(lu, "Estimation de votre ou vos biens immobiliers")
    # N'être propriétaire que de sa résidence principale ne demande rien.
    lu = liste(FRANCAISE, proprietaire_oui=True, proprietaire_nombre="1", residence_principale_oui=True)
    assert not contient(lu, "Estimation")
    assert contient(liste(FRANCAISE, proprietaire_oui=True, residence_principale_non=True), "Estimation")


def test_procedure():
    lu = liste(
        FRANCAISE,
        procedure_juge_saisi=True,
        audience_date="14/01/2027",
        auxiliaire_choisi_avocat=True,
        honoraires_oui=True,
        honoraires_montant="300",
    )
    assert (
        contient(lu, "La convocation")
        and contient(lu, "La lettre d'acceptation")
        and contient(lu, "Tout document attestant du règlement")
    )
    appel = liste(FRANCAISE, procedure_deja_jugee=True, aj_anterieure_non=True, recours_adversaire_oui=True)
    assert contient(appel, "Copie de la décision rendue")
    assert not contient(
        liste(FRANCAISE, procedure_deja_jugee=True, aj_anterieure_oui=True, recours_adversaire_oui=True),
        "Copie de la décision rendue",
    )


def test_assurance_et_employeur():
    assert contient(
        liste(FRANCAISE, contrat_pj_non=True, protection_juridique_non=True), "Une attestation sur l'honneur"
    )
    refus = liste(FRANCAISE, contrat_pj_oui=True, protection_juridique_non=True)
    assert contient(refus, "Le formulaire de « demande d'intervention auprès de l'assureur »")
    assert not contient(refus, "Une attestation sur l'honneur")
    assert contient(liste({**FRANCAISE, "protection_juridique": "partielle"}), "Une attestation de l'assureur")
    assert contient(liste(FRANCAISE, employeur_refus=True), "Le refus écrit de votre employeur")


def test_contentieux_administratif():
    lu = pieces({"simulateur": FRANCAISE, "valeurs": {"contentieux_administratif": True}})
    assert len([p for p in lu if p["tableau"] == "Si votre procédure concerne un contentieux administratif"]) == 4


def test_enfants_a_charge_et_livret_de_famille():
    assert contient(liste(FRANCAISE, foyer_1_lien="Fille"), "Livret de famille")
    assert not contient(liste(FRANCAISE, foyer_1_lien="épouse"), "Livret de famille")


def test_pas_de_doublon_et_ordre_de_la_notice():
    lu = pieces({"simulateur": {**FRANCAISE, "cas_particulier": "B"}, "valeurs": {"cas_particulier_b": True}})
    assert len(lu) == len({(p["piece"], p["pourquoi"]) for p in lu})
    ordre = ["Votre état civil et vos informations personnelles", "Cas particuliers"]
    assert [p["tableau"] for p in lu] == sorted((p["tableau"] for p in lu), key=ordre.index)


@pytest.mark.parametrize(
    "entree, champ",
    [
        ({"simulateur": []}, "simulateur"),
        ({"valeurs": "x"}, "valeurs"),
        ({"autre": 1}, "autre"),
        ({"formulaire": "cerfa-15458"}, "formulaire"),
    ],
)
def test_entree_refusee(entree, champ):
    with pytest.raises(EntreeInvalide) as erreur:
        pieces(entree)
    assert erreur.value.champ == champ


# ── Les réponses du simulateur dans le formulaire ───────────────────────────


def test_prerempli_depuis_le_simulateur():
    resultat = prerempli(
        {
            "simulateur": {
                "personnes_foyer": 3,
                "rfr": 12345,
                "nationalite": "francaise",
                "protection_juridique": "aucune",
                "patrimoine_mobilier": 1500,
                "ordonnance_protection": True,
                "date_demande": "2026-11-29",
            }
        }
    )
    assert resultat["valeurs"] == {
        "nationalite": "Française",
        "foyer_nombre": "3",
        "rfr": "12 345",
        "epargne_oui": True,
        "epargne_montant": "1 500",
        "protection_juridique_non": True,
        "procedure_juge_souhaite": True,
        "juge_lequel": "Juge aux affaires familiales (ordonnance de protection)",
        "fait_le": "29/11/2026",
    }


def test_prerempli_etranger_sans_avis_cas_particulier():
    resultat = prerempli(
        {
            "simulateur": {
                "nationalite": "autre",
                "exception_residence": "transfert_dublin",
                "rfr": None,
                "revenus_6_mois": 4800,
                "cas_particulier": "C",
                "patrimoine_immobilier": 80000,
            }
        }
    )
    v = resultat["valeurs"]
    assert v["hors_ue"] and v["exception_sejour_transfert_asile"] and v["sans_avis"] and v["cas_particulier_c"]
    assert v["proprietaire_oui"] and "epargne_non" not in v and "nationalite" not in v
    # Montants jamais coupés en fin de ligne : espace fine insécable dans les milliers, insécable avant €.
    assert (
        "4\u202f800\u00a0€" in resultat["rappels"]["ressources"]
        and "80\u202f000\u00a0€" in resultat["rappels"]["biens"]
    )
    assert "répartissez-les" in resultat["rappels"]["ressources"]  # plusieurs au foyer : on demande qui a gagné quoi
    assert resultat["replis"] == {}  # un cas particulier : rien de replié, la personne voit ce qu'elle a coché


def test_prerempli_seul_dans_son_foyer_sa_ligne_remplie_et_le_deja_repondu_replie():
    """Karim : seul dans son foyer, 7 800 € sur six mois donnés au simulateur : sa propre ligne du tableau
    du formulaire est remplie (les colonnes du conjoint et des enfants ne s'appliquent pas, l'entretien les
    cache), les cas particuliers et l'assurance auxquels il a déjà répondu sont repliés sous une ligne chacun."""
    resultat = prerempli(
        {
            "simulateur": {
                "personnes_foyer": 1,
                "changement_situation": True,
                "revenus_6_mois": 7800,
                "nationalite": "francaise",
                "protection_juridique": "aucune",
            }
        }
    )
    v = resultat["valeurs"]
    assert v["ressources_salaires_vous"] == "7 800" and v["changement"] and v["foyer_nombre"] == "1"
    assert not any(nom.endswith(("_conjoint", "_enfants")) for nom in v)
    assert (
        "7\u202f800\u00a0€" in resultat["rappels"]["ressources"]
        and "première ligne" in resultat["rappels"]["ressources"]
    )
    assert set(resultat["replis"]) == {"rubrique:cas_particuliers", "protection_juridique"}


@pytest.mark.pdf
def test_prerempli_donne_des_valeurs_que_le_pdf_accepte(pdf_vierge):
    from pyscripts.formulaires import remplir

    for simulateur in (
        {"personnes_foyer": 2, "rfr": 9000, "nationalite": "francaise", "date_demande": "2026-11-29"},
        {"nationalite": "autre", "exception_residence": "crpc", "rfr": None, "protection_juridique": "partielle"},
    ):
        valeurs = prerempli({"simulateur": simulateur})["valeurs"]
        remplir({"formulaire": "cerfa-16146", "valeurs": valeurs}, pdf_vierge["cerfa-16146"])


def test_prerempli_refuse_un_nombre_faux():
    with pytest.raises(EntreeInvalide) as erreur:
        prerempli({"simulateur": {"rfr": "beaucoup"}})
    assert erreur.value.champ == "simulateur.rfr"
