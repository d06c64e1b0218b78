"""Valeurs dans une phrase ({{ numero police }}, {{ duree … }}, {{ montant … }}), libellés officiels
d'un formulaire ({{ champ … }}, {{ rubrique … }}) et une phrase par ligne dans les pages en version
simple : écrits d'après les données dans la langue de la page, refusés à leur ligne s'ils sont inconnus."""

from __future__ import annotations

import datetime as dt
import textwrap

import markdown
import pytest

from generator.config import lit_config_du_site
from generator.contenu.validation import verifie_le_contenu
from generator.erreurs import ErreursDeContenu
from generator.mkdocs import libelles, valeurs
from generator.mkdocs.lignes import une_phrase_par_ligne
from tests.fixtures.projet import PAGES, write_project

GUIDE = textwrap.dedent(PAGES["guides/guide.md"])
ESPACE = "\u00a0"


# Un petit formulaire : un groupe de cases avec une ligne imprimée sans libellé, une question, un tableau.
FORMULAIRE = """\
id: essai
cerfa: "99999*01"
titre: "Formulaire d'essai"
titre_officiel: "Formulaire d'essai"
base_legale: "Aucune."
officiel:
  url: https://www.service-public.fr/
verifie_le: 2026-11-29
remplissage: navigateur
rubriques:
  - id: identite
    numero: "I"
    titre: "VOTRE IDENTITÉ"
    statut: S
    champs:
      - nom: civilite
        type: cases
        libelle: "Civilité"
        options:
          - {nom: madame, libelle: "Madame"}
          - nom: autre
            libelle: "Autre, précisez :"
            champs: [{nom: precision, type: texte, libelle: "", nom_accessible: "Autre civilité, précisez"}]
      - {nom: foyer_nombre, type: nombre, libelle: "Combien de personnes composent votre foyer fiscal* ?"}
      - nom: ressources
        type: tableau
        libelle: "Vos ressources"
        colonnes: [{nom: vous, libelle: "Vous", type: montant}]
        lignes: [{nom: salaires, libelle: "Salaires_nets"}]
"""
PAGE_DU_FORMULAIRE = """\
---
titre: Formulaire d'essai
description: Sa reproduction.
type: page
verifie_le: 2026-01-15
sources:
  - titre: Source d'essai
formulaire: essai
---

# Formulaire d'essai
"""


def projet_avec_formulaire(root, guide: str = GUIDE):
    root = write_project(root, {**PAGES, "guides/guide.md": guide})
    (root / "content" / "formulaires").mkdir()
    (root / "content" / "formulaires" / "essai.yml").write_text(FORMULAIRE, encoding="utf-8")
    (root / "content" / "formulaires" / "essai.md").write_text(PAGE_DU_FORMULAIRE, encoding="utf-8")
    config = root / "site_config.yml"
    config.write_text(config.read_text().replace("  - Lexique:", "  - Formulaire: formulaires/essai.md\n  - Lexique:"))
    return root


@pytest.fixture(scope="module")
def contenu(tmp_path_factory):
    config = lit_config_du_site(projet_avec_formulaire(tmp_path_factory.mktemp("valeurs") / "p"))
    return config, verifie_le_contenu(config)


@pytest.mark.parametrize(
    ("texte", "langue", "attendu"),
    [
        ("Appelez le {{ numero police }}.", "fr", "Appelez le [17](tel:17)."),
        ("{{ numero france_victimes }}", "fr", f"[116{ESPACE}006](tel:116006)"),
        ("{{ numero france_victimes }}", "ar", f"[<bdi>116{ESPACE}006</bdi>](tel:116006)"),
        ("en {{ duree op_delivrance }}", "fr", f"en 6{ESPACE}jours"),
        ("in {{ duree op_delivrance }}", "en", f"in 6{ESPACE}days"),
        ("{{ duree appel_ordonnance_protection }}", "ar", f"15{ESPACE}يومًا"),
        ("{{ duree op_duree_mesures }}", "en", f"12{ESPACE}months"),  # le paramètre daté en vigueur aujourd'hui
        ("{{ montant aj_totale }}", "fr", f"12{ESPACE}862{ESPACE}euros"),
        ("{{ montant aj_totale }}", "en", "€12,862"),
        ("{{ montant aj_totale }}", "ar", f"<bdi>12{ESPACE}862</bdi>{ESPACE}يورو"),
        ("{{ duree regularisation_contribution }}", "fr", f"1{ESPACE}mois"),
        ("{{ langues violences_femmes_info }} langues", "fr", "185 langues"),
        ("en {{ annee bareme_aj }}", "fr", "en 2025"),
        ("dans du code : `{{ numero police }}`", "fr", "dans du code : `{{ numero police }}`"),
    ],
)
def test_valeur_ecrite_dans_la_langue_de_la_page(contenu, texte, langue, attendu):
    config, c = contenu
    assert valeurs.remplace(texte, c.donnees, config.bareme_aj, langue) == attendu


