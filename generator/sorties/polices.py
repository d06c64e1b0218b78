"""Compléter le PDF vierge d'un formulaire après WeasyPrint : les polices de secours, « page n / N » et
l'arbre de structure prêt à recevoir les pages d'annexe (pyscripts.formulaires.balisage.prepare).

1. Polices de secours. La police des champs (celle de pdf.css, embarquée en entier par WeasyPrint)
   ne dessine pas tout ce qu'une personne écrit : l'arabe, le guèze (tigrigna, amharique), parfois
   le vietnamien. Pour chaque écriture, une police Noto (paquets npm @fontsource/*, versions
   figées dans package.json, licence OFL) réduite aux seuls caractères que la police des champs
   n'a pas, est ajoutée à /AcroForm /DR (« /Secours… ») : le remplissage (pyscripts.formulaires)
   s'en sert, dans CPython comme dans Pyodide, et refuse le reste avant le PDF (chinois, émojis).
   Les formes contextuelles de l'arabe sont prises dans la police par leurs points de code
   (formes de présentation) : pas de moteur de façonnage dans le navigateur.
2. « page n / N » : un XObject par page, que le remplissage réécrit quand il ajoute des annexes
   (la numérotation de WeasyPrint, écrite dans le contenu des pages, ne pourrait pas changer).

Le tout en une mise à jour incrémentale (pyscripts.formulaires.increment) : les octets de
WeasyPrint restent tels quels. Exécuté dans le processus de rendu (generator/sorties/pdf.py) ;
le résultat est gardé dans le cache des PDF (la clé compte VERSION et les versions des paquets).
"""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
VERSION = "9"  # à changer quand ce module change ce qu'il écrit (clé du cache des PDF)

# (nom de la ressource, paquet npm, fichiers, plages de points de code gardées ; None : tout)
SECOURS = (
    # Les lettres latines des langues d'Europe, d'Afrique et du Vietnam, leurs accents, la ponctuation.
    (
        "/Secours1Latin",
        "@fontsource/noto-sans",
        ("latin", "latin-ext", "vietnamese"),
        ((0x00A0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF)),
    ),
    ("/Secours2Cyrillique", "@fontsource/noto-sans", ("cyrillic", "greek"), ((0x0370, 0x03FF), (0x0400, 0x04FF))),
    (
        "/Secours3Arabe",
        "@fontsource/noto-sans-arabic",
        ("arabic",),
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFBFF), (0xFE70, 0xFEFF)),
    ),
    ("/Secours4Ethiopien", "@fontsource/noto-sans-ethiopic", ("ethiopic",), ((0x1200, 0x139F), (0x2D80, 0x2DDF))),
)


def _fichier(paquet: str, sous_ensemble: str) -> Path:
    nom = paquet.split("/")[-1]
    return NODE_MODULES / paquet / "files" / f"{nom}-{sous_ensemble}-400-normal.woff2"


def versions() -> str:
    """Les versions des paquets de polices (pour la clé du cache), ou « absent »."""
    sortie = []
    for paquet in sorted({s[1] for s in SECOURS}):
        manifeste = NODE_MODULES / paquet / "package.json"
        sortie.append(f"{paquet}@{json.loads(manifeste.read_text())['version'] if manifeste.is_file() else 'absent'}")
    return VERSION + ";" + ",".join(sortie)


