"""Les fichiers des langues du thème (theme/langues/<code>.yml) : chaque langue a toutes les clés du
français, chaque fautive est dite à sa ligne ; les textes des composants nomment des clés qui existent dans
le JavaScript, et donnent tous ceux des composants de chaque page ; les libellés des numéros d'urgence
sont traduits, avec les heures du français. Et l'isolement des passages latins d'une page en arabe."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from generator import langues
from generator.erreurs import ErreursDeContenu
from generator.mkdocs.bidi import _decoupe
from tests.fixtures.chemins import REPO

THEME = REPO / "theme"
AUTRES = ("en", "ar")
# Où sont écrits les textes français de chaque composant (son `static defaults.i18n`, ou ceux de la page de recherche).
SOURCES_JS = {
    "SortieRapide": THEME / "assets" / "js" / "site.js",
    "Export": THEME / "assets" / "js" / "composants" / "export.mjs",
    "Recherche": THEME / "search" / "main.js",
}


@pytest.fixture(scope="module")
def lues():
    return langues.charge(THEME)


def test_les_langues_du_theme_se_chargent(lues):
    assert set(lues) >= {"fr", "en", "ar"}
    assert lues["ar"].direction == "rtl" and lues["en"].direction == lues["fr"].direction == "ltr"
    assert lues["en"].nom == "English" and lues["ar"].nom == "العربية"


def _copie(tmp_path):
    shutil.copytree(THEME / "langues", tmp_path / "langues")
    return tmp_path / "langues"


@pytest.mark.parametrize(
    ("avant", "apres", "attendu"),
    [
        ("  sortie: Leave quickly\n", "", "theme/langues/en.yml:4: il manque « barre.sortie »"),
        ("  menu: Menu\n", "  menu: Menu\n  menus: Menus\n", "« entete.menus » (absente de fr.yml)"),
        ("direction: ltr\n", "direction: gauche\n", "theme/langues/en.yml:3: « direction » : ltr ou rtl"),
        ("  rechercher: Search\n", "  rechercher: [Search]\n", "« entete.rechercher » : un texte"),
    ],
)
def test_une_cle_fautive_est_dite_a_sa_ligne(tmp_path, avant, apres, attendu):
    dossier = _copie(tmp_path)
    en = dossier / "en.yml"
    texte = en.read_text(encoding="utf-8")
    assert avant in texte
    en.write_text(texte.replace(avant, apres, 1), encoding="utf-8")
    with pytest.raises(ErreursDeContenu) as exc:
        langues.charge(tmp_path)
    assert attendu in str(exc.value), str(exc.value)


def _cles_js(source: str) -> set[str]:
    return set(re.findall(r"^\s*(\w+):", source, re.M))


@pytest.mark.parametrize("code", AUTRES)
def test_les_textes_des_composants_sont_ceux_du_javascript(lues, code):
    composants = lues[code].textes["composants"]
    assert set(composants) == set(SOURCES_JS)
    for nom, textes in composants.items():
        attendues = _cles_js(SOURCES_JS[nom].read_text(encoding="utf-8"))

        def feuilles(d, prefixe=""):
            for cle, valeur in d.items():
                yield from feuilles(valeur, cle) if isinstance(valeur, dict) else [cle]

        donnees = set(feuilles(textes))
        assert donnees <= attendues, (nom, donnees - attendues)
    # Chaque texte de la sortie rapide, des avertissements avant un export et de la page de recherche.
    assert set(composants["SortieRapide"]) == {"appuyezEncore", "annulee", "titreNeutre"}
    assert set(composants["Export"]) == {"continuer", "annuler", "ics", "pdf", "onglet", "impression"}
    assert "{n}" in composants["SortieRapide"]["appuyezEncore"] and "{n}" in composants["Recherche"]["plusieurs"]


@pytest.mark.parametrize("code", AUTRES)
def test_chaque_numero_du_pied_de_page_a_son_libelle_avec_les_heures_du_francais(lues, code):
    urgences = yaml.safe_load((REPO / "content" / "data" / "urgences.yml").read_text(encoding="utf-8"))
    for numero in urgences["urgence"] + urgences["ecoute"]:
        libelle, repli = lues[code].libelle(numero)
        assert repli is None, f"{code} : pas de libellé pour « {numero['id']} »"
        heures = r"(?<![:\d])\d+"  # « 9:00 » est le « 9 h » français
        assert re.findall(heures, libelle) == re.findall(heures, numero["libelle"]), (numero["id"], libelle)


def test_les_dates_dans_la_langue(lues):
    import datetime as dt

    jour = dt.date(2026, 12, 7)
    assert lues["fr"].date(jour) == "lundi 7 décembre 2026"
    assert lues["en"].date(jour) == "7 December 2026"
    assert lues["ar"].date("2026-12-07") == "7 ديسمبر 2026"


def test_les_passages_latins_sont_isoles():
    noeuds = _decoupe("أمر الحماية (ordonnance de protection) و Cerfa 16146.")
    spans = [n for n in noeuds if not isinstance(n, str)]
    assert [s.text for s in spans] == ["ordonnance de protection", "Cerfa 16146"]
    assert all(s.get("lang") == "fr" and s.get("dir") == "ltr" for s in spans)
    assert spans[0].tail == ") و "  # les parenthèses restent dans la phrase arabe
    assert _decoupe("اتصلوا بالرقم 17.") is None  # des chiffres seuls ne sont pas un passage en latin
    assert _decoupe("\x02wzxhzdk:0\x03 عربي") is None  # le marqueur de Markdown pour le HTML brut reste entier
