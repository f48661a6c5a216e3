# Kinderopvang voor iedereen: the two commands of the README, and a few helpers.
#   make serve   install what the site needs and serve the guide at http://127.0.0.1:8000 (live reload)
#   make test    install what the tests need (Python packages, Chromium, LibreOffice) and run every test
#   make test-fast  the tests without a browser or an office program (markers in pyproject.toml)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Two sets of Python packages, each locked with hashes in requirements/ (see 'make lock'):
# RUNTIME is what the site and the decks need (serve, build, check, decks); STAMP adds the test
# tools (pytest, playwright, pre-commit, ...). LOCK_VENV holds pip-tools, which writes the locks.
RUNTIME   := $(VENV)/.runtime
STAMP     := $(VENV)/.installed
PIP       := $(BIN)/python -m pip --disable-pip-version-check
LOCK_VENV := .venv-lock
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast check decks build bench system-packages lock lock-upgrade pre-commit lighthouse

PORT ?= 8000

serve: $(RUNTIME)
	$(BIN)/python scripts/serve.py $(PORT)

# --require-tools: a missing Chromium or LibreOffice stops the run; it never skips their tests.
test: $(STAMP) system-packages node_modules/.package-lock.json
	$(BIN)/python -m pytest --require-tools

# Quick, for editors: no Chromium, no LibreOffice, nothing installed beyond the Python packages.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not office"

# axe-core for the accessibility tests, at the exact version of package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

check: $(RUNTIME)
	$(BIN)/python -m childcare_guide check

decks: $(RUNTIME)
	$(BIN)/python scripts/build_decks.py --out build/decks

# Built aside, then swapped in: a failed build leaves the previous site/ as it was.
build: $(RUNTIME)
	rm -rf build/site.new build/site.old
	$(BIN)/mkdocs build --strict --site-dir build/site.new
	if [ -d site ]; then mv site build/site.old; fi
	mv build/site.new site
	rm -rf build/site.old

# Check every commit from now on (yamllint, make check, ruff, actionlint): see CONTRIBUTING.md.
pre-commit: $(STAMP)
	$(BIN)/pre-commit install

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

# Every package is installed at the exact version and hash of its lock; then the project itself,
# editable, without touching its dependencies. The first install takes some 30 seconds (the site's
# packages) and 15 more (the test tools); after that only a changed lock or pyproject.toml installs.
$(RUNTIME): pyproject.toml requirements/runtime.txt
	@echo "Python-pakketten voor de site installeren (eerste keer: ongeveer een halve minuut)…"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) install --quiet --require-hashes -r requirements/runtime.txt
	@$(PIP) install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(STAMP): $(RUNTIME) requirements/test.txt
	@echo "Python-pakketten voor de tests installeren (eerste keer: ongeveer een halve minuut)…"
	@$(PIP) install --quiet --require-hashes -r requirements/test.txt
	@touch $@

# Write the locks again after changing the dependencies in pyproject.toml: versions already locked
# stay as they are. 'make lock-upgrade' moves every package to its newest version (mkdocs stays <2).
# The test lock is compiled with the runtime lock as constraint, so both sets have the same versions.
COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes \
	--allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host
lock: $(LOCK_VENV)/.installed
	$(COMPILE) $(UPGRADE) -o requirements/lock-tools.txt requirements/lock-tools.in
	$(COMPILE) $(UPGRADE) --build-deps-for editable -o requirements/runtime.txt pyproject.toml
	$(COMPILE) $(UPGRADE) --build-deps-for editable --extra test -c requirements/runtime.txt \
		-o requirements/test.txt pyproject.toml

lock-upgrade:
	$(MAKE) lock UPGRADE=--upgrade

$(LOCK_VENV)/.installed: requirements/lock-tools.txt
	test -x $(LOCK_VENV)/bin/python || $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements/lock-tools.txt
	touch $@
