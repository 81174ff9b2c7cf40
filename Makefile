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
LAB_ARGS ?=
BENCH_ARGS ?=
# e.g. SITE_ARGS="--keep-going 00 02" (tools/build_site.py --help)
SITE_ARGS ?=
PYTEST_ARGS ?=
# LESSON=02 (or 2, or mirage): `make test` runs only that lesson's unit tests and notebook checks
LESSON ?=
export COURSE_LESSON := $(LESSON)

# The notebooks run on one BLAS thread (as course_lib.setup() sets) and the default backend.
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1
unexport MPLBACKEND

NBVAL := -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env --nbval-cell-timeout=120
# pip's output goes to a log that is shown only when an install fails
PIP_LOG = $(1)/pip-install.log
QUIET_PIP = > $(call PIP_LOG,$(1)) 2>&1 || { cat $(call PIP_LOG,$(1)); echo "pip install failed (log: $(call PIP_LOG,$(1)))"; exit 1; }
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
# `make lab LANG=zh` (or a Chinese locale such as zh_CN.UTF-8) opens the Chinese edition; "zh" alone is
# no locale, so the server then runs with C.UTF-8
LAB_LANGUAGE = $(if $(filter zh zh_% zh-%,$(LANG)),zh,en)
LAB_LOCALE = $(if $(filter zh,$(LANG)),C.UTF-8,$(or $(LANG),C.UTF-8))
# what one lesson's tests and notebook are, when LESSON is set
LESSON_TESTS = $$($(VENV)/bin/python tools/lesson_paths.py tests $(LESSON)) tests/notebooks
LESSON_NOTEBOOK = $$($(VENV)/bin/python tools/lesson_paths.py notebook $(LESSON))

.PHONY: help venv colab-venv lab test test-unit test-lessons test-rest test-colab test-browser bench cache figures sync strip translations site clean

help:  ## list the targets
	@echo "make targets:"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  \1\t/' | expand -t 18
	@echo "variables: LAB_ARGS (e.g. LAB_ARGS=--no-browser), BENCH_ARGS (e.g. --strict), PYTEST_ARGS, SITE_ARGS (e.g. --keep-going)"

venv: $(VENV)/.installed  ## create or update .venv (JupyterLab, ipywidgets 8, test tools)

