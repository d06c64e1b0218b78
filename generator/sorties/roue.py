"""Write a pure-Python wheel (PEP 427) with zipfile alone, byte-for-byte reproducible.

Same files in, same bytes out: entries sorted, fixed timestamps and permissions,
so an unchanged source tree gives an unchanged sha256 in pyodide-lock.json.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path

TAG = "py3-none-any"
# Zip cannot store dates before 1980; any fixed date makes the archive reproducible.
HORODATAGE = (1980, 1, 1, 0, 0, 0)


def nom_normalise(nom: str) -> str:
    """`justice-pas-a-pas` → `justice_pas_a_pas`, as wheel file names require (PEP 491)."""
    return re.sub(r"[-_.]+", "_", nom).lower()


def empreinte(contenu: bytes) -> str:
    """RECORD's hash: urlsafe base64 sha256 without padding."""
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(contenu).digest()).rstrip(b"=").decode()


def ecrit_roue(dossier: Path, nom: str, version: str, fichiers: dict[str, bytes], resume: str = "") -> Path:
    """Write `dossier/<nom>-<version>-py3-none-any.whl` holding `fichiers` (archive path → bytes)."""
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
    # RECORD last, as installers expect; everything else in sorted order.
    ecrit_zip(chemin, ((nom, entrees[nom]) for nom in sorted(entrees, key=lambda n: (n == record, n))))
    return chemin


def ecrit_zip(chemin: Path, entrees: Iterable[tuple[str, bytes]]) -> None:
    """A zip of (name, bytes) in the given order, with fixed dates and permissions: reproducible."""
    with zipfile.ZipFile(chemin, "w") as archive:
        for nom, contenu in entrees:
            info = zipfile.ZipInfo(nom, HORODATAGE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below are read
            info.external_attr = 0o100644 << 16
            archive.writestr(info, contenu, compresslevel=9)


def roue_precompilee(source: Path, dossier: Path, pyc: dict[str, bytes]) -> Path:
    """A copy of the wheel `source` where each `x.pyc` of `pyc` replaces `x.py`, RECORD rewritten. Its name gets
    a build tag from their hash (`pypdf-7.1.0-1pyc0a1b2c3d-py3-none-any.whl`): other bytes, other URL."""
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
    ecrit_zip(chemin, ((n, entrees[n]) for n in sorted(entrees, key=lambda n: (n == record, n))))
    return chemin
