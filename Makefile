# More Is Different: build, test and benchmark commands.  `make help` lists them.
#
# Needs only python3 (3.10-3.13) and make. Everything else is installed into two venvs:
#   .venv        JupyterLab + ipywidgets 8 + the test tools (pip install -e ".[lab,test]")
#   .venv-colab  Colab's package versions (ci/colab-constraints.txt), Python 3.13 when present

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
COLAB_VENV := .venv-colab
COLAB_CONSTRAINTS := ci/colab-constraints.txt
START_NOTEBOOK := notebooks/00_start_here.ipynb
LAB_ARGS ?=
BENCH_ARGS ?=
PYTEST_ARGS ?=

# The notebooks run on one BLAS thread (as course_lib.setup() sets) and the default backend.
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1
unexport MPLBACKEND

NBVAL := -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env --nbval-cell-timeout=120
# pip on some machines warns about every missing local index folder; the warnings are noise
QUIET_PIP := grep -v "^WARNING: Location '.*' is ignored" || true
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: help venv colab-venv lab test test-unit test-notebooks test-colab bench cache sync strip clean

help:  ## list the targets
	@echo "make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  \1\t/' | expand -t 18
	@echo "variables: LAB_ARGS (e.g. LAB_ARGS=--no-browser), BENCH_ARGS (e.g. --strict), PYTEST_ARGS"

venv: $(VENV)/.installed  ## create or update .venv (JupyterLab, ipywidgets 8, test tools)

$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(VENV)/bin/python ]; then \
	    echo "Creating $(VENV) with $$(command -v $(PYTHON)) ($$($(PYTHON) --version 2>&1))"; \
	    $(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian/Ubuntu install python3-venv"; exit 1; }; \
	fi
	@echo "Installing course_lib and its lab and test extras into $(VENV)"
	@$(VENV)/bin/python -m pip install -q --upgrade pip 2>&1 | $(QUIET_PIP)
	@$(VENV)/bin/python -m pip install -q -e ".[lab,test]" 2>&1 | $(QUIET_PIP)
	@touch $@

colab-venv: $(COLAB_VENV)/.installed  ## create or update .venv-colab (Colab's versions, ipywidgets 7.7.1)

$(COLAB_VENV)/.installed: pyproject.toml $(COLAB_CONSTRAINTS)
	@if [ ! -x $(COLAB_VENV)/bin/python ]; then \
	    py=$$(ci/colab-python); \
	    echo "Creating $(COLAB_VENV) with $$py ($$($$py --version 2>&1); Colab runs Python 3.13)"; \
	    $$py -m venv $(COLAB_VENV); \
	fi
	@echo "Installing course_lib with Colab's package versions into $(COLAB_VENV)"
	@$(COLAB_VENV)/bin/python -m pip install -q --upgrade pip 2>&1 | $(QUIET_PIP)
	@$(COLAB_VENV)/bin/python -m pip install -q -c $(COLAB_CONSTRAINTS) -e ".[test]" 2>&1 | $(QUIET_PIP)
	@$(COLAB_VENV)/bin/python -c "import platform as p, ipywidgets as w, matplotlib as m, numpy as n; \
	    print('$(COLAB_VENV): Python', p.python_version(), '| ipywidgets', w.__version__, \
	          '| matplotlib', m.__version__, '| numpy', n.__version__)"
	@touch $@

lab: $(VENV)/.installed  ## open JupyterLab at the first notebook (LAB_ARGS=--no-browser to stay headless)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(ALLOW_ROOT) $(LAB_ARGS) \
	    $(or $(wildcard $(START_NOTEBOOK)),notebooks)

test: test-unit test-notebooks test-colab  ## all tests: unit/guards, notebooks in .venv and in .venv-colab
	@echo "make test: all steps passed"

test-unit: $(VENV)/.installed  ## (a) unit and guard tests in .venv
	@echo "== (a) unit and guard tests, $(VENV) ($$($(VENV)/bin/python --version))"
	$(VENV)/bin/python -m pytest -p no:cacheprovider tests/ $(PYTEST_ARGS)

test-notebooks: $(VENV)/.installed  ## (b) every notebook under nbval in .venv (ipywidgets 8)
	@echo "== (b) notebooks under nbval, $(VENV) ($$($(VENV)/bin/python --version), ipywidgets 8)"
ifeq ($(NOTEBOOKS),)
	@echo "no notebooks in notebooks/ yet: nothing to run"
else
	$(VENV)/bin/python $(NBVAL) notebooks/ $(PYTEST_ARGS)
endif

test-colab: $(COLAB_VENV)/.installed  ## (c) notebooks under nbval + widget tests in .venv-colab (ipywidgets 7.7.1)
	@echo "== (c) Colab parity, $(COLAB_VENV) ($$($(COLAB_VENV)/bin/python --version), ipywidgets 7.7.1)"
ifeq ($(NOTEBOOKS),)
	@echo "no notebooks in notebooks/ yet: nothing to run under nbval"
else
	$(COLAB_VENV)/bin/python $(NBVAL) -W ignore::DeprecationWarning notebooks/ $(PYTEST_ARGS)
endif
	$(COLAB_VENV)/bin/python -m pytest -p no:cacheprovider -W ignore::DeprecationWarning \
	    tests/test_interactive.py tests/test_demos.py $(PYTEST_ARGS)

bench: $(VENV)/.installed  ## time demos, live training and notebooks against their targets (BENCH_ARGS=--strict)
	$(VENV)/bin/python bench/run_bench.py $(BENCH_ARGS)

cache: $(VENV)/.installed  ## rebuild the precomputed results shipped in course_lib
	$(VENV)/bin/python -m course_lib.build_cache

sync: $(VENV)/.installed  ## regenerate each notebook's Colab badge and setup cell
	$(VENV)/bin/python tools/sync_notebooks.py

strip: $(VENV)/.installed  ## remove outputs, execution counts and widget state from the notebooks
	$(VENV)/bin/python tools/strip_notebooks.py

clean:  ## remove both venvs and caches (keeps committed data)
	rm -rf $(VENV) $(COLAB_VENV) .pytest_cache build *.egg-info
	find . -path ./.git -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print0 \
	    | xargs -0 rm -rf
