"""Les polices d'un PDF vierge, lues dans le PDF lui-même : quels caractères chacune dessine
(la table cmap de la police TrueType embarquée) et avec quelle largeur (/W du PDF).

Le texte se mesure avec la police que le PDF embarque vraiment : changer la police des
formulaires (theme/formulaires/pdf.css) ne demande rien ici. L'ordre compte : la police des
champs d'abord, puis les polices de secours que la construction ajoute pour les écritures
qu'elle ne couvre pas (arabe, éthiopien… : generator/sorties/polices.py).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECOURS = "/Secours"  # préfixe des polices de secours dans /AcroForm /DR /Font


@dataclass
class Police:
    nom: str  # la ressource (/VRMYHF), telle que l'écrit un flux de contenu
    glyphes: dict[int, int]  # point de code → numéro de glyphe (= CID : CIDToGIDMap /Identity)
    largeurs: dict[int, float]  # CID → largeur en millièmes de cadratin
    defaut: float = 1000.0
    ascendante: float = 800.0
    descendante: float = -200.0
    ref: object = field(default=None, repr=False)  # l'objet indirect du PDF

    def couvre(self, c: str) -> bool:
        return ord(c) in self.glyphes

    def largeur(self, c: str) -> float:
        return self.largeurs.get(self.glyphes[ord(c)], self.defaut)


class Polices:
    """La police des champs et ses secours : pour chaque caractère, la première qui le dessine."""

    def __init__(self, liste: list[Police]):
        self.liste = liste
        self._choix: dict[str, Police | None] = {}

    @property
    def principale(self) -> Police:
        return self.liste[0]

    def pour(self, c: str) -> Police | None:
        if c not in self._choix:
            self._choix[c] = next((p for p in self.liste if p.couvre(c)), None)
        return self._choix[c]

    def couvre(self, c: str) -> bool:
        return self.pour(c) is not None

    def largeur(self, texte: str, taille: float) -> float:
        """Largeur en points de `texte` (déjà façonné) à `taille` points."""
        total = 0.0
        for c in texte:
            police = self.pour(c)
            if police is not None:
                total += police.largeur(c)
        return total * taille / 1000.0


def lit_police(nom: str, ref) -> Police:
    """Une police Type0 (CIDFontType2, Identity-H) du PDF : glyphes et largeurs."""
    police = ref.get_object()
    descendante = police["/DescendantFonts"][0].get_object()
    descripteur = descendante["/FontDescriptor"].get_object()
    glyphes = cmap_truetype(descripteur["/FontFile2"].get_object().get_data())
    return Police(
        nom=nom,
        glyphes=glyphes,
        largeurs=largeurs_w(descendante.get("/W", [])),
        defaut=float(descendante.get("/DW", 1000)),
        ascendante=float(descripteur.get("/Ascent", 800)),
        descendante=float(descripteur.get("/Descent", -200)),
        ref=ref,
    )


def largeurs_w(w) -> dict[int, float]:
    """Le tableau /W d'une police CID : « c [w1 w2 …] » ou « c1 c2 w »."""
    sortie: dict[int, float] = {}
    i = 0
    w = list(w)
    while i < len(w):
        premier = int(w[i])
        suivant = w[i + 1].get_object() if hasattr(w[i + 1], "get_object") else w[i + 1]
        if isinstance(suivant, list):
            for k, largeur in enumerate(suivant):
                sortie[premier + k] = float(largeur)
            i += 2
        else:
            for cid in range(premier, int(suivant) + 1):
                sortie[cid] = float(w[i + 2])
            i += 3
    return sortie


def cmap_truetype(octets: bytes) -> dict[int, int]:
    """La table cmap d'une police TrueType : {point de code: glyphe} (sous-tables 12 ou 4 Unicode)."""
    nombre = struct.unpack(">H", octets[4:6])[0]
    tables = {}
    for i in range(nombre):
        etiquette, _, debut, _ = struct.unpack(">4sIII", octets[12 + 16 * i : 28 + 16 * i])
        tables[etiquette] = debut
    if b"cmap" not in tables:
        return {}
    base = tables[b"cmap"]
    _, sous = struct.unpack(">HH", octets[base : base + 4])
    candidates = {}
    for i in range(sous):
        plateforme, codage, decalage = struct.unpack(">HHI", octets[base + 4 + 8 * i : base + 12 + 8 * i])
        candidates[(plateforme, codage)] = base + decalage
    for cle in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if cle in candidates:
            debut = candidates[cle]
            format_ = struct.unpack(">H", octets[debut : debut + 2])[0]
            if format_ == 12:
                return _format12(octets, debut)
            if format_ == 4:
                return _format4(octets, debut)
    return {}


def _format4(octets: bytes, debut: int) -> dict[int, int]:
    segments = struct.unpack(">H", octets[debut + 6 : debut + 8])[0] // 2
    fins = struct.unpack(f">{segments}H", octets[debut + 14 : debut + 14 + 2 * segments])
    p = debut + 16 + 2 * segments
    debuts = struct.unpack(f">{segments}H", octets[p : p + 2 * segments])
    deltas = struct.unpack(f">{segments}h", octets[p + 2 * segments : p + 4 * segments])
    decalages_pos = p + 4 * segments
    decalages = struct.unpack(f">{segments}H", octets[decalages_pos : decalages_pos + 2 * segments])
    sortie = {}
    for s in range(segments):
        if debuts[s] == 0xFFFF:
            continue
        for code in range(debuts[s], fins[s] + 1):
            if decalages[s] == 0:
                glyphe = (code + deltas[s]) & 0xFFFF
            else:
                adresse = decalages_pos + 2 * s + decalages[s] + 2 * (code - debuts[s])
                glyphe = struct.unpack(">H", octets[adresse : adresse + 2])[0]
                if glyphe:
                    glyphe = (glyphe + deltas[s]) & 0xFFFF
            if glyphe:
                sortie[code] = glyphe
    return sortie


def _format12(octets: bytes, debut: int) -> dict[int, int]:
    groupes = struct.unpack(">I", octets[debut + 12 : debut + 16])[0]
    sortie = {}
    for g in range(groupes):
        premier, dernier, glyphe = struct.unpack(">III", octets[debut + 16 + 12 * g : debut + 28 + 12 * g])
        for code in range(premier, dernier + 1):
            sortie[code] = glyphe + code - premier
    return sortie
