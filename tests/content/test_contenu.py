"""Le vrai contenu : chaque page est sourcée et datée, le lexique couvre les termes des graines, et
tout content/ passe les contrôles (ceux de la construction)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.config import lit_config_du_site
from generator.contenu import frontmatter
from generator.contenu.validation import pages, verifie_le_contenu
from tests.fixtures.chemins import REPO

CONTENT = REPO / "content"
PAGES = pages(CONTENT)

# Termes marqués d'un `*` (renvoyés au lexique) dans les documents officiels de shared/seeds.
TERMES_ETOILES_DES_SOURCES = [
    "poursuivi",
    "condamné",
    "partie civile",
    "foyer fiscal",
    "ayant droit",
    "pourparlers transactionnels",
    "conseil des prud'hommes",
    "juridiction",
    "auxiliaire de justice",
    "titre exécutoire",
    "protection juridique",
    "action dilatoire",
    "action abusive",
    "plafond d'éligibilité",
    "dépens",
    "RFR",
    "résidence principale",
    "caducité",
]
# Le vocabulaire des notices de l'ordonnance de protection.
TERMES_OP = [
    "ordonnance de protection",
    "juge aux affaires familiales",
    "signification",
    "commissaire de justice",
    "main courante",
    "ITT",
    "élection de domicile",
    "requête",
]


def test_tout_le_contenu_est_valide():
    verifie_le_contenu(lit_config_du_site(REPO))


def test_il_y_a_les_pages_attendues():
    rels = {p.relative_to(CONTENT).as_posix() for p in PAGES}
    for attendu in [
        "index.md",
        "ordonnance-protection/index.md",
        "ordonnance-protection/calendrier.md",
        "ordonnance-protection/notice-cerfa-15458.md",
        "aide-juridictionnelle/index.md",
        "aide-juridictionnelle/notice-52347.md",
        "aide-juridictionnelle/pieces-justificatives.md",
        "justice-en-ligne.md",
        "porter-plainte/lettre-procureur.md",
        "aide-aux-victimes.md",
        "modeles/certificat-medical.md",
        "modeles/attestation-travailleur-social.md",
    ]:
        assert attendu in rels


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_chaque_page_a_titre_description_sources_et_date(page):
    fm = frontmatter.lit_entete(page.read_text(encoding="utf-8"))
    assert fm.data["titre"].strip() and fm.data["description"].strip()
    assert fm.data["sources"] and all(s["titre"].strip() for s in fm.data["sources"])
    assert isinstance(fm.data["verifie_le"], dt.date)
    # Un seul titre de niveau 1, égal au titre annoncé.
    body = page.read_text(encoding="utf-8").split("\n")[fm.body_line - 1 :]
    h1 = [line[2:].strip() for line in body if line.startswith("# ")]
    assert len(h1) == 1


def test_guides_notices_et_modeles_sont_imprimables():
    for page in PAGES:
        fm = frontmatter.lit_entete(page.read_text(encoding="utf-8"))
        if fm.data["type"] in ("guide", "notice", "modele"):
            assert fm.data.get("pdf") is True, page


def _formes_du_lexique() -> set[str]:
    lexique = yaml.safe_load((CONTENT / "lexique.yml").read_text(encoding="utf-8"))
    return {f.lower() for t in lexique for f in [t["terme"], *(t.get("variantes") or [])]}


@pytest.mark.parametrize("terme", TERMES_ETOILES_DES_SOURCES + TERMES_OP)
def test_le_lexique_definit_les_termes_des_sources(terme):
    assert terme.lower() in _formes_du_lexique()


def test_exemples_parisiens_dans_un_encadre():
    """Les informations propres à Paris ne sont jamais présentées comme nationales."""
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            if "75017" in line or "Parvis du Tribunal" in line:
                before = "\n".join(lines[max(0, i - 40) : i])
                assert "Exemple : Tribunal judiciaire de Paris" in before, f"{page}:{i + 1}"
