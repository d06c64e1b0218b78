"""L'adresse cachée : aucune valeur de l'adresse n'arrive dans la requête (valeurs, texte et champs du PDF)."""

from __future__ import annotations

import copy
import io
import subprocess

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires import remplir
from pyscripts.op.requete import prepare

ADRESSE = {
    "requerant_adresse": "12 rue des Lilas",
    "requerant_adresse_complement": "Bâtiment C, 3e étage",
    "requerant_code_postal": "69003",
    "requerant_commune": "Lyon",
    "requerant_pays": "France",
}
ELECTION = {
    "election_procureur": True,
    "election_procureur_adresse": "Tribunal judiciaire de Lyon, 67 rue Servient, 69003 Lyon",
}
COMPLET = {
    "valeurs": {
        **ADRESSE,
        **ELECTION,
        "adresse_cachee": True,
        "situation_maries": True,
        "enfants_communs_oui": True,
        "enfants_1_nom_prenoms": "Léa Martin",
        "enfants_1_vit_avec_vous": "oui",
        "requerant_nom": "Martin",
        "requerant_prenoms": "Julie",
        "defendeur_nom": "Martin",
        "defendeur_prenoms": "Paul",
        "defendeur_adresse": "4 impasse des Roses",
        "defendeur_code_postal": "69100",
        "defendeur_commune": "Villeurbanne",
        "lieux_precisions": "Mon domicile, mon lieu de travail et l'école de Léa.",
        "bracelet_raisons": "Il m'attend à la sortie de mon travail.",
        "residence_enfants": "Chez moi.",
        "tribunal": "Lyon",
        "fait_a": "Villeurbanne",
        "fait_le": "29/11/2026",
    },
    "mesures": ["interdiction_contact", "interdiction_lieux", "bracelet", "residence_enfants", "logement_conjugal"],
    "chronologie": [
        {
            "date": "2025-03-14",
            "lieu": "au domicile",
            "faits": "Il m'a giflée.",
            "piece": "Certificat médical du 14 mars 2025",
        }
    ],
    "danger": "Il a dit qu'il reviendrait.",
    "aujourdhui": "2026-11-29",
}


def _avec(**valeurs):
    entree = {**COMPLET, "valeurs": {**COMPLET["valeurs"], **valeurs}}
    return entree


def _refus(entree) -> EntreeInvalide:
    with pytest.raises(EntreeInvalide) as exc:
        prepare(entree)
    return exc.value


def test_les_champs_de_l_adresse_sont_retires():
    r = prepare(COMPLET)
    for nom in ADRESSE:
        assert nom not in r["valeurs"]
    assert r["adresse_cachee"] is True
    tout = repr(r)
    for valeur in ("12 rue des Lilas", "Bâtiment C", "69003 Lyon"[:5] + " ", "Lilas"):
        assert valeur not in tout.replace("Tribunal judiciaire de Lyon, 67 rue Servient, 69003 Lyon", "")


def test_sans_la_case_l_adresse_reste():
    entree = _avec(adresse_cachee=False, election_procureur=False, election_procureur_adresse="")
    r = prepare(entree)
    assert r["valeurs"]["requerant_adresse"] == "12 rue des Lilas"
    assert r["avertissements"] == []


def test_l_election_de_domicile_est_obligatoire():
    erreur = _refus(_avec(election_procureur=False))
    assert erreur.champ == "election_avocat" and "515-11 6°" in erreur.message
    erreur = _refus(_avec(election_procureur_adresse=" "))
    assert erreur.champ == "election_procureur_adresse"
    erreur = _refus(_avec(election_procureur=False, election_avocat=True))
    assert erreur.champ == "election_avocat_coordonnees"


@pytest.mark.parametrize(
    "champ, texte",
    [
        ("lieux_precisions", "Mon domicile au 12, rue des Lilas."),
        ("bracelet_raisons", "J'habite 12 RUE DES LILAS depuis un an."),
        ("expose_faits", "Il est venu au 12 rue des Lilas."),
        ("autres_demandes", "Qu'il ne vienne plus rue des Lilas."),
    ],
)
def test_l_adresse_cachee_reprise_dans_un_texte_est_refusee(champ, texte):
    erreur = _refus(_avec(**{champ: texte}))
    assert erreur.champ == champ and "cacher" in erreur.message and "« à mon domicile »" in erreur.message
    assert "Lilas" not in erreur.message  # l'erreur ne répète pas l'adresse


