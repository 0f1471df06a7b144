# `make run` and `make test` set everything up themselves (idempotently), then serve or test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup postgis bench clean

run: setup
	$(BIN)/runquest db upgrade
	$(BIN)/runquest demo --if-empty
	$(BIN)/runquest serve --host 127.0.0.1 --port 8000

test: setup
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/post_runs.py

setup: $(STAMP) postgis

postgis:
	@bash scripts/ensure-postgis.sh

$(STAMP): setup.cfg pyproject.toml
	@$(PYTHON) -m venv --help >/dev/null 2>&1 && $(PYTHON) -c "import ensurepip" 2>/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv python3-pip >/dev/null; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) *.egg-info
