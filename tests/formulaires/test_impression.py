"""Ce qui s'imprime, vérifié sur ce qui est dessiné (pdftotext, pdftoppm), pas sur les valeurs
enregistrées : chaque champ de texte du 16146 et du 15458, rempli de valeurs longues et d'autres
écritures, est entier, dans sa case ou en annexe, à une taille lisible ; un texte de droite à gauche
se lit dans l'ordre logique ; une valeur refusée dit pourquoi, en français ; la requête en
ordonnance de protection tient en un seul PDF complet ; qpdf n'a rien à redire."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from pyscripts.erreurs import EntreeInvalide
from pyscripts.formulaires import ecriture, remplir, verifier
from pyscripts.formulaires.definition import champs_pdf
from pyscripts.formulaires.mise_en_page import MIN_LIGNES, MIN_UNE_LIGNE
from pyscripts.formulaires.remplissage import gabarit, remplit

pytestmark = pytest.mark.pdf

CAPITALES = "DE LA TOUR D'AUVERGNE-LAURAGUAIS MONTMORENCY-BEAUFORT DHARCOURTX"[:60]
LONG = " ".join(f"Ligne {i} : il m'a menacée devant l'école, puis au travail." for i in range(1, 9))[:400]
ECRITURES = {
    "arabe": "فاطمة الزهراء بن علي",
    # Pas de haraka à la fin : pdftotext met un signe qui ouvre sa ligne (le glyphe le plus à gauche) avant le reste.
    "arabe vocalisé": "مُحَمَّد أَحْمَد شَمْسُ الدِّين",
    "hébreu": "שָׁלוֹם כֹּהֵן",
    "persan": "مریم رضایی می\u200cخواهد",
    "cyrillique": "Ольга Петровна Смирнова",
    "tigrigna": "ሰላም ዓለም ተስፋይ",
    "vietnamien": "Nguyễn Thị Ánh Tuyết",
    "latin": "Œdipe Straße Øster Ŀœuvre",
}


def texte_pdf(octets: bytes, *options: str) -> str:
    fini = subprocess.run(["pdftotext", *options, "-", "-"], input=octets, capture_output=True, check=True)
    return unicodedata.normalize("NFC", fini.stdout.decode())


def compact(texte: str) -> str:
    return re.sub(r"[\s\u202a-\u202e…]+", "", texte)


def valeurs_longues(definition: dict, aujourdhui="29/11/2026") -> dict:
    """Chaque champ de texte : 60 capitales sur une ligne, 400 caractères sur plusieurs, ailleurs une valeur valide."""
    valeurs = {}
    for c in champs_pdf(definition):
        if c["type"] == "case":
            continue
        if c["genre"] == "date":
            valeurs[c["nom"]] = "05/03/1990"
        elif c["genre"] == "montant":
            valeurs[c["nom"]] = "12\u202f500"  # l'espace fine insécable qu'imprime le site lui-même
        elif c["genre"] == "nombre":
            valeurs[c["nom"]] = "3"
        elif c.get("max"):
            valeurs[c["nom"]] = "7" * c["max"]
        elif c["type"] == "multiligne":
            valeurs[c["nom"]] = LONG
        else:
            valeurs[c["nom"]] = CAPITALES
    return valeurs


def tailles_dessinees(octets: bytes) -> set[float]:
    """Les tailles de police de l'apparence de chaque champ rempli (« … n Tf »)."""
    tailles = set()
    for page in PdfReader(io.BytesIO(octets)).pages:
        for ref in page.get("/Annots", []):
            annotation = ref.get_object()
            if annotation.get("/FT") == "/Tx" and "/AP" in annotation and annotation.get("/V"):
                flux = annotation["/AP"]["/N"].get_object().get_data().decode("latin-1")
                tailles |= {float(t) for t in re.findall(r" ([\d.]+) Tf", flux)}
    return tailles


@pytest.mark.parametrize("identifiant", ["cerfa-16146", "cerfa-15458"])
def test_chaque_champ_long_imprime_en_entier(pdf_vierge, definitions, identifiant):
    d = definitions[identifiant]
    valeurs = valeurs_longues(d)
    # Le moteur d'impression lui-même (celui de l'ordonnance de protection demanderait d'abord des mesures cohérentes).
    octets = remplit(pdf_vierge[identifiant], valeurs, d)
    texte = compact(texte_pdf(octets))
    assert compact(CAPITALES) in texte
    assert compact(LONG) in texte or compact(LONG)[-80:] in texte  # la fin, au moins, en annexe
    if identifiant == "cerfa-16146":  # un montant tapé avec U+202F s'imprime entier (avant : « 12 ▯ »)
        assert re.search("12[ \u00a0]500", texte_pdf(octets))
    assert "Suitedesréponses" in texte or "suitedesréponses" in texte
    assert min(tailles_dessinees(octets)) >= min(MIN_UNE_LIGNE, MIN_LIGNES)
    qpdf(octets)


