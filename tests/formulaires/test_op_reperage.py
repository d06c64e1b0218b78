"""La forme normalisée d'un texte (pyscripts/op/normalisation.py) et les éléments de l'adresse cachée
qu'on y reconnaît (pyscripts/op/reperage.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyscripts.op.normalisation import LIMITE, REFERENCE, jetons
from pyscripts.op.reperage import Adresse, signaux
from tests.fixtures import proprietes  # noqa: F401  (profil hypothesis des moteurs)


@pytest.mark.parametrize(
    "texte, attendu",
    [
        ("12, R. des Lilas", f"12 {LIMITE} rue des lilas"),
        ("douze rue des lilas", "12 rue des lilas"),
        ("12bis rue des Lilas", "12 rue des lilas"),
        ("12 ter av. Jean Jaurès", "12 avenue jean jaures"),
        ("12 B rue", "12 rue"),
        ("١٢ rue des Lilas", "12 rue des lilas"),
        ("१२ rue", "12 rue"),  # devanagari
        ("12 rue des Li\u00adlas", "12 rue des lilas"),  # césure conditionnelle
        ("12\u2011rue\u00a0des\u202fLilas", "12 rue des lilas"),  # trait d'union et espaces insécables
        ("Lіlas", "lilas"),  # « і » cyrillique
        ("rue des Lilas, n° 12", f"rue des lilas {LIMITE} no 12"),
        ("nº 12", "no 12"),
        ("69 003 Lyon", "69 003 lyon"),
        ("2A004 Ajaccio", "2a004 ajaccio"),
        ("Procès-verbal n° 75011/2025", f"pv no {REFERENCE}"),
        ("le 14.03.2025", f"le {REFERENCE}"),
        ("Il me doit 15000 €.", "il me doit 15000 euros"),
        ("Bâtiment C, 3ème étage", f"batiment c {LIMITE} 3e etage"),
        ("troisième étage", "3e etage"),
        ("1er étage", "1e etage"),
        ("Bât. C, appt 34", f"batiment c {LIMITE} appartement 34"),
        ("quatre-vingt-dix-sept bd Victor-Hugo", "97 boulevard victor hugo"),
        ("soixante et onze", "71"),
        ("deux cent trois", "203"),
        ("trois mille deux cent", "3200"),
        ("dix mille", "dix mille"),  # au-delà de la borne : des mots
        ("un homme", "un homme"),  # « un » seul reste l'article
        ("vingt et un", "21"),
        ("le 12. Des lilas", f"le 12 {LIMITE} des lilas"),
        ("rez-de-chaussée, rond-point, lieu-dit", f"rdc {LIMITE} rondpoint {LIMITE} lieudit"),
        ("St-Jean, av. du Gal de Gaulle", f"saint jean {LIMITE} avenue du general de gaulle"),
        ("20h30", "20 h 30"),
        ("#ref 12", "ref 12"),  # personne ne fabrique une référence
    ],
)
def test_jetons(texte, attendu):
    assert " ".join(jetons(texte)) == attendu


ZOLA = Adresse.depuis(
    {
        "requerant_adresse": "12 bis, rue Émile-Zola",
        "requerant_adresse_complement": "Bâtiment C, appartement 34",
        "requerant_code_postal": "69 003",
        "requerant_commune": "Lyon",
    }
)


@pytest.mark.parametrize(
    "cachee, attendue",
    [
        (
            {"requerant_adresse": "12 bis, rue Émile-Zola", "requerant_code_postal": "69 003"},
            Adresse(numero="12", voie="rue", nom=("emile", "zola"), code_postal="69003"),
        ),
        (
            {"requerant_adresse": "Bât. B, 3 allée des Tilleuls 33000 Bordeaux"},
            Adresse(numero="3", voie="allee", nom=("tilleuls",), complements=(("batiment", "b"),), code_postal="33000"),
        ),
        ({"requerant_adresse": "Les Hauts de Chantemerle"}, Adresse(nom=("hauts", "chantemerle"))),
        ({"requerant_adresse": "4 Les Hauts de Chantemerle"}, Adresse(numero="4", nom=("hauts", "chantemerle"))),
        ({"requerant_adresse": "Lieu-dit La Combe"}, Adresse(voie="lieudit", nom=("combe",))),
        ({"requerant_commune": "Saint-Étienne"}, Adresse(commune=("saint", "etienne"))),
        ({"requerant_code_postal": "2A 004"}, Adresse(code_postal="2a004")),
    ],
)
def test_l_adresse_decomposee(cachee, attendue):
    assert Adresse.depuis(cachee) == attendue


def test_verifiable_seulement_avec_un_element_precis():
    assert ZOLA.verifiable()
    assert not Adresse.depuis({"requerant_commune": "Lyon"}).verifiable()
    assert not Adresse.depuis({}).verifiable()


def _genres(texte: str, adresse: Adresse = ZOLA) -> list[str]:
    return [s.genre for s in signaux(texte, adresse)]


@pytest.mark.parametrize(
    "texte, genres",
    [
        ("au 12 Zola", ["numero_et_voie"]),
        ("rue Zola", ["voie"]),
        ("Émile Zola", ["nom"]),
        ("E. Zola", ["nom"]),
        ("Zola", []),  # le dernier mot seul : un écrivain
        ("Émile", []),
        ("69003", ["code_postal"]),
        ("Lyon 69003", ["code_postal"]),
        ("plainte 69003", []),
        ("04 69 00 31 22", []),
        ("appartement 34", ["complement"]),
        ("l'appartement 34 fois", []),
        ("Lyon", ["commune"]),
        ("", []),
    ],
)
def test_signaux(texte, genres):
    assert _genres(texte) == genres


def test_code_postal_avec_la_commune():
    (signal,) = signaux("69 003 Lyon", ZOLA)
    assert signal.genre == "code_postal" and signal.avec_commune
    (signal,) = signaux("Lyon (69003)", ZOLA)
    assert signal.avec_commune


def test_un_nom_courant_sur_une_place_est_marque_commun():
    """« sur la place de la mairie » : un lieu public, peut-être ; « rue de la Mairie » : sa rue."""
    mairie = Adresse.depuis({"requerant_adresse": "1 place de la Mairie"})
    (signal,) = signaux("sur la place de la mairie", mairie)
    assert signal.genre == "voie" and signal.commun
    (signal,) = signaux("dans la rue de la Mairie", mairie)
    assert signal.genre == "voie" and not signal.commun
    assert _genres("à la mairie", mairie) == []
    assert _genres("au 1 de la Mairie", mairie) == ["numero_et_voie"]


@pytest.mark.parametrize(
    "cachee, texte",
    [
        ("12 rue des Lilas", "rue des Lila"),  # le pluriel oublié
        ("3 allée du Tilleul", "allée des Tilleuls"),
        ("4 chemin de Chantemerle", "chemin de Chantemerl"),  # une lettre oubliée
        ("4 chemin de Chantemerle", "chemin de Chantemerles"),
        ("4 chemin de Chantemerle", "chemin de Chantemarle"),  # une lettre changée
        ("5 rue Pasteur", "rue Paster"),
    ],
)
def test_un_pluriel_ou_une_faute_de_frappe(cachee, texte):
    assert "voie" in _genres(texte, Adresse.depuis({"requerant_adresse": cachee}))


@pytest.mark.parametrize(
    "cachee, texte, genres",
    [
        ("12 rue Zola", "rue Zolla", ["voie"]),
        ("12 rue des Lilas", "dans la rue des Lillas", ["voie"]),
        ("12 rue Zola", "au 12 rue Zolla", ["numero_et_voie", "voie"]),
        ("12 rue des Lilas", "12, rue des Lilias", ["numero_et_voie", "voie"]),
    ],
)
def test_un_nom_court_a_une_faute_pres_derriere_un_type_de_voie(cachee, texte, genres):
    """Moins de 6 lettres : une faute de frappe n'est lue que derrière un type de voie ou un numéro, qui
    disent déjà qu'il s'agit d'une adresse ; la voie seule est alors marquée `approche` (peut-être une
    autre rue : à confirmer), le numéro et la voie restent refusés."""
    adresse = Adresse.depuis({"requerant_adresse": cachee})
    trouves = signaux(texte, adresse)
    assert [s.genre for s in trouves] == genres
    assert all(s.approche for s in trouves if s.genre == "voie")
    assert _genres(texte.replace("rue", "a vu"), adresse) == []  # sans le type de voie : le nom seul, rien


@pytest.mark.parametrize(
    "cachee, texte",
    [
        ("12 rue Zola", "Zolla"),  # moins de 6 lettres, sans type de voie : à l'identique (au pluriel près)
        ("12 rue Zola", "rue Zorro"),  # deux lettres
        ("4 chemin de Chantemerle", "chemin de Chantepie"),
        ("5 rue Pasteur", "rue Pastorale"),
    ],
)
def test_pas_de_rapprochement_trop_large(cachee, texte):
    assert _genres(texte, Adresse.depuis({"requerant_adresse": cachee})) == []


# ── Propriétés ───────────────────────────────────────────────────────────────────

ECRITURES_DE_LA_RUE = [
    str.upper,
    str.lower,
    lambda t: "".join(c for c in unicodedata.normalize("NFD", t) if unicodedata.category(c) != "Mn"),
    lambda t: unicodedata.normalize("NFD", t),
    lambda t: t.replace(" ", "\u00a0"),
    lambda t: t.replace("-", "\u2011"),
    lambda t: t.replace("rue", "r."),
    lambda t: t.replace("12", "douze"),
    lambda t: t.replace("12", "١٢"),
    lambda t: t.replace("12", "12 bis"),
]


@given(
    avant=st.text(st.characters(codec="utf-8", exclude_characters="0123456789"), max_size=40),
    apres=st.text(st.characters(codec="utf-8", exclude_characters="0123456789"), max_size=40),
    ecritures=st.lists(st.sampled_from(ECRITURES_DE_LA_RUE), max_size=4),
)
def test_la_rue_est_reconnue_dans_n_importe_quel_texte(avant, apres, ecritures):
    """« 12 rue Émile-Zola », transformée de plusieurs façons à la fois, entourée de n'importe quoi."""
    rue = "12 rue Émile-Zola"
    for ecriture in ecritures:
        rue = ecriture(rue)
    assert "voie" in _genres(f"{avant} {rue} {apres}")


@given(st.text(max_size=300))
def test_n_importe_quel_texte_se_lit_sans_erreur(texte):
    jetons(texte)
    signaux(texte, ZOLA)
    Adresse.depuis({"requerant_adresse": texte, "requerant_adresse_complement": texte, "requerant_code_postal": texte})
