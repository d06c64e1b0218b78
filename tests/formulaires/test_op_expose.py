"""L'exposé des faits (chronologie triée, numérotée, renvois aux pièces) et le bordereau."""

from __future__ import annotations

from datetime import date

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.op.expose import Date, construit, periode
from pyscripts.op.requete import expose, prepare

AUJOURDHUI = date(2026, 11, 29)

CHRONOLOGIE = [
    {
        "date": "2025-03-14",
        "lieu": "au domicile",
        "faits": "Il m'a giflée devant les enfants",
        "temoins": ["Mme A., voisine"],
        "piece": ["certificat", "Récépissé de plainte du 15 mars 2025"],
    },
    {
        "periode": {"du": "2024-04", "au": "2024-06"},
        "faits": "Insultes et menaces par SMS chaque semaine.",
        "piece": "captures",
    },
    {"periode": {"du": "2023"}, "faits": "Il contrôle toutes mes dépenses."},
    {"date": "01/02/2025", "faits": "Il a cassé mon téléphone.", "piece": 1},
]
PIECES = [
    {"id": "certificat", "designation": "Certificat médical du Dr B. du 14 mars 2025"},
    {"id": "captures", "designation": "Captures d'écran des SMS (avril à juin 2024)"},
    "Copie intégrale de l'acte de mariage",
]


def _construit(chronologie=CHRONOLOGIE, danger="Il a dit qu'il me retrouverait.", pieces=PIECES):
    return construit(chronologie, danger, pieces, AUJOURDHUI)


def test_faits_tries_par_date_et_numerotes():
    paragraphes = _construit()["expose"]["paragraphes"]
    assert [p["numero"] for p in paragraphes] == [1, 2, 3, 4]
    assert [p["saisi_en"] for p in paragraphes] == [3, 2, 4, 1]
    assert [p["quand"] for p in paragraphes] == [
        "Depuis 2023",
        "D'avril à juin 2024",
        "Le 1er février 2025",
        "Le 14 mars 2025",
    ]


def test_bordereau_numerote_dans_l_ordre_des_citations():
    bordereau = _construit()["bordereau"]
    assert [(p["numero"], p["designation"]) for p in bordereau] == [
        (1, "Captures d'écran des SMS (avril à juin 2024)"),
        (2, "Certificat médical du Dr B. du 14 mars 2025"),
        (3, "Récépissé de plainte du 15 mars 2025"),  # désignée dans la chronologie : ajoutée
        (4, "Copie intégrale de l'acte de mariage"),  # jamais citée : à la fin
    ]
    assert bordereau[1]["citee_par"] == [3, 4] and bordereau[3]["citee_par"] == []


def test_renvois_aux_pieces_dans_l_expose():
    texte = _construit()["expose"]["texte"].split("\n")
    assert texte[1] == "2. D'avril à juin 2024 : Insultes et menaces par SMS chaque semaine. (pièce n° 1)"
    assert texte[3] == (
        "4. Le 14 mars 2025, au domicile : Il m'a giflée devant les enfants. "
        "Témoin : Mme A., voisine. (pièces n° 2 et 3)"
    )
    assert texte[4] == "Le danger aujourd'hui : Il a dit qu'il me retrouverait."


def test_la_meme_piece_par_identifiant_designation_ou_numero():
    chronologie = [
        {"date": "2025-01-01", "faits": "a", "piece": "CERTIFICAT"},
        {"date": "2025-01-02", "faits": "b", "piece": "certificat médical du dr b.  du 14 mars 2025"},
        {"date": "2025-01-03", "faits": "c", "piece": 1},
    ]
    bordereau = _construit(chronologie)["bordereau"]
    assert bordereau[0]["citee_par"] == [1, 2, 3] and len(bordereau) == 3


@pytest.mark.parametrize(
    "debut, fin, texte",
    [
        ((2025, 3, 3), (2025, 3, 9), "du 3 au 9 mars 2025"),
        ((2025, 3, 1), (2025, 3, 9), "du 1er au 9 mars 2025"),
        ((2024, 8), (2024, 10), "d'août à octobre 2024"),
        ((2025, 3, 3), (2025, 6, 9), "du 3 mars au 9 juin 2025"),
        ((2024, 3, 3), (2025, 6, 9), "du 3 mars 2024 au 9 juin 2025"),
        ((2023,), (2025, 3, 14), "de 2023 au 14 mars 2025"),
        ((2023,), (2024,), "de 2023 à 2024"),
    ],
)
def test_periodes_en_francais(debut, fin, texte):
    assert periode(Date(*debut), Date(*fin)) == texte


