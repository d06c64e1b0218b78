"""La police de tous les PDF de la construction (formulaires et pages imprimées) : DejaVu Sans, du
paquet npm `dejavu-fonts-ttf` figé dans package-lock.json, jamais celle de la machine.

Mêmes fichiers → même PDF sur toute machine. Elle dessine le latin (vietnamien, Œ, ß, Ø), le grec,
le cyrillique, l'arabe et le persan (avec les formes de présentation qu'écrit le façonnage en
Python), « ◇ ◆ ► ». La famille CSS a son propre nom, `FAMILLE` : une police installée du même nom ne
peut jamais la remplacer. Largeur normale pour les pages imprimées, `font-stretch: semi-condensed`
(DejaVu Sans Condensed, classe de largeur 4) pour les formulaires, denses comme le Cerfa officiel.
Les champs (valeurs remplies) ont leur police, tirée de celle-ci (police_champs.py), complétée par
les polices de secours de polices.py (arabe, guèze… de Noto). Dans un processus de rendu, fontconfig
ne connaît que ce paquet (`isole`) : un caractère qu'aucune de nos polices n'a n'appelle jamais une
police installée sur la machine.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

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
CACHE_FONTCONFIG = Path(__file__).resolve().parents[2] / "build" / "cache" / "fontconfig"


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


def isole() -> None:
    """Dans un processus de rendu, avant que WeasyPrint charge fontconfig : fontconfig ne connaît
    aucune police, seules existent celles des règles @font-face (ce paquet, la police des champs). Un
    caractère qu'elles n'ont pas s'imprime en glyphe manquant, jamais dans une police de la machine :
    même PDF partout. La configuration est écrite, pas livrée : fontconfig veut des chemins absolus."""
    CACHE_FONTCONFIG.mkdir(parents=True, exist_ok=True)
    conf = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><cachedir>{escape(str(CACHE_FONTCONFIG))}</cachedir></fontconfig>\n"
    )
    chemin = CACHE_FONTCONFIG / "fonts.conf"
    if not chemin.is_file() or chemin.read_text(encoding="utf-8") != conf:
        brouillon = chemin.with_suffix(f".{os.getpid()}.tmp")
        brouillon.write_text(conf, encoding="utf-8")
        os.replace(brouillon, chemin)  # deux processus peuvent l'écrire : le même texte, publié d'un coup
    os.environ["FONTCONFIG_FILE"] = str(chemin)
