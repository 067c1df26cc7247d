# Every target installs what it needs: a fresh clone with Python 3.11 and make is enough.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9

.DEFAULT_GOAL := help

help:  ## list the targets and what each does
	@grep -E '^[a-z-]+:.*## ' Makefile | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

install: $(BIN)/.installed  ## create .venv with the exact versions pinned in requirements.lock

lock:  ## re-pin requirements.lock from pyproject.toml (run after changing dependencies)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --quiet -o requirements.lock

data: install  ## rebuild data/processed/ from data/raw/ and data/reference/
	$(BIN)/python -m jptp.build

notebooks: data  ## execute every notebook on a fresh kernel; charts (PNG, SVG) to reports/figures/, HTML to reports/html/. GOVERNMENT=kota-metro START=2024-01-01 END=2025-12-31 for one city or period, into reports/<label>/
	$(BIN)/python -m jptp.notebooks $(if $(GOVERNMENT),--government $(GOVERNMENT)) $(if $(START),--start $(START)) $(if $(END),--end $(END))

all: notebooks  ## the main job: install, rebuild data/processed/ from the shipped raw data, execute every notebook and regenerate every chart

test: install  ## run the whole test suite (what CI runs)
	$(BIN)/python -m pytest

lab: install  ## open the notebooks in JupyterLab (http://localhost:8888)
	$(BIN)/jupyter lab notebooks/

clean:  ## remove the virtual environment and caches (keeps data and figures)
	rm -rf $(VENV) .pytest_cache .hypothesis

.PHONY: help install lock data notebooks all test lab clean
