"""Le « ◇ » qui marque un élément reconstitué reste collé au texte qu'il qualifie : jamais seul sur sa
ligne (après le paragraphe d'une mention, ou renvoyé loin d'un long libellé), jamais perdu avec un
groupe dont le libellé n'est pas imprimé."""

from __future__ import annotations

import copy
import html as html_
import re
import subprocess

import pytest

from tests.fixtures.chemins import REPO

pytestmark = pytest.mark.pdf

FORMULAIRES = ("cerfa-15458", "cerfa-11527", "cerfa-16146")
MARQUE = re.compile(r'(.{0,12})<span class="reconstruit"[^>]*>([^<]*)</span>')


@pytest.fixture(scope="module")
def rendu_():
    from generator.config import lit_config_du_site
    from generator.sorties import formulaires as rendu

    site = lit_config_du_site(REPO)
    env = rendu.environnement(site.dossier_theme)
    liens = {"css": "f.css", "pdf": "f.pdf", "explication": None, "entretien": None}

    def documents(definition):
        d = rendu.prepare(definition, site.nom)
        return {"page": rendu.page(env, d, liens), "pdf": rendu.document_pdf(env, d)}

    return documents


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_la_marque_suit_un_texte_dans_le_html(rendu_, definitions, identifiant):
    for mode, html in rendu_(definitions[identifiant]).items():
        marques = MARQUE.findall(html)
        assert marques, (identifiant, mode)
        for avant, marque in marques:
            # Dans le paragraphe ou le libellé, juste après son texte : pas après une balise fermante.
            assert not re.search(r"</(p|ul|ol|li|div|em|strong)>\s*$", avant), (identifiant, mode, avant)
            # Liée au dernier mot par une espace insécable : un long libellé ne peut pas la laisser seule sur une ligne.
            assert html_.unescape(marque) == "\u00a0◇", (identifiant, mode, marque)


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucune_marque_seule_sur_sa_ligne_dans_le_pdf(pdf_vierge, identifiant):
    texte = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf_vierge[identifiant], capture_output=True, check=True
    ).stdout.decode()
    seules = [n for n, ligne in enumerate(texte.splitlines(), 1) if ligne.strip() == "◇"]
    assert seules == [], f"{identifiant} : « ◇ » seul aux lignes {seules}"


def test_un_groupe_reconstitue_sans_libelle_imprime_garde_sa_marque(rendu_, definitions):
    """« Civilité » n'est pas imprimé : un groupe reconstitué dont les options sont confirmées porte sa
    marque sur sa dernière option, attachée au libellé de cette option."""
    d = copy.deepcopy(definitions["cerfa-15458"])
    identite = next(r for r in d["rubriques"] if any(c.get("nom") == "requerant" for c in r["champs"]))
    identite["statut"] = "S"
    groupe = next(c for c in identite["champs"] if c.get("nom") == "requerant")
    assert not groupe.get("imprime_libelle")
    groupe["statut"] = "R"
    for option in groupe["options"]:
        option["statut"] = "S"
    for mode, html in rendu_(d).items():
        assert re.search(r">Monsieur<span class=\"reconstruit\"[^>]*>(&nbsp;|\u00a0)◇</span>", html), mode
        assert not re.search(r">Madame<span class=\"reconstruit\"", html), mode


CLE = "◇ Élément reconstitué : vérifiez-le sur le formulaire officiel."
ENTETE = "Les éléments marqués ◇ sont reconstitués : vérifiez-les sur le formulaire officiel."


def marques_par_page(octets: bytes) -> list[tuple[int, bool]]:
    """(nombre de marques « ◇ » sur les éléments de la page, si son pied de page porte la légende), par page."""
    texte = subprocess.run(["pdftotext", "-", "-"], input=octets, capture_output=True, check=True).stdout.decode()
    pages = [re.sub(r"\s+", " ", page) for page in texte.split("\f")[:-1]]
    return [(page.count("◇") - page.count(CLE) - page.count(ENTETE), CLE in page) for page in pages]


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_la_cle_du_losange_est_au_pied_des_seules_pages_qui_en_montrent(pdf_vierge, identifiant):
    """Pas de bandeau sur chaque page : l'en-tête le dit une fois, et le pied d'une page explique « ◇ »
    exactement quand la page en montre un."""
    pages = marques_par_page(pdf_vierge[identifiant])
    assert [(n, marques > 0) for n, (marques, cle) in enumerate(pages, 1)] == [
        (n, cle) for n, (_, cle) in enumerate(pages, 1)
    ]
    assert any(cle for _, cle in pages)
    texte = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf_vierge[identifiant], capture_output=True, check=True
    ).stdout.decode()
    assert re.sub(r"\s+", " ", texte.split("\f")[0]).count(ENTETE) == 1
    assert all(ENTETE not in re.sub(r"\s+", " ", page) for page in texte.split("\f")[1:])


def test_16146_seul_le_tableau_du_foyer_est_marque(rendu_, definitions, pdf_vierge):
    """Le nombre de lignes du tableau du foyer est le seul élément reconstitué du 16146 (« ? ») : une
    marque, après son libellé, sur une page (celle du tableau), nulle part ailleurs."""
    for html in rendu_(definitions["cerfa-16146"]).values():
        avant = re.findall(r'([^>]{0,40})<span class="reconstruit"', html)
        assert [html_.unescape(a).replace("\u00a0", " ").endswith("les identifier ci-dessous :") for a in avant] == [
            True
        ]
    pages = marques_par_page(pdf_vierge["cerfa-16146"])
    assert [n for n, (marques, _) in enumerate(pages, 1) if marques] == [2]
    assert sum(marques for marques, _ in pages) == 1
