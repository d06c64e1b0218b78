"""F1: the 2026 legal-aid ceilings.

While content/data/aide_juridictionnelle.yml has no block for the current year, the pages
must tell the reader plainly that newer, slightly higher ceilings exist and what to do
within the margin — with figures that follow the data. Once the block is added, the
highlighted year must follow it and the warning must go (or it would be false)."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from generator.config import load_site_config
from tests.fixtures.chemins import REPO

CONTENT = REPO / "content"
ANNEE_DU_CONTENU = 2026  # the content was checked on 2026-11-29
MARGE = 0.02  # the margin the pages give (2 %)
RESSOURCES = CONTENT / "aide-juridictionnelle" / "ressources.md"
AVEC_RENVOI = [
    CONTENT / "aide-juridictionnelle" / "index.md",
    CONTENT / "outils" / "simulateur-aide-juridictionnelle.md",
]


def _baremes() -> list[dict]:
    return yaml.safe_load((CONTENT / "data" / "aide_juridictionnelle.yml").read_text(encoding="utf-8"))["baremes"]


def _euros(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def test_l_annee_mise_en_avant_est_le_dernier_bareme():
    assert load_site_config(REPO).bareme_aj == max(b["annee"] for b in _baremes())


def test_l_avertissement_suit_les_donnees():
    dernier = max(_baremes(), key=lambda b: b["annee"])
    texte = RESSOURCES.read_text(encoding="utf-8")
    if dernier["annee"] >= ANNEE_DU_CONTENU:
        assert "{#bareme-2026}" not in texte, "le barème 2026 est dans les données : retirez l'avertissement"
        return
    assert "{#bareme-2026}" in texte
    encadre = (
        texte.split("{#bareme-2026}")[0].rsplit("!!!", 1)[1] + texte.split("{#bareme-2026}")[1].split("\n\n#", 1)[0]
    )
    assert "2 %" in encadre and "0,7 %" in encadre and "Déposez votre demande quand même" in encadre
    # The example ranges are the 2025 one-person ceilings + 1 € … + 2 %.
    for nom in ("totale", "partielle_55", "partielle_25"):
        plafond = dernier["plafonds"][nom]["valeur"]
        attendu = f"entre {_euros(plafond + 1)} € et {_euros(int(plafond * (1 + MARGE)))} €"
        assert attendu in encadre, attendu
    for page in AVEC_RENVOI:
        assert "ressources.md#bareme-2026" in page.read_text(encoding="utf-8"), page.name


def test_le_bareme_2025_ne_cite_plus_la_fiche_qui_montre_2026():
    """S4: service-public F18074 now shows the 2026 figures; it cannot source 2025."""
    (b2025,) = [b for b in _baremes() if b["annee"] == 2025]
    for groupe in ("plafonds", "majorations"):
        for nom, p in b2025[groupe].items():
            url = p["source"].get("url", "")
            assert "F18074" not in url, nom
            assert isinstance(p["verifie_le"], dt.date)


def test_un_bareme_2026_eventuel_est_source_date_et_marque():
    """If someone adds the 2026 block, every value carries a source and a date, and values
    computed rather than published say so (`derive: true`, with « Calcul » in the source)."""
    for b in _baremes():
        if b["annee"] < ANNEE_DU_CONTENU:
            continue
        assert isinstance(b["applicable_du"], dt.date) and b["applicable_du"].year == b["annee"]
        for groupe in ("plafonds", "majorations"):
            for nom, p in b[groupe].items():
                assert p["source"]["titre"].strip() and isinstance(p["verifie_le"], dt.date), nom
                if p.get("derive"):
                    assert re.search(r"calcul", p["source"]["titre"], re.IGNORECASE), nom
