# Lan Tỏa: `make run` serves the demo site, `make test` runs every check CI runs.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?=
PYTEST := $(PY) -m pytest $(PYTEST_ARGS)
STATIC_STAMP := .make-collectstatic

.DEFAULT_GOAL := help
.PHONY: help install run prepare test test-sqlite test-postgres lint format check clean

help:
	@echo "make run      install if needed, migrate, set up roles, load the demo, serve on :$(PORT)"
	@echo "make test     lint, checks, then the test suite on SQLite and on PostgreSQL"
	@echo "              (TEST_JOBS=1: one database after the other; PYTEST_ARGS=... for pytest)"
	@echo "make lint     ruff check and ruff format --check"
	@echo "make format   ruff format and ruff check --fix"

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file changed since the last install.
$(INSTALLED): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(INSTALLED)

$(STATIC_STAMP): $(INSTALLED) $(shell find static */static -type f 2>/dev/null)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	touch $@

# migrate, setup_editorial and seed_demo (each idempotent), in one Python process.
prepare: $(INSTALLED)
	$(PY) scripts/prepare_dev.py

run: prepare $(STATIC_STAMP)
	$(PY) scripts/run_dev.py $(PORT)

lint: $(INSTALLED)
	$(RUFF) check .
	$(RUFF) format --check .

format: $(INSTALLED)
	$(RUFF) format .
	$(RUFF) check --fix .

check: $(INSTALLED)
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/compile_messages.py --check

test-sqlite: $(INSTALLED)
	env -u DATABASE_URL $(PYTEST)

# A throwaway cluster: started, used and removed by the script (skipped, loudly, without
# PostgreSQL installed; a failure under CI=true). The browser tests are left out here: their
# server always runs on its own SQLite database, so a second run would test nothing new.
test-postgres: $(INSTALLED)
	$(PY) scripts/pg_cluster.py -- $(PYTEST) -p no:cacheprovider -m "not browser"

# The two runs are independent; on two cores they finish sooner side by side (TEST_JOBS=1
# runs them one after the other). Each run's output is printed whole when it ends.
TEST_JOBS ?= 2

test: lint check
	$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target test-sqlite test-postgres

clean:
	rm -rf $(STATIC_STAMP) .pytest_cache staticfiles