def test_multiligne_au_moins_9_points_et_sans_lignes_reglees(pdf_vierge):
    octets = remplir({"formulaire": "cerfa-16146", "valeurs": {"expose": LONG * 5}}, pdf_vierge["cerfa-16146"])
    lecteur = PdfReader(io.BytesIO(octets))
    for page in lecteur.pages:
        for ref in page.get("/Annots", []):
            a = ref.get_object()
            if a.get("/T") == "expose":
                flux = a["/AP"]["/N"].get_object().get_data().decode("latin-1")
                assert {float(t) for t in re.findall(r" ([\d.]+) Tf", flux)} == {MIN_LIGNES}
                assert " re f" in flux  # une case opaque : les lignes réglées du vierge ne traversent jamais le texte
                assert "(suite en annexe, page 8)" in texte_pdf(octets)
    assert compact(LONG * 5)[-200:] in compact(texte_pdf(octets))


def test_case_multiligne_remplie_sans_trait_du_vierge(pdf_vierge, tmp_path):
    """Le fond opaque d'une case multiligne remplie couvre toute la zone réglée : aucun bout des traits
    du vierge ne dépasse à gauche ni à droite (la case laissait 1 mm de marge intérieure à découvert)."""
    from PIL import Image

    g = gabarit(pdf_vierge["cerfa-16146"])
    multilignes = [c for c in g.cases.values() if c.multiligne]
    assert multilignes
    octets = remplir(
        {"formulaire": "cerfa-16146", "valeurs": {c.nom: "x" for c in multilignes}}, pdf_vierge["cerfa-16146"]
    )
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-", tmp_path / "p"], input=octets, check=True)
    echelle = 200 / 72
    for c in multilignes:
        image = Image.open(_page_png(tmp_path, c.page))
        px = image.convert("RGB").load()
        x0, y0, x1, y1 = c.rect
        haut = g.format[1]
        marge = 1.5 * 72 / 25.4  # les traits sous la marge intérieure et le bord, s'ils restaient à découvert
        traits = [
            (x, y)
            for x in range(round((x0 - marge) * echelle), round((x1 + marge) * echelle))
            for y in range(round((haut - y1) * echelle) + 1, round((haut - y0) * echelle) - 1)
            if 150 < px[x, y][0] < 195 and px[x, y][2] - px[x, y][0] > 15  # le gris-bleu des traits (#aab4c2)
        ]
        assert not traits, (c.nom, traits[:5])


def _page_png(dossier, page: int):
    """Le rendu de la page `page` (comptée depuis 0) parmi les p-N.png de pdftoppm (N complété par des
    zéros selon le nombre de pages)."""
    return min(dossier.glob("p-*.png"), key=lambda p: abs(int(p.stem.rsplit("-", 1)[1]) - (page + 1)))


@pytest.mark.parametrize("ecriture_", sorted(ECRITURES))
def test_ecritures_imprimees_dans_l_ordre_logique(pdf_vierge, ecriture_):
    valeur = ECRITURES[ecriture_]
    octets = remplir({"formulaire": "cerfa-16146", "valeurs": {"prenoms": valeur}}, pdf_vierge["cerfa-16146"])
    ligne = next(x for x in texte_pdf(octets, "-layout").splitlines() if "Vos prénoms" in x)
    imprime = ligne.split(":", 1)[1].strip().strip("\u202a\u202b\u202c")
    attendu = ecriture.normalise(valeur).replace("\u200c", "")
    assert imprime.replace("\u200c", "") == attendu
    qpdf(octets)


def mots_dans(octets: bytes, case, hauteur: float) -> list[tuple[float, float]]:
    """(xMin, xMax) de chaque mot dessiné dans une case (pdftotext -bbox, y vers le bas)."""
    boites = texte_pdf(octets, "-bbox", "-f", str(case.page + 1), "-l", str(case.page + 1))
    x0, y0, x1, y1 = case.rect
    sortie = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', boites):
        gauche, haut, droite, bas = map(float, m.groups())
        if x0 - 1 <= gauche and droite <= x1 + 1 and hauteur - y1 <= (haut + bas) / 2 <= hauteur - y0:
            sortie.append((gauche, droite))
    return sortie


