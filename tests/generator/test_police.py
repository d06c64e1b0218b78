"""La police de chaque PDF : épinglée dans package-lock.json, installée par `make install`, elle
dessine les écritures dans lesquelles les gens écrivent leur nom ; WeasyPrint peut la lire, et rien
d'autre hors du site."""

from __future__ import annotations

import json
import os
import re
import unicodedata

import pytest
from fontTools.ttLib import TTFont

from generator.sorties import pdf
from generator.sorties import police_principale as police
from tests.fixtures.chemins import REPO

# Ce qu'une personne peut taper dans un formulaire, et ce qu'impriment les formulaires : le latin avec
# les tons vietnamiens et les accents empilés, Œ ß Ø, le grec, le cyrillique (russe, ukrainien),
# l'arabe, le persan, nos signes.
ECRITURES = {
    "latin": "Œœ ß ẞ Øø Ææ Çç ÀÉÈÊËÎÏÔÙÛÜŸ Ŀŀ Ğğ Şş Ćč Łł Ńń Őő",
    "vietnamien": "Nguyễn Thị Hương ĐẶNG Ứng Ờ ự ỹ Ạ ả ẩ ặ ẻ ộ",
    "grec": "Αλέξανδρος Ωω",
    "cyrillique": "Владимир Ёё Жж Щщ Ъъ Ыы Ээ Юю Яя Іі Її Єє Ґґ",
    "arabe": "فاطمة الزهراء محمد بن عبد الله ١٢٣",
    "persan": "پ چ ژ گ ک ی ۱۲۳",
    "signes": "« » ’ – — … € ◇ ◆ ► № \u00a0\u202f\u2009",
}
# Les formes de présentation arabes, ce qu'écrit un façonnage en pur Python (arabic-reshaper) : tout
# le bloc Presentation Forms-B (les lettres dans leurs quatre positions, lam-alif) et les lettres
# persanes des Presentation Forms-A.
FORMES_B = [c for c in range(0xFE70, 0xFEFD) if unicodedata.name(chr(c), None)]
FORMES_A_PERSAN = [*range(0xFB56, 0xFB5A), *range(0xFB7A, 0xFB7E), 0xFB8A, 0xFB8B, *range(0xFB8E, 0xFB96)]
FORMES_A_PERSAN += [*range(0xFBFC, 0xFC00)]


def test_le_paquet_est_epingle_et_installe():
    paquet = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert paquet["dependencies"][police.PAQUET] == police.VERSION  # version exacte, pas d'intervalle
    verrou = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    entree = verrou["packages"][f"node_modules/{police.PAQUET}"]
    assert entree["version"] == police.VERSION and entree["integrity"].startswith("sha512-")
    installe = json.loads((police.DOSSIER.parent / "package.json").read_text(encoding="utf-8"))
    assert installe["version"] == police.VERSION
    assert all(f.is_file() for f in police.fichiers())


@pytest.mark.parametrize("fichier", ["DejaVuSansCondensed.ttf", "DejaVuSans.ttf"])
def test_la_police_dessine_les_ecritures_attendues(fichier):
    cmap = TTFont(police.DOSSIER / fichier).getBestCmap()
    manquants = {
        nom: "".join(sorted({c for c in texte if c != " " and ord(c) not in cmap})) for nom, texte in ECRITURES.items()
    }
    assert not any(manquants.values()), manquants
    assert [hex(c) for c in FORMES_B + FORMES_A_PERSAN if c not in cmap] == []


def test_les_regles_font_face_nomment_chaque_face():
    regles = police.regles()
    for nom, *_ in police.FACES:
        assert (police.DOSSIER / nom).as_uri() in regles
    assert regles.count(f'font-family: "{police.FAMILLE}"') == len(police.FACES)
    assert {e for _, e, *_ in police.FACES} == {"normal", "semi-condensed"}


