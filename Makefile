# Two entry points for a fresh machine with Python 3.11:
#   make run   - set up, load the demo content and serve on http://127.0.0.1:8000
#   make test  - set up and run the test suite
# Everything else is a step of those two.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.PHONY: run test setup migrate messages demo serve lint format check deploy-check client-test bench bench-redis bench-stale bench-sync bench-webhooks mutate backup restore clean

run: setup migrate demo serve

test: setup messages
	$(BIN)/pytest -n auto --ignore=tests/client

setup: $(VENV)/.installed

# Reinstall only when requirements.txt changes.
$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

messages: setup
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then $(MANAGE) compilemessages --ignore=.venv -v0; fi

migrate: setup messages
	$(MANAGE) migrate --noinput -v0

demo: migrate
	$(MANAGE) load_demo

# The scheduler publishes and expires scheduled pages beside the web server;
# the webhooks worker sends the deliveries queued by publishing.
serve:
	$(MANAGE) run_scheduler --interval 60 & scheduler=$$!; \
	$(MANAGE) db_worker --backend webhooks --no-reload & worker=$$!; \
	trap 'kill $$scheduler $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: setup
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Production settings: `check --deploy` must report nothing.
deploy-check: setup
	.ci/deploy_check.sh $(VENV)

# A client generated from the schema (openapi-python-client, in its own tool venv) against a live server.
client-test: setup
	.ci/generated_client.sh $(VENV)

bench: setup
	$(BIN)/python bench/run.py

# Mutation testing as a benchmark, not a gate: the share of mutants killed per critical module.
GROUPS ?=
mutate: setup messages
	$(BIN)/python -m pip install --quiet -r bench/requirements-mutate.txt
	$(BIN)/python bench/mutate.py $(GROUPS)

# Redis killed and restarted under load: requests, 5xx, recovery time.
bench-redis: setup
	$(BIN)/python bench/redis_outage.py

# Two app servers, a two-step approval: the longest stale API read (needs PostgreSQL).
bench-stale: setup
	$(BIN)/python bench/stale_reads.py

# A sync-feed page of 100 changes against the matching list request (in process).
bench-sync: setup
	$(BIN)/python bench/sync.py

# Publish latency with 0 and 20 webhook subscribers, and the time until 20 deliveries land.
bench-webhooks: setup
	$(BIN)/python bench/webhooks.py

# Database and media together; restore into a database of the same engine.
backup: setup
	$(MANAGE) backup_site --to $(or $(BACKUP_DIR),backups-data/$(shell date +%Y%m%d-%H%M%S))

restore: setup
	@test -n "$(BACKUP_DIR)" || { echo "usage: make restore BACKUP_DIR=backups-data/<stamp>"; exit 1; }
	$(MANAGE) restore_site --from $(BACKUP_DIR)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts
