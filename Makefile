# The two commands you need: `make serve` (preview) and `make test` (everything CI checks).
# Both create .venv from the locked requirements.txt on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
NODE_STAMP := node_modules/.installed-from-lock
SITE := site
export PYTHONPATH := $(CURDIR)/hooks
# Material prints a banner about its end of life (5 May 2027) on every run; README says what we do about it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check lint test test-fast review-report content-report lock clean
.PHONY: new-page docs-reference pre-commit-install linkcheck-external search-report bench

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $(STAMP)

# The Nu HTML Checker (vnu-jar) from npm, run with Debian's Java. --ignore-scripts: its install
# script would download a Java runtime from GitHub when it finds none. Without npm, `make test` says
# how to install it and goes on: the HTML-checker tests then skip with the same hint (CI requires them).
$(NODE_STAMP): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund && touch $(NODE_STAMP); \
	elif [ "$$KB_REQUIRE_BROWSER" = 1 ]; then \
	  echo "make: npm is required (KB_REQUIRE_BROWSER=1); install it with: apt-get install nodejs npm"; exit 1; \
	else \
	  echo "make: Nu HTML Checker skipped: npm is missing; install it with: apt-get install nodejs npm default-jre-headless"; \
	fi

serve: $(STAMP) ## Preview at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP) ## Strict build into site/; a failed build leaves no half-built site behind
	rm -rf $(SITE).partial
	$(BIN)/mkdocs build --strict --site-dir $(SITE).partial || { rm -rf $(SITE).partial; exit 1; }
	rm -rf $(SITE) && mv $(SITE).partial $(SITE)

check: $(STAMP) ## The medical and glossary checks on their own, without MkDocs
	$(BIN)/python -m kb.check docs

lint: $(STAMP) ## Python style and types, Markdown style and spelling
	@# In GitHub Actions, Markdown and spelling problems also show on the pull request's diff.
	@if [ "$$GITHUB_ACTIONS" = true ]; then echo "::add-matcher::.github/lint-problem-matchers.json"; fi
	$(BIN)/ruff check hooks tests
	$(BIN)/ruff format --check hooks tests
	$(BIN)/mypy
	$(BIN)/rumdl check docs CONTRIBUTING.md README.md
	$(BIN)/codespell

test: $(NODE_STAMP) check lint build ## Strict build plus the whole test suite (unit, process, build, browser), on that build
	KB_SITE_DIR=$(CURDIR)/$(SITE) $(BIN)/python -m pytest

test-fast: $(STAMP) ## Unit, process and build tests only, no browser and no live-reload server
	$(BIN)/python -m pytest tests/unit tests/process tests/build -m "not serve"

review-report: $(STAMP) ## Pages by review date, overdue and due soon first
	$(BIN)/python -m kb.review_report docs

content-report: build ## Reading grade and word count of every page
	$(BIN)/python -m kb.readability $(SITE)

search-report: build ## Rank of every query in tests/search/queries.md, hit@1, hit@3 and mean reciprocal rank
	$(BIN)/python -m tests.search.report $(SITE) tests/search/queries.md

bench: $(STAMP) ## The hooks' share of a build (median of three) of the real site and of 1,000 pages x 1,000 terms, against the 10% budget
	$(BIN)/python -m tests.bench.run

linkcheck-external: build ## Links to other sites, for rot; needs the open internet, so not in `make test` or CI (they reach only PyPI, npm and Debian)
	$(BIN)/python -m kb.linkcheck $(SITE)

new-page: $(STAMP) ## A new page: make new-page KIND=treatment PAGE=docs/treatment/x.md TITLE="X"
	@test -n "$(KIND)$(PAGE)$(TITLE)" || { echo 'Usage: make new-page KIND=treatment|medical|exercise|non-medical PAGE=docs/section/name.md TITLE="Title" (CONTRIBUTING.md, Add a page)'; exit 2; }
	$(BIN)/python -m kb.new_page --kind "$(KIND)" --title "$(TITLE)" "$(PAGE)" \
	  $(if $(DESCRIPTION),--description "$(DESCRIPTION)") $(if $(DISCLAIMER),--disclaimer "$(DISCLAIMER)")

docs-reference: $(STAMP) ## Regenerate the front-matter reference in CONTRIBUTING.md from the code and data
	$(BIN)/python -m kb.reference --write CONTRIBUTING.md

.PHONY: schemas
schemas: $(STAMP) ## Regenerate the JSON Schemas editors use (hooks/kb/schemas/) from the models that check pages and data
	$(BIN)/python -m kb.json_schemas --write

pre-commit-install: $(STAMP) ## Run the lint and the medical check before every commit
	$(BIN)/pre-commit install

lock: $(STAMP) ## Refresh requirements.txt from requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in

clean:
	rm -rf $(SITE) $(SITE).partial .pytest_cache .hypothesis .ruff_cache
