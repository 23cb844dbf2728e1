# `make demo` and `make test` work from a fresh clone: they create or reuse .venv and install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_MODELS := .demo/models

.PHONY: setup demo lint test test-models cldr-data clean

$(STAMP): pyproject.toml requirements-nodeps.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test,bench,dask]'
	# argostranslate last and without its declared deps (stanza, torch, spacy): only
	# argostranslate.package is used; installed after the rest, pip has no conflict to report
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -r requirements-nodeps.txt
	touch $(STAMP)

# chromium (Debian's) for the browser test of `review serve`; Playwright's own download is never used
setup: $(STAMP)
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
		|| echo "warning: chromium not installed (apt-get install -y chromium): the browser test will skip"

# The demo installs the tiny test models (they know only the example's sentences) into .demo/models
# and translates the example release into English, Kazakh and French.
demo: setup
	for f in tests/fixtures/models/*.argosmodel; do $(BIN)/toolkit models install $$f --models-dir $(DEMO_MODELS) || exit 1; done
	$(BIN)/toolkit translate examples/visit.ru.txt --from ru --to en,kk,fr --out review/ \
		--models-dir $(DEMO_MODELS) --no-argos-dirs
	@echo "open review/visit.html, or review the PO files in review/"

# ruff (lint and format check) over the code, mypy over the library: zero findings.
LINT_PATHS := toolkit tests bench tools cli.py
lint: setup
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy

test: setup lint
	$(BIN)/python -m pytest

# Rebuild the tiny test models (needs torch==2.13.0 at build time only; see tools/README.md).
test-models:
	test -x .venv-build/bin/python || $(PYTHON) -m venv .venv-build
	.venv-build/bin/pip install --quiet -r tools/requirements-build.txt
	.venv-build/bin/python tools/build_test_models.py
	.venv-build/bin/python tools/build_multilingual_model.py

# Regenerate glossaries/countries.csv and toolkit/data/cldr_dates.json from CLDR (Babel, in the
# test extra); see glossaries/README.md. The files are committed: the toolkit does not need Babel.
cldr-data: setup
	$(BIN)/python tools/build_cldr_data.py

clean:
	rm -rf $(VENV) .demo review
