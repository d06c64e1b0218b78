"""Ce que dessinent les PDF : leur texte en DejaVu Sans du paquet figé, les champs dans la police tirée
du même paquet (police_champs.py), aucune police de la machine, et un texte extrait sans ligature."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest

from generator.sorties import pdf
from generator.sorties import police_principale as police

pytestmark = pytest.mark.pdf

FORMULAIRES = ("cerfa-16146", "cerfa-15458", "cerfa-11527")
# Formes de présentation alphabétiques (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) : un glyphe de ligature se relit comme un seul caractère.
LIGATURES = re.compile("[\ufb00-\ufb06]")
# Les faces de nos règles @font-face (police_principale.py) : une police trouvée par fontconfig a un autre nom.
NOTRE_FACE = re.compile(r"^[A-Z]{6}\+JPAP-DejaVu-Sans(-Bold)?(-Oblique|-Italic)?(-Semi-Condensed)?$")
# La police des champs (police_champs.py : pyscripts.formulaires mesure et dessine avec elle, et les secours Noto).
POLICE_DES_CHAMPS = re.compile(r"^[A-Z]{6}\+JPAP-Champs(-Semi-Condensed)?$")


def polices(octets: bytes) -> set[str]:
    sortie = subprocess.run(["pdffonts", "-"], input=octets, capture_output=True, check=True).stdout.decode()
    return {ligne.split()[0] for ligne in sortie.splitlines()[2:]}


def texte(octets: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=octets, capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_le_formulaire_n_emploie_que_la_police_du_paquet(pdf_vierge, identifiant):
    noms = polices(pdf_vierge[identifiant])
    texte = {n for n in noms if not POLICE_DES_CHAMPS.match(n)}
    assert texte and all(NOTRE_FACE.match(n) for n in texte), noms
    assert any(n.endswith("-Semi-Condensed") for n in texte)  # la face des formulaires
    assert len(noms - texte) == (identifiant != "cerfa-11527")  # le 11527 se remplit à la main : aucun champ


@pytest.mark.parametrize("identifiant", ["cerfa-16146", "cerfa-15458"])
def test_la_police_des_champs_est_celle_du_paquet_octet_pour_octet(pdf_vierge, identifiant):
    from pypdf import PdfReader

    from generator.sorties import police_champs

    ressources = PdfReader(io.BytesIO(pdf_vierge[identifiant])).trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]
    champs = [ressources[n].get_object() for n in ressources if POLICE_DES_CHAMPS.match(ressources[n]["/BaseFont"][1:])]
    assert len(champs) == 1
    descripteur = champs[0]["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    assert descripteur["/FontFile2"].get_object().get_data() == police_champs.octets()


def test_aucune_police_de_la_machine(pdf_vierge, definitions, tmp_path):
    """Le 16146 rendu là où fontconfig ne voit aucune police (une configuration vide, et le rendu privé
    du droit de diriger fontconfig vers le paquet) : les mêmes octets que ceux de la construction.
    Toutes ses polices viennent de nos règles @font-face, aucune de /usr/share/fonts."""
    from generator.config import lit_config_du_site
    from generator.mkdocs.formulaires import feuille_pdf
    from generator.sorties import formulaires as rendu
    from tests.fixtures.chemins import REPO

    site = lit_config_du_site(REPO)
    document = rendu.document_pdf(
        rendu.environnement(site.dossier_theme), rendu.prepare(definitions["cerfa-16146"], site.nom)
    )
    css = police.regles() + feuille_pdf(site)
    (tmp_path / "document.html").write_text(document, encoding="utf-8")
    (tmp_path / "style.css").write_text(css, encoding="utf-8")
    (tmp_path / "vide.conf").write_text('<?xml version="1.0"?><fontconfig></fontconfig>\n', encoding="utf-8")
    script = (
        "import sys, warnings; from pathlib import Path; from generator.sorties import pdf, police_principale\n"
        "police_principale.isole = lambda: None\n"
        "warnings.simplefilter('ignore')  # WeasyPrint: « No fonts configured in FontConfig »\n"
        "d = Path(sys.argv[1])\n"
        "sortie = pdf._render((d / 'document.html').read_text(), (d / 'style.css').read_text(), str(d / 'site'),"
        " str(d / 'rendu.pdf'), forms=True)\n"
        "assert sortie is None, sortie\n"
    )
    (tmp_path / "site").mkdir()
    environnement = {**os.environ, "FONTCONFIG_FILE": str(tmp_path / "vide.conf"), "XDG_CACHE_HOME": str(tmp_path)}
    fini = subprocess.run(
        [sys.executable, "-c", script, tmp_path], cwd=REPO, env=environnement, capture_output=True, text=True
    )
    assert fini.returncode == 0, fini.stderr[-2000:]
    assert (tmp_path / "rendu.pdf").read_bytes() == pdf_vierge["cerfa-16146"]


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucune_ligature_dans_le_texte_du_formulaire(pdf_vierge, identifiant):
    t = texte(pdf_vierge[identifiant])
    assert not LIGATURES.findall(t)
    if identifiant != "cerfa-11527":
        assert "officiel" in t  # les mots qu'une ligature coupait


def test_un_caractere_absent_de_la_police_ne_fait_pas_venir_une_police_de_la_machine(tmp_path):
    """Du chinois et un émoji : nos faces n'ont ni l'un ni l'autre (ou pas d'émoji en couleur) ; le PDF
    montre un glyphe manquant de notre police, jamais une police de la machine (sur celle-ci, DejaVu
    Sans dessine l'émoji)."""
    from tests.fixtures.chemins import REPO

    css = (REPO / "theme" / "print" / "pdf.css").read_text(encoding="utf-8")
    html = '<html lang="fr"><title>t</title><p>Nguyễn فاطمة Владимир 中文 😀 officiel <em>efficace</em></p></html>'
    sortie = tmp_path / "site" / "t.pdf"
    pdf.ecrit_les_pdf([pdf.job(html, css, sortie)], css, tmp_path / "site", tmp_path / "cache")
    octets = sortie.read_bytes()
    noms = polices(octets)
    # Dans un processus de rendu, fontconfig ne connaît aucune police (police_principale.isole) : aucun
    # secours pris sur la machine.
    assert noms and all(NOTRE_FACE.match(n) for n in noms), noms
    t = texte(octets)
    assert "officiel" in t and "efficace" in t and not LIGATURES.findall(t)


def test_la_cle_du_cache_depend_de_la_police(monkeypatch):
    avant = pdf.job("<p>x</p>", "", police.DOSSIER / "x.pdf").key
    monkeypatch.setattr(police, "empreinte", lambda: "autre police")
    assert pdf.job("<p>x</p>", "", police.DOSSIER / "x.pdf").key != avant
