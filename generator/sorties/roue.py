"""Écrire une roue pure Python (PEP 427) avec zipfile seul, reproductible octet pour octet.

Mêmes fichiers en entrée, mêmes octets en sortie : entrées triées, dates et permissions fixes ; des
sources inchangées donnent un sha256 inchangé dans pyodide-lock.json.

Ce que le navigateur télécharge est stocké sans compression (`stocke=True`) : les .br et .gz du site
compressent l'archive d'un seul tenant, d'un fichier à l'autre, bien mieux que zip fichier par fichier.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

TAG = "py3-none-any"
# Un zip ne sait pas dater avant 1980 ; toute date fixe rend l'archive reproductible.
HORODATAGE = (1980, 1, 1, 0, 0, 0)


def nom_normalise(nom: str) -> str:
    """`justice-pas-a-pas` → `justice_pas_a_pas`, comme l'exigent les noms de roues (PEP 491)."""
    return re.sub(r"[-_.]+", "_", nom).lower()


def empreinte(contenu: bytes) -> str:
    """L'empreinte de RECORD : sha256 en base64 « urlsafe », sans remplissage."""
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(contenu).digest()).rstrip(b"=").decode()


def ecrit_roue(
    dossier: Path, nom: str, version: str, fichiers: dict[str, bytes], resume: str = "", stocke: bool = True
) -> Path:
    """Écrit `dossier/<nom>-<version>-py3-none-any.whl` avec `fichiers` (chemin dans l'archive → octets)."""
    base = f"{nom_normalise(nom)}-{version}"
    dist_info = f"{base}.dist-info"
    entrees = dict(fichiers)
    entrees[f"{dist_info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {nom}\nVersion: {version}\nSummary: {resume}\n"
    ).encode()
    entrees[f"{dist_info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: generator.sorties.roue\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    ).encode()
    record = f"{dist_info}/RECORD"
    lignes = [f"{chemin},{empreinte(contenu)},{len(contenu)}" for chemin, contenu in sorted(entrees.items())]
    entrees[record] = ("\n".join([*lignes, f"{record},,"]) + "\n").encode()

    chemin = dossier / f"{base}-{TAG}.whl"
    # RECORD en dernier, comme l'attendent les installeurs ; le reste trié.
    ecrit_zip(chemin, ((nom, entrees[nom]) for nom in sorted(entrees, key=lambda n: (n == record, n))), stocke)
    return chemin


def ecrit_zip(chemin: Path, entrees: Iterable[tuple[str, bytes]], stocke: bool = False) -> None:
    """Un zip de (nom, octets) dans l'ordre donné, dates et permissions fixes : reproductible."""
    with zipfile.ZipFile(chemin, "w") as archive:
        for nom, contenu in entrees:
            info = zipfile.ZipInfo(nom, HORODATAGE)
            info.compress_type = zipfile.ZIP_STORED if stocke else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, pour que les permissions ci-dessous soient lues
            info.external_attr = 0o100644 << 16
            archive.writestr(info, contenu, compresslevel=9)


def roue_precompilee(source: Path, dossier: Path, pyc: dict[str, bytes]) -> Path:
    """Une copie de la roue `source` où chaque `x.pyc` de `pyc` remplace `x.py`, RECORD récrit. Son nom prend une
    étiquette de construction tirée de leur empreinte (`pypdf-<version>-1pyc0a1b2c3d-py3-none-any.whl`) :
    autres octets, autre adresse."""
    with zipfile.ZipFile(source) as archive:
        entrees = {info.filename: archive.read(info) for info in archive.infolist() if not info.is_dir()}
    record = next(nom for nom in entrees if nom.endswith(".dist-info/RECORD"))
    remplaces = {chemin.removesuffix("c") for chemin in pyc} | {record}
    lignes = [
        ligne
        for ligne in entrees.pop(record).decode().splitlines()
        if ligne and ligne.rsplit(",", 2)[0] not in remplaces
    ]
    for chemin in remplaces - {record}:
        del entrees[chemin]
    lignes += [f"{chemin},{empreinte(contenu)},{len(contenu)}" for chemin, contenu in sorted(pyc.items())]
    entrees.update(pyc)
    entrees[record] = ("\n".join([*lignes, f"{record},,"]) + "\n").encode()
    champs = source.name.removesuffix(".whl").split("-")  # name-version[-build]-python-abi-platform
    nom, version, tag = champs[0], champs[1], "-".join(champs[-3:])
    etiquette = hashlib.sha256(b"".join(pyc[c] for c in sorted(pyc))).hexdigest()[:8]
    chemin = dossier / f"{nom}-{version}-1pyc{etiquette}-{tag}.whl"
    ecrit_zip(chemin, ((n, entrees[n]) for n in sorted(entrees, key=lambda n: (n == record, n))), stocke=True)
    return chemin
