"""Ce que la personne a tapé, prêt à imprimer : normalisé, écritures reconnues, arabe lié et
texte de droite à gauche mis dans l'ordre d'affichage.

    normalise(texte)            NFC, espaces et sauts de ligne unifiés, caractères de format retirés
    refus(texte, couvre)        None, ou la phrase qui dit pourquoi un caractère ne peut pas s'imprimer
                                (un émoji, même si la police le dessine ; ce que la police n'a pas)
    faconne(texte)              l'arabe en formes de présentation (initiale, médiane, finale, isolée)
    niveaux(texte)              les niveaux d'incorporation de l'algorithme bidirectionnel (UAX #9)
    ordre_visuel(texte, niv)    une ligne dans l'ordre où elle se dessine, de gauche à droite

Bibliothèque standard seulement (unicodedata) : le même résultat dans CPython et dans Pyodide, sans
roue de plus à télécharger. L'algorithme bidirectionnel est celui d'un paragraphe sans
incorporations explicites (les caractères qui en créent sont retirés par `normalise`).
"""

from __future__ import annotations

import bisect
import unicodedata

# Espaces : l'insécable garde son rôle (« 12 500 € » ne se coupe pas), les autres deviennent une espace.
INSECABLE = "\u00a0"
_INSECABLES = {"\u00a0", "\u202f", "\u2007", "\u2060"}
_ESPACES = {"\t", "\u1680", "\u205f", "\u3000", *map(chr, range(0x2000, 0x200B))}
_LIGNES = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n"}
ZWNJ = "\u200c"  # antiliant : sépare deux lettres arabes (persan « می‌خواهم ») ; gardé jusqu'au façonnage


def normalise(texte: str) -> str:
    """NFC (accents composés : une copie depuis un Mac), espaces unifiées, marques de direction et
    caractères invisibles retirés (une copie depuis un téléphone), fins de ligne en « \\n »."""
    for avant, apres in _LIGNES.items():
        texte = texte.replace(avant, apres)
    sortie = []
    for c in unicodedata.normalize("NFC", texte):
        if c in _INSECABLES:
            sortie.append(INSECABLE)
        elif c in _ESPACES:
            sortie.append(" ")
        elif c == "\n" or c == ZWNJ:
            sortie.append(c)
        elif unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") or c in "\ufe00\ufe0e":
            continue  # LRM, RLM, ZWSP, ZWJ, BOM, contrôles, sélecteurs de variante de texte
        else:
            sortie.append(c)
    # Les espaces en bout de ligne ne s'impriment pas : ils ne comptent pas.
    return "\n".join(ligne.rstrip(" ") for ligne in "".join(sortie).split("\n")).strip("\n ")


# ── Écritures qu'on ne peut pas imprimer : dire laquelle ────────────────────────

_ECRITURES = (
    (0x0590, 0x05FF, "l'écriture hébraïque"),
    (0x0600, 0x08FF, "l'écriture arabe"),
    (0x0900, 0x0DFF, "les écritures de l'Inde"),
    (0x0E00, 0x0EFF, "l'écriture thaï ou lao"),
    (0x0F00, 0x0FFF, "l'écriture tibétaine"),
    (0x1000, 0x109F, "l'écriture birmane"),
    (0x10A0, 0x10FF, "l'écriture géorgienne"),
    (0x0530, 0x058F, "l'écriture arménienne"),
    (0x1100, 0x11FF, "l'écriture coréenne"),
    (0x1200, 0x139F, "l'écriture éthiopienne (guèze)"),
    (0x1780, 0x17FF, "l'écriture khmère"),
    (0x2E80, 0x9FFF, "l'écriture chinoise, japonaise ou coréenne"),
    (0xA960, 0xA97F, "l'écriture coréenne"),
    (0xAC00, 0xD7FF, "l'écriture coréenne"),
    (0xF900, 0xFAFF, "l'écriture chinoise, japonaise ou coréenne"),
    (0xFF00, 0xFFEF, "les caractères chinois, japonais ou coréens pleine chasse"),
    (0x20000, 0x3FFFF, "l'écriture chinoise, japonaise ou coréenne"),
)