@pytest.mark.parametrize("valeur, a_droite", [("فاطمة الزهراء", True), ("שלום", True), ("Fatima Zahra", False)])
def test_une_ligne_de_droite_a_gauche_est_alignee_a_droite(pdf_vierge, valeur, a_droite):
    """Bidi Unicode, P2/P3 : une valeur dont la première lettre s'écrit de droite à gauche part du bord
    droit de sa case."""
    g = gabarit(pdf_vierge["cerfa-16146"])
    case = g.cases["prenoms"]
    octets = remplir({"formulaire": "cerfa-16146", "valeurs": {"prenoms": valeur}}, pdf_vierge["cerfa-16146"])
    mots = mots_dans(octets, case, g.format[1])
    assert len(mots) == len(valeur.split())
    if a_droite:
        assert abs(max(x1 for _, x1 in mots) - (case.rect[2] - 2)) < 1.5, (mots, case.rect)
    else:
        assert abs(min(x0 for x0, _ in mots) - (case.rect[0] + 2)) < 1.5, (mots, case.rect)


def encre(octets: bytes, case, tmp_path, nom: str) -> list[tuple[int, int]]:
    """Les pixels sombres (x, y) d'une case remplie, rendue à 600 dpi."""
    from PIL import Image

    r = 600 / 72
    x0, y0, x1, y1 = case.rect
    hauteur = 841.89
    subprocess.run(
        ["pdftoppm", "-r", "600", "-gray", "-f", str(case.page + 1), "-l", str(case.page + 1)]
        + ["-x", str(int(x0 * r)), "-y", str(int((hauteur - y1) * r)), "-W", str(int((x1 - x0) * r))]
        + ["-H", str(int((y1 - y0) * r)), "-png", "-singlefile", "-", tmp_path / nom],
        input=octets,
        check=True,
    )
    image = Image.open(tmp_path / f"{nom}.png").convert("L")
    px = image.load()
    return {(x, y) for x in range(image.size[0]) for y in range(image.size[1]) if px[x, y] < 128}


def test_harakat_sur_leur_lettre_et_empilees_sans_se_toucher(pdf_vierge, tmp_path):
    """« مَّد » : la fatha sur le mim (pas sur le dal), au-dessus de la chadda, sans qu'elles se touchent
    (sans positionnement des signes, les deux tombaient au même endroit, ou sur la lettre suivante)."""
    g = gabarit(pdf_vierge["cerfa-16146"])
    case = g.cases["prenoms"]

    def dessin(valeur: str, nom: str) -> set:
        octets = remplir({"formulaire": "cerfa-16146", "valeurs": {"prenoms": valeur}}, pdf_vierge["cerfa-16146"])
        return encre(octets, case, tmp_path, nom)

    lettres, meem = dessin("مد", "lettres"), dessin("م", "meem")
    shadda = dessin("مّد", "shadda") - lettres
    fatha = dessin("مَّد", "fatha") - lettres - shadda
    assert shadda and fatha
    colonnes_meem = {x for x, _ in meem}  # aligné à droite : le mim seul tombe là où est celui du mot… à peu près
    droite = max(x for x, _ in lettres)
    largeur_meem = max(colonnes_meem) - min(colonnes_meem)
    for signe in (shadda, fatha):
        centre = sum(x for x, _ in signe) / len(signe)
        assert droite - largeur_meem * 1.2 < centre <= droite, (centre, droite, largeur_meem)
    assert max(y for _, y in fatha) < min(y for _, y in shadda)  # empilées, avec un écart


def test_arabe_lie_et_dessine_de_droite_a_gauche(pdf_vierge):
    """Les glyphes dessinés sont des formes de présentation (lettres liées), dans l'ordre visuel."""
    g = gabarit(pdf_vierge["cerfa-16146"])
    arabe = next(p for p in g.polices.liste if p.couvre("\ufe91"))
    assert arabe is not g.polices.principale
    facon = ecriture.faconne("بن")
    assert facon == "\ufe91\ufee6"  # bāʾ initial, nūn final
    assert ecriture.ordre_visuel(facon, ecriture.niveaux(facon, 1), 1) == "\ufee6\ufe91"


@pytest.mark.parametrize(
    "valeur, extrait",
    [("王小明", "écriture chinoise"), ("Léa 😀", "émojis"), ("김민준", "coréenne"), ("ᏣᎳᎩ", "le caractère")],
)
def test_refus_avant_le_pdf_nomme_le_champ(pdf_vierge, valeur, extrait):
    import base64

    entree = {"formulaire": "cerfa-16146", "valeurs": {"prenoms": valeur}}
    for appel in (
        lambda: remplir(entree, pdf_vierge["cerfa-16146"]),
        lambda: verifier({**entree, "pdf": base64.b64encode(pdf_vierge["cerfa-16146"]).decode()}),
    ):
        with pytest.raises(EntreeInvalide) as erreur:
            appel()
        assert erreur.value.champ == "prenoms"
        assert "« Vos prénoms : »" in erreur.value.message and extrait in erreur.value.message
        assert "à la main" in erreur.value.message or "retirez" in erreur.value.message


