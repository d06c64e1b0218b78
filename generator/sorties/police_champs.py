"""La police des champs des formulaires (ce que la personne tape) : DejaVu Sans Condensed du paquet
npm figé (police_principale.py), réduite aux écritures qui se dessinent sans façonnage, sous un nom
de famille à elle, « JPAP Champs ».

Mêmes fichiers → même PDF sur toute machine : aucune police de la machine n'entre dans un champ.
Réduite, pour trois raisons :
- l'arabe n'y est pas : il vient de la police de secours Noto (polices.py), dont la table ToUnicode
  lit chaque forme liée comme ses lettres ; celle que WeasyPrint écrit pour une police de champ
  (embarquée entière) relirait les formes de présentation (« ﻣﺤﻤﺪ » au lieu de « محمد ») ;
- ni les émojis ni les symboles en couleur : refusés avant le PDF (pyscripts.formulaires.ecriture) ;
- WeasyPrint embarque entière la police d'un champ : 110 ko compressés au lieu de 333 ko.
Elle arrive à WeasyPrint en adresse `data:` (permise par pdf.allowed) : rien à écrire sur le disque,
et ses octets font partie de la feuille de style, donc de la clé du cache des PDF.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

from . import police_principale

FAMILLE = "JPAP Champs"
SOURCE = "DejaVuSansCondensed.ttf"
# Les écritures gardées (points de code) : latin (vietnamien compris), grec, cyrillique, arménien,
# hébreu, géorgien, tifinagh, ponctuation, chiffres, monnaies, flèches et signes courants.
PLAGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x036F),  # latin-1, latin étendu A et B, API, modificatives, diacritiques
    (0x0370, 0x052F),  # grec, cyrillique
    (0x0531, 0x05FF),  # arménien, hébreu
    (0x10A0, 0x10FF),
    (0x1C90, 0x1CBF),  # géorgien
    (0x1E00, 0x1FFF),  # latin additionnel (vietnamien), grec étendu
    (0x2000, 0x2195),  # ponctuation, exposants, monnaies, lettres-symboles (№), fractions, flèches ← ↑ → ↓ ↔ ↕
    (0x2212, 0x2212),  # signe moins ; les autres opérateurs courants sont en latin-1 (± × ÷)
    (0x2248, 0x2248),
    (0x2260, 0x2260),
    (0x2264, 0x2265),  # ≈ ≠ ≤ ≥
    (0x25A0, 0x25FF),  # formes géométriques (◇ ◆ ►)
    (0x2C60, 0x2C7F),
    (0x2D00, 0x2D7F),  # géorgien, tifinagh
    (0x2E00, 0x2E7F),
    (0xA640, 0xA69F),
    (0xA720, 0xA7FF),
    (0xFB00, 0xFB06),
    (0xFB13, 0xFB17),
)
# Une version de ce que `octets` fabrique (clé du cache des PDF, avec les octets eux-mêmes).
VERSION = "2"


def garde(code: int) -> bool:
    return any(debut <= code <= fin for debut, fin in PLAGES)


@lru_cache(maxsize=1)
def octets() -> bytes:
    """Le fichier TrueType réduit et renommé : les mêmes octets à chaque construction (ni date ni
    horodatage recalculés, fontTools figé dans requirements.lock)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    police_principale.fichiers()
    police = TTFont(str(police_principale.DOSSIER / SOURCE), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []  # rien ne façonne ce texte : le remplissage place chaque glyphe
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
    options.hinting = False
    options.glyph_names = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    reducteur = subset.Subsetter(options)
    reducteur.populate(unicodes=[c for c in police.getBestCmap() if garde(c)])
    reducteur.subset(police)
    _renomme(police)
    sortie = io.BytesIO()
    police.save(sortie)
    return sortie.getvalue()


def _renomme(police) -> None:
    """Un nom à elle (famille, nom complet, nom PostScript) : fontconfig ne la confond ni avec la
    DejaVu du texte ni avec une DejaVu installée."""
    noms = {1: FAMILLE, 3: f"{FAMILLE} {VERSION}", 4: FAMILLE, 6: FAMILLE.replace(" ", "")}
    for enregistrement in police["name"].names:
        if enregistrement.nameID in noms:
            enregistrement.string = noms[enregistrement.nameID]


def regle() -> str:
    """La règle @font-face mise devant la feuille de style des formulaires."""
    donnees = base64.b64encode(octets()).decode("ascii")
    return f'@font-face {{ font-family: "{FAMILLE}"; src: url("data:font/ttf;base64,{donnees}"); }}\n'
