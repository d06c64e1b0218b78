"""Un homme qui demande l'aide juridictionnelle, sur son téléphone puis sur un ordinateur : le simulateur
(une seule prochaine étape d'abord), l'entretien du Cerfa 16146 (sa ligne de ressources reprise du
simulateur, ce qui ne le concerne pas retiré, le déjà répondu replié), le PDF (titre d'onglet neutre, lu
dans la liste des onglets du navigateur), puis l'écran final qui dit où et comment déposer la demande.
À chaque écran : aucun bloc de texte de moins de 10 em.

La page chaude du simulateur (`page_aj`, Python démarré une fois par session) sert aux deux largeurs.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.fixtures.entretien import visible
from tests.fixtures.largeurs import blocs_etroits
from tests.fixtures.parcours import TITRE_NEUTRE, dit_ou_deposer, en_haut_de_l_ecran, ouvre_le_pdf

pytestmark = pytest.mark.navigateur

REPONSE = 60_000  # ms : le worker lit le PDF vierge la première fois (pypdf)


def _etape(page, numero: int):
    expect(page.get_by_role("group", name=re.compile(rf"^Étape {numero} sur 4"))).to_be_visible(timeout=REPONSE)
    assert blocs_etroits(page) == [], f"étape {numero}"


@pytest.mark.parametrize("largeur", [390, 1280])
def test_simulateur_entretien_pdf_et_ou_deposer(page_aj, navigateur, largeur):
    page = page_aj
    page.set_viewport_size({"width": largeur, "height": 844 if largeur == 390 else 900})
    # Une date de dépôt laissée vide au simulateur veut dire aujourd'hui : le champ le dit.
    expect(page.locator("#aj-date-aide")).to_contain_text("Laissée vide, c'est la date d'aujourd'hui.")
    page.get_by_label("Combien de personnes compte votre foyer fiscal, vous compris ?").fill("1")
    page.get_by_label("Ma situation a changé depuis").check()
    page.get_by_label(re.compile("Revenus imposables des")).fill("7800")
    page.get_by_role("button", name="Voir le résultat").click()
    expect(page.locator(".outil-phrase")).to_be_visible()
    assert blocs_etroits(page) == []

    # Une seule étape suivante d'abord : préparer la demande, juste en dessous.
    suite = page.locator("#aj-suite")
    expect(suite.locator("li").first).to_contain_text("Préparez votre demande juste en dessous")
    page.get_by_role("button", name="Préparer ma demande").click()
    _etape(page, 1)
    visible(page, "Monsieur").check()
    visible(page, "Votre nom de famille (nom de naissance)").fill("Benali")
    visible(page, "Vos prénoms").fill("Karim")
    visible(page, "Date de naissance").fill("05/03/1980")
    visible(page, "Lieu de naissance (commune, et pays si ce n'est pas la France)").fill("Lyon")
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, 2)
    # Seul dans son foyer : personne d'autre à nommer.
    expect(visible(page, "Combien de personnes composent votre foyer fiscal ?")).to_have_value("1")
    expect(page.get_by_role("group", name="Personne 1")).to_have_count(0)
    visible(page, "Célibataire").check()
    visible(page, "Votre adresse").fill("3 rue des Lilas")
    visible(page, "Code postal").fill("69003")
    visible(page, "Commune").fill("Lyon")
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, 3)

    # 3. Sa propre ligne déjà remplie ; les colonnes du conjoint et des enfants disparues ; les cas
    # particuliers auxquels il a déjà répondu, repliés sous une ligne.
    salaires = page.get_by_role("group", name=re.compile("^Salaires ou traitements"))
    expect(salaires.get_by_label("Vos ressources, en euros")).to_have_value("7 800")
    expect(page.get_by_label(re.compile("^Les ressources de votre époux")).filter(visible=True)).to_have_count(0)
    expect(page.get_by_text("au simulateur, vous avez répondu n'être dans aucun de ces cas")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("^A\\. Vous êtes victime"))).to_be_hidden()
    page.get_by_role("group", name=re.compile("Êtes-vous propriétaire")).get_by_label("Non").check()
    page.get_by_role("button", name="Étape suivante").click()
    _etape(page, 4)

    visible(
        page,
        "1. Vous souhaitez aller devant un juge, si possible indiquez lequel (juge aux affaires familiales, "
        "juge de l'exécution, juge des tutelles, juge administratif, conseil des prud'hommes, etc.).",
    ).check()
    visible(page, "Exposez brièvement votre affaire").fill("Je conteste mon licenciement.")
    visible(page, "Non, je n'en ai pas").check()
    expect(page.get_by_text("aucune assurance ne paie les frais de cette affaire")).to_be_visible()
    visible(page, "Je soussigné(e) (prénom, nom)").fill("Karim Benali")
    visible(page, "Fait à").fill("Lyon")
    page.get_by_role("button", name="Obtenir le formulaire").click()

    # L'écran final : son titre en haut, puis où et comment déposer.
    pret = page.get_by_role("heading", name="Votre formulaire est prêt")
    expect(pret).to_be_focused(timeout=REPONSE)
    en_haut_de_l_ecran(page, pret)
    dit_ou_deposer(
        page.get_by_role("region", name="Où et comment déposer votre demande"),
        (
            "bureau d'aide juridictionnelle (BAJ) du tribunal judiciaire de votre domicile",
            "recommandé avec accusé de réception",
            "aidejuridictionnelle.justice.fr",
        ),
        "aide-juridictionnelle/deposer.html",
    )
    assert blocs_etroits(page) == []

    assert ouvre_le_pdf(page, navigateur, "Ouvrir le formulaire pour le lire et l'imprimer") == TITRE_NEUTRE


def test_aide_partielle_dit_ce_que_veut_dire_le_reste_a_payer(page_aj):
    page = page_aj
    page.get_by_label("Combien de personnes compte votre foyer fiscal, vous compris ?").fill("1")
    page.get_by_label("Revenu fiscal de référence, en euros").fill("14000")
    page.get_by_role("button", name="Voir le résultat").click()
    expect(page.locator(".outil-phrase")).to_contain_text("partielle, à 55", timeout=REPONSE)
    precision = page.locator(".outil-precision")
    expect(precision).to_contain_text("Le reste (45\u00a0%) se paie selon un accord écrit avec votre avocat")
    expect(precision).to_contain_text("convention d'honoraires")
