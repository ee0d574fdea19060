# The two commands you need: `make serve` (preview) and `make test` (everything CI checks).
# Both create .venv from the locked requirements.txt on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
SITE := site
export PYTHONPATH := $(CURDIR)/hooks
# Material prints a banner about its end of life (5 May 2027) on every run; README says what we do about it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check lint test test-fast review-report content-report lock clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $(STAMP)

serve: $(STAMP) ## Preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP) ## Strict build into site/; a failed build leaves no half-built site behind
	rm -rf $(SITE).partial
	$(BIN)/mkdocs build --strict --site-dir $(SITE).partial || { rm -rf $(SITE).partial; exit 1; }
	rm -rf $(SITE) && mv $(SITE).partial $(SITE)

check: $(STAMP) ## The medical and glossary checks on their own, without MkDocs
	$(BIN)/python -m kb.check docs

lint: $(STAMP) ## Python style, Markdown style and spelling
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/rumdl check docs CONTRIBUTING.md README.md
	$(BIN)/codespell

test: check lint build ## Strict build plus the whole test suite (unit, build, browser)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Unit and build tests only, no browser
	$(BIN)/python -m pytest tests/unit tests/build

review-report: $(STAMP) ## Pages by review date, overdue and due soon first
	$(BIN)/python -m kb.review_report docs

content-report: build ## Reading grade and word count of every page
	$(BIN)/python -m kb.readability $(SITE)

lock: $(STAMP) ## Refresh requirements.txt from requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in

clean:
	rm -rf $(SITE) $(SITE).partial .pytest_cache .hypothesis .ruff_cache
