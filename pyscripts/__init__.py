"""Règles de droit exécutées à l'identique dans CPython et dans Pyodide.

Bibliothèque standard seulement : ce paquet est empaqueté en roue pure Python
et chargé par le navigateur. Aucune entrée/sortie dans les règles elles-mêmes :
les paramètres (barèmes, jours fériés, délais) arrivent en données.
"""