@pytest.mark.parametrize(
    ("duree", "ar"),
    [
        ({"jours": 1}, "يوم واحد"),
        ({"jours": 2}, "يومين"),
        ({"jours": 6}, f"6{ESPACE}أيام"),
        ({"annees": 20}, f"20{ESPACE}سنة"),
    ],
)
def test_duree_en_arabe(duree, ar):
    assert valeurs.duree_texte(duree, "ar") == ar


def test_une_duree_suit_le_parametre_date(contenu, monkeypatch):
    """L'OP durait 6 mois avant le 15 juin 2024 : une page construite ce jour-là l'aurait dit."""
    config, c = contenu

    class Hier(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2024, 6, 14)

    monkeypatch.setattr(valeurs.dt, "date", Hier)
    assert valeurs.remplace("{{ duree op_duree_mesures }}", c.donnees, config.bareme_aj) == f"6{ESPACE}mois"


@pytest.mark.parametrize(
    ("ligne", "attendu"),
    [
        ("Appelez le {{ numero polise }}.", "content/guides/guide.md:24: valeur inconnue « {{ numero polise }} »"),
        ("En {{ duree rien }}.", "content/guides/guide.md:24: valeur inconnue « {{ duree rien }} »"),
        ("{{ montant aj_toutes }} euros", "content/guides/guide.md:24: valeur inconnue « {{ montant aj_toutes }} »"),
        ("{{ champ essai pointure }}", "content/guides/guide.md:24: « champ essai » : champ inconnu « pointure »"),
        ("{{ champ cerfa-99999 nom }}", "content/guides/guide.md:24: « champ » : formulaire inconnu « cerfa-99999 »"),
        (
            "{{ champ essai ressources.loto }}",
            "content/guides/guide.md:24: « champ essai » : le tableau « ressources » n'a",
        ),
        ("{{ rubrique essai nulle_part }}", "content/guides/guide.md:24: « rubrique essai » : rubrique inconnue"),
        ("{{ urgences vite }}", "content/guides/guide.md:24: « {{ urgences }} » ne prend pas d'argument"),
        ("Voir {{ numero }} ici.", "content/guides/guide.md:24: bloc mal écrit"),
    ],
)
def test_valeur_ou_libelle_inconnus_signales_a_leur_ligne(tmp_path, ligne, attendu):
    root = projet_avec_formulaire(tmp_path / "p", GUIDE + f"\n{ligne}\n")
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    found = [str(e) for e in info.value.errors]
    assert any(e.startswith(attendu) for e in found), found


def test_libelles_officiels_en_francais_echappes(contenu):
    _, c = contenu
    bloc = libelles.champ(c.formulaires, "essai", "civilite", "precision", "foyer_nombre", "ressources.salaires")
    html = markdown.markdown(bloc, extensions=["attr_list"])
    assert html.startswith("<p ") and 'class="libelle-officiel"' in html and 'lang="fr"' in html and 'dir="ltr"' in html
    assert "☐ Madame ☐ Autre, précisez :" in html
    assert "Autre civilité" not in html  # une ligne imprimée sans libellé ne montre rien
    assert "<strong>Combien de personnes composent votre foyer fiscal* ?</strong>" in html  # l'* reste une étoile
    assert "<strong>Salaires_nets</strong>" in html  # et _ n'est pas lu comme une emphase
    assert libelles.rubrique(c.formulaires, "essai", "identite").startswith("**I - VOTRE IDENTITÉ**")


def test_une_phrase_par_ligne():
    md = '# Titre\n\nUne phrase.\nUne autre.\n\n- Un point.\n  Sa suite.\n- Le suivant.\n\n!!! note "Boîte"\n    Un.\n    Deux.\n'
    html = markdown.markdown(une_phrase_par_ligne(md), extensions=["admonition"])
    assert "Une phrase.<br />\nUne autre." in html
    assert "Un point.<br />\n  Sa suite." in html
    assert "Un.<br />\nDeux." in html
    assert "Sa suite.<br />" not in html  # pas de saut avant l'élément de liste suivant
