"""Les espaces insécables du français dans le HTML construit : « et » jamais seuls en fin ou en début de ligne,
une date écrite en lettres jamais coupée."""

from __future__ import annotations

import pytest

from generator.mkdocs.typographie import insecables


@pytest.mark.parametrize(
    "avant, apres",
    [
        (
            "<p>le bouton « Quitter rapidement » ne ferme pas</p>",
            "<p>le bouton «&#160;Quitter rapidement&#160;» ne ferme pas</p>",
        ),
        ("<legend>Étape 1 : Identité</legend>", "<legend>Étape 1&#160;: Identité</legend>"),
        ("<p>Êtes-vous propriétaire ?</p>", "<p>Êtes-vous propriétaire&#160;?</p>"),
        ("<p>Attention !<br>Fin ; suite</p>", "<p>Attention&#160;!<br>Fin&#160;; suite</p>"),
        ("<p>« <em>mot</em> »</p>", "<p>«&#160;<em>mot</em>&#160;»</p>"),
        ("<p>Date :</p><p>Lieu : ici</p>", "<p>Date&#160;:</p><p>Lieu&#160;: ici</p>"),
        ("<p>Certificat du 15 mars 2025</p>", "<p>Certificat du 15&#160;mars&#160;2025</p>"),
        ("<p>le 1er juin, puis en août 2024</p>", "<p>le 1er&#160;juin, puis en août&#160;2024</p>"),
    ],
)
def test_espaces_insecables(avant, apres):
    assert insecables(avant) == apres


@pytest.mark.parametrize(
    "intact",
    [
        '<a href="https://exemple.fr/a?b=c">lien</a>',  # pas d'espace avant ? dans une adresse
        "<p>10:30 et a:b</p>",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self'\">",
        # Les attributs sont lus par les scripts et les moteurs : jamais changés.
        '<option value="a : b" data-depart="la décision : le jour">x</option>',
        '<div aria-label="Tableau : plafonds">',
        # Le code et le texte saisi restent tels qu'écrits.
        "<pre><code>x = a ? b : c</code></pre>",
        "<textarea>« brouillon »</textarea>",
    ],
)
def test_ce_qui_n_est_pas_de_la_ponctuation_reste(intact):
    assert insecables(intact) == intact