@pytest.mark.parametrize(
    "champ, texte, element",
    [
        ("autres_demandes", "Qu'il ne vienne plus au bâtiment C, 3e étage.", "complement"),
        ("residence_enfants", "Chez moi, 69003.", "code_postal"),
        ("lieux_precisions", "Il m'attend rue des Lillas.", "voie"),  # une faute de frappe : peut-être une autre rue
        ("lieux_precisions", "Le square des Lilas, en face.", None),  # un autre type de voie : la rue
    ],
)
def test_un_signal_faible_est_a_confirmer(champ, texte, element):
    if element is None:
        assert _refus(_avec(**{champ: texte})).champ == champ
        return
    r = prepare(_avec(**{champ: texte}))
    (avertissement,) = [a for a in r["avertissements"] if a["champ"] == champ]
    assert avertissement == {
        "champ": champ,
        "message": avertissement["message"],
        "confirmer": f"{champ}:{element}",
        "confirme": False,
    }
    assert "« à mon domicile »" in avertissement["message"] and "confirmez" in avertissement["message"]
    entree = {**_avec(**{champ: texte}), "confirmations": [f"{champ}:{element}"]}
    assert [a["confirme"] for a in prepare(entree)["avertissements"] if a["champ"] == champ] == [True]


def test_la_premiere_erreur_est_celle_de_l_etape_la_plus_tot():
    """La page arrête la personne à l'étape du premier refus : l'ordre est celui des étapes de la page."""
    entree = _avec(requerant_profession="Vendeuse, 12 rue des Lilas", lieux_precisions="12 rue des Lilas")
    entree["chronologie"] = [{"date": "2025-03-14", "lieu": "12 rue des Lilas", "faits": "x"}]
    assert _refus(entree).champ == "requerant_profession"
    entree["valeurs"]["election_procureur_adresse"] = "12 rue des Lilas"
    assert _refus(entree).champ == "election_procureur_adresse"  # étape 1, avec la case
    entree = _avec(tribunal="Lyon, 12 rue des Lilas")
    entree["chronologie"] = [{"date": "2025-03-14", "lieu": "12 rue des Lilas", "faits": "x"}]
    assert _refus(entree).champ == "chronologie.1.lieu"  # le tribunal est demandé à la dernière étape


def test_l_expose_tire_des_faits_est_verifie_lui_aussi():
    """Deux morceaux anodins saisis séparément, réunis par l'exposé : « au 12 : des Lilas… »."""
    faits = {"date": "2025-03-14", "faits": "Des Lilas fanés."}
    seuls = prepare({**COMPLET, "chronologie": [faits]})["avertissements"]
    assert [a["confirmer"] for a in seuls if a.get("confirmer")] == ["chronologie.1.faits:nom"]
    assert _refus({**COMPLET, "chronologie": [{**faits, "lieu": "au 12"}]}).champ == "chronologie"


def test_l_election_de_domicile_attend_l_adresse_du_tribunal_pas_la_sienne():
    erreur = _refus(_avec(election_procureur_adresse="12 rue des Lilas, 69003 Lyon"))
    assert erreur.champ == "election_procureur_adresse" and "propre adresse" in erreur.message
    assert "tribunal" in erreur.message
    erreur = _refus(
        _avec(
            election_procureur=False,
            election_procureur_adresse="",
            election_avocat=True,
            election_avocat_coordonnees="Me Dupont, 12 rue des Lilas",
        )
    )
    assert erreur.champ == "election_avocat_coordonnees" and "avocat" in erreur.message
    # Le tribunal dans sa rue : à confirmer ; son code postal, sa commune : rien.
    r = prepare(_avec(election_procureur_adresse="Tribunal, 40 rue des Lilas, 69003 Lyon"))
    assert [a["confirmer"] for a in r["avertissements"] if a["champ"] == "election_procureur_adresse"] == [
        "election_procureur_adresse:voie"
    ]


def test_l_adresse_du_defendeur_identique_a_la_sienne_s_explique():
    r = prepare(_avec(defendeur_adresse="12, rue des Lilas", defendeur_code_postal="69003", defendeur_commune="Lyon"))
    (a,) = [a for a in r["avertissements"] if a["champ"] == "defendeur_adresse"]
    assert a["confirmer"].startswith("defendeur_adresse:") and not a["confirme"]
    assert "est la vôtre" in a["message"] and "vivez encore ensemble" in a["message"]
    assert "dernière adresse connue" in a["message"]
    assert not [a for a in r["avertissements"] if a["champ"] in ("defendeur_code_postal", "defendeur_commune")]


def test_adresse_verifiee_seulement_si_elle_a_ete_donnee():
    assert prepare(COMPLET)["adresse_verifiee"] is True
    sans = {**COMPLET, "valeurs": {k: v for k, v in COMPLET["valeurs"].items() if k not in ADRESSE}}
    r = prepare(sans)
    assert r["adresse_cachee"] is True and r["adresse_verifiee"] is False
    commune_seule = {**sans, "valeurs": {**sans["valeurs"], "requerant_commune": "Lyon"}}
    assert prepare(commune_seule)["adresse_verifiee"] is False  # la commune seule ne vérifie rien
    assert prepare(_avec(adresse_cachee=False, election_procureur=False))["adresse_verifiee"] is False


@pytest.mark.parametrize("confirmations", ["lieux_precisions:nom", [1], {"a": 1}])
def test_les_confirmations_mal_donnees_sont_refusees(confirmations):
    erreur = _refus({**COMPLET, "confirmations": confirmations})
    assert erreur.champ == "confirmations" and "liste" in erreur.message


