"""Issue 24: every translation (en, ar) and easy-read version names the French page it comes
from and that page's current fingerprint; a change to the French source makes it stale (and
the check says so); an unreviewed translation says it on the page; the field-by-field help
pages explain every printed field of their form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.config import load_site_config
from generator.contenu import frontmatter

from . import traductions
from .traductions import CONTENT, derivees, empreinte, probleme, problemes

ROOT = CONTENT.parent
TRADUITES = [(p, d) for p, d in derivees() if d.get("langue") in ("en", "ar")]
# What a page shows while no qualified translator has reviewed it (relecture.par is null).
NON_RELUE = {
    "en": ("A qualified translator has not checked it yet.", "The French page is the reference"),
    "ar": ("لم يراجعها مترجم مؤهل بعد.", "النسخة الفرنسية هي المرجع"),
}
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


@pytest.mark.parametrize("item", derivees(), ids=_rel)
def test_chaque_page_derivee_est_a_jour_de_sa_source_francaise(item):
    page, data = item
    assert probleme(page, data) is None


@pytest.mark.parametrize("item", TRADUITES, ids=_rel)
def test_une_traduction_non_relue_le_dit_et_renvoie_au_francais(item):
    page, data = item
    relecture = data.get("relecture")
    assert isinstance(relecture, dict) and "par" in relecture and "le" in relecture
    corps = _corps(page)
    depth = len(page.relative_to(CONTENT).parts) - 1
    lien_francais = "/".join([".."] * depth + [data["traduction_de"]])
    assert f"]({lien_francais})" in corps, "la page doit renvoyer à la version française, qui fait foi"
    if relecture["par"] is None:
        for phrase in NON_RELUE[data["langue"]]:
            assert phrase in corps


@pytest.mark.parametrize("item", TRADUITES, ids=_rel)
def test_dans_la_navigation(item):
    assert _rel(item) in load_site_config(ROOT).nav_pages()


def _champs_imprimes(definition: dict) -> dict[str, str]:
    """{nom: rubrique} of every named field printed on the form (pdf: false ones are interview questions)."""
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
    # Every field has its explanation and an example, except the parts the person leaves to the lawyer.
    pour_l_avocat = {n for n, r in champs.items() if r == "avocat"} | {
        c["nom"] for r in definition["rubriques"] for c in r["champs"] if c.get("entretien") is False
    }
    for noms, suite in blocs:
        if set(noms) <= pour_l_avocat:
            continue
        assert EXEMPLE[data["langue"]] in suite, f"{page.name} : pas d'exemple après {noms}"


# The check itself, on a project of its own: a change to the French source makes the translation stale.
def _projet(tmp_path: Path) -> tuple[Path, Path, Path]:
    content = tmp_path / "content"
    (content / "en").mkdir(parents=True)
    source = content / "guide.md"
    source.write_text("---\ntitre: Guide\n---\n\n# Guide\n\nLe juge décide vite.\n", encoding="utf-8")
    traduction = content / "en" / "guide.md"
    traduction.write_text(
        "---\ntitre: Guide\nlangue: en\ntraduction_de: guide.md\n"
        f"traduction_de_empreinte: {empreinte(source)}\n---\n\n# Guide\n\nThe judge decides quickly.\n",
        encoding="utf-8",
    )
    return content, source, traduction


def test_une_traduction_a_jour_passe(tmp_path):
    content, _, _ = _projet(tmp_path)
    assert problemes(content) == []


def test_un_changement_de_la_source_francaise_rend_la_traduction_perimee(tmp_path):
    content, source, traduction = _projet(tmp_path)
    source.write_text(source.read_text(encoding="utf-8").replace("vite", "en 6 jours"), encoding="utf-8")
    [message] = problemes(content)
    assert message.startswith("en/guide.md : pas à jour, la page française guide.md a changé")
    traductions.marque_a_jour(traduction, content)  # someone re-read it and updated the translation
    assert problemes(content) == []


@pytest.mark.parametrize(
    ("en_tete", "attendu"),
    [
        ("langue: en\n", "« traduction_de » manque"),
        ("langue: en\ntraduction_de: absente.md\n", "absente.md, qui n'existe pas"),
        ("langue: en\ntraduction_de: guide.md\n", "empreinte notée absente"),
        ("langue: de\ntraduction_de: guide.md\n", "langue inconnue « de »"),
        ("langue: en\ntraduction_de: en/guide.md\n", "n'est pas une page française"),
    ],
)
def test_les_erreurs_d_en_tete_sont_dites(tmp_path, en_tete, attendu):
    content, _, _ = _projet(tmp_path)
    (content / "en" / "autre.md").write_text(f"---\ntitre: Autre\n{en_tete}---\n\n# Autre\n", encoding="utf-8")
    assert any(attendu in m for m in problemes(content)), problemes(content)
