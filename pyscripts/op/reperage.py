"""Reconnaître l'adresse cachée dans un texte : quels de ses éléments y figurent.

    Adresse.depuis(cachee)    l'adresse décomposée : numéro, type de voie, nom, complément, code postal, commune
    signaux(texte, adresse)   les éléments trouvés, du plus fort au plus faible

Les deux côtés passent par la même normalisation (normalisation.py). Les éléments :

    numero_et_voie  le numéro puis le nom de la voie, avec ou sans son type : « 12 des Lilas »,
                    « douze, rue des lilas », « au 12 de l'avenue des Lilas »
    voie            un type de voie puis le nom : « rue des Lilas », « r. Lilas », « av. J. Jaurès »
                    (`commun` : un nom que la langue courante emploie, « rue de la République » ;
                    `approche` : un nom de moins de 6 lettres à une faute de frappe près, « rue Zolla »)
    nom             le nom seul et entier, s'il n'est pas un mot courant : « les Lilas »
    code_postal     le code postal, avec ou sans espace (`avec_commune` : suivi ou précédé de la commune),
                    jamais dans une référence (« PV n° 75011/2025 », « plainte 75011 ») ni un montant
    complement      le complément entier, ou une partie qui désigne un lieu (« bâtiment C »,
                    « appartement 3 » mais pas « l'appartement 3 fois », ni « 3e étage » seul)
    commune         la commune seule

Un nom de voie à plusieurs mots se reconnaît par son dernier mot (« rue Hugo » pour « rue Victor
Hugo »), les précédents entiers ou en initiale. Bibliothèque standard seulement (CPython et Pyodide).
"""

from __future__ import annotations

from dataclasses import dataclass

from .normalisation import LIMITE, MONTANT, NUMERO, VOIES, jetons

# Mots sans poids dans un nom : « rue de la République » = « rue République ».
VIDES = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "au", "aux", "a", "en", "et"})
# Noms de voie que la langue courante et les récits emploient : seuls, ils ne signalent rien ; après
# un type de voie, ils demandent confirmation au lieu d'être refusés (« sur la place de la mairie »).
COURANTS = frozenset(
    """republique mairie eglise gare ecole ecoles poste paix liberte egalite fraternite marche halles halle
    fleurs pont port moulin moulins chateau fontaine fontaines foret bois prairie jardin jardins parc lac mer
    plage hopital tribunal justice palais stade college lycee commerce centre ville village bourg champ champs
    vignes vigne source puits victoire liberation resistance europe france nation general president nord sud
    est ouest haut haute bas basse grand grande petit petite neuve neuf vieille vieux nouvelle saint sainte
    notre dame cimetiere croix four lavoir chapelle abbaye riviere canal mairie soleil etoile paris armistice
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"""
    .split()
)  # fmt: skip
# Un complément : ses mots de lieu, et ce qui ne désigne rien à soi seul.
LIEUX_DU_COMPLEMENT = frozenset(
    "batiment appartement escalier porte residence tour logement entree bloc villa chez maison immeuble "
    "pavillon chambre studio lot hall".split()
)
# Les voies qui sont aussi des lieux où l'on se trouve : avec un nom courant, elles demandent confirmation.
LIEUX_PUBLICS = frozenset(
    "place placette square parvis esplanade cours quai mail promenade cour rondpoint carrefour".split()
)
POSITIONS = frozenset("etage rdc gauche droite fond face cour sur rue cote".split())
# Un nombre suivi de ces mots compte autre chose : « l'appartement 3 fois ».
COMPTES = frozenset(
    "fois an ans jour jours heure heures h min minute minutes mois semaine semaines euros eur personnes "
    "coups reprises enfants nuits nuit".split()
)
# Un nombre précédé de ces mots est une référence : « plainte 75011 », « PV n° 75011 ».
REFERENCES = frozenset(
    f"{NUMERO} pv plainte dossier affaire ref reference parquet rg minute siret siren tel telephone compte "
    "facture contrat matricule badge iban bp cs cedex".split()
)


@dataclass(frozen=True)
class Signal:
    genre: str
    commun: bool = False
    avec_commune: bool = False
    approche: bool = False  # un nom court lu à une faute de frappe près : peut-être une autre rue


def _significatifs(mots) -> tuple[str, ...]:
    return tuple(m for m in mots if m not in VIDES and m != LIMITE)


