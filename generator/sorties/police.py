"""The one font of every PDF the build writes (forms and printed pages): DejaVu Sans, from the
npm package `dejavu-fonts-ttf` pinned in package-lock.json, never from the build machine.

Same files → same PDF on any machine. It draws Latin (Vietnamese, Œ, ß, Ø), Greek, Cyrillic,
Arabic and Persian (with the presentation forms a shaper in Python writes), « ◇ ◆ ► ».
The CSS family has its own name, `FAMILLE`: a system font of the same name can never stand in.
Normal width for the printed pages, `font-stretch: semi-condensed` (DejaVu Sans Condensed,
width class 4) for the forms, dense like the official Cerfa.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from ..erreurs import BuildError

PAQUET = "dejavu-fonts-ttf"
VERSION = "2.37.3"  # = package.json ; package-lock.json en garde l'empreinte
FAMILLE = "JPAP DejaVu Sans"
DOSSIER = Path(__file__).resolve().parents[2] / "node_modules" / PAQUET / "ttf"

# (file, font-stretch, font-weight, font-style)
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
FORMULAIRE = DOSSIER / "DejaVuSansCondensed.ttf"  # the face of the filled values (form fields)
CACHE_FONTCONFIG = Path(__file__).resolve().parents[2] / "build" / "cache" / "fontconfig"


def fichiers() -> list[Path]:
    manquants = [nom for nom, *_ in FACES if not (DOSSIER / nom).is_file()]
    if manquants:
        raise BuildError(
            f"La police des PDF manque ({PAQUET} {VERSION}, node_modules/{PAQUET}/ttf : {', '.join(manquants)}) : "
            "lancez `make install` (ou `npm ci`)."
        )
    return [DOSSIER / nom for nom, *_ in FACES]


@lru_cache(maxsize=1)
def empreinte() -> str:
    """Hash of the font files: part of each PDF's cache key (another font → other PDFs)."""
    h = hashlib.sha256()
    for chemin in fichiers():
        h.update(chemin.name.encode() + b"\0" + chemin.read_bytes())
    return h.hexdigest()


def regles() -> str:
    """The @font-face rules put before every PDF style sheet (absolute file: URLs, read by
    WeasyPrint's fetcher, which allows this folder besides the site: see pdf.allowed)."""
    fichiers()
    return "".join(
        f'@font-face {{ font-family: "{FAMILLE}"; src: url("{(DOSSIER / nom).as_uri()}"); '
        f"font-stretch: {etirement}; font-weight: {graisse}; font-style: {style}; }}\n"
        for nom, etirement, graisse, style in FACES
    )


def isole() -> None:
    """In a PDF worker, before WeasyPrint loads fontconfig: only the package's sans faces exist, so
    a character they lack can never be drawn in whatever font the machine has (same PDF everywhere).
    The configuration is written, not shipped: fontconfig wants absolute folders."""
    CACHE_FONTCONFIG.mkdir(parents=True, exist_ok=True)
    # The package's other faces (serif, mono…) are hidden: an italic must not become DejaVu Serif Italic.
    autres = "".join(
        f"<glob>{escape(str(f))}</glob>" for f in sorted(DOSSIER.glob("*.ttf")) if f.name not in {n for n, *_ in FACES}
    )
    conf = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{escape(str(DOSSIER))}</dir><cachedir>{escape(str(CACHE_FONTCONFIG))}</cachedir>"
        f"<selectfont><rejectfont>{autres}</rejectfont></selectfont></fontconfig>\n"
    )
    chemin = CACHE_FONTCONFIG / "fonts.conf"
    if not chemin.is_file() or chemin.read_text(encoding="utf-8") != conf:
        brouillon = chemin.with_suffix(f".{os.getpid()}.tmp")
        brouillon.write_text(conf, encoding="utf-8")
        os.replace(brouillon, chemin)  # two workers may write it: the same text, published whole
    os.environ["FONTCONFIG_FILE"] = str(chemin)