def complete(chemin: Path) -> None:
    """Réécrit `chemin` (PDF vierge de WeasyPrint) avec ses polices de secours et sa pagination."""
    from pypdf import PdfReader

    from pyscripts.formulaires import balisage, gabarit, remplissage
    from pyscripts.formulaires.increment import Increment, copie
    from pyscripts.formulaires.polices import Polices

    octets = chemin.read_bytes()
    lecteur = PdfReader(io.BytesIO(octets))
    if "/AcroForm" not in lecteur.trailer["/Root"]:
        return  # un formulaire manuscrit (11527) : pas de champ, sa pagination est celle de WeasyPrint
    g = gabarit.lit(lecteur)
    if not g.polices.liste:
        return  # un formulaire sans champ (manuscrit) : rien à écrire dedans
    inc = Increment(octets, lecteur)
    from pypdf.generic import DictionaryObject, NameObject

    couverts = set(g.polices.principale.glyphes)
    ajoutees = {}
    for nom, paquet, fichiers, plages in SECOURS:
        for sous_ensemble in fichiers:
            fichier = _fichier(paquet, sous_ensemble)
            if not fichier.is_file():
                raise FileNotFoundError(f"{fichier} manque : lancez `make install` (npm ci)")
            police = _police(fichier, couverts, plages)
            if police is None:
                continue
            ressource = nom if sous_ensemble == fichiers[0] else f"{nom}{sous_ensemble.title().replace('-', '')}"
            ajoutees[ressource] = inc.ajoute(_type0(inc, ressource, *police))
            couverts |= set(police[1])
    if ajoutees:
        acro_ref = lecteur.trailer["/Root"].raw_get("/AcroForm")
        acro = copie(acro_ref)
        dr = copie(acro["/DR"])
        polices_dr = copie(dr["/Font"])
        for ressource, ref in ajoutees.items():
            polices_dr[NameObject(ressource)] = ref
        dr[NameObject("/Font")] = polices_dr
        acro[NameObject("/DR")] = dr
        _remplace(inc, lecteur, acro_ref, acro)
    # La pagination : un XObject par page (le remplissage les réécrit), marqué comme artefact.
    total = len(g.pages)
    polices = Polices([g.polices.principale])
    g_pagine = gabarit.Gabarit(g.cases, polices, g.pages, g.format, g.pagination)
    for numero, ref_page in enumerate(g.pages, 1):
        page = copie(ref_page)
        ressources = copie(page["/Resources"])
        xobjets = copie(ressources.get("/XObject", DictionaryObject()))
        xobjets[NameObject(gabarit.PAGINATION)] = inc.ajoute(remplissage.xobjet_page(g_pagine, numero, total))
        ressources[NameObject("/XObject")] = xobjets
        page[NameObject("/Resources")] = ressources
        ajout = f"/Artifact <</Type /Pagination>> BDC q {gabarit.PAGINATION} Do Q EMC\n".encode()
        from pyscripts.formulaires.increment import flux

        contenus = page.raw_get("/Contents")
        liste = list(contenus.get_object()) if isinstance(contenus.get_object(), list) else [contenus]
        from pypdf.generic import ArrayObject

        # WeasyPrint laisse son changement de repère (y vers le bas) en vigueur en fin de page : q … Q autour.
        debut, fin = inc.ajoute(flux(b"q\n")), inc.ajoute(flux(b"\nQ\n" + ajout))
        page[NameObject("/Contents")] = ArrayObject([debut, *liste, fin])
        inc.remplace(ref_page, page)
    if balisage.balise(lecteur):
        balisage.prepare(inc, lecteur)  # les pages d'annexe du remplissage s'ajouteront à l'arbre de structure
    chemin.write_bytes(inc.ecrit())


def _remplace(inc, lecteur, ref, objet) -> None:
    from pypdf.generic import IndirectObject, NameObject

    from pyscripts.formulaires.increment import copie

    if isinstance(ref, IndirectObject):
        inc.remplace(ref, objet)
    else:
        racine = copie(lecteur.trailer["/Root"])
        racine[NameObject("/AcroForm")] = objet
        inc.remplace(lecteur.trailer.raw_get("/Root"), racine)