def _segments(mots: list[str]) -> list[list[str]]:
    segments, courant = [], []
    for mot in mots:
        if mot == LIMITE:
            segments.append(courant)
            courant = []
        else:
            courant.append(mot)
    return [s for s in [*segments, courant] if s]


def _code(mot: str) -> bool:
    return len(mot) == 5 and (mot.isdigit() or (mot[:2] in ("2a", "2b") and mot[2:].isdigit()))


@dataclass(frozen=True)
class Adresse:
    numero: str | None = None
    voie: str | None = None
    nom: tuple[str, ...] = ()
    complements: tuple[tuple[str, ...], ...] = ()
    code_postal: str | None = None
    commune: tuple[str, ...] = ()

    @classmethod
    def depuis(cls, cachee: dict) -> Adresse:
        """Depuis les champs retirés de la requête (requerant_adresse, _complement, _code_postal, _commune)."""
        mots = jetons(cachee.get("requerant_adresse") or "")
        numero, voie, nom, autres, code = _decompose(mots)
        complements = [_significatifs(s) for s in _segments(jetons(cachee.get("requerant_adresse_complement") or ""))]
        code_saisi = "".join(m for m in jetons(cachee.get("requerant_code_postal") or "") if m != LIMITE)
        return cls(
            numero=numero,
            voie=voie,
            nom=nom,
            complements=tuple(c for c in [*autres, *complements] if c),
            code_postal=code_saisi if _code(code_saisi) else code,
            commune=_significatifs(jetons(cachee.get("requerant_commune") or "")),
        )

    @property
    def nom_courant(self) -> bool:
        return all(m in COURANTS or m.isdigit() for m in self.nom)

    @property
    def nom_distinctif(self) -> bool:
        return bool(self.nom) and not self.nom_courant and sum(map(len, self.nom)) >= 4

    def verifiable(self) -> bool:
        """Vrai quand un élément assez précis permet de vérifier les textes (pas la commune seule)."""
        return bool(self.nom or self.code_postal or self.complements)


def _decompose(mots: list[str]):
    """(numéro, type, nom, autres segments, code postal) de la ligne d'adresse."""
    code = next((m for m in mots if _code(m)), None)
    if code:  # « 3 allée des Tilleuls 33000 Bordeaux » : la commune suit le code postal
        mots = mots[: mots.index(code)]
    v = next((i for i, m in enumerate(mots) if m in VOIES), None)
    numero = None
    if v is not None:
        debut = v
        for j in range(v - 1, -1, -1):  # « 12, rue … » : le numéro avant le type, virgule comprise
            if mots[j].isdigit():
                numero, debut = mots[j], j
                break
            if mots[j] not in (LIMITE, NUMERO):
                break
        fin = next((j for j in range(v + 1, len(mots)) if mots[j] == LIMITE or mots[j] in LIEUX_DU_COMPLEMENT), None)
        fin = len(mots) if fin is None else fin
        nom = _significatifs(mots[v + 1 : fin])
        reste = mots[:debut] + [LIMITE] + mots[fin:]
        return numero, mots[v], nom, [_significatifs(s) for s in _segments(reste)], code
    segments = _segments(mots)
    if not segments:
        return None, None, (), [], code
    premier = segments[0]
    if premier[0].isdigit() and len(premier[0]) <= 4:
        numero, premier = premier[0], premier[1:]
    return numero, None, _significatifs(premier), [_significatifs(s) for s in segments[1:]], code


# ── Recherche ────────────────────────────────────────────────────────────────────


def _racine(mot: str) -> str:
    """Le singulier : « Tilleuls » est « Tilleul », « Lilas » est « Lila »."""
    return mot[:-1] if len(mot) > 3 and mot[-1] in "sx" else mot


# Lettres qu'il faut à un mot pour qu'une faute de frappe y soit lue : seul, ou derrière un type de voie
# ou un numéro, qui disent déjà qu'il s'agit d'une adresse (« rue Zolla », « 12 rue des Lillas »).
LETTRES_POUR_UNE_FAUTE, LETTRES_POUR_UNE_FAUTE_EN_CONTEXTE = 6, 4


def meme_mot(mot: str, attendu: str, lettres: int = LETTRES_POUR_UNE_FAUTE) -> bool:
    """Le même mot, au pluriel près, ou à une faute de frappe près (une lettre oubliée, ajoutée ou
    changée) s'il a au moins `lettres` lettres : « Chantemerl », « Pasteurr »."""
    a, b = _racine(mot), _racine(attendu)
    if a == b:
        return True
    if min(len(a), len(b)) < lettres or abs(len(a) - len(b)) > 1 or a.isdigit() or b.isdigit():
        return False
    i = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    long, court = (a, b) if len(a) > len(b) else (b, a)
    return long[i + 1 :] == court[i:]


