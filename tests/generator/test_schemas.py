"""Chaque fichier de données a son schéma ; un fichier cassé fait échouer `check` et `build` à sa vraie ligne."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.config import lit_config_du_site
from generator.contenu import schema
from generator.contenu.lecture import LectureImpossible, yaml_avec_lignes
from generator.contenu.validation import donnees_requises, verifie_le_contenu
from generator.erreurs import ErreursDeContenu
from tests.fixtures.chemins import REPO
from tests.fixtures.projet import write_project

DATA = REPO / "content" / "data"


def errors(text: str, name: str) -> list[str]:
    data, node = yaml_avec_lignes(text, f"content/data/{name}.yml")
    return [str(e) for e in schema.verifie(data, node, name, f"content/data/{name}.yml")]


def real(name: str) -> str:
    return (DATA / f"{name}.yml").read_text(encoding="utf-8")


def test_chaque_fichier_de_donnees_a_un_schema_et_le_respecte():
    names = sorted(p.stem for p in DATA.glob("*.yml"))
    assert names == donnees_requises()
    for name in names:
        assert schema.existe(name), name
        assert errors(real(name), name) == [], name


@pytest.mark.parametrize(
    "name, old, new, needle, expected",
    [
        pytest.param(
            "delais",
            "    texte: C. proc. civ., art. 641\n",
            "",
            "  cpc_641:",
            "content/data/delais.yml:{line}: references.cpc_641 : il manque « texte »",
            id="delais: texte retiré",
        ),
        pytest.param(
            "delais",
            "    reference: cpc_538\n",
            "    reference: cpc_999\n",
            "    reference: cpc_538",
            "content/data/delais.yml:{line}: delais[appel_civil].reference : « cpc_999 » n'existe pas dans « references »",
            id="delais: référence inconnue",
        ),
        pytest.param(
            "delais",
            "    nature: procedure\n",
            "    nature: procédure\n",
            "    nature: procedure",
            "content/data/delais.yml:{line}: delais[appel_civil].nature : « procédure » n'est pas une valeur possible",
            id="delais: valeur hors liste",
        ),
        pytest.param(
            "urgences",
            'numero: "17"',
            "numero: 17",
            'numero: "17"',
            "content/data/urgences.yml:{line}: urgence[police].numero : le numéro s'écrit entre guillemets",
            id="urgences: numéro",
        ),
        pytest.param(
            "urgences",
            "    libelle: Police ou gendarmerie\n",
            "",
            "id: police",
            "content/data/urgences.yml:{line}: urgence[police] : il manque « libelle »",
            id="urgences: libellé retiré",
        ),
        pytest.param(
            "urgences",
            "urgence:",
            "urgences:",
            "urgence:",
            "content/data/urgences.yml:{line}: le fichier : clé inconnue « urgences »",
            id="urgences: clé mal écrite",
        ),
        pytest.param(
            "jours_feries",
            "territoires: [guadeloupe]",
            "territoires: [guadelupe]",
            "territoires: [guadeloupe]",
            "content/data/jours_feries.yml:{line}: jours[abolition_guadeloupe].territoires[n° 1] : « guadelupe » n'existe pas",
            id="jours fériés: territoire inconnu",
        ),
        pytest.param(
            "jours_feries",
            'date: "05-01"',
            'date: "5 mai"',
            'date: "05-01"',
            'content/data/jours_feries.yml:{line}: jours[fete_du_travail].date : jour fixe écrit "MM-JJ"',
            id="jours fériés: date",
        ),
        pytest.param(
            "aide_juridictionnelle",
            "        valeur: 11262\n",
            "        valeur: 11 262 €\n",
            "valeur: 11262",
            "content/data/aide_juridictionnelle.yml:{line}: baremes[2021].plafonds.totale.valeur : on attend un montant entier",
            id="AJ: montant en texte",
        ),
        pytest.param(
            "aide_juridictionnelle",
            "        verifie_le: 2026-11-23\n",
            "        verifie_le: hier\n",
            "        verifie_le: 2026-11-23",
            "content/data/aide_juridictionnelle.yml:{line}: baremes[2021].plafonds.totale.verifie_le : on attend une date",
            id="AJ: date de vérification",
        ),
    ],
)
def test_erreur_de_donnees_a_sa_vraie_ligne(name, old, new, needle, expected):
    text = real(name)
    assert old in text
    found = errors(text.replace(old, new, 1), name)
    wanted = expected.format(line=_line(text, needle))  # la ligne, trouvée dans le texte d'origine
    assert any(e.startswith(wanted) for e in found), (wanted, found)


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), start=1) if needle in line)


def test_cle_ecrite_deux_fois():
    text = real("urgences").replace(
        "    quand: En cas de danger immédiat.\n", "    quand: En cas de danger immédiat.\n    quand: Toujours.\n", 1
    )
    found = errors(text, "urgences")
    assert any("« quand » est écrit deux fois (déjà ligne" in e for e in found), found


@pytest.mark.parametrize(
    "text, line, message",
    [
        ('a: 1\nb: "abc\nc: 2\n', 2, "fin du fichier atteinte avant le guillemet"),
        ("a: 1\nb: [x, y\nc: 2\n", 2, "crochet « [ » non fermé"),
        ("a:\n  b: 1\n c: 2\n", 3, "indentation incohérente"),
        ("a: 1\nb: c: d\n", 2, "deux-points mal placé"),
        ("a: 1\n\tb: 2\n", 2, "tabulation interdite"),
    ],
)
def test_erreur_de_syntaxe_yaml_a_sa_ligne(text, line, message):
    with pytest.raises(LectureImpossible) as info:
        yaml_avec_lignes(text, "content/data/x.yml")
    assert str(info.value.erreur).startswith(f"content/data/x.yml:{line}: YAML invalide : {message}")


def project_with_data(tmp_path, name: str, edit) -> Path:
    root = write_project(tmp_path / "p")
    path = root / "content" / "data" / f"{name}.yml"
    if edit is None:
        path.unlink()
    elif isinstance(edit, bytes):
        path.write_bytes(edit)
    else:
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def test_check_refuse_un_urgences_casse(tmp_path, capsys):
    from generator.__main__ import main

    root = project_with_data(tmp_path, "urgences", lambda t: t.replace("    quand: Urgence médicale.\n", "", 1))
    assert main(["--racine", str(root), "check"]) == 1
    err = capsys.readouterr().err
    line = _line(real("urgences"), "id: samu")  # l'entrée est nommée par son id
    assert f"content/data/urgences.yml:{line}: urgence[samu] : il manque « quand »" in err
    assert "Traceback" not in err


def test_yaml_illisible_dans_un_fichier_de_donnees(tmp_path):
    root = project_with_data(tmp_path, "delais", lambda t: t.replace("  cpc_641:\n", "  cpc_641\n", 1))
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    line = _line(real("delais"), "  cpc_641:")
    assert any(str(e).startswith(f"content/data/delais.yml:{line}: YAML invalide") for e in info.value.errors), (
        info.value.errors
    )


def test_fichier_de_donnees_pas_en_utf8(tmp_path):
    latin = real("urgences").encode("utf-8").replace("immédiat".encode(), "immédiat".encode("latin-1"))
    root = project_with_data(tmp_path, "urgences", latin)
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    line = _line(real("urgences"), "immédiat")
    assert [str(e) for e in info.value.errors] == [
        f"content/data/urgences.yml:{line}: le fichier n'est pas en UTF-8 (octet 0xe9) : enregistrez-le en UTF-8 dans votre éditeur"
    ]


def test_fichier_de_donnees_manquant_ou_sans_schema(tmp_path):
    root = project_with_data(tmp_path, "jours_feries", None)
    (root / "content" / "data" / "tarifs.yml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    found = [str(e) for e in info.value.errors]
    assert "content/data/jours_feries.yml:1: fichier de données manquant" in found
    assert any(e.startswith("content/data/tarifs.yml:1: aucun schéma pour ce fichier") for e in found)


def test_controle_des_regles_aj_place_a_sa_ligne(tmp_path):
    """Ce que pyscripts/aj/verification.py contrôle au-delà du schéma (année d'applicable_du) a sa ligne."""
    text = real("aide_juridictionnelle")
    root = project_with_data(
        tmp_path,
        "aide_juridictionnelle",
        lambda t: t.replace("applicable_du: 2022-01-21", "applicable_du: 2023-01-21", 1),
    )
    with pytest.raises(ErreursDeContenu) as info:
        verifie_le_contenu(lit_config_du_site(root))
    line = _line(text, "  - annee: 2022")
    assert any(
        str(e).startswith(f"content/data/aide_juridictionnelle.yml:{line}: baremes[2022] : `applicable_du`")
        for e in info.value.errors
    ), info.value.errors


def test_crochet_pour_les_formulaires(tmp_path, monkeypatch):
    """content/formulaires/*.yml est vérifié d'après generator/schemas/formulaire.yml dès que celui-ci existe."""
    root = write_project(tmp_path / "p")
    forms = root / "content" / "formulaires"
    forms.mkdir()
    (forms / "cerfa-1.yml").write_text("id: cerfa-1\ntitre: 12\n", encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as info:  # le vrai schéma (generator/schemas/formulaire.yml) le vérifie
        verifie_le_contenu(lit_config_du_site(root))
    assert "content/formulaires/cerfa-1.yml:1: le fichier : il manque « cerfa »" in str(info.value)
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    for path in schema.DOSSIER.glob("*.yml"):
        (schemas / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (schemas / "formulaire.yml").write_text(
        textwrap.dedent("""\
        type: object
        required: [id, titre]
        properties:
          id: {type: string}
          titre: {type: string}
        """),
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "DOSSIER", schemas)
    schema.lit_schema.cache_clear()
    try:
        with pytest.raises(ErreursDeContenu) as info:
            verifie_le_contenu(lit_config_du_site(root))
    finally:
        schema.lit_schema.cache_clear()
    assert [str(e) for e in info.value.errors] == [
        "content/formulaires/cerfa-1.yml:2: titre : on attend un texte, pas « 12 »"
    ]


def test_un_schema_mal_ecrit_est_refuse(tmp_path, monkeypatch):
    (tmp_path / "x.yml").write_text("type: object\nproperties:\n  a: {type: string, minLenght: 1}\n", encoding="utf-8")
    monkeypatch.setattr(schema, "DOSSIER", tmp_path)
    schema.lit_schema.cache_clear()
    try:
        with pytest.raises(schema.SchemaInvalide, match="mot-clé inconnu minLenght"):
            schema.lit_schema("x")
    finally:
        schema.lit_schema.cache_clear()


@pytest.mark.build
def test_la_construction_refuse_un_delais_casse(tmp_path, build_project):
    """Sans son `texte:`, une référence faisait dire « erreur de l'outil » à chaque calcul."""
    root = project_with_data(tmp_path, "delais", lambda t: t.replace("    texte: C. proc. civ., art. 641\n", "", 1))
    with pytest.raises(ErreursDeContenu) as info:
        build_project(root, avec_pdf=False)
    line = _line(real("delais"), "  cpc_641:")
    assert [str(e) for e in info.value.errors] == [
        f"content/data/delais.yml:{line}: references.cpc_641 : il manque « texte »"
    ]
    assert not (root / "site").exists()


# ── Bornes : une valeur démesurée est refusée à sa ligne, avant tout rendu ──


def test_un_texte_trop_long_est_refuse_a_sa_ligne(tmp_path):
    dossier = tmp_path / "schemas"
    dossier.mkdir()
    (dossier / "x.yml").write_text("type: object\nproperties:\n  a: {type: string, maxLength: 5}\n", encoding="utf-8")
    fichier = tmp_path / "x.yml"
    fichier.write_text("b: 1\na: abcdefgh\n", encoding="utf-8")
    ancien = schema.DOSSIER
    schema.DOSSIER = dossier
    schema.lit_schema.cache_clear()
    try:
        _, erreurs = schema.valide_fichier(fichier, "content/data/x.yml", "x")
    finally:
        schema.DOSSIER = ancien
        schema.lit_schema.cache_clear()
    assert [str(e) for e in erreurs] == [
        "content/data/x.yml:2: a : texte trop long (8 caractères, 5 au plus) : raccourcissez-le ou coupez-le en plusieurs"
    ]


@pytest.mark.parametrize(
    "texte, ligne, message",
    [
        ("a: 1\nb: " + "[" * 60 + "]" * 60 + "\n", 2, "imbrication trop profonde (plus de 40 niveaux"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdef", "bcdefg")),
            1,
            "plus de 1\u202f000\u202f000 valeurs une fois les alias",
        ),
    ],
    ids=["60 niveaux", "alias qui se démultiplient"],
)
def test_un_yaml_demesure_est_refuse_sans_etre_parcouru(texte, ligne, message):
    """Ni récursion ni parcours exponentiel : refusé d'un passage sur les nœuds, à la ligne fautive."""
    with pytest.raises(LectureImpossible) as info:
        yaml_avec_lignes(texte, "content/data/x.yml")
    assert str(info.value.erreur).startswith(f"content/data/x.yml:{ligne}: {message}")


def test_un_yaml_profond_mais_raisonnable_est_accepte():
    attendu: list = []
    for _ in range(38):
        attendu = [attendu]
    assert yaml_avec_lignes("a: " + "[" * 39 + "]" * 39 + "\n", "x.yml")[0] == {"a": attendu}