def test_weasyprint_lit_la_police_et_rien_d_autre_hors_du_site(tmp_path):
    assert pdf.allowed(police.FORMULAIRE.as_uri(), tmp_path)
    assert not pdf.allowed((police.DOSSIER.parent / "package.json").as_uri(), tmp_path)
    assert not pdf.allowed((REPO / "pyproject.toml").as_uri(), tmp_path)


def test_fontconfig_des_rendus_ne_connait_aucune_police(monkeypatch):
    monkeypatch.setenv("FONTCONFIG_FILE", "/machine")  # rétablie après le test
    police.isole()
    conf = (police.CACHE_FONTCONFIG / "fonts.conf").read_text(encoding="utf-8")
    assert os.environ["FONTCONFIG_FILE"] == str(police.CACHE_FONTCONFIG / "fonts.conf")
    assert "<dir" not in conf and "<include" not in conf  # seules existent les polices des @font-face


def test_la_police_des_champs_vient_du_paquet_sans_arabe_ni_emoji():
    """La police des champs : DejaVu Sans Condensed du paquet, renommée, les mêmes octets à chaque fois ;
    pas d'arabe (la ToUnicode du secours Noto lit les formes liées comme des lettres), pas d'émoji
    (refusé avant le PDF)."""
    import io

    from generator.sorties import police_champs

    octets = police_champs.octets()
    police_champs.octets.cache_clear()
    assert police_champs.octets() == octets
    fonte = TTFont(io.BytesIO(octets))
    cmap = fonte.getBestCmap()
    assert fonte["name"].getDebugName(1) == police_champs.FAMILLE
    source = TTFont(police.DOSSIER / police_champs.SOURCE)
    nom = cmap[ord("Ж")]
    assert fonte["glyf"][nom].coordinates == source["glyf"][source.getBestCmap()[ord("Ж")]].coordinates
    for texte in ("Nguyễn Thị", "Œ ß Ø", "Владимир", "Αλέξανδρος", "Աննա", "ნინო", "« » – — … €"):
        assert all(ord(c) in cmap for c in texte if c != " "), texte
    assert not [c for c in cmap if 0x0600 <= c <= 0x08FF or 0xFB50 <= c <= 0xFDFF or 0xFE70 <= c <= 0xFEFF]
    assert not [c for c in cmap if c >= 0x2600 and c not in range(0x2C60, 0xFB18)]  # ni symboles ni émojis


@pytest.mark.parametrize("feuille", ["theme/print/pdf.css", "theme/formulaires/pdf.css"])
def test_les_feuilles_des_pdf_demandent_la_police_sans_ligatures(feuille):
    """DejaVu Sans a les glyphes ﬁ ﬂ ﬃ : une ligature se relirait « oﬃciel » (recherche, copie, lecteurs
    d'écran)."""
    css = (REPO / feuille).read_text(encoding="utf-8")
    racine = re.search(r"^html \{([^}]*)\}", css, re.MULTILINE).group(1)
    assert f'font-family: "{police.FAMILLE}"' in racine
    assert "font-variant-ligatures: none" in racine


def test_la_cle_du_cache_couvre_le_code_qui_complete_le_vierge():
    """polices.complete écrit dans le vierge avec du code de pyscripts.formulaires (pagination, arbre de
    structure) : chaque module qu'il atteint entre dans la clé, sinon un vierge en cache, écrit par un
    code plus ancien, serait servi."""
    import ast

    dossier = REPO / "pyscripts" / "formulaires"
    a_voir, vus = ["remplissage", "balisage", "gabarit", "polices", "increment"], set()
    while a_voir:
        nom = a_voir.pop()
        if nom in vus or not (dossier / f"{nom}.py").is_file():
            continue
        vus.add(nom)
        for noeud in ast.walk(ast.parse((dossier / f"{nom}.py").read_text(encoding="utf-8"))):
            if isinstance(noeud, ast.ImportFrom) and noeud.level == 1:
                a_voir += [noeud.module] if noeud.module else [alias.name for alias in noeud.names]
    assert vus <= set(pdf.COMPLETE_LE_VIERGE), vus - set(pdf.COMPLETE_LE_VIERGE)
