# Deux commandes font tout sur une machine neuve : `make serve` et `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PYPDF_WHEEL := build/wheels/pypdf-7.1.0-py3-none-any.whl

# Un Python ≥ 3.12 (pyodide-lock l'exige) : le premier qui répond, y compris
# ceux de pyenv que le `python3` par défaut (3.11) cache sur ces machines.
FIND_PYTHON = for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 /usr/bin/python3 python3; do \
	  if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo "$$p"; exit 0; fi; done; \
	  echo "Aucun Python ≥ 3.12 trouvé : installez python3.12 (ou pyenv install 3.12)." >&2; exit 1

.PHONY: help install site serve apercu test test-rapide bench clean chromium

help:
	@echo "make serve  — installe, construit tout le site et le sert sur http://127.0.0.1:8000"
	@echo "make test   — installe et lance tous les tests"
	@echo "make test-rapide — les tests sans construction de site, PDF, Node ni Chromium (moins d'une minute)"
	@echo "make site   — construit site/ seulement"
	@echo "make apercu — aperçu en direct pour les rédacteurs (mkdocs serve, reconstruit à chaque modification)"
	@echo "make bench  — mesures de vitesse et de taille"

$(VENV)/.installe: pyproject.toml
	@PYTHON=$$($(FIND_PYTHON)) && echo "Python : $$PYTHON" && "$$PYTHON" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installe: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# La roue pypdf (pure Python) est servie au navigateur avec nos paquets Pyodide.
$(PYPDF_WHEEL): $(VENV)/.installe
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: pypdf==7.1.0 -d build/wheels

install: $(VENV)/.installe node_modules/.installe $(PYPDF_WHEEL)

# Chromium de Debian pour les tests navigateur (Playwright ne peut pas télécharger le sien ici),
# poppler-utils (pdftotext, pdftoppm) et qpdf (qpdf --check) pour les tests des PDF.
OUTILS_DEBIAN := chromium:chromium pdftotext:poppler-utils qpdf:qpdf
chromium:
	@manque=""; for o in $(OUTILS_DEBIAN); do command -v "$${o%%:*}" >/dev/null 2>&1 || manque="$$manque $${o#*:}"; done; \
	if [ -n "$$manque" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$manque; \
	  else echo "Il manque :$$manque (sudo apt-get install$$manque)" >&2; exit 1; fi; fi

site: install
	$(PY) -m generator build

serve: site
	$(PY) -m generator serve --sans-construction

apercu: install
	$(VENV)/bin/mkdocs serve

test: install chromium
	$(PY) -m pytest

# Le sous-ensemble rapide, pour chaque modification : les marques sont déclarées dans pyproject.toml.
RAPIDE := not build and not pdf and not pyodide and not navigateur
test-rapide: install
	$(PY) -m pytest -m "$(RAPIDE)"

bench: install
	$(PY) -m tests.bench.run

clean:
	rm -rf site build .pytest_cache
