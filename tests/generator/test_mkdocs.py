"""Le plugin est un plugin MkDocs ordinaire : `mkdocs build -f mkdocs.yml` (ce que `mkdocs serve` lance à
chaque modification) le charge par son point d'entrée, avec les mêmes contrôles, en français."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.__main__ import cli

from generator.plugin import JusticePlugin

pytestmark = pytest.mark.build


def mkdocs(root: Path, *args: str):
    return CliRunner().invoke(cli, ["build", "-f", str(root / "mkdocs.yml"), *args], catch_exceptions=False)


def sans_pyodide(root: Path, pdf: bool = False) -> Path:
    """La fixture n'a pas de node_modules : on coupe le paquet Pyodide (et les PDF, pour aller vite) dans
    mkdocs.yml."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8").replace("      pyodide: true", "      pyodide: false")
    path.write_text(text if pdf else text.replace("      pdf: true", "      pdf: false"), encoding="utf-8")
    return root


def test_le_plugin_est_declare_a_mkdocs():
    from mkdocs.plugins import get_plugins

    assert get_plugins()["justice"].load() is JusticePlugin
    assert {name for name, _ in JusticePlugin.config_scheme} >= {"site_config", "pdf", "pyodide"}


def test_mkdocs_build_construit_le_site(project, tmp_path):
    out = tmp_path / "sortie"
    result = mkdocs(sans_pyodide(project), "-d", str(out))
    assert result.exit_code == 0, result.output
    html = (out / "guides" / "guide.html").read_text(encoding="utf-8")
    assert "<title>Le guide de l&#39;ordonnance — Site d&#39;essai</title>" in html  # le nom donné par site_config.yml
    assert 'href="../lexique.html#juge-aux-affaires-familiales"' in html  # notre extension Markdown
    assert (out / "lexique.html").is_file()  # notre page générée
    assert not (out / "pdf").exists()  # `pdf: false` dans mkdocs.yml est respecté


@pytest.mark.parametrize(
    "old, new, attendu, anglais",
    [
        pytest.param(
            "type: guide",
            "type: roman",
            "content/guides/guide.md:4: type inconnu « roman »",
            "Traceback",
            id="contrôles du générateur",
        ),
        pytest.param(
            "(../index.md)",
            "(../index.md#nulle-part)",
            "content/guides/guide.md:18: ancre introuvable : « ../index.md#nulle-part »",
            "does not contain an anchor",
            id="avertissement de MkDocs",
        ),
    ],
)
def test_mkdocs_build_fait_les_memes_controles_en_francais(project, tmp_path, old, new, attendu, anglais):
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace(old, new), encoding="utf-8")
    result = mkdocs(sans_pyodide(project), "-d", str(tmp_path / "sortie"))
    assert result.exit_code == 1
    assert attendu in result.output and anglais not in result.output
    assert "Aborted" not in result.output and "Construction arrêtée" in result.output


def test_mkdocs_build_refuse_une_faute_de_gabarit(project, tmp_path):
    base = project / "theme" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("{%- endfor %}", "{%- endfro %}", 1), encoding="utf-8")
    result = mkdocs(sans_pyodide(project), "-d", str(tmp_path / "sortie"))
    assert result.exit_code == 1
    assert "theme/base.html:" in result.output and "gabarit invalide" in result.output
    assert "Traceback" not in result.output


def test_reconstruire_avec_la_meme_instance_repart_de_zero(project, tmp_path):
    """`mkdocs serve` garde une seule instance du plugin d'une construction à l'autre : une modification doit
    être vue, rien de gardé."""
    sans_pyodide(project, pdf=True)
    assert mkdocs(project, "-d", str(tmp_path / "a")).exit_code == 0
    guide = project / "content" / "guides" / "guide.md"
    guide.write_text(guide.read_text().replace("peut délivrer", "peut prononcer"), encoding="utf-8")
    result = mkdocs(project, "-d", str(tmp_path / "b"))
    assert result.exit_code == 0, result.output
    assert "peut prononcer" in (tmp_path / "b" / "guides" / "guide.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "b" / "pdf").iterdir()) == ["guides-guide.pdf", "lexique.pdf"]
