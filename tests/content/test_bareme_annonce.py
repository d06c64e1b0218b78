"""Le barème d'aide juridictionnelle que montrent les pages suit les données.

L'année mise en avant est le dernier bloc de content/data/aide_juridictionnelle.yml ; dès qu'une
année a son bloc, l'annonce écrite pendant qu'il manquait doit disparaître (elle serait fausse).
Les chiffres ne sont jamais recopiés dans une page : le tableau `{{ bareme_aj }}` les montre, et
un nouveau bloc met toutes les pages à jour d'un coup."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from generator.config import lit_config_du_site
from generator.contenu.validation import pages
from tests.fixtures.chemins import REPO

CONTENT = REPO / "content"
DONNEES = yaml.safe_load((CONTENT / "data" / "aide_juridictionnelle.yml").read_text(encoding="utf-8"))
PAGES_AJ = [
    CONTENT / "aide-juridictionnelle" / "ressources.md",
    CONTENT / "outils" / "simulateur-aide-juridictionnelle.md",
]


def _baremes() -> list[dict]:
    return DONNEES["baremes"]


def _euros(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def test_l_annee_mise_en_avant_est_le_dernier_bareme():
    assert lit_config_du_site(REPO).bareme_aj == max(b["annee"] for b in _baremes())


def test_les_pages_du_bareme_montrent_le_tableau_calcule():
    for page in PAGES_AJ:
        assert "\n{{ bareme_aj }}\n" in page.read_text(encoding="utf-8"), page.name


def test_l_annonce_d_une_annee_saisie_a_disparu_des_pages():
    """Tant que 2026 manquait, ressources.md avait un encadré `#bareme-2026` avec les fourchettes à 2 %, et
    trois pages y renvoyaient. Une fois qu'une année a son bloc, aucune page ne peut encore l'annoncer."""
    saisies = {b["annee"] for b in _baremes()}
    for page in pages(CONTENT):
        texte = page.read_text(encoding="utf-8")
        for annee in saisies:
            assert f"#bareme-{annee}" not in texte, (page, annee)
            assert f"plafonds {annee} sont un peu plus élevés" not in texte, (page, annee)
            assert not re.search(rf"utilise (encore )?les plafonds {annee - 1}", texte), (page, annee)


def test_aucune_page_ne_recopie_un_chiffre_du_bareme():
    """Un chiffre tapé dans une page resterait en arrière quand les données changent : le tableau les montre."""
    chiffres = {
        _euros(p["valeur"])
        for b in _baremes()
        if b["annee"] >= lit_config_du_site(REPO).bareme_aj - 1
        for groupe in ("plafonds", "majorations")
        for p in b[groupe].values()
    }
    for page in pages(CONTENT):
        texte = page.read_text(encoding="utf-8").replace("\u202f", " ").replace("\u00a0", " ")
        trouves = [c for c in chiffres if re.search(rf"(?<![\d ]){c}(?![\d,])", texte)]
        assert not trouves, (
            f"{page.relative_to(CONTENT)} recopie {trouves} : écrivez {{{{ bareme_aj }}}} ou renvoyez au barème"
        )


def test_le_bareme_2025_ne_cite_plus_la_fiche_qui_montre_2026():
    """La fiche F18074 de service-public montre désormais les chiffres de 2026 : elle ne peut plus sourcer 2025."""
    (b2025,) = [b for b in _baremes() if b["annee"] == 2025]
    for groupe in ("plafonds", "majorations"):
        for nom, p in b2025[groupe].items():
            url = p["source"].get("url", "")
            assert "F18074" not in url, nom
            assert isinstance(p["verifie_le"], dt.date)


def test_le_bareme_2026_est_source_date_et_marque():
    """Chaque valeur 2026 porte une source et une date, et les valeurs calculées plutôt que publiées le
    disent (`derive: true`, avec « Calcul » dans la source)."""
    (b2026,) = [b for b in _baremes() if b["annee"] == 2026]
    assert isinstance(b2026["applicable_du"], dt.date) and b2026["applicable_du"].year == 2026
    for groupe in ("plafonds", "majorations"):
        for nom, p in b2026[groupe].items():
            assert p["source"]["titre"].strip() and isinstance(p["verifie_le"], dt.date), nom
            if p.get("derive"):
                assert re.search(r"calcul", p["source"]["titre"], re.IGNORECASE), nom
    assert not b2026["plafonds"]["totale"].get("derive") and not b2026["plafonds"]["partielle_25"].get("derive")


def test_la_page_des_limites_dit_ce_qui_reste_ouvert_pour_2026_et_2027():
    texte = (CONTENT / "limites.md").read_text(encoding="utf-8")
    assert "nous n'avons pas pu en lire les chiffres" not in texte
    assert "deux sources indépendantes" in texte and "Les plafonds 2027" in texte
