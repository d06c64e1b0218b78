"""Chaque traduction (en, ar) et chaque version simple nomme la page française dont elle vient et
l'empreinte actuelle de cette page ; un changement de la source la rend périmée (generator check et la
construction le disent : tests/generator/test_langues.py pour la page construite) ; les aides champ par
champ expliquent chaque champ imprimé de leur formulaire."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.config import lit_config_du_site
from generator.contenu import frontmatter, traductions
from generator.contenu.validation import pages, verifie_le_contenu
from generator.erreurs import ErreursDeContenu
from tests.fixtures.chemins import REPO

ROOT = REPO
CONTENT = REPO / "content"


def derivees(content: Path = CONTENT) -> list[tuple[Path, dict]]:
    """(page, en-tête) de chaque traduction ou version simple."""
    sortie = []
    for page in pages(content):
        data = frontmatter.lit_entete(page.read_text(encoding="utf-8")).data
        if traductions.est_derivee(data):
            sortie.append((page, data))
    return sortie


TRADUITES = [(p, d) for p, d in derivees() if d.get("langue") in ("en", "ar")]
EXEMPLE = {"en": "Example:", "ar": "مثال:"}
AIDES_CHAMP_PAR_CHAMP = {"formulaire-16146.md": "cerfa-16146", "formulaire-15458.md": "cerfa-15458"}


def _rel(item) -> str:
    return item[0].relative_to(CONTENT).as_posix()


def _corps(page: Path) -> str:
    texte = page.read_text(encoding="utf-8")
    _, debut = frontmatter.split(texte)
    return "\n".join(texte.split("\n")[debut - 1 :])


def test_il_y_a_l_essentiel_en_anglais_et_en_arabe():
    rels = {_rel(t) for t in TRADUITES}
    for langue in ("en", "ar"):
        for page in ("index", "ordonnance-protection", "aide-juridictionnelle", "porter-plainte", "securite"):
            assert f"{langue}/{page}.md" in rels
        for page in ("carte-interprete", "formulaire-16146", "formulaire-15458"):
            assert f"{langue}/{page}.md" in rels


@pytest.fixture(scope="module")
def contenu():
    return verifie_le_contenu(lit_config_du_site(ROOT))


def test_chaque_page_derivee_est_a_jour_de_sa_source_francaise(contenu):
    assert contenu.avertissements == []
    for page, data in TRADUITES:
        d = contenu.traductions[_rel((page, data))]
        assert d.source and d.notee == d.actuelle, d
    assert {_rel(t) for t in derivees()} == set(contenu.traductions)


@pytest.mark.parametrize("item", TRADUITES, ids=_rel)
def test_une_traduction_dit_qui_l_a_relue(item):
    """La page elle-même le dit (le gabarit, d'après `relecture`) : tests/generator/test_langues.py."""
    relecture = item[1].get("relecture")
    assert isinstance(relecture, dict) and "par" in relecture and "le" in relecture


@pytest.mark.parametrize("item", TRADUITES, ids=_rel)
def test_dans_la_navigation(item):
    assert _rel(item) in lit_config_du_site(ROOT).nav_pages()


def _champs_imprimes(definition: dict) -> dict[str, str]:
    """{nom: rubrique} de chaque champ nommé imprimé sur le formulaire (ceux en pdf: false sont des questions
    de l'entretien)."""
    sortie = {}

    def parcours(champs, rubrique):
        for champ in champs:
            if champ.get("nom") and champ.get("pdf", True):
                sortie[champ["nom"]] = rubrique
            for option in champ.get("options") or []:
                parcours(option.get("champs") or [], rubrique)

    for r in definition["rubriques"]:
        parcours(r["champs"], r["id"])
    return sortie


def _blocs_de_champs(corps: str, formulaire: str) -> list[tuple[list[str], str]]:
    """([noms], texte qui suit jusqu'au champ, à la rubrique ou au titre suivant) pour chaque ligne `{{ champ … }}`."""
    motif = re.compile(r"^\{\{\s*champ\s+" + re.escape(formulaire) + r"((?:\s+[a-z0-9_.]+)+)\s*\}\}\s*$", re.M)
    reperes = list(motif.finditer(corps))
    blocs = []
    for i, m in enumerate(reperes):
        fin = reperes[i + 1].start() if i + 1 < len(reperes) else len(corps)
        suite = re.split(r"^(?:#|\{\{)", corps[m.end() : fin], flags=re.M)[0]
        blocs.append(([n.partition(".")[0] for n in m.group(1).split()], suite))
    return blocs


AIDES = [(p, d) for p, d in TRADUITES if p.name in AIDES_CHAMP_PAR_CHAMP]


@pytest.mark.parametrize("item", AIDES, ids=_rel)
def test_l_aide_explique_chaque_champ_imprime_avec_un_exemple(item):
    page, data = item
    formulaire = AIDES_CHAMP_PAR_CHAMP[page.name]
    definition = yaml.safe_load((CONTENT / "formulaires" / f"{formulaire}.yml").read_text(encoding="utf-8"))
    champs = _champs_imprimes(definition)
    blocs = _blocs_de_champs(_corps(page), formulaire)
    cites = {n for noms, _ in blocs for n in noms}
    assert set(champs) - cites == set(), f"champs sans aide dans {page.name}"
    # Chaque champ a son explication et un exemple, sauf les parties que la personne laisse à l'avocat.
    pour_l_avocat = {n for n, r in champs.items() if r == "avocat"} | {
        c["nom"] for r in definition["rubriques"] for c in r["champs"] if c.get("entretien") is False
    }
    for noms, suite in blocs:
        if set(noms) <= pour_l_avocat:
            continue
        assert EXEMPLE[data["langue"]] in suite, f"{page.name} : pas d'exemple après {noms}"


# Le contrôle lui-même, sur quelques pages à lui : un changement de la source française périme la traduction.
SOURCE = """---
titre: Guide
verifie_le: 2026-01-15
---

# Guide

Le juge décide vite.
"""


def _lues(tmp_path: Path, fichiers: dict[str, str]) -> dict:
    lues = {}
    for rel, texte in fichiers.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(texte, encoding="utf-8")
        lues[rel] = (texte, frontmatter.lit_entete(texte))
    return lues


def _traduction(empreinte: str, en_tete: str = "langue: en\ntraduction_de: guide.md\n") -> str:
    return f"---\ntitre: Guide\n{en_tete}traduction_de_empreinte: {empreinte}\n---\n\n# Guide\n\nThe judge decides quickly.\n"


def _etat(tmp_path, fichiers):
    return traductions.analyse(_lues(tmp_path, fichiers), {"fr", "en", "ar"})


def test_une_traduction_a_jour_passe(tmp_path):
    derivees_, erreurs = _etat(
        tmp_path, {"guide.md": SOURCE, "en/guide.md": _traduction(traductions.empreinte(SOURCE))}
    )
    assert erreurs == [] and not derivees_["en/guide.md"].perimee


@pytest.mark.parametrize(
    "changement",
    [
        lambda s: s.replace("vite", "en 6 jours"),  # le corps
        lambda s: s.replace("titre: Guide", "titre: Le guide"),  # une clé qu'un lecteur voit
    ],
)
def test_un_changement_de_la_source_francaise_rend_la_traduction_perimee(tmp_path, changement):
    avant = traductions.empreinte(SOURCE)
    derivees_, _ = _etat(tmp_path, {"guide.md": changement(SOURCE), "en/guide.md": _traduction(avant)})
    [avertissement] = [d.avertissement() for d in derivees_.values() if d.perimee]
    assert str(avertissement).startswith("content/en/guide.md:5: pas à jour : la page française guide.md a changé")
    assert "python -m generator traductions --a-jour en/guide.md" in str(avertissement)
    traductions.marque_a_jour(tmp_path / "en" / "guide.md", tmp_path)  # quelqu'un l'a relue et mise à jour
    texte = (tmp_path / "en" / "guide.md").read_text(encoding="utf-8")
    derivees_, _ = _etat(tmp_path, {"guide.md": changement(SOURCE), "en/guide.md": texte})
    assert not derivees_["en/guide.md"].perimee


def test_les_cles_de_suivi_de_la_source_ne_perime_rien(tmp_path):
    """Noter l'empreinte propre d'une page simple, sa relecture ou la date où ses sources ont été vérifiées ne
    périme pas SES traductions (l'empreinte couvre ce qu'un lecteur lit, pas les clés de suivi)."""
    simple = SOURCE.replace("verifie_le: 2026-01-15\n", "version_simple: true\ntraduction_de: complet.md\n")
    avant = traductions.empreinte(simple)
    apres = simple.replace(
        "---\n\n",
        "traduction_de_empreinte: 0123456789ab\nverifie_le: 2026-02-01\npdf: true\n"
        "relecture: {par: Camille Martin, le: 2026-02-01}\n---\n\n",
        1,
    )
    assert traductions.empreinte(apres) == avant
    assert traductions.empreinte(apres.replace("vite", "lentement")) != avant


@pytest.mark.parametrize(
    ("en_tete", "attendu"),
    [
        ("langue: en\n", "« traduction_de » manque"),
        ("langue: en\ntraduction_de: absente.md\n", "absente.md, qui n'est pas une page de content/"),
        ("langue: en\ntraduction_de: guide.md\n", "« traduction_de_empreinte » manque"),
        ("langue: en\ntraduction_de: guide.md\ntraduction_de_empreinte: 12ab\n", "12 caractères hexadécimaux"),
        ("langue: de\ntraduction_de: guide.md\n", "langue inconnue « de »"),
        ("langue: en\ntraduction_de: en/guide.md\n", "n'est pas une page française"),
        ("traduction_de: guide.md\n", "ne va qu'avec une traduction"),
        ("langue: en\nversion_simple: true\n", "une version simple est écrite en français"),
        ("langue: en\ntraduction_de: guide.md\nrelecture: {par: null, le: 2026-01-01}\n", "qui a relu"),
        ("langue: en\ntraduction_de: guide.md\nrelecture: {par: Camille}\n", "la date de la relecture"),
    ],
)
def test_les_erreurs_d_en_tete_sont_dites_a_leur_ligne(tmp_path, en_tete, attendu):
    fichiers = {"guide.md": SOURCE, "en/guide.md": _traduction(traductions.empreinte(SOURCE))}
    fichiers["en/autre.md"] = f"---\ntitre: Autre\n{en_tete}---\n\n# Autre\n"
    _, erreurs = _etat(tmp_path, fichiers)
    assert any(attendu in e.message and e.path == "content/en/autre.md" and e.line >= 2 for e in erreurs), erreurs


def test_une_erreur_d_en_tete_arrete_check(tmp_path, project):
    """Par `verifie_le_contenu` (ce que lancent `generator check` et la construction) : la traduction d'une page
    absente."""
    (project / "content" / "en").mkdir()
    (project / "content" / "en" / "guide.md").write_text(
        "---\ntitre: Guide\ndescription: d\ntype: guide\nverifie_le: 2026-01-15\nsources:\n  - titre: s\n"
        "langue: en\ntraduction_de: absente.md\ntraduction_de_empreinte: 0123456789ab\n---\n\n# Guide\n",
        encoding="utf-8",
    )
    with pytest.raises(ErreursDeContenu) as exc:
        verifie_le_contenu(lit_config_du_site(project))
    assert "content/en/guide.md:9: « traduction_de » cite absente.md" in str(exc.value)


@pytest.mark.parametrize("empreinte", ["012345678901", "0b1010101010", "123e45678901"])
def test_une_empreinte_qui_ressemble_a_un_nombre_reste_un_texte(tmp_path, monkeypatch, empreinte):
    monkeypatch.setattr(traductions, "empreinte", lambda texte: empreinte)
    fichiers = {"guide.md": SOURCE, "en/guide.md": _traduction("aaaaaaaaaaaa")}
    _lues(tmp_path, fichiers)
    traductions.marque_a_jour(tmp_path / "en" / "guide.md", tmp_path)
    texte = (tmp_path / "en" / "guide.md").read_text(encoding="utf-8")
    assert frontmatter.lit_entete(texte).data["traduction_de_empreinte"] == empreinte
