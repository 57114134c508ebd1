# Two commands for a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run prod test test-postgres setup checkers lint audit bench bench-scale clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the versions in requirements-dev.lock, each checked against its recorded hash (pip and setuptools
# included: the virtual environment's own pip installs the locked ones), then the project itself without
# resolving or fetching anything more. Reinstall only when the lock changes, so a second `make run` is quick.
$(STAMP): requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Two locks, generated from pyproject.toml's ranges with every hash: requirements-dev.lock holds everything
# (the site, the redis client, the test and lint tools, pip) and is what `make setup` installs;
# requirements.lock holds what the site runs on (with the redis client and the build backend, setuptools) at the
# very same versions, and is what the production image installs (Dockerfile). Run after changing a dependency
# in pyproject.toml (other pins are kept), or `make lock UPGRADE=--upgrade` for newer releases; commit all three.
UPGRADE ?=
PIP_COMPILE = PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(PIP_COMPILE) $(UPGRADE) --extra test --extra redis --build-deps-for wheel \
		--output-file requirements-dev.lock pyproject.toml
	cp requirements-dev.lock requirements.lock  # so the runtime lock keeps the same pins
	$(PIP_COMPILE) --extra redis --build-deps-for wheel --output-file requirements.lock pyproject.toml

# Every check that reads the code without running it; .ci/run runs it before the tests. Configuration in
# pyproject.toml: ruff (lint and format), mypy (strict on the engine), import-linter's layers, and pylint's
# duplicate-code check. .pre-commit-config.yaml runs the same before each commit, for those who want it.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/pylint --score=no advisor config

# Every locked release (requirements-dev.lock holds all of requirements.lock) against PyPI's vulnerability
# database: needs the network, so it is not part of CI. --strict fails when a package cannot be checked;
# --disable-pip reads the pins and hashes as they are instead of installing them again to resolve.
audit: $(STAMP)
	$(BIN)/pip-audit --strict --disable-pip --require-hashes -r requirements-dev.lock

setup: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# Direct, for local use: not the internet-facing shape (`make prod` is; docs/operations.md).
run: setup
	@echo "advisor is on http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/gunicorn config.wsgi:application --config config/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

# The internet-facing shape on one's own machine: nginx (the front door: head, body and time limits, per-client
# sign-in limit, deploy/nginx.conf.template) on PORT, in front of gunicorn on a Unix socket, with production
# settings from the environment (DEBUG off); nginx runs as you, from a temporary folder. See docs/operations.md.
# `make prod SERVERS=2`: nginx in front of two gunicorn servers (ports PORT+1, PORT+2), sharing one PostgreSQL
# and one Redis: throwaway ones (.ci/with-postgres, .ci/with-redis; Debian's packages) unless DATABASE_URL and
# CACHE_URL name real ones; migrated first. docs/operations.md, "Several app servers".
SERVERS ?= 1
prod: setup
ifeq ($(SERVERS),1)
	$(BIN)/python -m config.frontdoor run --port $(PORT)
else
	$(if $(DATABASE_URL),,.ci/with-postgres) $(if $(CACHE_URL),,.ci/with-redis) \
		$(BIN)/python -m config.frontdoor run --port $(PORT) --servers $(SERVERS) --migrate
endif

# Lighthouse and the Nu HTML Checker for the browser tests, pinned in package-lock.json. Only where npm
# exists: without it those tests skip with a message (or fail when REQUIRE_BROWSER=1, as in CI).
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime from GitHub; we use Debian's.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

checkers:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm not found: Lighthouse and HTML-checker tests will be skipped (install nodejs and npm to run them)."; fi

# The whole suite on SQLite, on every core (pytest-xdist; the tests that start real servers share one worker),
# in two parts: what needs no browser (run this before every commit), then the browser tests, Lighthouse last
# and alone, since its performance score counts the CPU time the page takes. Prints both times, and the whole
# of it, set-up included.
PYTEST_XDIST = -n auto --maxprocesses 8 --dist loadgroup
test:
	@start=$$(date +%s); failed=0; \
	$(MAKE) --no-print-directory setup checkers || exit 1; \
	set_up=$$(date +%s); \
	$(BIN)/python -m pytest $(PYTEST_XDIST) -m "not browser and not real_server" || failed=1; \
	$(BIN)/python -m pytest -m "not browser and real_server" || failed=1; \
	unit=$$(date +%s); \
	$(BIN)/python -m pytest $(PYTEST_XDIST) -m "browser and not real_server" || failed=1; \
	$(BIN)/python -m pytest -m "browser and real_server" || failed=1; \
	end=$$(date +%s); \
	echo "make test: set-up $$((set_up - start)) s; suite without browser $$((unit - set_up)) s;" \
		"browser tests $$((end - unit)) s; all $$((end - start)) s (wall time)"; \
	exit $$failed

# The suite again on a throwaway PostgreSQL server (needs Debian's `postgresql` package); the browser tests
# and those that start real servers already ran on SQLite, except the several app servers' (nginx, two gunicorn
# servers, a PostgreSQL and a Redis of their own: needs Debian's nginx, postgresql and redis-server), which run
# only here. Tests that start real servers run on their own, after the rest: their time limits (a page within
# 2 s during an attack) measure the site, not the other tests sharing two cores with it.
test-postgres: setup
	.ci/with-postgres $(BIN)/python -m pytest $(PYTEST_XDIST) -m "not browser and not real_server"
	.ci/with-postgres $(BIN)/python -m pytest -m "not browser and several_servers"

# Load benchmark against /healthz under gunicorn (DEBUG off), plus scoring throughput: see bench/run.py.
bench: setup
	$(BIN)/python bench/run.py

# A million assessments (SCALE_ROWS), SQLite unless DATABASE_URL names a PostgreSQL database: the admin list,
# search and filters, the CSV export, the retention purge, a result page and an API POST; see bench/scale.py.
# About 15 minutes on 2 cores; needs about 6 GB of disk for SQLite.
bench-scale: setup
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV) staticfiles node_modules test-artifacts