@pytest.mark.parametrize(
    "fait, champ, extrait",
    [
        ({"date": "2027-01-01", "faits": "x"}, "chronologie.1.date", "futur"),
        ({"date": "2025-02-30", "faits": "x"}, "chronologie.1.date", "n'existe pas"),
        ({"date": "hier", "faits": "x"}, "chronologie.1.date", "n'est pas une date"),
        ({"faits": "x"}, "chronologie.1.date", "Indiquez une date"),
        ({"date": "2025-01-01"}, "chronologie.1.faits", "obligatoire"),
        ({"date": "2025-01-01", "periode": {"du": "2024"}, "faits": "x"}, "chronologie.1.date", "pas les deux"),
        ({"periode": {"du": "2025-03", "au": "2025-01"}, "faits": "x"}, "chronologie.1.periode.au", "avant son début"),
        ({"date": "2025-01-01", "faits": "x", "heure": "8h"}, "chronologie.1.heure", "Champ inconnu"),
        ({"date": "2025-01-01", "faits": "x", "piece": 9}, "chronologie.1.piece", "n'existe pas"),
        ({"date": "2025-01-01", "faits": "x" * 7000}, "chronologie.1.faits", "trop long"),
    ],
)
def test_chronologie_invalide(fait, champ, extrait):
    with pytest.raises(EntreeInvalide) as exc:
        _construit([fait])
    assert exc.value.champ == champ and extrait in exc.value.message


def test_pieces_invalides():
    with pytest.raises(EntreeInvalide) as exc:
        _construit([], pieces=[{"id": "a", "designation": "x"}, {"id": "a", "designation": "y"}])
    assert exc.value.champ == "pieces.2.id"
    with pytest.raises(EntreeInvalide) as exc:
        _construit([], pieces=[{"titre": "x"}])
    assert exc.value.champ == "pieces.1.titre"


def test_expose_court_dans_le_champ_du_formulaire():
    r = prepare({"chronologie": CHRONOLOGIE, "pieces": PIECES, "aujourdhui": "2026-11-29"})
    assert r["valeurs"]["expose_faits"] == r["expose"]["texte"]
    assert r["valeurs"]["pieces_1_numero"] == "1"
    assert r["valeurs"]["pieces_4_designation"] == "Copie intégrale de l'acte de mariage"
    assert "pieces_5_numero" not in r["valeurs"]


def test_expose_long_renvoie_a_l_annexe():
    long = [
        {"date": f"2025-01-{j:02d}", "faits": "Il m'a suivie jusqu'au travail et m'a menacée. " * 3}
        for j in range(1, 20)
    ]
    r = prepare({"chronologie": long, "aujourdhui": "2026-11-29"})
    assert r["valeurs"]["expose_faits"] == r["expose"]["texte"]  # le remplissage le mesure à sa case
    resume = r["impression"]["si_deborde"]["expose_faits"]
    assert resume["texte"].startswith("Les faits sont exposés dans l'annexe")
    assert "19 faits numérotés, du 1er au 19 janvier 2025" in resume["texte"]
    assert len(resume["annexe"]["blocs"]) == 19  # tout l'exposé, un paragraphe par fait


def test_bordereau_trop_long_pour_le_tableau():
    pieces = [f"Pièce {i}" for i in range(1, 16)]
    valeurs = prepare({"pieces": pieces, "aujourdhui": "2026-11-29"})["valeurs"]
    assert valeurs["pieces_11_designation"] == "Pièce 11"
    assert valeurs["pieces_12_numero"] == "12 à 15"
    assert valeurs["pieces_12_designation"] == "4 autres pièces : voir le bordereau complet joint, page {page}"


def test_commande_expose_meme_entree_que_remplir():
    entree = {
        "formulaire": "cerfa-15458",
        "valeurs": {"situation_maries": True},
        "mesures": ["logement_conjugal"],
        "chronologie": CHRONOLOGIE,
        "danger": "x",
        "pieces": PIECES,
        "aujourdhui": "2026-11-29",
    }
    r = expose(entree)
    assert set(r) == {"expose", "bordereau", "avertissements"}
    assert r["expose"]["paragraphes"][0]["numero"] == 1 and len(r["bordereau"]) == 4