$(VENV)/.installed: pyproject.toml
	@if [ ! -x $(VENV)/bin/python ]; then \
	    echo "Creating $(VENV) with $$(command -v $(PYTHON)) ($$($(PYTHON) --version 2>&1))"; \
	    $(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian/Ubuntu install python3-venv"; exit 1; }; \
	fi
	@echo "Installing course_lib and its lab and test extras into $(VENV)"
	@$(VENV)/bin/python -m pip install -q --upgrade pip $(call QUIET_PIP,$(VENV))
	@$(VENV)/bin/python -m pip install -q -e ".[lab,test]" $(call QUIET_PIP,$(VENV))
	@touch $@

colab-venv: $(COLAB_VENV)/.installed  ## create or update .venv-colab (Colab's versions, ipywidgets 7.7.1)

$(COLAB_VENV)/.installed: pyproject.toml $(COLAB_CONSTRAINTS)
	@if [ ! -x $(COLAB_VENV)/bin/python ]; then \
	    py=$$(ci/colab-python); \
	    echo "Creating $(COLAB_VENV) with $$py ($$($$py --version 2>&1); Colab runs Python 3.13)"; \
	    $$py -m venv $(COLAB_VENV); \
	fi
	@echo "Installing course_lib with Colab's package versions into $(COLAB_VENV)"
	@$(COLAB_VENV)/bin/python -m pip install -q --upgrade pip $(call QUIET_PIP,$(COLAB_VENV))
	@$(COLAB_VENV)/bin/python -m pip install -q -c $(COLAB_CONSTRAINTS) -e ".[test]" $(call QUIET_PIP,$(COLAB_VENV))
	@$(COLAB_VENV)/bin/python -c "import platform as p, ipywidgets as w, matplotlib as m, numpy as n; \
	    print('$(COLAB_VENV): Python', p.python_version(), '| ipywidgets', w.__version__, \
	          '| matplotlib', m.__version__, '| numpy', n.__version__)"
	@touch $@

lab: $(VENV)/.installed  ## open JupyterLab at lesson 00 (LANG=zh: the Chinese edition; LAB_ARGS=--no-browser to stay headless)
	@LANG=$(LAB_LOCALE) $(VENV)/bin/python tools/lab.py --language $(LAB_LANGUAGE) $(LAB_ARGS)

test: $(VENV)/.installed $(COLAB_VENV)/.installed  ## every test: (a) and (b) side by side on both cores, then (c)
	@echo "== (a) unit, guards and lessons in $(VENV) and (b) Colab parity in $(COLAB_VENV) run side by side;"
	@echo "   each step's output is shown when it ends"
ifeq ($(LESSON),)
	@# (a) in two parts, so that both cores stay busy after (b) ends
	@$(MAKE) --no-print-directory -j3 --output-sync=target test-lessons test-rest test-colab \
	    SITE_FRAMES_FROM_TESTS=build/executed/frames
else
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-unit test-colab
endif
	@$(MAKE) --no-print-directory test-browser SITE_ARGS="--executed build/executed"
	@echo "make test: all steps passed"

test-unit: $(VENV)/.installed  ## (a) unit and guard tests, each lesson run as committed and as finished, in .venv
	@echo "== (a) unit and guard tests, lessons run twice each, $(VENV) ($$($(VENV)/bin/python --version))"
	$(if $(and $(SITE_FRAMES_FROM_TESTS),$(if $(LESSON),,1)),COURSE_TEST_SITE_FRAMES=$(SITE_FRAMES_FROM_TESTS)) \
	$(VENV)/bin/python -m pytest -p no:cacheprovider --ignore=tests/browser \
	    $(if $(LESSON),$(LESSON_TESTS),tests/) $(PYTEST_ARGS)

test-lessons: $(VENV)/.installed  ## (a), first part: each lesson of both editions run as committed and as finished
	@echo "== (a) lessons run twice each, $(VENV) ($$($(VENV)/bin/python --version))"
	$(if $(SITE_FRAMES_FROM_TESTS),COURSE_TEST_SITE_FRAMES=$(SITE_FRAMES_FROM_TESTS)) \
	$(VENV)/bin/python -m pytest -p no:cacheprovider tests/notebooks/test_lessons.py $(PYTEST_ARGS)

test-rest: $(VENV)/.installed  ## (a), second part: every unit and guard test but the lesson runs
	@echo "== (a) unit and guard tests, $(VENV) ($$($(VENV)/bin/python --version))"
	$(VENV)/bin/python -m pytest -p no:cacheprovider --ignore=tests/browser \
	    --ignore=tests/notebooks/test_lessons.py tests/ $(PYTEST_ARGS)

test-colab: $(COLAB_VENV)/.installed  ## (b) notebooks under nbval + widget tests in .venv-colab (ipywidgets 7.7.1)
	@echo "== (b) Colab parity, $(COLAB_VENV) ($$($(COLAB_VENV)/bin/python --version), ipywidgets 7.7.1)"
ifeq ($(NOTEBOOKS),)
	@echo "no notebooks in notebooks/ yet: nothing to run under nbval"
else
	$(COLAB_VENV)/bin/python $(NBVAL) -W ignore::DeprecationWarning \
	    $(if $(LESSON),$(LESSON_NOTEBOOK),notebooks/) $(PYTEST_ARGS)
endif
	$(COLAB_VENV)/bin/python -m pytest -p no:cacheprovider -W ignore::DeprecationWarning \
	    tests/core/test_interactive.py tests/test_demos.py $(PYTEST_ARGS)

test-browser: $(VENV)/.installed  ## (c) every lesson in a real browser: JupyterLab, classic Notebook (ipywidgets 7.7.1), Voila, the website
	@if [ ! -x /usr/bin/chromium ]; then \
	    echo "== (c) browser suite skipped: /usr/bin/chromium is not installed (as root: ci/browser-setup --apt; CI does this)"; \
	else \
	    echo "== (c) browser suite: JupyterLab, classic Notebook with ipywidgets 7.7.1, Voila, the website (screenshots in build/browser/)"; \
	    ci/browser-setup && $(MAKE) --no-print-directory site && \
	    $(VENV)/bin/python -m pytest -p no:cacheprovider tests/browser $(PYTEST_ARGS); \
	fi

bench: $(VENV)/.installed  ## time demos, live training and notebooks against their targets (BENCH_ARGS=--strict)
	$(VENV)/bin/python bench/run_bench.py $(BENCH_ARGS)

cache: $(VENV)/.installed  ## rebuild every lesson's cached results (the one rebuild command; LESSON=02 for one)
	$(VENV)/bin/python -m course_lib.build_cache $(LESSON)

figures: $(VENV)/.installed  ## draw the README's figure of each lesson into assets/
	$(VENV)/bin/python tools/make_figures.py

translations: $(VENV)/.installed  ## list every translated cell that is stale, missing or orphaned (notebooks/zh/)
	$(VENV)/bin/python tools/translations.py

sync: $(VENV)/.installed  ## regenerate each notebook's Colab badge and setup cell, and the README's links
	$(VENV)/bin/python tools/sync_notebooks.py

strip: $(VENV)/.installed  ## remove outputs, execution counts and widget state from the notebooks
	$(VENV)/bin/python tools/strip_notebooks.py

$(VENV)/.site-installed: $(VENV)/.installed pyproject.toml
	@echo "Installing the site extra (Jupyter Book 1, offline MathJax) into $(VENV)"
	@$(VENV)/bin/python -m pip install -q -e ".[lab,test,site]" $(call QUIET_PIP,$(VENV))
	@touch $@

site: $(VENV)/.site-installed  ## build the course website, every lesson executed, into build/site/html (offline)
	$(VENV)/bin/python tools/build_site.py $(SITE_ARGS)

clean:  ## remove both venvs and caches (keeps committed data)
	rm -rf $(VENV) $(COLAB_VENV) .venv-classic .pytest_cache build *.egg-info
	find . -path ./.git -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print0 \
	    | xargs -0 rm -rf