def _nom(
    t: list[str], i: int, nom: tuple[str, ...], *, entier: bool = False, lettres: int = LETTRES_POUR_UNE_FAUTE
) -> int | None:
    """La fin du nom de voie lu à partir de t[i], ou None. Les mots vides sont sautés ; un mot du
    nom peut manquer ou être une initiale, sauf le dernier (`entier` : aucun ne manque) ; une faute de
    frappe est lue dans un mot d'au moins `lettres` lettres."""
    h, p, exacts = 0, i, 0
    dernier = False
    while p < len(t) and h < len(nom):
        mot = t[p]
        if mot in VIDES:
            p += 1
            continue
        # Un mot du nom peut manquer (« rue Hugo »), pas un nombre (« rue du 8 Mai 1945 » n'est pas « le 8 mai 1945 »).
        nombre = next((k for k in range(h, len(nom)) if nom[k].isdigit()), len(nom) - 1)
        bornes = range(h, h + 1) if entier else range(h, nombre + 1)
        k = next(
            (
                k
                for k in bornes
                if meme_mot(mot, nom[k], lettres) or (len(mot) == 1 and k < len(nom) - 1 and nom[k].startswith(mot))
            ),
            None,
        )
        if k is None:
            break
        exact = len(mot) > 1 and meme_mot(mot, nom[k], lettres)
        exacts += exact
        dernier = k == len(nom) - 1 and exact
        h, p = k + 1, p + 1
    if not exacts or not dernier or (entier and h < len(nom)):
        return None
    return p


def _numero_et_voie(t: list[str], a: Adresse) -> bool:
    for i, mot in enumerate(t):
        if mot != a.numero:
            continue
        p, limites = i + 1, 0
        while p < len(t) and (t[p] in VIDES or t[p] in VOIES or t[p] == NUMERO or (t[p] == LIMITE and not limites)):
            limites += t[p] == LIMITE
            p += 1
        if _nom(t, p, a.nom, lettres=LETTRES_POUR_UNE_FAUTE_EN_CONTEXTE) is not None:
            return True
    return False


def _voie(t: list[str], a: Adresse, lettres: int = LETTRES_POUR_UNE_FAUTE) -> str | None:
    """Le type de voie lu devant le nom (« rue », « place »…), ou None."""
    if a.voie is None:  # « Les Hauts de Chantemerle » : le nom est la voie
        return "lieudit" if a.nom_distinctif and len("".join(a.nom)) >= 6 and _nom_seul(t, a) else None
    return next(
        (mot for i, mot in enumerate(t) if mot in VOIES and _nom(t, _apres(t, i), a.nom, lettres=lettres) is not None),
        None,
    )


def _apres(t: list[str], i: int) -> int:
    """Le mot qui suit t[i], un retour à la ligne ou une virgule sautés (« 12 rue⏎Émile Zola »)."""
    return i + 2 if i + 1 < len(t) and t[i + 1] == LIMITE else i + 1


def _nom_seul(t: list[str], a: Adresse) -> bool:
    premier = a.nom[0]
    return any(
        (meme_mot(m, premier) or (len(m) == 1 and premier.startswith(m))) and _nom(t, i, a.nom, entier=True) is not None
        for i, m in enumerate(t)
    )


def _suite(t: list[str], i: int, suite: tuple[str, ...], sauter: frozenset) -> int | None:
    """La fin de `suite` lue à partir de t[i] (mots de `sauter` ignorés entre deux mots), ou None."""
    p = i
    for k, attendu in enumerate(suite):
        while k and p < len(t) and t[p] in sauter:
            p += 1
        if p >= len(t) or t[p] != attendu:
            return None
        p += 1
    return p


def _compte_ensuite(t: list[str], fin: int, suite: tuple[str, ...]) -> bool:
    """« appartement 3 fois » : le dernier nombre de la suite compte autre chose."""
    dernier = suite[-1]
    return (dernier.isdigit() or len(dernier) == 1) and fin < len(t) and t[fin] in COMPTES


