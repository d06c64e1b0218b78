"""Ce qui est tapé, prêt à imprimer (pyscripts.formulaires.ecriture) : les émojis refusés pour ce qu'ils
sont, jamais selon ce que la police se trouve dessiner ; les lignes de droite à gauche ordonnées avec
chaque signe après sa lettre (UAX #9 L3), et leur direction (P2, P3) connue, pour aligner la ligne à
droite."""

from __future__ import annotations

import pytest

from pyscripts.formulaires import ecriture
from pyscripts.formulaires.mise_en_page import _Paragraphe


def tout_couvert(c: str) -> bool:
    return True  # une police qui dessine tout, comme DejaVu dessine « 😀 » et « ❤ »


@pytest.mark.parametrize(
    "valeur, vu", [("Léa 😀", "😀"), ("Amour ❤", "❤"), ("1️⃣ rue", "1️⃣"), ("👍🏽", "👍🏽"), ("☎ 06", "☎")]
)
def test_un_emoji_est_refuse_meme_si_la_police_le_dessine(valeur, vu):
    raison = ecriture.refus(ecriture.normalise(valeur), tout_couvert)
    assert raison and "émojis" in raison and f"« {vu} »" in raison


@pytest.mark.parametrize("valeur", ["© Martin", "Marque™", "✓ fait", "Paris → Lyon", "n° 3 ▶ bis", "½ part"])
def test_les_signes_de_texte_ne_sont_pas_des_emojis(valeur):
    assert ecriture.refus(ecriture.normalise(valeur), tout_couvert) is None


def test_les_signes_suivent_leur_lettre_dans_l_ordre_visuel():
    """« مُحَمَّد » dessiné de gauche à droite : les lettres inversées, chaque haraka juste après sa lettre."""
    facon = ecriture.faconne(ecriture.normalise("مُحَمَّد"))
    grappes: list[str] = []
    for c in facon:
        if ecriture.marque(c):
            grappes[-1] += c
        else:
            grappes.append(c)
    assert len(grappes) == 4
    assert ecriture.ordre_visuel(facon, ecriture.niveaux(facon, 1), 1) == "".join(reversed(grappes))


@pytest.mark.parametrize(
    "valeur, base", [("فاطمة الزهراء", 1), ("12 rue محمد", 0), ("محمد 12 rue", 1), ("שלום", 1), ("Ольга", 0)]
)
def test_la_direction_d_une_ligne_est_celle_de_sa_premiere_lettre(valeur, base):
    ligne = _Paragraphe.de(ecriture.normalise(valeur))
    assert ligne.ligne(0, len(ligne.facon)).base == base
