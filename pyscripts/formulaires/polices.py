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
    programme: bytes = field(default=b"", repr=False)  # le fichier TrueType embarqué
    _boites: dict = field(default_factory=dict, repr=False)
    _contours: dict = field(default_factory=dict, repr=False)

    def couvre(self, c: str) -> bool:
        return ord(c) in self.glyphes

    def largeur(self, c: str) -> float:
        return self.largeurs.get(self.glyphes[ord(c)], self.defaut)

    def boite(self, c: str) -> tuple[float, float, float, float] | None:
        """Le rectangle de l'encre du glyphe de `c` (xmin, ymin, xmax, ymax, en millièmes de cadratin),
        lu à la demande dans les tables glyf et loca : placer un signe diacritique sur sa lettre."""
        glyphe = self.glyphes[ord(c)]
        if glyphe not in self._boites:
            self._boites[glyphe] = boite_truetype(self.programme, glyphe) if self.programme else None
        return self._boites[glyphe]

    def contours(self, c: str) -> list[list[tuple[float, float, bool]]]:
        """Les contours du glyphe de `c` (points en millièmes de cadratin, sur la courbe ou non) : un
        signe diacritique se dessine en tracé, placé librement, son texte restant à sa place."""
        glyphe = self.glyphes[ord(c)]
        if glyphe not in self._contours:
            self._contours[glyphe] = contours_truetype(self.programme, glyphe) if self.programme else []
        return self._contours[glyphe]


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
    programme = descripteur["/FontFile2"].get_object().get_data()
    glyphes = cmap_truetype(programme)
    return Police(
        nom=nom,
        glyphes=glyphes,
        largeurs=largeurs_w(descendante.get("/W", [])),
        defaut=float(descendante.get("/DW", 1000)),
        ascendante=float(descripteur.get("/Ascent", 800)),
        descendante=float(descripteur.get("/Descent", -200)),
        ref=ref,
        programme=programme,
    )


def _tables(octets: bytes) -> dict[bytes, int]:
    nombre = struct.unpack(">H", octets[4:6])[0]
    tables = {}
    for i in range(nombre):
        etiquette, _, debut, _ = struct.unpack(">4sIII", octets[12 + 16 * i : 28 + 16 * i])
        tables[etiquette] = debut
    return tables


def boite_truetype(octets: bytes, glyphe: int) -> tuple[float, float, float, float] | None:
    """Le rectangle d'un glyphe (en-tête de son entrée dans glyf), en millièmes de cadratin ; None s'il
    n'a pas d'encre."""
    tables = _tables(octets)
    if not {b"head", b"loca", b"glyf"} <= tables.keys():
        return None
    unites = struct.unpack(">H", octets[tables[b"head"] + 18 : tables[b"head"] + 20])[0]
    debut, fin = _entree_glyf(octets, tables, glyphe)
    if fin <= debut:
        return None
    xmin, ymin, xmax, ymax = struct.unpack(">hhhh", octets[debut + 2 : debut + 10])
    return tuple(v * 1000 / unites for v in (xmin, ymin, xmax, ymax))


def _entree_glyf(octets: bytes, tables: dict, glyphe: int) -> tuple[int, int]:
    """(début, fin) de l'entrée d'un glyphe dans glyf (table loca)."""
    tete = tables[b"head"]
    loca = tables[b"loca"]
    if struct.unpack(">h", octets[tete + 50 : tete + 52])[0]:
        debut, fin = struct.unpack(">II", octets[loca + 4 * glyphe : loca + 4 * glyphe + 8])
    else:
        debut, fin = (2 * x for x in struct.unpack(">HH", octets[loca + 2 * glyphe : loca + 2 * glyphe + 4]))
    return tables[b"glyf"] + debut, tables[b"glyf"] + fin


def contours_truetype(octets: bytes, glyphe: int, profondeur: int = 0) -> list[list[tuple[float, float, bool]]]:
    """Les contours d'un glyphe TrueType (simple ou composé de glyphes décalés), en millièmes de cadratin."""
    tables = _tables(octets)
    if not {b"head", b"loca", b"glyf"} <= tables.keys() or profondeur > 4:
        return []
    echelle = 1000 / struct.unpack(">H", octets[tables[b"head"] + 18 : tables[b"head"] + 20])[0]
    debut, fin = _entree_glyf(octets, tables, glyphe)
    if fin <= debut:
        return []
    nombre = struct.unpack(">h", octets[debut : debut + 2])[0]
    if nombre < 0:
        return _composite(octets, debut + 10, profondeur)
    p = debut + 10
    fins = struct.unpack(f">{nombre}H", octets[p : p + 2 * nombre])
    p += 2 * nombre
    p += 2 + struct.unpack(">H", octets[p : p + 2])[0]  # instructions
    total = fins[-1] + 1 if fins else 0
    drapeaux: list[int] = []
    while len(drapeaux) < total:
        d = octets[p]
        p += 1
        drapeaux.append(d)
        if d & 8:
            drapeaux += [d] * octets[p]
            p += 1
    coordonnees = []
    for court, meme in ((2, 16), (4, 32)):
        valeur, valeurs = 0, []
        for d in drapeaux[:total]:
            if d & court:
                valeur += octets[p] if d & meme else -octets[p]
                p += 1
            elif not d & meme:
                valeur += struct.unpack(">h", octets[p : p + 2])[0]
                p += 2
            valeurs.append(valeur)
        coordonnees.append(valeurs)
    points = [(x * echelle, y * echelle, bool(d & 1)) for x, y, d in zip(*coordonnees, drapeaux)]
    return [points[a:b] for a, b in zip([0, *(f + 1 for f in fins[:-1])], (f + 1 for f in fins))]


def _composite(octets: bytes, p: int, profondeur: int) -> list[list[tuple[float, float, bool]]]:
    """Les contours d'un glyphe composé : chaque composant décalé (et mis à l'échelle, rarement)."""
    sortie = []
    encore = True
    while encore:
        drapeaux, composant = struct.unpack(">HH", octets[p : p + 4])
        p += 4
        if drapeaux & 1:
            dx, dy = struct.unpack(">hh", octets[p : p + 4])
            p += 4
        else:
            dx, dy = struct.unpack(">bb", octets[p : p + 2])
            p += 2
        if not drapeaux & 2:
            dx = dy = 0  # points à faire coïncider : un placement que nos signes n'emploient pas
        a, b, c, d = 1.0, 0.0, 0.0, 1.0
        if drapeaux & 8:
            a = d = struct.unpack(">h", octets[p : p + 2])[0] / 16384
            p += 2
        elif drapeaux & 0x40:
            a, d = (v / 16384 for v in struct.unpack(">hh", octets[p : p + 4]))
            p += 4
        elif drapeaux & 0x80:
            a, b, c, d = (v / 16384 for v in struct.unpack(">hhhh", octets[p : p + 8]))
            p += 8
        tables = _tables(octets)
        echelle = 1000 / struct.unpack(">H", octets[tables[b"head"] + 18 : tables[b"head"] + 20])[0]
        for contour in contours_truetype(octets, composant, profondeur + 1):
            sortie.append([(x * a + y * c + dx * echelle, x * b + y * d + dy * echelle, sur) for x, y, sur in contour])
        encore = bool(drapeaux & 0x20)
    return sortie


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
    tables = _tables(octets)
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