def test_l_adresse_est_retiree_meme_si_la_definition_perd_son_sauf_si():
    from pyscripts.formulaires.definition import lit_formulaire
    from pyscripts.op import adresse

    definition = copy.deepcopy(lit_formulaire("cerfa-15458"))
    for rubrique in definition["rubriques"]:
        rubrique.pop("sauf_si", None)
    valeurs, cachee = adresse.retire({**ADRESSE, "adresse_cachee": True, "requerant_nom": "Martin"}, definition)
    assert valeurs == {"adresse_cachee": True, "requerant_nom": "Martin"} and cachee == ADRESSE


def test_la_definition_garde_ce_qui_cache_l_adresse():
    from pyscripts.formulaires.definition import lit_formulaire
    from pyscripts.op import adresse

    definition = copy.deepcopy(lit_formulaire("cerfa-15458"))
    assert adresse.problemes_definition(definition) == []
    (rubrique,) = [r for r in definition["rubriques"] if r["id"] == "requerant_adresse"]
    rubrique.pop("sauf_si")
    rubrique["champs"] = [c for c in rubrique["champs"] if c["nom"] != "requerant_code_postal"]
    messages = [m for _, m in adresse.problemes_definition(definition)]
    assert any("sauf_si: [adresse_cachee]" in m and "« requerant_adresse »" in m for m in messages)
    assert any("« requerant_code_postal » a disparu" in m for m in messages)


def test_l_adresse_cachee_dans_la_chronologie_ou_les_pieces_est_refusee():
    entree = {**COMPLET, "chronologie": [{"date": "2025-03-14", "lieu": "12 rue des Lilas", "faits": "Il m'a giflée."}]}
    assert _refus(entree).champ == "chronologie.1.lieu"
    entree = {**COMPLET, "pieces": ["Quittance de loyer du 12 rue des Lilas"]}
    assert _refus(entree).champ == "pieces.1.designation"
    entree = {
        **COMPLET,
        "chronologie": [{"date": "2025-03-14", "faits": "x", "piece": "Photo devant le 12 rue des Lilas"}],
    }
    assert _refus(entree).champ == "chronologie.1.piece"


def test_une_autre_adresse_donne_un_avertissement_sans_confirmation():
    r = prepare(_avec(lieux_precisions="Mon travail au 8 avenue Jean Jaurès, et l'école rue Victor Hugo."))
    messages = [a for a in r["avertissements"] if a["champ"] == "lieux_precisions"]
    assert len(messages) == 1 and "8 avenue Jean Jaurès" in messages[0]["message"]
    assert "confirmer" not in messages[0]


@pytest.mark.parametrize("texte", ["Il m'a suivie dans la rue.", "Il me doit 15000 €.", "Le 12 mars, il a crié."])
def test_pas_d_avertissement_sans_adresse(texte):
    r = prepare(_avec(autres_demandes=texte))
    assert not [a for a in r["avertissements"] if a["champ"] == "autres_demandes"]


def test_telephone_courriel_et_commune_avertis():
    r = prepare(_avec(requerant_telephone="06 00 00 00 00", requerant_courriel="j@example.org", fait_a="Lyon"))
    champs = {a["champ"] for a in r["avertissements"]}
    assert {"requerant_telephone", "requerant_courriel", "fait_a"} <= champs


# ── Sur le PDF rempli ────────────────────────────────────────────────────────────


@pytest.mark.pdf
def test_aucune_valeur_de_l_adresse_dans_le_pdf_rempli(pdf_vierge):
    """Par le vrai chemin de `remplir` (pyscripts.formulaires → op.prepare → pypdf)."""
    pdf = remplir({"formulaire": "cerfa-15458", **COMPLET}, pdf_vierge["cerfa-15458"])
    from pypdf import PdfReader

    lecteur = PdfReader(io.BytesIO(pdf))
    champs = {nom: str(champ.get("/V", "")) for nom, champ in lecteur.get_fields().items()}
    assert champs["adresse_cachee"] == "/on" and champs["lieux_precisions"].startswith("Mon domicile")
    for nom in ADRESSE:
        assert champs[nom] in ("", "None"), nom
    texte = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Lilas" not in texte and "Bâtiment C" not in texte
    assert "Mon domicile, mon lieu de travail" in " ".join(texte.split())  # le texte rempli est bien lisible
    for valeur in ("12 rue des Lilas", "Bâtiment C, 3e étage"):
        assert valeur not in "".join(champs.values())


@pytest.mark.pdf
def test_sans_la_case_l_adresse_est_dans_le_pdf(pdf_vierge):
    """Contre-épreuve : le test précédent échouerait si l'adresse n'était pas retirée."""
    entree = _avec(adresse_cachee=False, election_procureur=False, election_procureur_adresse="")
    pdf = remplir({"formulaire": "cerfa-15458", **entree}, pdf_vierge["cerfa-15458"])
    texte = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "12 rue des Lilas" in texte