def test_normalisation_rien_ne_disparait():
    assert ecriture.normalise("Nguye\u0302\u0303n") == "Nguyễn"  # accents décomposés (un copier-coller depuis un Mac)
    assert ecriture.normalise("\u200eMartin\u200f\u200b") == "Martin"  # marques invisibles venues d'un téléphone
    assert ecriture.normalise("12\u202f500\u2009€") == "12\u00a0500 €"


def test_verifier_annonce_l_annexe_avant_le_pdf(pdf_vierge):
    import base64

    entree = {
        "formulaire": "cerfa-16146",
        "valeurs": {"nom_naissance": CAPITALES * 2, "foyer_7_nom_prenom": "Septième Personne"},
        "pdf": base64.b64encode(pdf_vierge["cerfa-16146"]).decode(),
    }
    annonces = {a["champ"]: a["message"] for a in verifier(entree)["annexes"]}
    assert "annexe" in annonces["nom_naissance"] and "foyer_7_nom_prenom" in annonces


def test_foyer_de_20_personnes_en_annexe(pdf_vierge):
    valeurs = {f"foyer_{i}_nom_prenom": f"Personne numéro {i}" for i in range(1, 21)}
    octets = remplir({"formulaire": "cerfa-16146", "valeurs": valeurs}, pdf_vierge["cerfa-16146"])
    texte = texte_pdf(octets)
    assert all(f"Personne numéro {i}" in texte for i in range(1, 21))
    assert "Suite du tableau" in texte
    with pytest.raises(EntreeInvalide) as erreur:
        remplir({"formulaire": "cerfa-16146", "valeurs": {"foyer_21_nom_prenom": "x"}}, pdf_vierge["cerfa-16146"])
    assert erreur.value.champ == "foyer_21_nom_prenom"


@pytest.mark.parametrize(
    "identifiant, tableau, colonne, imprimees",
    [("cerfa-16146", "foyer", "nom_prenom", 6), ("cerfa-15458", "enfants", "nom_prenoms", 5)],
)
def test_le_tableau_imprime_renvoie_a_sa_suite(pdf_vierge, identifiant, tableau, colonne, imprimees):
    """Un tableau trop court le dit sur la page : sa dernière ligne renvoie à la page de l'annexe, qui
    reprend à partir d'elle (comme le bordereau) ; rien de ce qui était écrit sur cette ligne n'est perdu."""
    valeurs = {f"{tableau}_{i}_{colonne}": f"Personne numéro {i}" for i in range(1, imprimees + 3)}
    entree = {"formulaire": identifiant, "valeurs": valeurs}
    octets = remplir(entree, pdf_vierge[identifiant])
    pages = texte_pdf(octets, "-layout").split("\f")
    suite = next(n for n, p in enumerate(pages, 1) if "Suite du tableau" in p)
    renvoi = f"Lignes {imprimees} à {imprimees + 2} : suite en annexe, page {suite}"
    page_du_tableau = next(p for p in pages if "Personne numéro 1" in p)
    assert renvoi in page_du_tableau and f"Personne numéro {imprimees}" not in page_du_tableau
    assert all(
        re.search(rf"^\s*{i}\s+Personne numéro {i}$", pages[suite - 1], re.M) for i in range(imprimees, imprimees + 3)
    )
    seule = remplir(
        {**entree, "valeurs": {f"{tableau}_{imprimees + 1}_{colonne}": "Septième"}}, pdf_vierge[identifiant]
    )
    assert f"Ligne {imprimees + 1} : suite en annexe" in texte_pdf(seule)