def _trouve_suite(t: list[str], suite: tuple[str, ...]) -> bool:
    sauter = VIDES | {LIMITE}
    for i in range(len(t)):
        if t[i] != suite[0]:
            continue
        fin = _suite(t, i, suite, sauter)
        if fin is not None and not _compte_ensuite(t, fin, suite):
            return True
    return False


def _designe_un_lieu(partie: tuple[str, ...]) -> bool:
    """« bâtiment C », « appartement 3 », « Résidence les Pins » oui ; « 3e étage », « C » seuls non."""
    identifiants = [
        m
        for m in partie
        if m not in LIEUX_DU_COMPLEMENT and m not in POSITIONS and not (m[:-1].isdigit() and m.endswith("e"))
    ]
    if not identifiants:
        return False
    if any(m in LIEUX_DU_COMPLEMENT for m in partie):
        return True
    return any(len(m) >= 4 and not m.isdigit() and m not in COURANTS for m in identifiants)


def _complement(t: list[str], presents: set[str], a: Adresse) -> bool:
    if not a.complements:
        return False
    entier = tuple(m for partie in a.complements for m in partie)
    if len(entier) >= 2 and presents.issuperset(entier) and _trouve_suite(t, entier):
        return True
    return any(
        presents.issuperset(partie) and _designe_un_lieu(partie) and _trouve_suite(t, partie)
        for partie in a.complements
    )


def _commune_en(t: list[str], i: int, commune: tuple[str, ...], vers: int) -> bool:
    """La commune juste après (vers=1) ou juste avant (vers=-1) la position i, virgule ou parenthèse sautée."""
    while 0 <= i < len(t) and t[i] == LIMITE:
        i += vers
    if vers > 0:
        return _suite(t, i, commune, VIDES) is not None
    return i + 1 >= len(commune) and tuple(t[i - len(commune) + 1 : i + 1]) == commune


def _code_postal(t: list[str], a: Adresse) -> Signal | None:
    cp = a.code_postal
    if not cp:
        return None
    for i, mot in enumerate(t):
        if not cp.startswith(mot) or not (mot.isdigit() or _code(mot)) or (i and t[i - 1].isdigit()):
            continue
        lu, j = mot, i + 1
        while len(lu) < len(cp) and j < len(t) and t[j].isdigit():
            lu, j = lu + t[j], j + 1
        if lu != cp or (j < len(t) and (t[j].isdigit() or t[j] in (MONTANT, "eur"))):
            continue
        if any(m in REFERENCES for m in t[max(0, i - 2) : i]):
            continue
        commune = bool(a.commune) and (_commune_en(t, j, a.commune, 1) or _commune_en(t, i - 1, a.commune, -1))
        return Signal("code_postal", avec_commune=commune)
    return None


def _commune(t: list[str], a: Adresse) -> bool:
    if sum(map(len, a.commune)) < 3:
        return False
    return any(mot == a.commune[0] and _suite(t, i, a.commune, VIDES) is not None for i, mot in enumerate(t))


def signaux(texte: str, a: Adresse) -> list[Signal]:
    """Les éléments de l'adresse `a` présents dans `texte`, du plus fort au plus faible."""
    if not texte or not texte.strip():
        return []
    t = jetons(texte)
    presents = set(t)
    # Un nom ne se lit pas sans son dernier mot : un long récit qui ne le contient pas est vite lu.
    nom = bool(a.nom) and any(meme_mot(m, a.nom[-1], LETTRES_POUR_UNE_FAUTE_EN_CONTEXTE) for m in presents)
    trouves: list[Signal] = []
    if nom and a.numero in presents and _numero_et_voie(t, a):
        trouves.append(Signal("numero_et_voie"))
    voie = _voie(t, a) if nom else None
    approche = not voie and nom and _voie(t, a, LETTRES_POUR_UNE_FAUTE_EN_CONTEXTE)
    if voie or approche:
        # « sur la place de la mairie » : un lieu public peut-être, pas forcément son adresse.
        commun = a.nom_courant and (voie or approche) in LIEUX_PUBLICS
        trouves.append(Signal("voie", commun=commun, approche=bool(approche)))
    if nom and a.nom_distinctif and not trouves and _nom_seul(t, a):
        trouves.append(Signal("nom"))
    code = _code_postal(t, a)
    if code:
        trouves.append(code)
    if _complement(t, presents, a):
        trouves.append(Signal("complement"))
    if a.commune and a.commune[-1] in presents and _commune(t, a) and not (code and code.avec_commune):
        trouves.append(Signal("commune"))
    return trouves