# Les émojis, reconnus par leurs propriétés Unicode et non par la police (DejaVu dessine « 😀 ») :
# Emoji_Presentation (présentés en image par défaut), Extended_Pictographic à partir de U+2600 (les
# pictogrammes ; en deçà, « © ™ ↔ ▶ » sont des signes de texte), les plans de pictogrammes entiers, le
# sélecteur de présentation émoji U+FE0F, le cabochon U+20E3 et les étiquettes des drapeaux. Tirée de
# emoji-data.txt (Unicode 15.1) ; une table plutôt que `regex`, absent de Pyodide.
_EMOJIS = (
    (0x20E3, 0x20E3), (0x231A, 0x231B), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE),
    (0x2600, 0x2604), (0x260E, 0x260E), (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D),
    (0x2620, 0x2620), (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663), (0x2665, 0x2666),
    (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697), (0x2699, 0x2699), (0x269B, 0x269C),
    (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB), (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
    (0x26C8, 0x26C8), (0x26CE, 0x26CF), (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5),
    (0x26F7, 0x26FA), (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728),
    (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
    (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030),
    (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299), (0xFE0F, 0xFE0F), (0x1F000, 0x1FAFF), (0x1FC00, 0x1FFFD),
    (0xE0020, 0xE007F),
)  # fmt: skip
_DEBUTS_EMOJIS = [debut for debut, _ in _EMOJIS]


def emoji(c: str) -> bool:
    n = ord(c)
    i = bisect.bisect_right(_DEBUTS_EMOJIS, n) - 1
    return i >= 0 and n <= _EMOJIS[i][1]


def refus(texte: str, couvre) -> str | None:
    """None si chaque caractère a un glyphe (`couvre(caractère)`), sinon la raison, en français."""
    for i, c in enumerate(texte):
        if emoji(c):  # avant la police : un émoji qu'elle dessine s'imprimerait en noir et blanc, méconnaissable
            return (
                f"les émojis ne s'impriment pas sur le formulaire (« {_sequence(texte, i)} ») : retirez-les, "
                "ou écrivez ce champ à la main sur le formulaire imprimé"
            )
        if c == "\n" or c == ZWNJ or couvre(c):
            continue
        n = ord(c)
        ecriture = next((nom for debut, fin, nom in _ECRITURES if debut <= n <= fin), None)
        if ecriture:
            return (
                f"{ecriture} ne peut pas être imprimée dans ce formulaire (« {c} ») : écrivez ce champ "
                "à la main sur le formulaire imprimé, ou en lettres latines"
            )
        return (
            f"le caractère « {c} » ne peut pas être imprimé dans ce formulaire : retirez-le, "
            "ou écrivez ce champ à la main sur le formulaire imprimé"
        )
    return None


def _sequence(texte: str, i: int) -> str:
    """L'émoji entier autour de texte[i] : « 1️⃣ » plutôt que son sélecteur invisible."""
    debut, fin = i, i + 1
    if texte[i] in _COMPOSANTS and i > 0:
        debut -= 1
    while fin < len(texte) and texte[fin] in _COMPOSANTS:
        fin += 1
    return texte[debut:fin]


_COMPOSANTS = {"\ufe0f", "\u20e3", *map(chr, range(0x1F3FB, 0x1F400))}  # sélecteur, cabochon, teintes de peau


# ── Arabe : formes contextuelles (formes de présentation d'Unicode) ──────────────


def _formes() -> tuple[dict, dict]:
    """{(lettre, forme): présentation} et {(lam, alif, forme): ligature}, tirés des décompositions
    d'Unicode (FB50–FDFF, FE70–FEFF) : « <initial> 0628 » est le bāʾ initial."""
    formes: dict[tuple[str, str], str] = {}
    ligatures: dict[tuple[str, str, str], str] = {}
    for n in [*range(0xFB50, 0xFC00), *range(0xFE70, 0xFF00)]:
        decomposition = unicodedata.decomposition(chr(n)).split()
        if len(decomposition) < 2 or decomposition[0] not in ("<isolated>", "<final>", "<initial>", "<medial>"):
            continue
        forme = decomposition[0][1:-1]
        lettres = [chr(int(x, 16)) for x in decomposition[1:]]
        if len(lettres) == 1:
            formes.setdefault((lettres[0], forme), chr(n))
        elif len(lettres) == 2 and lettres[0] == "\u0644":
            ligatures.setdefault((lettres[0], lettres[1], forme), chr(n))
    return formes, ligatures


_FORMES, _LIGATURES = _formes()
_DOUBLES = {lettre for (lettre, forme) in _FORMES if forme in ("initial", "medial")}  # se lient des deux côtés
_DROITES = {lettre for (lettre, forme) in _FORMES if forme == "final"} - _DOUBLES  # à la précédente seulement
_TATWEEL = "\u0640"


def _liante(c: str) -> str:
    """D (des deux côtés), R (à la lettre précédente seulement), T (transparente), U (aucune)."""
    if c in _DOUBLES or c == _TATWEEL:
        return "D"
    if c in _DROITES:
        return "R"
    if unicodedata.category(c) == "Mn":
        return "T"
    return "U"


def faconne(texte: str) -> str:
    """Chaque lettre arabe remplacée par sa forme de présentation selon ses voisines (lam-alif lié) ;
    les antiliants retirés après avoir séparé les lettres. Le reste du texte est inchangé."""
    return "".join(faconne_avec_origines(texte)[0])


def faconne_avec_origines(texte: str) -> tuple[list[str], list[int]]:
    """`faconne`, caractère par caractère, avec pour chacun sa position dans `texte` : une ligne
    coupée dans le texte façonné se retrouve dans ce que la personne a écrit."""
    if not any("\u0600" <= c <= "\u06ff" for c in texte):
        garde = [i for i, c in enumerate(texte) if c != ZWNJ]
        return [texte[i] for i in garde], garde
    types = [_liante(c) for c in texte]
    sortie, origines = [], []
    i = 0
    while i < len(texte):
        c = texte[i]
        if types[i] not in ("D", "R"):
            if c != ZWNJ:
                sortie.append(c)
                origines.append(i)
            i += 1
            continue
        avant = _voisine(types, i, -1)
        lie_avant = avant is not None and types[avant] == "D"
        suivante = _voisine(types, i, 1)
        if c == "\u0644" and suivante is not None and (texte[i], texte[suivante], "isolated") in _LIGATURES:
            forme = "final" if lie_avant else "isolated"
            sortie.append(_LIGATURES[(texte[i], texte[suivante], forme)])
            origines.append(i)
            for k in range(i + 1, suivante):  # signes diacritiques entre lam et alif
                sortie.append(texte[k])
                origines.append(k)
            i = suivante + 1
            continue
        lie_apres = types[i] == "D" and suivante is not None and types[suivante] in ("D", "R")
        forme = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (lie_avant, lie_apres), "isolated"
        )
        sortie.append(_FORMES.get((c, forme)) or _FORMES.get((c, "isolated")) or c)
        origines.append(i)
        i += 1
    return sortie, origines


