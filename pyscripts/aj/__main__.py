"""`python -m pyscripts.aj` : une situation JSON sur stdin, le résultat JSON sur stdout."""

from ..cli import main
from . import calcule

raise SystemExit(main(calcule))
