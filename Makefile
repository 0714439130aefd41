# The two commands of README.md's quick start: `make serve` and `make test`.
# Everything else is set up on first use: the venv, the npm packages, Debian's chromium.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-fast lint bench setup chromium clean python stdlib-record

serve: setup wheels python
	$(BIN)/mkdocs serve -a 127.0.0.1:8000 --livereload

build: setup wheels python
	$(BIN)/mkdocs build --strict

test: setup chromium build lint pyodide-test-wheels
	$(BIN)/python -m pytest tests

# Engine tests only (CPython and Pyodide under Node), no browser and no site build.
test-fast: setup python pyodide-test-wheels
	$(BIN)/python -m pytest tests/engine tests/test_engine_in_pyodide.py

lint: setup
	npx --no-install textlint docs
	@# The two checks against the source documents need them, and the team keeps them beside the
	@# repository (../shared); a clone without them skips both checks and says so.
	@if [ -f ../shared/tools/originality.py ]; then $(PYTHON) ../shared/tools/originality.py docs estimator/data overrides; \
	else echo "originality check skipped: no ../shared/tools/originality.py beside this clone"; fi
	@if [ -d ../shared/seeds ]; then $(PYTHON) tools/structure_check.py site; \
	else echo "structure check skipped: no ../shared/seeds beside this clone"; fi

bench: setup chromium build
	$(BIN)/python bench/first_visit.py
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/page.py
	$(BIN)/python bench/phone.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/search.py

setup: $(VENV)/.stamp node_modules/.stamp

$(VENV)/.stamp: requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The estimator's wheel and the jpholiday wheel, which the estimator page loads into Pyodide.
wheels: $(VENV)/.stamp $(filter-out estimator/data/search.toml estimator/data/market.toml estimator/data/staff_answers.toml,$(wildcard estimator/*.py estimator/data/*.toml))
	rm -rf build/wheels && mkdir -p build/wheels
	$(BIN)/python -m build --wheel --no-isolation --outdir build/wheels . > /dev/null
	$(BIN)/pip download --quiet --no-deps --only-binary=:all: --dest build/wheels jpholiday==1.0.3
	touch $@

# What the estimator page's worker downloads besides Pyodide's runtime (tools/python-bundle.mjs): the
# standard library trimmed to what Pyodide's start and the estimator import, and the estimator's bytecode.
python: build/python/bundle.json

build/python/bundle.json: wheels node_modules/.stamp tools/python-bundle.mjs tools/exercise_estimator.py
	node tools/python-bundle.mjs build/wheels build/python

# After the trimmed library grew by more than 10 % (tests/site/test_trimmed_stdlib.py): record why.
stdlib-record: python
	$(BIN)/python tools/record_stdlib.py "$(REASON)"

# Debian's chromium and Japanese fonts for the browser tests; Java for the Nu Html Checker (npm vnu-jar).
chromium:
	@{ command -v chromium > /dev/null && command -v java > /dev/null && fc-list :lang=ja | grep -q . ; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk default-jre-headless; }

clean:
	rm -rf site build wheels .pytest_cache

# pytest, hypothesis and their pure-Python dependencies, for the engine tests inside Pyodide.
# hypothesis ships only compiled wheels after 6.155.7, its last pure-Python wheel, which Pyodide can load.
PYODIDE_TEST_PACKAGES := $(shell grep -iE '^(pytest|pluggy|iniconfig|packaging|pygments|sortedcontainers)==' requirements-dev.txt) hypothesis==6.155.7
pyodide-test-wheels: wheels requirements-dev.txt
	rm -rf build/pyodide-test-wheels && mkdir -p build/pyodide-test-wheels
	cp build/wheels/*.whl build/pyodide-test-wheels/
	$(BIN)/pip download --quiet --no-deps --only-binary=:all: --python-version 3.14 --implementation py --platform any --abi none --dest build/pyodide-test-wheels $(PYODIDE_TEST_PACKAGES)
	touch $@
