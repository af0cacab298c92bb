# Đồng Hành — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
E2E_PORT ?= 8765
DATA_DIR ?= var
export DONGHANH_DATABASE_URL ?= sqlite+aiosqlite:///$(CURDIR)/$(DATA_DIR)/donghanh.db

.PHONY: run test venv spa migrate demo serve test-backend test-postgres test-frontend test-e2e e2e-server \
        openapi api-client lint clean help bench bench-quick bench-plans audit-deps security-report

help:
	@echo "make run   — install, build the SPA, migrate, load demo data, serve on http://127.0.0.1:$(PORT)"
	@echo "make test  — every test: frontend unit, browser (headless Chromium), backend on SQLite (+PostgreSQL if TEST_DATABASE_URL)"

# --- environment -----------------------------------------------------------------------------------

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

venv: $(BIN)/.installed

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(shell find frontend/src frontend/public frontend/index.html frontend/*.ts -type f 2>/dev/null)
	cd frontend && npm run build

spa: frontend/dist/index.html

# --- running ---------------------------------------------------------------------------------------

migrate: venv
	@mkdir -p $(DATA_DIR)
	$(BIN)/donghanh migrate

demo: migrate
	$(BIN)/donghanh demo

serve: venv
	$(BIN)/donghanh serve --port $(PORT)

run: venv spa demo
	@echo
	@echo "  Đồng Hành: http://127.0.0.1:$(PORT)"
	@echo "  Sign in as qlhanoi (program manager, Hà Nội) or admin — password: donghanh-demo"
	@echo "  Other demo accounts: canbo.badinh, thanhtra.hanoi, dongdang.lan, ketoan.hanoi, lanhdao.hanoi"
	@echo
	$(BIN)/donghanh serve --port $(PORT)

# A throw-away server for the browser tests: fresh SQLite database, demo data, built SPA.
e2e-server: venv spa
	rm -rf $(DATA_DIR)/e2e && mkdir -p $(DATA_DIR)/e2e
	DONGHANH_DATABASE_URL=sqlite+aiosqlite:///$(CURDIR)/$(DATA_DIR)/e2e/e2e.db $(BIN)/donghanh migrate
	DONGHANH_DATABASE_URL=sqlite+aiosqlite:///$(CURDIR)/$(DATA_DIR)/e2e/e2e.db $(BIN)/donghanh demo
	# The journeys sign in dozens of times a minute from one address, more than a person would.
	DONGHANH_RATE_LIMIT_ANONYMOUS_PER_MINUTE=2000 \
	DONGHANH_DATABASE_URL=sqlite+aiosqlite:///$(CURDIR)/$(DATA_DIR)/e2e/e2e.db $(BIN)/donghanh serve --port $(E2E_PORT)

# --- tests -----------------------------------------------------------------------------------------

test: test-frontend test-e2e lint audit-deps test-backend test-postgres

test-backend: venv
	env -u TEST_DATABASE_URL $(BIN)/pytest

# Known vulnerabilities in the installed Python packages fail the build (pip-audit).
audit-deps: venv
	$(BIN)/python scripts/audit_dependencies.py

# Runs the security and reliability suites and writes docs/SECURITY.md from their figures.
security-report: venv
	$(BIN)/python scripts/security_report.py

test-postgres: venv
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== backend suite on PostgreSQL ($$TEST_DATABASE_URL)"; $(BIN)/pytest; \
	else echo "TEST_DATABASE_URL not set: PostgreSQL run skipped (SQLite run above covers the suite)"; fi

test-frontend: frontend/node_modules/.installed
	@cd frontend && npx openapi-typescript ../openapi.yaml --default-non-nullable false -o .schema.check.d.ts >/dev/null \
		&& if cmp -s .schema.check.d.ts src/client/schema.d.ts; then rm .schema.check.d.ts; \
		else rm .schema.check.d.ts; echo "frontend/src/client/schema.d.ts is stale: run make openapi"; exit 1; fi
	cd frontend && npm test

test-e2e: venv spa
	@if [ -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then cd frontend && npm run e2e; \
	else echo "SKIPPED browser tests: no Chromium at $${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium)"; fi

lint: venv
	$(BIN)/ruff check backend tests scripts bench
	$(BIN)/lint-imports

# --- benchmarks (issue #9): PostgreSQL database `bench` on 127.0.0.1, see bench/RESULTS.md ---------------

bench: venv
	$(BIN)/python -m bench.run --preset national

bench-quick: venv
	$(BIN)/python -m bench.run --preset quick

bench-plans: venv
	$(BIN)/python -m bench.plans

# --- generated files -------------------------------------------------------------------------------

openapi: venv
	$(BIN)/donghanh openapi
	cd frontend && npm run gen:api

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist $(DATA_DIR)
