"""Une mise à jour incrémentale d'un PDF : les octets d'origine gardés tels quels, les objets
nouveaux ou modifiés ajoutés à la fin avec leur table de références (un flux /XRef) et une
remorque complète (/Size juste, /Root, /Info, /ID) : `qpdf --check` sans avertissement.

Rapide même dans Pyodide : on ne relit ni ne réécrit les milliers d'objets de la structure
balisée, seulement ce qui change. Les objets nombreux et petits (les éléments de structure d'une
annexe) s'écrivent déjà en octets et vont ensemble dans un flux d'objets compressé. Les objets du
lecteur ne sont jamais modifiés sur place (le PDF vierge lu sert à plusieurs remplissages) : on
remplace un objet par une copie.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


class Increment:
    def __init__(self, octets: bytes, lecteur):
        from pypdf.generic import IndirectObject

        self._indirect = IndirectObject
        self.octets = octets
        self.lecteur = lecteur
        self.remorque = lecteur.trailer
        self.suivant = int(self.remorque["/Size"])
        self.objets: dict[int, object] = {}
        self.comprimes: dict[int, bytes] = {}  # objets déjà écrits, rangés ensemble dans un flux d'objets

    def ajoute_comprime(self, objet):
        """Un nouvel objet (pas un flux), rangé dans le flux d'objets compressé ; rend sa référence."""
        sortie = io.BytesIO()
        objet.write_to_stream(sortie)
        ref = self.reserve()
        self.comprimes[ref.idnum] = sortie.getvalue()
        return ref

    def reserve(self):
        """Un numéro d'objet pour `comprimes` (les éléments de structure se citent l'un l'autre)."""
        self.suivant += 1
        return self._indirect(self.suivant - 1, 0, self.lecteur)

    def ajoute(self, objet):
        """Un nouvel objet ; rend sa référence (n 0 R)."""
        numero = self.suivant
        self.suivant += 1
        self.objets[numero] = objet
        return self._indirect(numero, 0, self.lecteur)

    def remplace(self, ref, objet) -> None:
        """`objet` remplace l'objet indirect `ref` (même numéro)."""
        self.objets[ref.idnum] = objet

    def ecrit(self) -> bytes:
        from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject, NumberObject

        sortie = io.BytesIO()
        sortie.write(self.octets)
        if not self.octets.endswith(b"\n"):
            sortie.write(b"\n")
        positions: dict[int, int] = {}
        if self.comprimes:
            self.objets[self.suivant] = _flux_d_objets(self.comprimes)
            self.suivant += 1
        for numero in sorted(self.objets):
            positions[numero] = sortie.tell()
            sortie.write(f"{numero} 0 obj\n".encode())
            self.objets[numero].write_to_stream(sortie)
            sortie.write(b"\nendobj\n")
        xref = self.suivant
        positions[xref] = sortie.tell()
        numeros = sorted([*positions, *self.comprimes])
        rangs = {n: i for i, n in enumerate(sorted(self.comprimes))}
        index, debut = [], numeros[0]
        for precedent, numero in zip(numeros, numeros[1:] + [None]):
            if numero != precedent + 1:
                index += [debut, precedent - debut + 1]
                debut = numero
        lignes = b"".join(
            struct.pack(">BIH", 2, xref - 1, rangs[n]) if n in rangs else struct.pack(">BIH", 1, positions[n], 0)
            for n in numeros
        )
        ancien = self.remorque.get("/ID")
        empreinte = hashlib.md5(sortie.getbuffer()).digest()  # un identifiant de fichier, pas une sécurité
        premier = _octets(ancien[0]) if ancien else empreinte
        dico = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/XRef"),
                NameObject("/Size"): NumberObject(xref + 1),
                NameObject("/Index"): ArrayObject(NumberObject(x) for x in index),
                NameObject("/W"): ArrayObject([NumberObject(1), NumberObject(4), NumberObject(2)]),
                NameObject("/Root"): self.remorque.raw_get("/Root"),
                NameObject("/ID"): ArrayObject([ByteStringObject(premier), ByteStringObject(empreinte)]),
                NameObject("/Prev"): NumberObject(self._startxref()),
                NameObject("/Filter"): NameObject("/FlateDecode"),
            }
        )
        if "/Info" in self.remorque:
            dico[NameObject("/Info")] = self.remorque.raw_get("/Info")
        donnees = zlib.compress(lignes, 9)
        dico[NameObject("/Length")] = NumberObject(len(donnees))
        sortie.write(f"{xref} 0 obj\n".encode())
        dico.write_to_stream(sortie)
        sortie.write(b"\nstream\n" + donnees + b"\nendstream\nendobj\n")
        sortie.write(f"startxref\n{positions[xref]}\n%%EOF\n".encode())
        return sortie.getvalue()

    def _startxref(self) -> int:
        m = _STARTXREF.search(self.octets[-64:])
        if not m:
            raise ValueError("PDF sans startxref final")
        return int(m.group(1))


def _flux_d_objets(objets: dict[int, bytes]):
    """Un flux d'objets (/ObjStm) : « numéro décalage … » puis les objets, compressés ensemble."""
    from pypdf.generic import NameObject, NumberObject

    decalages, corps = [], b""
    for numero in sorted(objets):
        decalages.append(f"{numero} {len(corps)}")
        corps += objets[numero] + b"\n"
    entete = (" ".join(decalages) + "\n").encode()
    return flux(
        entete + corps,
        {"/Type": NameObject("/ObjStm"), "/N": NumberObject(len(objets)), "/First": NumberObject(len(entete))},
    )


def flux(contenu: bytes, dictionnaire: dict | None = None):
    """Un flux compressé (FlateDecode) avec les entrées de `dictionnaire`."""
    from pypdf.generic import DecodedStreamObject, NameObject

    objet = DecodedStreamObject()
    objet.set_data(contenu)
    for cle, valeur in (dictionnaire or {}).items():
        objet[NameObject(cle)] = valeur
    return objet.flate_encode(level=9)


def copie(objet):
    """Une copie de surface d'un dictionnaire du lecteur, à modifier sans toucher l'original."""
    from pypdf.generic import DictionaryObject

    return DictionaryObject(objet.get_object())


def _octets(chaine) -> bytes:
    """Les octets d'une chaîne PDF lue (pypdf la rend en texte quand elle se décode)."""
    return getattr(chaine, "original_bytes", None) or bytes(chaine)
