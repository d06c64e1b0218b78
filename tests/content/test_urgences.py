"""content/data/urgences.yml : ce que montrent le pied de page, l'accueil et « Se faire aider ».
Chaque numéro dit s'il est gratuit, quand il répond, d'où cela vient et quand ce fut vérifié, et
les numéros dont une personne a besoin d'abord sont là."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.fixtures.chemins import REPO

DATA = REPO / "content" / "data" / "urgences.yml"
CHAMPS_AFFICHES = ("numero", "libelle", "quand")


def _entrees() -> list[dict]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return data["urgence"] + data["ecoute"] + data.get("acces_au_droit", [])


@pytest.mark.parametrize("entree", _entrees(), ids=lambda e: str(e["numero"]))
def test_chaque_numero_est_source_date_gratuit_et_horaire(entree):
    for champ in CHAMPS_AFFICHES:
        assert str(entree[champ]).strip(), champ
    assert isinstance(entree["gratuit"], bool)
    assert str(entree["horaires"]).strip()
    assert entree["source"]["titre"].strip()
    if "url" in entree["source"]:
        assert entree["source"]["url"].startswith("https://")
    assert isinstance(entree["verifie_le"], dt.date)
    assert entree["verifie_le"] >= dt.date(2026, 11, 29)
    assert set(entree) <= {
        *CHAMPS_AFFICHES,
        "id",
        "lien",
        "gratuit",
        "horaires",
        "source",
        "verifie_le",
        "note",
        "langues",
    }
    if "langues" in entree:  # le 3919 répond en de nombreuses langues : ce nombre a sa propre source
        assert entree["langues"]["source"]["titre"].strip() and isinstance(entree["langues"]["verifie_le"], dt.date)


def test_la_source_d_un_numero_d_urgence_n_est_plus_la_seule_brochure():
    """17, 112, 114, 15 et 18 ne sont plus sourcés par la seule brochure du CIDFF."""
    for entree in _entrees():
        assert "Brochure CIDFF" not in entree["source"]["titre"], entree["numero"]


@pytest.mark.parametrize("numero", ["17", "112", "114", "15", "18", "115", "3919", "119", "116 006"])
def test_les_numeros_dont_on_a_besoin_d_abord_sont_la(numero):
    assert numero in {str(e["numero"]) for e in _entrees()}


def test_le_115_est_dans_les_urgences_du_pied_de_page_et_le_119_dans_l_ecoute():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert "115" in [e["numero"] for e in data["urgence"]]
    assert "119" in [e["numero"] for e in data["ecoute"]]


def test_le_116_006_ne_se_dit_pas_ouvert_la_nuit():
    """7 j/7 mais de 9 h à 19 h ; la nuit, le lecteur est envoyé vers le 17 ou le 3919."""
    (entree,) = [e for e in _entrees() if e["numero"] == "116 006"]
    assert "9 h" in entree["horaires"] and "19 h" in entree["horaires"]
    assert "24 h" not in entree["quand"]
    assert "17" in entree["quand"] or "3919" in entree["quand"]


def test_le_tchat_est_celui_de_la_pnav():
    """Le tchat police-gendarmerie est désormais la PNAV, sur masecurite.interieur.gouv.fr."""
    (tchat,) = [e for e in _entrees() if "lien" in e]
    assert tchat["lien"].startswith("https://masecurite.interieur.gouv.fr/")
    assert "Pnav" in tchat["source"]["titre"]


def test_tous_les_services_listes_sont_gratuits():
    """Le pied de page et le tableau disent que ces appels sont gratuits : les données doivent le confirmer."""
    assert all(e["gratuit"] for e in _entrees())


def test_en_haut_des_pages_sensibles_17_114_par_sms_et_3919():
    """Les numéros du premier écran (accueil, ordonnance de protection) : la police, le 114 par SMS,
    le 3919 ; chacun est une entrée de la liste (la construction refuse un id inconnu)."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    numeros = {e["id"]: str(e["numero"]) for e in data["urgence"] + data["ecoute"]}
    en_haut = [(numeros[h["id"]], bool(h.get("sms"))) for h in data["en_haut"]]
    assert en_haut == [("17", False), ("114", True), ("3919", False)]


@pytest.mark.parametrize(
    "page",
    [
        "index.md",
        "ordonnance-protection/index.md",
        "ordonnance-protection/notice-cerfa-15458.md",
        "outils/preparer-requete.md",
        "simple/ordonnance-protection.md",
    ],
)
def test_les_pages_sensibles_les_montrent_en_haut(page):
    from generator.contenu import frontmatter

    assert (
        frontmatter.lit_entete((REPO / "content" / page).read_text(encoding="utf-8")).data["urgences_en_haut"] is True
    )