def _voisine(types: list[str], i: int, pas: int) -> int | None:
    """La lettre voisine qui compte pour la liaison (les diacritiques sont transparents)."""
    j = i + pas
    while 0 <= j < len(types) and types[j] == "T":
        j += pas
    return j if 0 <= j < len(types) and types[j] in ("D", "R") else None


# ── Algorithme bidirectionnel (UAX #9, sans incorporations explicites) ───────────

_MIROIRS = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))


def direction(texte: str) -> int:
    """0 (gauche à droite) ou 1 (droite à gauche) : la première lettre forte (règles P2, P3)."""
    for c in texte:
        classe = unicodedata.bidirectional(c)
        if classe == "L":
            return 0
        if classe in ("R", "AL"):
            return 1
    return 0


def rtl(texte: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in texte)


def niveaux(texte: str, base: int | None = None) -> list[int]:
    """Le niveau de chaque caractère d'un paragraphe (règles W1–W7, N1–N2, I1–I2)."""
    if base is None:
        base = direction(texte)
    classes = [unicodedata.bidirectional(c) or "L" for c in texte]
    sos = "R" if base else "L"
    # W1 : marques sans espacement → classe de la précédente.
    for i, k in enumerate(classes):
        if k == "NSM":
            classes[i] = classes[i - 1] if i else sos
    # W2 : chiffres européens après une lettre arabe → chiffres arabes ; W3 : AL → R.
    fort = sos
    for i, k in enumerate(classes):
        if k in ("L", "R", "AL"):
            fort = k
        elif k == "EN" and fort == "AL":
            classes[i] = "AN"
    classes = ["R" if k == "AL" else k for k in classes]
    # W4 : un séparateur entre deux nombres du même type.
    for i in range(1, len(classes) - 1):
        if classes[i] == "ES" and classes[i - 1] == classes[i + 1] == "EN":
            classes[i] = "EN"
        elif classes[i] == "CS" and classes[i - 1] == classes[i + 1] and classes[i - 1] in ("EN", "AN"):
            classes[i] = classes[i - 1]
    # W5 : terminateurs (%, €, #) collés à des chiffres européens.
    i = 0
    while i < len(classes):
        if classes[i] == "ET":
            j = i
            while j < len(classes) and classes[j] == "ET":
                j += 1
            if (i > 0 and classes[i - 1] == "EN") or (j < len(classes) and classes[j] == "EN"):
                classes[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    # W6 : séparateurs et terminateurs restants → neutres ; W7 : EN après L (ou sos L) → L.
    classes = ["ON" if k in ("ES", "ET", "CS") else k for k in classes]
    fort = sos
    for i, k in enumerate(classes):
        if k in ("L", "R"):
            fort = k
        elif k == "EN" and fort == "L":
            classes[i] = "L"
    _crochets(texte, classes, sos, "R" if base % 2 else "L")
    # N1, N2 : une suite de neutres prend la direction de ses voisines si elles s'accordent, sinon la base.
    neutres = ("B", "S", "WS", "ON", "BN", "LRI", "RLI", "FSI", "PDI")
    i = 0
    while i < len(classes):
        if classes[i] not in neutres:
            i += 1
            continue
        j = i
        while j < len(classes) and classes[j] in neutres:
            j += 1
        gauche = _forte(classes[i - 1]) if i > 0 else sos
        droite = _forte(classes[j]) if j < len(classes) else sos
        classes[i:j] = [gauche if gauche == droite else sos] * (j - i)
        i = j
    # I1, I2.
    sortie = []
    for k in classes:
        if base % 2 == 0:
            sortie.append(base + (1 if k == "R" else 2 if k in ("AN", "EN") else 0))
        else:
            sortie.append(base + (1 if k in ("L", "EN", "AN") else 0))
    return sortie


_OUVRANTS = {"(": ")", "[": "]", "{": "}"}


def _crochets(texte: str, classes: list[str], sos: str, e: str) -> None:
    """N0 : une paire de crochets prend la direction de son contenu (celle du paragraphe si elle y
    est, sinon l'autre quand le contexte avant la paire l'a aussi)."""
    pile, paires = [], []
    for i, c in enumerate(texte):
        if c in _OUVRANTS and classes[i] == "ON":
            pile.append((i, _OUVRANTS[c]))
        elif pile and classes[i] == "ON":
            for profondeur in range(len(pile) - 1, -1, -1):
                if pile[profondeur][1] == c:
                    paires.append((pile[profondeur][0], i))
                    del pile[profondeur:]
                    break
    for ouvrant, fermant in sorted(paires):
        dedans = {_forte(k) for k in classes[ouvrant + 1 : fermant]} & {"L", "R"}
        if not dedans:
            continue
        if e in dedans:
            choix = e
        else:
            avant = next((_forte(k) for k in reversed(classes[:ouvrant]) if _forte(k) in ("L", "R")), sos)
            choix = avant if avant != e else e
        classes[ouvrant] = classes[fermant] = choix


def _forte(classe: str) -> str:
    return "R" if classe in ("R", "AN", "EN") else classe


def ordre_visuel(texte: str, niv: list[int], base: int) -> str:
    """Une ligne (texte et ses niveaux) dans l'ordre de dessin : règles L1 (espaces de fin au niveau
    de base), L2 (inversion des suites de niveau élevé), L3 (un signe diacritique reste après sa
    lettre, où le dessin le place au-dessus d'elle) et L4 (parenthèses en miroir)."""
    niv = list(niv)
    i = len(texte)
    while i > 0 and texte[i - 1] in (" ", INSECABLE):
        i -= 1
        niv[i] = base
    caracteres = [_MIROIRS.get(c, c) if n % 2 else c for c, n in zip(texte, niv)]
    if not niv or max(niv) == 0:
        return "".join(caracteres)
    indices = list(range(len(caracteres)))
    plus_bas_impair = min(n for n in niv if n % 2) if any(n % 2 for n in niv) else max(niv)
    for niveau in range(max(niv), plus_bas_impair - 1, -1):
        i = 0
        while i < len(indices):
            if niv[indices[i]] >= niveau:
                j = i
                while j < len(indices) and niv[indices[j]] >= niveau:
                    j += 1
                indices[i:j] = reversed(indices[i:j])
                i = j
            else:
                i += 1
    return "".join(_marques_apres_leur_lettre([caracteres[k] for k in indices], [niv[k] for k in indices]))


def marque(c: str) -> bool:
    """Un signe diacritique qui se pose sur la lettre d'avant (harakat, points de l'hébreu, accents)."""
    return unicodedata.category(c) in ("Mn", "Me")


def _marques_apres_leur_lettre(visuel: list[str], niv: list[int]) -> list[str]:
    """L3 : une suite de droite à gauche, inversée, met les signes avant leur lettre ; on les remet
    après elle, dans l'ordre où ils ont été écrits."""
    sortie: list[str] = []
    attente: list[str] = []
    for c, n in zip(visuel, niv):
        if n % 2 and marque(c):
            attente.append(c)
            continue
        sortie.append(c)
        if attente:
            sortie.extend(reversed(attente) if n % 2 else attente)
            attente = []
    return sortie + attente
