"""Du contenu cassé ne construit jamais un outil cassé. Chaque famille de mutations trouvée par une
passe adverse, appliquée au vrai contenu copié dans un dossier temporaire (tests/fixtures/mutations.py),
arrête la construction avec son fichier et sa ligne, sans toucher au site publié ; du texte de
rédacteur qui contient du HTML est montré comme du texte sur chaque page qu'il atteint. La durée
de chaque refus est notée (record_property) et mesurée par `make bench`, jamais comparée ici.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.fixtures.mutations import MUTATIONS, Mutation, construit_abime, copie_du_projet

pytestmark = pytest.mark.build


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.nom for m in MUTATIONS])
def test_chaque_mutation_arrete_la_construction_a_sa_ligne(tmp_path, mutation, record_property):
    racine = copie_du_projet(tmp_path / "projet")
    duree, erreur, attendu = construit_abime(racine, mutation)
    record_property("secondes", round(duree, 2))
    assert erreur, "la construction a réussi avec ce contenu cassé"
    assert any(ligne.startswith(attendu) and mutation.mot in ligne for ligne in erreur.split("\n")), (attendu, erreur)
    assert not (racine / "site").exists(), "une construction refusée ne laisse aucun site"


def test_la_condition_qui_cache_l_adresse_ne_peut_pas_disparaitre(tmp_path):
    racine = copie_du_projet(tmp_path / "projet")
    mutation = Mutation(
        "condition de l'adresse cachée retirée",
        "content/formulaires/cerfa-15458.yml",
        "    sauf_si: [adresse_cachee]\n",
        "",
        "content/formulaires/cerfa-15458.yml:",
        "adresse",
    )
    texte = (racine / mutation.fichier).read_text(encoding="utf-8")
    rubrique = texte[: texte.index("  - id: requerant_adresse\n")].count("\n") + 1
    _, erreur, _ = construit_abime(racine, mutation)
    # La condition manque : l'erreur est à la ligne de la rubrique qui devait la porter.
    attendu = f"{mutation.fichier}:{rubrique}:"
    assert any(ligne.startswith(attendu) and "sauf_si: [adresse_cachee]" in ligne for ligne in erreur.split("\n")), (
        erreur
    )


HTML = '<b>gras</b> <a href="https://exemple.org/piege">lien</a>'
ECHAPPE = "&lt;b&gt;gras&lt;/b&gt; &lt;a href="
# (fichier, texte, le même avec du HTML) : un libellé du 15458, le titre d'une mesure, une définition du
# lexique, un numéro d'urgence, un délai du catalogue.
AVEC_HTML = [
    (
        "content/formulaires/cerfa-15458.yml",
        'libelle: "Votre nom de famille :"',
        f"libelle: 'Votre nom de famille {HTML} :'",
    ),
    ("content/data/op_mesures.yml", 'titre: "Interdiction de contact"', f"titre: 'Interdiction de contact {HTML}'"),
    ("content/lexique.yml", "    Personne jugée pour un crime,", f"    {HTML} Personne jugée pour un crime,"),
    ("content/data/urgences.yml", "libelle: Police ou gendarmerie", f"libelle: 'Police ou gendarmerie {HTML}'"),
    (
        "content/data/delais.yml",
        "libelle: Faire appel d'un jugement civil",
        f"libelle: 'Faire appel d''un jugement civil {HTML}'",
    ),
]


def test_le_html_d_un_redacteur_est_du_texte_sur_chaque_page_qu_il_atteint(tmp_path):
    """La construction réussit, et chaque page (formulaire, outil OP, lexique, pages des blocs
    {{ urgences }} et {{ catalogue_delais }}, pied de page) montre ce HTML comme du texte, jamais
    comme une balise ; les mêmes échappements que la page du formulaire."""
    racine = copie_du_projet(tmp_path / "projet")
    for fichier, avant, apres in AVEC_HTML[1:]:
        Mutation("html", fichier, avant, apres, "", "").applique(racine)
    _, erreur, _ = construit_abime(racine, Mutation("html", *AVEC_HTML[0], "", ""))
    assert not erreur, erreur
    site = racine / "site"
    for page, voisin in {
        "formulaires/cerfa-15458.html": "Votre nom de famille",
        "outils/preparer-requete.html": "Interdiction de contact",
        "lexique.html": "Personne jugée",
        "outils/calculateur-delais.html": "Faire appel d",
        "index.html": "Police ou gendarmerie",
    }.items():
        html = (site / page).read_text(encoding="utf-8")
        assert voisin in html, page
        assert ECHAPPE in html.replace("&#34;", '"').replace("&quot;", '"'), page
    for page in site.rglob("*.html"):
        balises = _Balises()
        balises.feed(page.read_text(encoding="utf-8"))
        assert not balises.trouvees, (page, balises.trouvees)


class _Balises(HTMLParser):
    """Les éléments que le HTML des rédacteurs aurait créés s'il avait été obéi."""

    def __init__(self):
        super().__init__()
        self.trouvees: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "b" or any(v and "exemple.org/piege" in v for n, v in attrs if n == "href"):
            self.trouvees.append(tag)
