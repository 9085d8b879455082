# GCM Consultations. A newcomer needs two targets: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LANGS := ar es fr ru zh_Hans
I18N_IGNORE := --ignore .venv --ignore node_modules --ignore staticfiles --ignore media --ignore private

.DEFAULT_GOAL := help
.PHONY: help run test install npm system system-test migrate demo messages compilemessages \
	lint format check bench faults worker scheduler lock clean

help:
	@echo "make run    start the app with demo data on http://127.0.0.1:$(PORT)/ (SQLite, eager Celery, console email)"
	@echo "make test   run the whole test suite"
	@echo "make bench  measure registration throughput, the seat rush and report rendering (needs PostgreSQL)"
	@echo "make faults measure the app under faults: broker, database and storage outages, killed processes (needs PostgreSQL)"
	@echo "make lint | format | messages | worker | scheduler | lock | clean"

# --- installation -------------------------------------------------------------------------
system:
	@scripts/check-system.sh run

system-test:
	@scripts/check-system.sh test

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(VENV)/.installed

# axe-core, injected into pages by the browser accessibility tests (package-lock.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

npm: node_modules/.installed

# Compiled catalogues are build output: rebuilt whenever a .po file changes.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
locale/%.mo: locale/%.po
	msgfmt --check -o $@ $<

compilemessages: $(MO_FILES)

# --- the two commands -----------------------------------------------------------------------
run: system install compilemessages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_staff
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: system-test install npm compilemessages
	$(PY) -m pytest $(PYTEST_ARGS)

# --- development ----------------------------------------------------------------------------
migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

messages: install
	$(PY) manage.py makemessages --no-obsolete --no-location $(addprefix -l ,$(LANGS)) $(I18N_IGNORE)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Everything CI checks besides the tests.
check: lint compilemessages
	$(PY) manage.py makemigrations --check --dry-run
	@scripts/check-translations.sh

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=2

scheduler: install
	$(VENV)/bin/celery -A config beat --loglevel=INFO

bench: system install compilemessages
	$(PY) -m bench

# Issue 10: run in CI after `make test`; exits non-zero when a figure misses its target.
faults: system install compilemessages
	$(PY) -m faults

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['dev']))" > .lock-venv/requirements.in
	.lock-venv/bin/pip install --quiet -r .lock-venv/requirements.in
	(echo "# Pinned versions installed by 'make' and CI. Regenerate with 'make lock' after changing pyproject.toml."; .lock-venv/bin/pip freeze) > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) staticfiles
	find . -name '*.mo' -path './locale/*' -delete
