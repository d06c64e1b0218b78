"""Tests des moteurs : les tests de propriétés (hypothesis) n'ont pas de délai par exemple.

La machine de test est partagée : une durée mesurée ici ne dit rien du moteur, et un test
chronométré échoue au hasard. Les mesures de vitesse sont dans `make bench`.

`make test` (et la CI) tire toujours les mêmes exemples (`derandomize`) : une entrée nouvelle
qui casse un moteur se cherche exprès, pas au hasard d'un envoi. Pour chercher :
`HYPOTHESIS_PROFILE=explorer .venv/bin/python -m pytest tests/pyscripts` (d'autres exemples à
chaque lancement) ; un défaut trouvé devient un cas écrit dans le test.
"""

import os

from hypothesis import settings

settings.register_profile("moteurs", deadline=None, derandomize=True)
settings.register_profile("explorer", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "moteurs"))
