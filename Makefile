# The hub's commands. Each installs what it needs first, so a fresh clone needs only
# `make serve` (build and preview) or `make test` (build and run every test).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PELICAN := $(VENV)/bin/pelican
PY_READY := $(VENV)/.installed
NPM_READY := node_modules/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
BUILD_DIR ?= .build
CONTENT ?= content
OUTPUT ?= output

.PHONY: serve html publish test test-fast lint bench clean system-deps deps

deps: $(PY_READY) $(NPM_READY)

$(PY_READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(NPM_READY): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

# Debian's chromium drives the browser tests (Playwright never downloads a browser here);
# Java runs the Nu HTML Checker. Both are installed from Debian when missing and we are root.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "The tests need Debian's$$missing: run 'sudo apt-get install$$missing', then 'make test' again."; exit 1; \
	  fi; \
	fi

# Build into a fresh folder and swap it in only on success, so a failed build keeps the last good site.
define build_and_swap
	rm -rf $(BUILD_DIR)/new && mkdir -p $(BUILD_DIR)
	$(PELICAN) $(CONTENT) -s $(1) -o $(BUILD_DIR)/new --fatal errors $(PELICAN_OPTS)
	rm -rf $(BUILD_DIR)/previous && if [ -d $(OUTPUT) ]; then mv $(OUTPUT) $(BUILD_DIR)/previous; fi
	mv $(BUILD_DIR)/new $(OUTPUT)
endef

html: deps
	$(call build_and_swap,pelicanconf.py)

# The preview (plugins/hub_preview) builds into .build/preview, so output/ keeps the last good
# site; it rebuilds on every save, shows problems on the pages and stops on Ctrl+C or SIGTERM.
serve: deps
	@$(PY) -m hub_preview --host $(HOST) --port $(PORT) --content $(CONTENT) $(if $(VERBOSE),--verbose)

publish: deps
	$(call build_and_swap,publishconf.py)

# The lint, node's unit tests, then the whole suite (the browser tests included).
test: deps system-deps lint
	npm test
	$(PY) -m pytest

# Under a minute: the unit tests (node's, then pytest's) and the checks on the one shared
# build; no browser, Java or extra builds (tests marked `slow` or `browser` in pyproject.toml
# are left out).
test-fast: deps
	npm test
	$(PY) -m pytest -m "not browser and not slow"

# ruff (pinned in pyproject.toml) over the Python, then the JavaScript's own lint when
# package.json has one (`npm run lint`).
lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	npm run lint --if-present

bench: deps
	$(PY) bench/run.py

# Check the external links listed by the last build (plugins/hub_linkcheck/external.py); results
# are cached for a day; without a network it says so and exits 0.
.PHONY: linkcheck-external
linkcheck-external: html
	$(PY) -m hub_linkcheck.external --content $(CONTENT)

# The editors' tools (docs/editing.md), from plugins/hub_checks/cli.py:
# make new TYPE=guidance SLUG=sick-pay, make check [FILES=...], make review-report [TODAY=...],
# make readability (builds, then scores each guidance page).
EDITOR_CLI := $(PY) -m hub_checks.cli
CONTENT_FILES = $(wildcard $(addprefix $(CONTENT)/,guidance/*.md case-studies/*.md adjustments/*.md pages/*.md data/*.toml))
.PHONY: new check review-report readability

new: deps
	@if [ -z "$(TYPE)" ] || [ -z "$(SLUG)" ]; then \
	  echo "Usage: make new TYPE=guidance SLUG=sick-pay (TYPE: guidance, case-study, adjustment or page)"; exit 2; fi
	@$(EDITOR_CLI) --content $(CONTENT) new -- "$(TYPE)" "$(SLUG)"

check: deps
	@$(EDITOR_CLI) check $(or $(FILES),$(CONTENT_FILES))

review-report: deps
	@$(EDITOR_CLI) --content $(CONTENT) review-report $(if $(TODAY),--today $(TODAY))

readability: html
	@$(EDITOR_CLI) readability --site $(OUTPUT)

clean:
	rm -rf output $(BUILD_DIR) .pytest_cache
