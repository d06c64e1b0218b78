# Deux commandes font tout sur une machine neuve : `make serve` et `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
ROUES := build/wheels/.telechargees

# Un Python ≥ 3.12 (pyodide-lock l'exige) : le premier qui répond, y compris
# ceux de pyenv que le `python3` par défaut (3.11) cache sur ces machines.
FIND_PYTHON = for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/bin/python3 python3; do \
	  if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo "$$p"; exit 0; fi; done; \
	  echo "Aucun Python ≥ 3.12 trouvé : installez python3.12 (ou pyenv install 3.12)." >&2; exit 1

.PHONY: help install site serve apercu lint test test-rapide verrou bench clean chromium

help:
	@echo "make serve  — installe, construit tout le site et le sert sur http://127.0.0.1:8000"
	@echo "make test   — installe et lance tous les tests"
	@echo "make test-rapide — les tests sans construction de site, PDF, Node ni Chromium (moins d'une minute)"
	@echo "make site   — construit site/ seulement"
	@echo "make apercu — aperçu en direct pour les rédacteurs (mkdocs serve, reconstruit à chaque modification)"
	@echo "make lint   — ruff : le style et les erreurs courantes (aussi dans make test)"
	@echo "make verrou — recalcule requirements.lock après une modification des dépendances"
	@echo "make bench  — mesures de vitesse et de taille"

# Les dépendances aux versions de requirements.lock (comme npm ci lit package-lock.json), puis notre code.
$(VENV)/.installe: pyproject.toml requirements.lock
	@PYTHON=$$($(FIND_PYTHON)) && echo "Python : $$PYTHON" && "$$PYTHON" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

node_modules/.installe: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Les roues pures Python servies au navigateur avec nos règles (pypdf) : celles que demande le registre
# des outils (pyscripts/outils.py), à la version installée ici, que pyproject.toml fixe une fois.
$(ROUES): $(VENV)/.installe
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: -d build/wheels $$($(PY) -m generator roues)
	touch $@

install: $(VENV)/.installe node_modules/.installe $(ROUES)

# Chromium de Debian pour les tests navigateur (Playwright ne peut pas télécharger le sien ici),
# poppler-utils (pdftotext, pdftoppm) et qpdf (qpdf --check) pour les tests des PDF.
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; \
	  else echo "Chromium manque : sudo apt-get install chromium" >&2; exit 1; fi; fi
	@if ! command -v qpdf >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qpdf poppler-utils; \
	  else echo "qpdf et poppler-utils manquent : sudo apt-get install qpdf poppler-utils" >&2; exit 1; fi; fi

site: install
	$(PY) -m generator build

serve: site
	$(PY) -m generator serve --sans-construction

apercu: install
	$(VENV)/bin/mkdocs serve

# Un seul style, tenu par l'outil (STYLEGUIDE.md) : vérifié avant les tests.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: install chromium lint
	$(PY) -m pytest

# Le sous-ensemble rapide, pour chaque modification : les marques sont déclarées dans pyproject.toml.
RAPIDE := not build and not pdf and not pyodide and not navigateur
test-rapide: install
	$(PY) -m pytest -m "$(RAPIDE)"

# Recalcule requirements.lock depuis pyproject.toml (PyPI, pour Python 3.12 et 3.13) avec uv, installé à part.
verrou:
	@PYTHON=$$($(FIND_PYTHON)) && "$$PYTHON" -m venv build/uv
	build/uv/bin/python -m pip install --quiet uv
	build/uv/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.12 --no-header \
	  --quiet -o build/requirements.lock
	{ sed -n '1,3p' requirements.lock; cat build/requirements.lock; } > requirements.lock.neuf
	mv requirements.lock.neuf requirements.lock

bench: install
	$(PY) -m tests.bench.run

clean:
	rm -rf site build .pytest_cache
