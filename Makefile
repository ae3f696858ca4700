# SupportDesk: `make run` serves the API on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The PostgreSQL server for the tests; the run creates (and later drops) a database of its
# own there, and only connects to the database named here to do so.
PG_TEST_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
# The pure domain suite needs no database: it runs once, in the SQLite leg.
DB_TESTS := tests --ignore=tests/domain

.PHONY: browser install run worker test test-sqlite test-postgres lint openapi client bench bench-search bench-http \
	clean schemathesis

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The browser tests drive the machine's own Chromium (Debian's package), never a download
# of a test tool's own browser.
CHROMIUM := $(shell command -v chromium 2>/dev/null)
browser:
ifeq ($(CHROMIUM),)
	@if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "the browser tests need Chromium: sudo apt-get install chromium"; exit 1; \
	fi
endif

run: install
	$(BIN)/supportdesk migrate
	$(BIN)/supportdesk create-admin
	SUPPORTDESK_EMBEDDED_WORKER=$${SUPPORTDESK_EMBEDDED_WORKER:-true} \
	SUPPORTDESK_DEV_MAIL_SINK=$${SUPPORTDESK_DEV_MAIL_SINK:-true} $(BIN)/supportdesk serve

worker: install
	$(BIN)/supportdesk worker

test: test-sqlite test-postgres

# Tests that kill real processes (marker `crash`) run once, in the PostgreSQL leg; tests
# about PostgreSQL itself (marker `postgresql`: query plans, several server processes) too.
test-sqlite: install browser
	$(BIN)/pytest -q -m "not crash and not postgresql"

# PostgreSQL is what production runs: mandatory in CI, run whenever it is reachable here.
test-postgres: install browser
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		echo "== PostgreSQL leg"; \
		SUPPORTDESK_TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q $(DB_TESTS); \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL is not reachable at 127.0.0.1:5432 and CI requires it"; exit 1; \
	else \
		echo "== PostgreSQL not reachable at 127.0.0.1:5432: its leg did not run"; \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check app tests bench migrations examples
	$(BIN)/mypy app

# The OpenAPI document and the Python client generated from it (tests check both).
openapi: install
	$(BIN)/supportdesk export-openapi --output openapi/openapi.json
	$(BIN)/openapi-python-client generate --path openapi/openapi.json \
		--output-path clients/python --config clients/openapi-python-client.yml --overwrite
	$(BIN)/python clients/extras/finish.py clients/python

client: openapi

# schemathesis over the committed document against uvicorn on 127.0.0.1 and a SQLite
# database it creates, as an administrator and as a customer (tests/contract).
schemathesis: install
	PYTHONPATH=$(CURDIR) $(BIN)/python tests/contract/run_schemathesis.py

bench: install
	$(BIN)/python bench/sla_bench.py

# Search at scale on PostgreSQL (127.0.0.1:5432): (re)creates the database
# supportdesk_bench_search and no other; BENCH_SEARCH_ARGS="--tickets 100000" for less.
bench-search: install
	$(BIN)/python bench/search_bench.py $(BENCH_SEARCH_ARGS)

# The service (serve --workers 2) next to a bare FastAPI + asyncpg anchor (2 workers) over
# HTTP on 127.0.0.1:5432, interleaved (bench/README.md, "HTTP"). It (re)creates the databases
# supportdesk_bench_http_<size> and no other; BENCH_HTTP_ARGS="--sizes 10000 --reuse".
bench-http: install
	$(BIN)/python bench/http/run.py $(BENCH_HTTP_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
