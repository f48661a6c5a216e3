# Kinderopvang voor iedereen: the two commands of the README, and a few helpers.
#   make serve   install everything and serve the guide at http://127.0.0.1:8000 (live reload)
#   make test    install what the tests need (Python packages, Chromium, LibreOffice) and run every test
#   make test-fast  the tests without a browser or an office program (markers in pyproject.toml)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast check decks build bench system-packages lock lighthouse

serve: $(STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

# --require-tools: a missing Chromium or LibreOffice stops the run; it never skips their tests.
test: $(STAMP) system-packages node_modules/.package-lock.json
	$(BIN)/python -m pytest --require-tools

# Quick, for editors: no Chromium, no LibreOffice, nothing installed beyond the Python packages.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not office"

# axe-core for the accessibility tests, at the exact version of package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

check: $(STAMP)
	$(BIN)/python -m childcare_guide check

decks: $(STAMP)
	$(BIN)/python scripts/build_decks.py --out build/decks

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# Speed figures with targets and PASS/FAIL (a benchmark, not a test): see scripts/benchmark.py.
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

system-packages:
	bash scripts/install-system-packages.sh

# Lighthouse report (not part of 'make test'): home page and every module page, mobile preset.
lighthouse: $(STAMP) system-packages tools/lighthouse/node_modules/.package-lock.json
	$(BIN)/python scripts/lighthouse_report.py

tools/lighthouse/node_modules/.package-lock.json: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

# Refresh the pins after changing the dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^pip==' > requirements.lock
