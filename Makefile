# Two commands for a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres setup checkers bench bench-scale clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Exactly the versions in requirements.lock, each checked against its recorded hash, then the project
# itself without resolving anything more. Reinstall only when the lock changes, so a second `make run` is quick.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Regenerate requirements.lock from pyproject.toml's ranges (with the test and redis extras), hashes included.
# Run after changing a dependency in pyproject.toml, or to take newer releases; commit both files together.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= $(BIN)/pip-compile --quiet --upgrade --generate-hashes \
		--extra test --extra redis --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock pyproject.toml

setup: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo "advisor is on http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/gunicorn config.asgi:application --config config/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

# Lighthouse and the Nu HTML Checker for the browser tests, pinned in package-lock.json. Only where npm
# exists: without it those tests skip with a message (or fail when REQUIRE_BROWSER=1, as in CI).
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime from GitHub; we use Debian's.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

checkers:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm not found: Lighthouse and HTML-checker tests will be skipped (install nodejs and npm to run them)."; fi

test: setup checkers
	$(BIN)/python -m pytest

# The suite again on a throwaway PostgreSQL server (needs Debian's `postgresql` package); browser tests
# already ran on SQLite.
test-postgres: setup
	.ci/with-postgres $(BIN)/python -m pytest -m "not browser"

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
