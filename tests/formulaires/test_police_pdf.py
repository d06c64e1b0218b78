"""Ce que dessinent les PDF : leur texte en DejaVu Sans du paquet figé (les champs gardent la police de
pdf.css et les polices de secours), et un texte extrait sans caractère de ligature."""

from __future__ import annotations

import re
import subprocess

import pytest

from generator.sorties import pdf
from generator.sorties import police_principale as police

pytestmark = pytest.mark.pdf

FORMULAIRES = ("cerfa-16146", "cerfa-15458", "cerfa-11527")
# Alphabetic presentation forms (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): a ligature glyph read back as one character.
LIGATURES = re.compile("[\ufb00-\ufb06]")
NOTRE_FACE = re.compile(r"^[A-Z]{6}\+JPAP-DejaVu-Sans(-Bold)?(-Oblique|-Italic)?(-Semi-Condensed)?$")
SECOURS_MACHINE = re.compile(r"^[A-Z]{6}\+DejaVu-Sans$")
# The fields' font (pdf.css, what pyscripts.formulaires measures and draws with, plus the Noto fallbacks).
POLICE_DES_CHAMPS = re.compile(r"^[A-Z]{6}\+Liberation-Sans$")


def polices(octets: bytes) -> set[str]:
    sortie = subprocess.run(["pdffonts", "-"], input=octets, capture_output=True, check=True).stdout.decode()
    return {ligne.split()[0] for ligne in sortie.splitlines()[2:]}


def texte(octets: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=octets, capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_le_formulaire_n_emploie_que_la_police_du_paquet(pdf_vierge, identifiant):
    noms = {n for n in polices(pdf_vierge[identifiant]) if not POLICE_DES_CHAMPS.match(n)}
    assert noms and all(NOTRE_FACE.match(n) for n in noms), noms
    assert any(n.endswith("-Semi-Condensed") for n in noms)  # the forms' face


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucune_ligature_dans_le_texte_du_formulaire(pdf_vierge, identifiant):
    t = texte(pdf_vierge[identifiant])
    assert not LIGATURES.findall(t)
    if identifiant != "cerfa-11527":
        assert "officiel" in t  # the words that a ligature used to break


def test_un_caractere_absent_de_la_police_ne_fait_pas_venir_une_police_de_la_machine(tmp_path):
    """Chinese and an emoji: DejaVu has neither; the PDF shows a missing glyph, in our font."""
    from tests.fixtures.chemins import REPO

    css = (REPO / "theme" / "print" / "pdf.css").read_text(encoding="utf-8")
    html = '<html lang="fr"><title>t</title><p>Nguyễn فاطمة Владимир 中文 😀 officiel <em>efficace</em></p></html>'
    sortie = tmp_path / "site" / "t.pdf"
    pdf.ecrit_les_pdf([pdf.job(html, css, sortie)], css, tmp_path / "site", tmp_path / "cache")
    octets = sortie.read_bytes()
    noms = polices(octets)
    # Our font draws every letter; the glyph that no font has (Chinese, emoji) is still drawn as missing by
    # the machine's fallback (fontconfig), not by another script's font.
    assert noms and all(NOTRE_FACE.match(n) or SECOURS_MACHINE.match(n) for n in noms), noms
    assert any(NOTRE_FACE.match(n) for n in noms)
    t = texte(octets)
    assert "officiel" in t and "efficace" in t and not LIGATURES.findall(t)


def test_la_cle_du_cache_depend_de_la_police(monkeypatch):
    avant = pdf.job("<p>x</p>", "", police.DOSSIER / "x.pdf").key
    monkeypatch.setattr(police, "empreinte", lambda: "autre police")
    assert pdf.job("<p>x</p>", "", police.DOSSIER / "x.pdf").key != avant