def _police(fichier: Path, couverts: set[int], plages) -> tuple | None:
    """(octets TrueType réduits, {point de code: glyphe}, {glyphe: largeur /1000}, ascendante, descendante)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    police = TTFont(str(fichier), recalcTimestamp=False)  # sans date : mêmes octets à chaque construction
    codes = sorted(
        c
        for c in police.getBestCmap()
        if c not in couverts and c > 0x20 and (plages is None or any(a <= c <= b for a, b in plages))
    )
    if not codes:
        return None
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = None
    reducteur = subset.Subsetter(options)
    reducteur.populate(unicodes=codes)
    reducteur.subset(police)
    _un_glyphe_par_caractere(police)
    sortie = io.BytesIO()
    police.flavor = None
    police.save(sortie)
    unites = police["head"].unitsPerEm
    ordre = police.getGlyphOrder()
    cmap = {c: ordre.index(nom) for c, nom in police.getBestCmap().items()}
    largeurs = {ordre.index(nom): round(police["hmtx"][nom][0] * 1000 / unites, 3) for nom in ordre}
    hhea = police["hhea"]
    return sortie.getvalue(), cmap, largeurs, hhea.ascent * 1000 / unites, hhea.descent * 1000 / unites


def _un_glyphe_par_caractere(police) -> None:
    """Un glyphe à chaque caractère : Noto dessine le yā' médian arabe (ﻴ) et le yā' persan médian (ﯿ)
    d'un même glyphe, que la table ToUnicode ne peut lire que comme l'un des deux. Chacun reçoit sa copie."""
    import copy

    glyf, hmtx = police["glyf"], police["hmtx"]
    ordre = list(police.getGlyphOrder())
    premiers: set[str] = set()
    copies: dict[int, str] = {}
    for code, nom in sorted(police.getBestCmap().items()):
        if nom not in premiers:
            premiers.add(nom)
            continue
        copies[code] = f"{nom}.u{code:04X}"
        glyf[copies[code]] = copy.deepcopy(glyf[nom])
        hmtx[copies[code]] = hmtx[nom]
        ordre.append(copies[code])
    police.setGlyphOrder(ordre)
    for table in police["cmap"].tables:
        if table.isUnicode():
            table.cmap.update({code: nom for code, nom in copies.items() if code in table.cmap})


def _type0(inc, ressource: str, fichier: bytes, cmap: dict, largeurs: dict, ascendante: float, descendante: float):
    """Une police Type0 / CIDFontType2 (Identity-H, CID = glyphe) avec sa table ToUnicode."""
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    from pyscripts.formulaires.increment import flux

    nom_base = NameObject("/" + "JPAPAA+" + ressource.removeprefix("/"))
    programme = inc.ajoute(flux(fichier, {"/Length1": NumberObject(len(fichier))}))
    descripteur = inc.ajoute(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/FontDescriptor"),
                NameObject("/FontName"): nom_base,
                NameObject("/Flags"): NumberObject(4),
                NameObject("/FontBBox"): ArrayObject(
                    [FloatObject(0), FloatObject(descendante), FloatObject(1000), FloatObject(ascendante)]
                ),
                NameObject("/ItalicAngle"): NumberObject(0),
                NameObject("/Ascent"): FloatObject(ascendante),
                NameObject("/Descent"): FloatObject(descendante),
                NameObject("/CapHeight"): FloatObject(ascendante),
                NameObject("/StemV"): NumberObject(80),
                NameObject("/FontFile2"): programme,
            }
        )
    )
    # Les glyphes d'une police réduite se suivent : un seul « 0 [w0 w1 …] ».
    w = ArrayObject([NumberObject(0), ArrayObject(_nombre(largeurs.get(g, 0)) for g in range(max(largeurs) + 1))])
    descendante_cid = inc.ajoute(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/CIDFontType2"),
                NameObject("/BaseFont"): nom_base,
                NameObject("/CIDSystemInfo"): DictionaryObject(
                    {
                        NameObject("/Registry"): TextStringObject("Adobe"),
                        NameObject("/Ordering"): TextStringObject("Identity"),
                        NameObject("/Supplement"): NumberObject(0),
                    }
                ),
                NameObject("/FontDescriptor"): descripteur,
                NameObject("/W"): w,
                NameObject("/CIDToGIDMap"): NameObject("/Identity"),
            }
        )
    )
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type0"),
            NameObject("/BaseFont"): nom_base,
            NameObject("/Encoding"): NameObject("/Identity-H"),
            NameObject("/DescendantFonts"): ArrayObject([descendante_cid]),
            NameObject("/ToUnicode"): inc.ajoute(flux(_vers_unicode(cmap))),
        }
    )


def _texte_du_glyphe(code: int) -> str:
    """Le texte d'un glyphe : une forme de présentation arabe se lit comme ses lettres (ﻻ → لا),
    que les lecteurs remettent dans l'ordre logique en lisant la ligne de droite à gauche."""
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        lettres = unicodedata.normalize("NFKC", chr(code))
        return lettres[::-1]  # une ligature (lam-alif) dans l'ordre visuel, comme ses voisines
    return chr(code)


def _nombre(x: float):
    from pypdf.generic import FloatObject, NumberObject

    return NumberObject(int(x)) if float(x).is_integer() else FloatObject(round(x, 1))


def _vers_unicode(cmap: dict[int, int]) -> bytes:
    """La table ToUnicode : glyphe → texte (le premier point de code de chaque glyphe)."""
    par_glyphe: dict[int, int] = {}
    for code, glyphe in sorted(cmap.items()):
        par_glyphe.setdefault(glyphe, code)
    lignes = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    paires = sorted(par_glyphe.items())
    for debut in range(0, len(paires), 100):
        bloc = paires[debut : debut + 100]
        lignes.append(f"{len(bloc)} beginbfchar")
        lignes += [f"<{g:04X}> <{_texte_du_glyphe(c).encode('utf-16-be').hex().upper()}>" for g, c in bloc]
        lignes.append("endbfchar")
    lignes += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lignes).encode("ascii")
