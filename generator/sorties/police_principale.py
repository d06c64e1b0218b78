"""La police de tous les PDF de la construction (formulaires et pages imprimées) : DejaVu Sans, du
paquet npm `dejavu-fonts-ttf` figé dans package-lock.json, jamais celle de la machine.

Mêmes fichiers → même PDF sur toute machine. Elle dessine le latin (vietnamien, Œ, ß, Ø), le grec,
le cyrillique, l'arabe et le persan (avec les formes de présentation qu'écrit le façonnage en
Python), « ◇ ◆ ► ». La famille CSS a son propre nom, `FAMILLE` : une police installée du même nom ne
peut jamais la remplacer. Largeur normale pour les pages imprimées, `font-stretch: semi-condensed`
(DejaVu Sans Condensed, classe de largeur 4) pour les formulaires, denses comme le Cerfa officiel.
Les champs (valeurs remplies) gardent la police de pdf.css (Liberation Sans) : le remplissage
(pyscripts.formulaires) mesure et dessine avec elle et avec les polices de secours de polices.py
(arabe, guèze… de Noto, dont le texte extrait se lit dans l'ordre logique ; émojis refusés).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ..erreurs import ErreurDeConstruction

PAQUET = "dejavu-fonts-ttf"
VERSION = "2.37.3"  # = package.json ; package-lock.json en garde l'empreinte
FAMILLE = "JPAP DejaVu Sans"
DOSSIER = Path(__file__).resolve().parents[2] / "node_modules" / PAQUET / "ttf"

# (fichier, font-stretch, font-weight, font-style)
FACES = (
    ("DejaVuSans.ttf", "normal", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "normal", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "normal", "italic"),
    ("DejaVuSans-BoldOblique.ttf", "normal", "bold", "italic"),
    ("DejaVuSansCondensed.ttf", "semi-condensed", "normal", "normal"),
    ("DejaVuSansCondensed-Bold.ttf", "semi-condensed", "bold", "normal"),
    ("DejaVuSansCondensed-Oblique.ttf", "semi-condensed", "normal", "italic"),
    ("DejaVuSansCondensed-BoldOblique.ttf", "semi-condensed", "bold", "italic"),
)
FORMULAIRE = DOSSIER / "DejaVuSansCondensed.ttf"  # la face du texte des formulaires


def fichiers() -> list[Path]:
    manquants = [nom for nom, *_ in FACES if not (DOSSIER / nom).is_file()]
    if manquants:
        raise ErreurDeConstruction(
            f"La police des PDF manque ({PAQUET} {VERSION}, node_modules/{PAQUET}/ttf : {', '.join(manquants)}) : "
            "lancez `make install` (ou `npm ci`)."
        )
    return [DOSSIER / nom for nom, *_ in FACES]


@lru_cache(maxsize=1)
def empreinte() -> str:
    """Empreinte des fichiers de la police : dans la clé du cache de chaque PDF (autre police → autres PDF)."""
    h = hashlib.sha256()
    for chemin in fichiers():
        h.update(chemin.name.encode() + b"\0" + chemin.read_bytes())
    return h.hexdigest()


def regles() -> str:
    """Les règles @font-face mises devant chaque feuille de style des PDF (adresses file: absolues, que
    le lecteur d'adresses de WeasyPrint accepte en plus du site : voir pdf.allowed)."""
    fichiers()
    return "".join(
        f'@font-face {{ font-family: "{FAMILLE}"; src: url("{(DOSSIER / nom).as_uri()}"); '
        f"font-stretch: {etirement}; font-weight: {graisse}; font-style: {style}; }}\n"
        for nom, etirement, graisse, style in FACES
    )
