"""Chaque définition de formulaire est valide ; une définition cassée arrête la construction à son fichier et sa ligne."""

from __future__ import annotations

import shutil

import pytest

from generator.config import lit_config_du_site
from generator.contenu.validation import verifie_le_contenu
from generator.erreurs import ErreursDeContenu
from tests.fixtures.chemins import REPO

SEIZE = REPO / "content" / "formulaires" / "cerfa-16146.yml"


def test_les_definitions_du_site_sont_valides(definitions):
    assert "cerfa-16146" in definitions
    verifie_le_contenu(lit_config_du_site(REPO))  # la première étape de la construction lève au moindre problème


@pytest.fixture
def copie(tmp_path):
    """Une copie de content/ et de site_config.yml où un test peut casser une définition."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copy(REPO / "site_config.yml", tmp_path)
    (tmp_path / "theme").symlink_to(REPO / "theme")
    return tmp_path


def casse(racine, ancien: str, nouveau: str) -> int:
    """Remplace le premier `ancien` dans la copie de la définition du 16146 ; rend son numéro de ligne."""
    chemin = racine / "content" / "formulaires" / "cerfa-16146.yml"
    texte = chemin.read_text(encoding="utf-8")
    assert ancien in texte, ancien
    ligne = texte[: texte.index(ancien)].count("\n") + 1
    chemin.write_text(texte.replace(ancien, nouveau, 1), encoding="utf-8")
    return ligne


# Structure : le schéma (generator/schemas/formulaire.yml) ; contrôles croisés : generator/contenu/formulaires.py.
CASSES = [
    ("{nom: nom_usage, type: texte,", "{nom: nom_usage, type: texto,", "« texto » n'est pas une valeur possible"),
    (
        "lexique: [foyer-fiscal],\n         largeur: court",
        "lexique: [foyer-fiscale],\n         largeur: court",
        "terme du lexique inconnu : « foyer-fiscale »",
    ),
    ("{nom: prenoms, type: texte,", "{nom: nom_naissance, type: texte,", "nom de champ en double « nom_naissance »"),
    ("si: epargne_oui, largeur: moyen}", "si: epargne_peutetre, largeur: moyen}", "condition sur « epargne_peutetre »"),
    (
        '{nom: code_postal, type: texte, libelle: "Code postal :"',
        '{nom: code_postal, type: texte, libele: "Code postal :"',
        "clé inconnue « libele »",
    ),
    ('cerfa: "16146*03"', "cerfa: 16146", "le numéro et l'édition du Cerfa"),
    (
        "    statut: S\n    etape: 3\n    sauf_si",
        "    statut: X\n    etape: 3\n    sauf_si",
        "statut : S (mot pour mot)",
    ),
    (
        '{nom: matiere_penale_precision, type: texte, libelle: "", nom_accessible: "Précisez (matière pénale)"}',
        '{nom: matiere_penale_precision, type: texte, libelle: ""}',
        "libellé vide",
    ),
    (
        'entretien_si: "foyer_nombre!=1"   # seul',
        'entretien_si: "foyer_nombres!=1"   # seul',
        "« entretien_si » cite « foyer_nombres »",
    ),
    (
        'entretien_si: "foyer_nombre!=1"   # seul',
        'entretien_si: "foyer_nombre<>1"   # seul',
        "« entretien_si » : une condition",
    ),
    ("  page: aide-juridictionnelle/deposer.md", "  page: aide-juridictionnelle/deposee.md", "« depot.page »"),
]


@pytest.mark.parametrize("ancien, nouveau, message", CASSES, ids=[c[2][:30] for c in CASSES])
def test_une_definition_cassee_arrete_la_construction_a_sa_ligne(copie, ancien, nouveau, message):
    ligne = casse(copie, ancien, nouveau)
    with pytest.raises(ErreursDeContenu) as erreur:
        verifie_le_contenu(lit_config_du_site(copie))
    attendu = [str(e) for e in erreur.value.errors if message in e.message]
    assert attendu, str(erreur.value)
    assert attendu[0].startswith(f"content/formulaires/cerfa-16146.yml:{ligne}: "), attendu


def test_une_cle_d_un_autre_type(copie):
    ligne = casse(
        copie, "{nom: nom_usage, type: texte,", "{nom: nom_usage, type: texte, options: [{nom: a, libelle: A}],"
    )
    with pytest.raises(ErreursDeContenu) as erreur:
        verifie_le_contenu(lit_config_du_site(copie))
    assert (
        f"content/formulaires/cerfa-16146.yml:{ligne}: champ « nom_usage » : « options » ne va pas avec type: texte"
        in str(erreur.value)
    )


def test_yaml_illisible(copie):
    ligne = casse(copie, 'titre: "Demande d\'aide juridictionnelle"', "titre: [\"Demande d'aide")
    with pytest.raises(ErreursDeContenu) as erreur:
        verifie_le_contenu(lit_config_du_site(copie))
    assert any(
        str(e).startswith(f"content/formulaires/cerfa-16146.yml:{ligne}: YAML invalide") for e in erreur.value.errors
    ), str(erreur.value)


def test_chaque_definition_a_sa_page(copie):
    (copie / "content" / "formulaires" / "cerfa-16146.md").unlink()
    site = lit_config_du_site(copie)
    with pytest.raises(ErreursDeContenu) as erreur:
        verifie_le_contenu(site)
    assert "content/formulaires/cerfa-16146.yml:1: aucune page ne montre ce formulaire" in str(erreur.value)


def test_une_regle_de_pieces_inconnue_est_refusee(copie):
    chemin = copie / "content" / "data" / "pieces_aj.yml"
    texte = chemin.read_text(encoding="utf-8")
    ligne = texte[: texte.index("si: cas_c")].count("\n") + 1
    chemin.write_text(texte.replace("si: cas_c", "si: cas_z", 1), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as erreur:
        verifie_le_contenu(lit_config_du_site(copie))
    assert f"content/data/pieces_aj.yml:{ligne}: fait inconnu « cas_z »" in str(erreur.value)


QUINZE = "content/formulaires/cerfa-15458.yml"
# L'adresse cachée tient à la définition du 15458 (pyscripts/op/adresse.py, problemes_definition).
CASSES_ADRESSE = [
    ("  - id: requerant_adresse\n", "    sauf_si: [adresse_cachee]\n", "", "doit porter « sauf_si: [adresse_cachee] »"),
    (
        "  - id: requerant_adresse\n",
        "    sauf_si: [adresse_cachee]\n",
        "    sauf_si: [election_avocat]\n",
        "doit porter",
    ),
    ("rubriques:\n", "{nom: requerant_code_postal,", "{nom: requerant_cp,", "« requerant_code_postal » a disparu"),
    ("rubriques:\n", "      - nom: adresse_cachee\n", "      - nom: adresse_masquee\n", "la case « adresse_cachee »"),
]


@pytest.mark.parametrize("repere, ancien, nouveau, message", CASSES_ADRESSE, ids=[c[3][:30] for c in CASSES_ADRESSE])
def test_un_15458_qui_perd_l_adresse_cachee_arrete_la_construction(copie, repere, ancien, nouveau, message):
    """Sans `sauf_si`, l'adresse serait imprimée sur la requête remise à l'autre partie."""
    chemin = copie / QUINZE
    texte = chemin.read_text(encoding="utf-8")
    assert ancien in texte, ancien
    ligne = texte[: texte.index(repere)].count("\n") + 1
    chemin.write_text(texte.replace(ancien, nouveau, 1), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as erreur:
        verifie_le_contenu(lit_config_du_site(copie))
    attendu = [str(e) for e in erreur.value.errors if message in e.message]
    assert attendu and attendu[0].startswith(f"{QUINZE}:{ligne}: "), str(erreur.value)


def test_aucun_libelle_accessible_en_double(definitions):
    """Deux champs lus à voix haute de la même façon (« Code postal ») seraient impossibles à distinguer."""
    from pyscripts.formulaires.definition import champs_pdf

    for identifiant, d in definitions.items():
        noms = [c["nom_accessible"] for c in champs_pdf(d)]
        doubles = sorted({n for n in noms if noms.count(n) > 1})
        assert not doubles, f"{identifiant} : {doubles}"
