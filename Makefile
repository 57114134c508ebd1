# Two commands for a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test test-postgres setup bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the declared dependencies change, so a second `make run` is quick.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo "advisor is on http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/gunicorn config.wsgi:application --config config/gunicorn.conf.py --bind 127.0.0.1:$(PORT)

test: setup
	$(BIN)/python -m pytest

# The suite again on a throwaway PostgreSQL server (needs Debian's `postgresql` package); browser tests
# already ran on SQLite.
test-postgres: setup
	.ci/with-postgres $(BIN)/python -m pytest -m "not browser"

# Load benchmark against /healthz under gunicorn (DEBUG off), plus scoring throughput: see bench/run.py.
bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles
