"""Tests des moteurs : les tests de propriétés (hypothesis) n'ont pas de délai par exemple.

La machine de test est partagée : une durée mesurée ici ne dit rien du moteur, et un test
chronométré échoue au hasard. Les mesures de vitesse sont dans `make bench`.
"""

from hypothesis import settings

settings.register_profile("moteurs", deadline=None)
settings.load_profile("moteurs")
