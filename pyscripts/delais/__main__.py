"""`python -m pyscripts.delais` : un objet JSON sur stdin, un objet JSON sur stdout."""

from ..cli import main
from . import calcule

raise SystemExit(main(calcule))
