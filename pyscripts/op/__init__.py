"""La requête en ordonnance de protection (Cerfa 15458*07), préparée en privé.

    requete    prepare(entree), expose(entree), pour_la_page() : le point d'entrée du moteur
    mesures    les mesures demandées, permises ou non dans la situation (content/data/op_mesures.yml)
    expose     l'exposé des faits numéroté et le bordereau de pièces
    adresse    l'adresse cachée : retirée des valeurs, comparée à chaque texte (refus, confirmations)
    reperage   les éléments de l'adresse cachée reconnus dans un texte (numéro et rue, rue, nom, code postal…)
    normalisation  la forme normalisée d'un texte (accents, chiffres, abréviations, nombres en lettres)
    greffe     ce qu'il faut apporter au greffe puis à l'audience (content/data/op_a_apporter.yml)

Le remplissage du PDF est celui des autres formulaires (pyscripts/formulaires).
Bibliothèque standard seulement (CPython et Pyodide).
"""
