"""Les formulaires vierges tels qu'imprimés : des PDF valides (qpdf), les mêmes octets à chaque
construction, la typographie française et la mise en page des formulaires officiels (pages, sauts,
colonne « N° » étroite)."""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.fixtures.chemins import REPO

pytestmark = pytest.mark.pdf

FORMULAIRES = ("cerfa-16146", "cerfa-15458", "cerfa-11527")


def pdftotext(octets: bytes, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, "-", "-"], input=octets, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_qpdf_ne_trouve_rien_a_redire(pdf_vierge, identifiant, tmp_path):
    fichier = tmp_path / f"{identifiant}.pdf"
    fichier.write_bytes(pdf_vierge[identifiant])
    verdict = subprocess.run(["qpdf", "--check", fichier], capture_output=True, text=True)
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr
    assert "WARNING" not in verdict.stdout + verdict.stderr


def test_deux_constructions_donnent_les_memes_octets(pdf_vierge, definitions, tmp_path):
    """Rendu à nouveau dans un cache vide (une autre construction, un autre jour) : identique octet pour octet."""
    from generator.config import lit_config_du_site
    from generator.mkdocs.formulaires import chemin_pdf, ecrit_pdfs
    from generator.sorties import formulaires as rendu

    site = lit_config_du_site(REPO)
    document = rendu.document_pdf(
        rendu.environnement(site.dossier_theme), rendu.prepare(definitions["cerfa-11527"], site.nom)
    )
    rapport = ecrit_pdfs(site, {"cerfa-11527": document}, tmp_path / "site", tmp_path / "cache")
    assert rapport == {"rendus": 1, "en_cache": 0}
    assert (tmp_path / "site" / chemin_pdf("cerfa-11527")).read_bytes() == pdf_vierge["cerfa-11527"]


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_les_espaces_de_la_typographie_francaise_sont_insecables(pdf_vierge, identifiant):
    """Jamais un « seul en fin de ligne, ni un » ou l'un des signes : ; ? ! en début de ligne."""
    lignes = [ligne.strip() for ligne in pdftotext(pdf_vierge[identifiant]).splitlines() if ligne.strip()]
    seuls = [ligne for ligne in lignes if ligne.endswith("«") or re.match(r"^[»:;?!](\s|$)", ligne)]
    assert seuls == []


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_le_document_rendu_porte_les_espaces_insecables(definitions, identifiant):
    """Ces espaces deviennent des espaces simples dans la couche de texte : on vérifie donc ce que reçoit
    WeasyPrint."""
    from generator.config import lit_config_du_site
    from generator.sorties import formulaires as rendu

    site = lit_config_du_site(REPO)
    document = rendu.document_pdf(
        rendu.environnement(site.dossier_theme), rendu.prepare(definitions[identifiant], site.nom)
    )
    textes = "".join(re.split(r"<[^>]*>", document))  # les attributs (/TU) restent tels qu'écrits
    assert not re.findall(r"« | »|\w [:;?!](?:\s|$)", textes)
    assert "&#160;" in document


