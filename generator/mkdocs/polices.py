"""Les polices que le site sert lui-même : Vazirmatn pour les pages en arabe, à l'écran et dans leurs PDF.

Elles viennent des paquets npm @fontsource (licence OFL, versions figées dans package.json, installés
par `make install`), copiées par la construction dans site/assets/polices/ avec leur licence : aucune
requête vers une autre origine (CSP font-src 'self'), et les mêmes paquets donnent le même PDF sur toute
machine. L'écran ne prend que l'arabe (theme/assets/css/site.css ; le reste est dans la police du
système). Le PDF d'une page en arabe (theme/print/ar.css) prend aussi les lettres latines de Vazirmatn
et les symboles de Noto Sans Symbols 2 (☐ des cases d'un formulaire, ⇧) : aucune police du système n'y entre.

Pourquoi Vazirmatn et pas Noto Sans Arabic (qui sert aux champs des formulaires, sorties/polices.py) : Noto
Sans Arabic dessine ses lettres liées en un corps sans points, commun à plusieurs lettres (ب ت ث ن ي), plus
des points à part ; dans un PDF, le texte qu'on copie, cherche ou fait lire à un lecteur d'écran devient
alors faux (« الصفحة » lu « الص ذ ح ت »). Vazirmatn a un dessin par forme de lettre : le texte du PDF est
juste (tests/generator/test_pdf_langues.py), et elle pèse 21 Ko pour l'arabe à l'écran.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.structure.files import File

from ..erreurs import ErreurDeConstruction

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
DOSSIER = "assets/polices"
# (paquet npm, sous-ensembles, graisses) : les noms des fichiers que citent site.css et print/pdf.css.
POLICES = (
    ("@fontsource/vazirmatn", ("arabic", "latin", "latin-ext"), (400, 700)),
    ("@fontsource/noto-sans-symbols-2", ("symbols",), (400,)),
)


def fichiers(config) -> list[File]:
    """Les fichiers de police (et leurs licences) à copier dans le site."""
    sortie = []
    for paquet, sous_ensembles, graisses in POLICES:
        dossier, nom = NODE_MODULES / paquet, paquet.split("/")[-1]
        if not (dossier / "package.json").is_file():
            raise ErreurDeConstruction(
                f"Le paquet npm {paquet} manque (polices des pages en arabe) : lancez `make install`."
            )
        sortie.append(File.generated(config, f"{DOSSIER}/LICENSE-{nom}.txt", abs_src_path=str(dossier / "LICENSE")))
        for sous_ensemble in sous_ensembles:
            for graisse in graisses:
                fichier = f"{nom}-{sous_ensemble}-{graisse}-normal.woff2"
                source = dossier / "files" / fichier
                sortie.append(File.generated(config, f"{DOSSIER}/{fichier}", abs_src_path=str(source)))
    return sortie


def versions() -> str:
    """Les paquets et leurs versions, écrits dans le HTML des PDF : leur cache change avec les paquets."""
    sortie = []
    for paquet, _, _ in POLICES:
        manifeste = NODE_MODULES / paquet / "package.json"
        sortie.append(f"{paquet}@{json.loads(manifeste.read_text(encoding='utf-8'))['version']}")
    return " ".join(sortie)
