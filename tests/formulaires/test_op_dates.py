"""Les dates des faits de la requête, écrites comme les gens les écrivent (pyscripts/op/dates.py) :
en lettres, en chiffres, années en deux chiffres selon une règle dite, à la précision donnée ; un refus
dit des exemples sous ces formes, sans espace où couper un exemple."""

from __future__ import annotations

from datetime import date

import pytest

from pyscripts.erreurs import EntreeInvalide
from pyscripts.lecture import extrait
from pyscripts.op.dates import Date, lit_date
from pyscripts.op.expose import construit

AUJOURDHUI = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("ecrite", "lue"),
    [
        ("14 juin 2026", Date(2026, 6, 14)),
        ("1er juin 2026", Date(2026, 6, 1)),
        ("le 14 mars 2025", Date(2025, 3, 14)),
        ("14 Décembre 2025", Date(2025, 12, 14)),
        ("3 aout 2025", Date(2025, 8, 3)),
        ("juin 2026", Date(2026, 6)),  # un mois reste un mois
        ("en févr. 2025", Date(2025, 2)),
        ("sept 2025", Date(2025, 9)),
        ("14/6/26", Date(2026, 6, 14)),
        ("14/06/2026", Date(2026, 6, 14)),
        ("14.06.2026", Date(2026, 6, 14)),
        ("14-06-2026", Date(2026, 6, 14)),
        ("6/26", Date(2026, 6)),
        ("03/2025", Date(2025, 3)),
        ("14/6/98", Date(1998, 6, 14)),  # deux chiffres : les cent dernières années
        ("14/6/27", Date(1927, 6, 14)),
        ("2025-03-14", Date(2025, 3, 14)),
        ("2025-03", Date(2025, 3)),
        ("2025", Date(2025)),
    ],
)
def test_les_dates_comme_on_les_ecrit(ecrite, lue):
    assert lit_date(ecrite, "chronologie.1.date", AUJOURDHUI) == lue


@pytest.mark.parametrize("ecrite", ["14 juin", "demain", "juin", "14 jui 2025", "14/06/202"])
def test_un_refus_donne_des_exemples_sous_la_forme_des_gens(ecrite):
    with pytest.raises(EntreeInvalide) as refus:
        lit_date(ecrite, "chronologie.1.date", AUJOURDHUI)
    message = refus.value.message
    assert refus.value.champ == "chronologie.1.date"
    assert "«\u00a014\u00a0mars\u00a02025\u00a0»" in message and "«\u00a0mars\u00a02025\u00a0»" in message
    assert "2025-03-14" not in message and "AAAA" not in message
    assert "cent dernières années" in message
    assert extrait(ecrite) in message  # ce qu'elle a écrit, cité (la page rend ses guillemets insécables)


def test_un_mois_reste_un_mois_dans_l_expose():
    chronologie = [{"date": "juin 2025", "faits": "Il m'a menacée."}, {"date": "14/6/25", "faits": "Il m'a frappée."}]
    r = construit(chronologie, None, [], AUJOURDHUI)
    textes = [p["texte"] for p in r["expose"]["paragraphes"]]
    assert textes[0].startswith("En juin 2025") and textes[1].startswith("Le 14 juin 2025")


def test_un_temoin_et_sa_virgule_restent_une_personne():
    chronologie = [{"date": "juin 2025", "faits": "Il a crié.", "temoins": ["Sarah B., voisine", "Paul D., frère"]}]
    texte = construit(chronologie, None, [], AUJOURDHUI)["expose"]["paragraphes"][0]["texte"]
    assert "Témoins : Sarah B., voisine\u00a0; Paul D., frère." in texte
