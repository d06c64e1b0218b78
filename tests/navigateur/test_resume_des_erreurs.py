"""Le résumé des erreurs mène à la question : un clic sur une ligne du résumé (à la souris ou au doigt)
met le focus sur la case ou le bouton radio, avec son contour visible, et montre la question entière sous
la barre de sécurité collée en haut de l'écran."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.fixtures.entretien import PYTHON_MS

pytestmark = pytest.mark.navigateur


def test_un_lien_du_resume_montre_la_question_et_le_focus(page_aj):
    page = page_aj
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_label("Combien de personnes compte votre foyer fiscal, vous compris ?").fill("1")
    page.get_by_label(re.compile("Revenu fiscal de référence")).fill("9000")
    page.get_by_role("button", name="Voir le résultat").click()
    page.get_by_role("button", name="Préparer ma demande").click()
    etape = page.get_by_role("group", name=re.compile(r"^Étape 1 sur 4"))
    expect(etape).to_be_visible(timeout=PYTHON_MS)
    page.get_by_role("button", name="Étape suivante").click()
    lien = page.locator(".outil-erreurs li a").filter(has_text=re.compile("^Civilité"))
    expect(lien).to_be_visible()
    lien.click()  # un clic de souris, pas le clavier
    etat = page.evaluate(
        """() => {
          const actif = document.activeElement;
          const question = actif.closest("fieldset");
          const barre = document.querySelector(".barre-securite").getBoundingClientRect();
          const haut = question.querySelector("legend").getBoundingClientRect();
          return {type: actif.type, visible: actif.matches(":focus-visible"),
                  sousLaBarre: haut.top >= barre.bottom - 1, aLEcran: haut.bottom <= innerHeight};
        }"""
    )
    assert etat == {"type": "radio", "visible": True, "sousLaBarre": True, "aLEcran": True}