def test_la_colonne_numero_du_bordereau_est_etroite(pdf_vierge):
    boites = pdftotext(pdf_vierge["cerfa-15458"], "-bbox")
    largeur = float(re.search(r'<page width="([\d.]+)"', boites).group(1))
    x = [float(m.group(1)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>Désignation</word>', boites)]
    assert x and x[0] < 0.2 * largeur, x  # « Désignation » commence près du bord gauche, pas au milieu


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_chaque_page_dit_page_n_sur_n(pdf_vierge, identifiant):
    """Une feuille séparée des autres dit laquelle elle est : l'attestation manuscrite 11527 aussi (sans
    champ, WeasyPrint la numérote), pas seulement les formulaires dont le remplissage réécrit la pagination."""
    pages = pdftotext(pdf_vierge[identifiant]).split("\f")[:-1]
    assert len(pages) == pages_pdf(pdf_vierge[identifiant])
    for n, texte in enumerate(pages, 1):
        assert f"page {n} / {len(pages)}" in texte, (n, texte[-200:])


def test_les_lignes_coupees_par_la_page_gardent_leur_cadre(pdf_vierge, tmp_path):
    """La case réglée du 11527 coupée par la fin de page : fermée au bas de la page 1 (pas de bords
    ouverts qui descendent jusqu'au pied), refermée en haut de la page 2."""
    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-gray", "-r", "72", "-png", "-", tmp_path / "p"], input=pdf_vierge["cerfa-11527"], check=True
    )
    for png, cote in ((tmp_path / "p-1.png", "bas"), (tmp_path / "p-2.png", "haut")):
        image = Image.open(png).convert("L")
        largeur, hauteur = image.size
        px = image.load()
        # les rangées qu'un trait sombre traverse sur presque toute la largeur (un bord de case, pas une ligne grise)
        traits = [y for y in range(hauteur) if sum(px[x, y] < 140 for x in range(largeur)) > 0.6 * largeur]
        haut_mm, bas_mm = marges_mm()
        if cote == "bas":
            assert traits and max(traits) > hauteur * (297 - bas_mm - 10) / 297, (png, traits)
        else:
            assert traits and min(traits) < hauteur * (haut_mm + 10) / 297, (png, traits)


# ---- Mise en page : pages, sauts, pages citées par la notice ---------------------------------


def pages_pdf(octets: bytes) -> int:
    sortie = subprocess.run(["pdfinfo", "-"], input=octets, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", sortie, re.MULTILINE).group(1))


def lignes_par_page(octets: bytes) -> list[list[tuple[float, str]]]:
    """[(haut de la ligne / hauteur de la page, texte)] de chaque page, dans l'ordre de lecture (pdftotext)."""
    import xml.etree.ElementTree as ET

    xml = re.sub(r'xmlns="[^"]+"', "", pdftotext(octets, "-bbox-layout"))
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        hauteur = float(page.get("height"))
        pages.append(
            [
                (float(ligne.get("yMin")) / hauteur, " ".join(mot.text for mot in ligne.iter("word")))
                for ligne in page.iter("line")
            ]
        )
    return pages


def marges_mm() -> tuple[float, float]:
    """Les marges haute et basse des pages des PDF de formulaires (theme/formulaires/pdf.css), en mm."""
    css = (REPO / "theme" / "formulaires" / "pdf.css").read_text(encoding="utf-8")
    haut, _, bas = re.search(r"@page \{[^}]*?margin: ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm;", css).groups()
    return float(haut), float(bas)


# Le pied de page courant est en haut de la marge basse : la mesure s'arrête 1 mm au-dessus (sans cet
# écart, son anticrénelage atteignait la dernière rangée mesurée et toute page paraissait pleine).
AU_DESSUS_DU_PIED = 1.0


def remplissage(octets: bytes, tmp_path) -> list[float]:
    """Par page, jusqu'où le dessin descend dans le corps de la page (0 : vide, 1 : jusqu'au pied), vu
    sur un rendu : texte, lignes, cases et cadres confondus."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-gray", "-r", "24", "-png", "-", tmp_path / "p"], input=octets, check=True)
    haut_mm, bas_mm = marges_mm()
    sortie = []
    for png in sorted(tmp_path.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        image = Image.open(png).convert("L")
        largeur, hauteur = image.size
        px = image.load()
        haut, bas = round(hauteur * haut_mm / 297), round(hauteur * (297 - bas_mm - AU_DESSUS_DU_PIED) / 297)
        encre = [y for y in range(haut, bas) if any(px[x, y] < 200 for x in range(largeur))]
        sortie.append((max(encre, default=haut) - haut) / (bas - haut))
    return sortie


def test_la_mesure_du_remplissage_voit_une_page_a_moitie_vide(pdf_vierge, tmp_path):
    """La mesure elle-même : la page 3 du 16146 (la rubrique 3 seule, l'officiel change de page avant la
    rubrique 4) est à peu près à moitié pleine ; une mesure qui dirait toujours « pleine » laisserait
    passer une page presque vide."""
    pleines = remplissage(pdf_vierge["cerfa-16146"], tmp_path)
    assert 0.3 < pleines[2] < 0.7, [round(p, 2) for p in pleines]


def test_16146_sept_pages_au_plus(pdf_vierge):
    """Le 16146*03 officiel a 6 pages ; le nôtre, aux lignes assez hautes pour écrire à la main, 7. Six
    ont été essayées : sans le saut avant la rubrique 10, la page 7 garde une demi-page (attestation,
    ATTENTION) ; les pages 4 et 5 sont pleines et la notice fixe la page 4 (« milieu de la page 4 » : un
    cinquième de page au plus peut remonter en page 3) ; le reste demanderait 9 % de hauteur en moins
    sur les pages 4 à 6, soit un texte sous 8 pt et des lignes à écrire sous 6,5 mm."""
    assert pages_pdf(pdf_vierge["cerfa-16146"]) <= 7


def test_16146_les_renvois_de_la_notice_restent_vrais(pdf_vierge):
    """Notice 52347#03 : « cocher la case « vous ne disposez pas d'un avis d'imposition » au milieu
    de la page 4 du formulaire » ; « en page 6 rubrique 9 « votre protection juridique » »."""
    pages = lignes_par_page(pdf_vierge["cerfa-16146"])
    ou = {texte: (n, y) for n, lignes in enumerate(pages, 1) for y, texte in lignes}
    n, y = next(v for t, v in ou.items() if t.startswith("2. Vous ne disposez pas d'un avis d'imposition"))
    assert n == 4 and 0.3 < y < 0.7, (n, y)
    assert next(v for t, v in ou.items() if t.startswith("9 - VOTRE PROTECTION JURIDIQUE"))[0] == 6


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucune_page_presque_vide(pdf_vierge, identifiant, tmp_path):
    """Aucune page remplie à moins d'un quart ; avant la dernière, aucune vide à plus de 40 % (15458, 11527)."""
    pleines = remplissage(pdf_vierge[identifiant], tmp_path)
    assert len(pleines) == pages_pdf(pdf_vierge[identifiant])
    assert min(pleines) >= 0.25, [round(p, 2) for p in pleines]
    if identifiant != "cerfa-16146":  # le 16146 suit les sauts de page officiels (rubriques 3, 4, 6, 10)
        assert min(pleines[:-1], default=1) >= 0.6, [round(p, 2) for p in pleines]


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_aucun_titre_seul_en_bas_de_page(pdf_vierge, definitions, identifiant, tmp_path):
    """Le titre d'une rubrique n'est jamais la dernière chose dessinée sur une page : ses champs (lignes,
    cases) le suivent."""
    titres = {re.sub(r"\s+", " ", r["titre"]).strip() for r in definitions[identifiant]["rubriques"]}
    haut_mm, bas_mm = marges_mm()
    corps = (297 - haut_mm - bas_mm - AU_DESSUS_DU_PIED) / 297
    fins = remplissage(pdf_vierge[identifiant], tmp_path)  # jusqu'où va le dessin, dans le corps de la page
    for n, (lignes, fin) in enumerate(zip(lignes_par_page(pdf_vierge[identifiant]), fins), 1):
        fin = haut_mm / 297 + fin * corps  # en fraction de la page
        for y, texte in lignes:
            if re.sub(r"^[\dIVX]+ - | ◇$", "", texte).strip() in titres:
                assert fin - y > 15 / 297, (n, texte)  # au moins la hauteur d'un champ dessinée sous lui


@pytest.mark.parametrize("identifiant", FORMULAIRES)
def test_une_rubrique_garde_son_titre_avec_sa_premiere_question(pdf_vierge, definitions, identifiant):
    """Une rubrique qui s'ouvre sur des cases à cocher et une réponse pour toutes (« Dans les deux cas,
    préciser… ») commence sur la page de cette réponse : jamais son titre et une case seuls en bas de
    page, le reste au verso (15458, rubrique IV)."""
    lignes = [(n, texte) for n, page in enumerate(lignes_par_page(pdf_vierge[identifiant]), 1) for _, texte in page]
    verifiees = 0
    for r in definitions[identifiant]["rubriques"]:
        champs = [c for c in r["champs"] if c.get("pdf") is not False]
        k = next((i for i, c in enumerate(champs) if c["type"] != "case"), len(champs))
        if k == 0 or k == len(champs) or champs[k]["type"] not in ("texte", "multiligne") or champs[k].get("si"):
            continue
        titre = re.sub(r"\s+", " ", r["titre"]).strip()
        debut = next(i for i, (_, texte) in enumerate(lignes) if titre in texte)
        reponse = champs[k]["libelle"][:40]
        page_reponse = next(n for n, texte in lignes[debut:] if reponse in texte)
        assert lignes[debut][0] == page_reponse, (titre, lignes[debut][0], page_reponse)
        verifiees += 1
    assert verifiees or identifiant != "cerfa-15458"
