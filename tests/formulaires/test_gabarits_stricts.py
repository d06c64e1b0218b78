"""Les gabarits des formulaires sont rendus avec StrictUndefined : une faute de frappe (`{{ c.nmo }}`)
arrête la construction à sa ligne. Ici, sans WeasyPrint ni construction : chaque définition réelle se
rend (page, document du PDF, entretien), et une clé inconnue est refusée en nommant le gabarit."""

from __future__ import annotations

import shutil

import jinja2
import pytest

from generator.config import lit_config_du_site
from generator.sorties import formulaires as rendu
from tests.fixtures.chemins import REPO

LIENS = dict.fromkeys(
    ["css", "css_entretien", "pdf", "explication", "entretien", "page", "lexique", "js", "depot"], "x"
)


@pytest.fixture(scope="module")
def site():
    return lit_config_du_site(REPO)


@pytest.mark.parametrize("identifiant", ["cerfa-11527", "cerfa-15458", "cerfa-16146"])
def test_chaque_definition_se_rend_sans_cle_inconnue(site, definitions, identifiant):
    env = rendu.environnement(site.dossier_theme)
    d = rendu.prepare(definitions[identifiant], site.nom)
    assert rendu.document_pdf(env, d) and rendu.page(env, d, LIENS)
    if d["etapes"]:
        assert rendu.entretien(env, d, LIENS, {}, {})


def test_une_cle_inconnue_dans_un_gabarit_est_refusee(site, definitions, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(site.dossier_theme / "formulaires", theme / "formulaires")
    gabarit = theme / "formulaires" / "_rendu.html"
    gabarit.write_text(gabarit.read_text(encoding="utf-8").replace("{{ c.nom }}", "{{ c.nmo }}", 1), encoding="utf-8")
    env = rendu.environnement(theme)
    with pytest.raises(jinja2.UndefinedError, match="nmo"):
        rendu.document_pdf(env, rendu.prepare(definitions["cerfa-15458"], site.nom))
