# Spec-first toolkit for the Telnyx Call Control API.
# Every target bootstraps its own environment from uv.lock: only Python 3.11 and pip are assumed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.9
UV := $(PYTHON) -m uv
RUN := $(UV) run --frozen --no-sync
SPECS := spec/call-control-v1.yaml spec/call-control-applications-v2.yaml spec/call-control-v2.yaml
# The V2 call document's resources live under client.v2 (client.v2.calls.actions...), beside V1's client.calls.
NAMESPACES := --namespace spec/call-control-v2.yaml=v2
PACKAGE := telnyx_call_control
PORT ?= 8765

.PHONY: help env generate test lint serve fuzz bench bench-tools dist clean

help: ## Show this help.
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-zA-Z_-]*:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.venv/.synced: uv.lock pyproject.toml
	@$(UV) --version 2>/dev/null | grep -qE "^uv $(UV_VERSION)( |$$)" || $(PYTHON) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(UV) sync --frozen --inexact --compile-bytecode
	@touch $@

env: .venv/.synced ## Install every pinned dependency from uv.lock into .venv.

generate: env ## Generate the client package in generated/ and the simulator client in generated_sim/.
	$(RUN) python -m codegen $(SPECS) -o generated $(NAMESPACES) --package-name $(PACKAGE) --env-prefix TELNYX
	$(RUN) python -m codegen spec/simulator.yaml -o generated_sim --package-name telnyx_sim --env-prefix TELNYX_SIM

test: env ## Run the whole test suite (specs, generator, client, server, fuzz).
	$(RUN) pytest

lint: env ## Run ruff and mypy on the project's Python and the spec linters on spec/.
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy --strict codegen specmodel examples
	$(RUN) mypy refserver
	$(RUN) yamllint --strict spec
	$(RUN) python -m tests.speclint spec/*.yaml

serve: env ## Run the reference server in the foreground on 127.0.0.1 on PORT (default 8765).
	$(RUN) telnyx-cc-serve

fuzz: env ## Fuzz a server against the specs (the reference server unless BASE_URL is set).
	$(RUN) telnyx-cc-fuzz $(if $(BASE_URL),--base-url $(BASE_URL),) $(FUZZ_ARGS)

fuzz-webhooks: env ## Fuzz your webhook handler at TARGET=URL (signed with TELNYX_SIGNING_KEY, else a new key).
	@test -n "$(TARGET)" || { echo "make fuzz-webhooks: set TARGET to your webhook handler's URL" >&2; exit 2; }
	$(RUN) telnyx-cc-fuzz-webhooks $(TARGET) $(FUZZ_WEBHOOKS_ARGS)

bench: env bench-tools ## Run the benchmarks (peers from the lock's bench group) and write reports/bench.json.
	$(UV) sync --frozen --inexact --compile-bytecode --group bench
	$(RUN) python -m bench $(BENCH_ARGS)

bench-tools: ## Install the bench's load generator (wrk, apt) and Prism (npm ci in bench/prism) when missing.
	@bash bench/tools.sh

dist: env ## Build and check the wheels and sdists of the client (generated/) and the toolkit into dist/.
	rm -rf dist
	$(RUN) python -m build --outdir dist generated
	$(RUN) python -m build --outdir dist .
	$(RUN) twine check --strict dist/*

clean: ## Remove the virtual environment, caches and reports.
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache reports dist .state