def test_les_pages_d_annexe_sont_balisees(pdf_vierge):
    """PDF/UA : les pages d'annexe ajoutées au remplissage sont balisées comme celles du vierge : chaque
    texte dans un contenu marqué d'un élément de structure (Sect /Lang fr, H2, H3, P, Table), le reste
    en artefact, chaque MCID retrouvé par /ParentTree ; l'arabe dessiné dans l'ordre visuel porte son
    texte tel qu'il a été tapé (/ActualText)."""
    valeurs = {
        "expose": LONG * 5 + "\nفاطمة الزهراء",
        **{f"foyer_{i}_nom_prenom": f"Personne {i}" for i in range(1, 12)},
    }
    octets = remplir({"formulaire": "cerfa-16146", "valeurs": valeurs}, pdf_vierge["cerfa-16146"])
    lecteur = PdfReader(io.BytesIO(octets))
    n_vierge = len(PdfReader(io.BytesIO(pdf_vierge["cerfa-16146"])).pages)
    racine = lecteur.trailer["/Root"]["/StructTreeRoot"]
    nums = feuilles(racine["/ParentTree"])
    parents = dict(zip(nums[::2], nums[1::2]))
    assert racine["/ParentTreeNextKey"] == max(nums[::2]) + 1
    annexes = lecteur.pages[n_vierge:]
    assert annexes
    for page in annexes:
        contenu = page.get_contents().get_data().decode("latin-1")
        hors_marques = re.sub(r"/(?:H2|H3|P|TH|TD|Artifact)\b[^\n]*?(?:BDC|BMC).*?EMC", "", contenu, flags=re.S)
        assert " Tj" not in hors_marques  # aucun texte hors d'une balise ou d'un artefact
        mcids = [int(m) for m in re.findall(r"/MCID (\d+)", contenu)]
        assert mcids == list(range(len(mcids))) and mcids
        elements = parents[page["/StructParents"]]
        assert len(elements) == len(mcids)
        for mcid, element in zip(mcids, elements):
            element = element.get_object()
            assert any(
                getattr(k, "get", None) and k.get("/MCID") == mcid and k["/Pg"].get_object() == page
                for k in element["/K"]
            ), mcid
    sections = [e.get_object() for e in racine["/K"][0].get_object()["/K"]][-1:]
    assert sections[0]["/S"] == "/Sect" and sections[0]["/Lang"] == "fr"
    balises = texte_de_la_structure(octets)
    assert "Personne 11" in balises and "Suite du tableau" in balises
    assert "فاطمة الزهراء" in [
        e.get_object().get("/ActualText") for e in sections[0]["/K"] if e.get_object()["/S"] == "/P"
    ]
    qpdf(octets)


def feuilles(arbre) -> list:
    """Les paires (clé, valeur) d'un arbre de nombres PDF, feuilles comprises."""
    arbre = arbre.get_object()
    return list(arbre.get("/Nums", [])) + [x for enfant in arbre.get("/Kids", []) for x in feuilles(enfant)]


def texte_de_la_structure(octets: bytes) -> str:
    fini = subprocess.run(["pdfinfo", "-struct-text", "-"], input=octets, capture_output=True, check=True)
    return fini.stdout.decode(errors="replace")  # pdfinfo imprime un /T en UTF-16 en octets bruts


def cas_op() -> dict:
    faits = [
        {
            "date": f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}",
            "lieu": "au domicile",
            "faits": f"Fait numéro {i + 1} : il m'a menacée devant les enfants et a cassé la porte. "
            "Les voisins ont entendu les cris et ont appelé la police, qui est venue une heure plus tard.",
            "piece": [f"Pièce numéro {i + 1}"],
        }
        for i in range(25)
    ]
    pieces = [f"Pièce numéro {i + 1}" for i in range(28)]
    return {
        "formulaire": "cerfa-15458",
        "valeurs": {"requerant_prenoms": "فاطمة", "requerant_nom": "EL IDRISSI"},
        "chronologie": faits,
        "pieces": pieces,
        "danger": "Il a dit qu'il reviendrait.",
        "aujourdhui": "2026-11-29",
    }


def test_requete_op_un_seul_pdf_complet(pdf_vierge):
    octets = remplir(cas_op(), pdf_vierge["cerfa-15458"])
    texte = texte_pdf(octets)
    assert all(f"Fait numéro {i} :" in texte for i in range(1, 26))
    assert all(re.search(rf"Pièce numéro {i}\b", texte) for i in range(1, 29))
    assert "exposé des faits" in texte and "bordereau des pièces" in texte
    total = len(PdfReader(io.BytesIO(octets)).pages)
    assert all(f"page {n} / {total}" in texte for n in range(1, total + 1))
    qpdf(octets)


def qpdf(octets: bytes) -> None:
    import tempfile

    if not shutil.which("qpdf"):
        pytest.fail("qpdf manque : make test l'installe (cible chromium du Makefile)")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fichier:
        fichier.write(octets)
        fichier.flush()
        fini = subprocess.run(["qpdf", "--check", fichier.name], capture_output=True)
    sortie = (fini.stdout + fini.stderr).decode()
    assert fini.returncode == 0 and "WARNING" not in sortie, sortie[-800:]
