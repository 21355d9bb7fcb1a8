# township-report: the two set-up commands are `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
TR     := $(VENV)/bin/township-report
OUT    ?= outputs
JOBS   ?=

.PHONY: setup demo test lab validate lint clean help

help:
	@echo "make demo   set up (if needed) and run the batch on the demo data -> $(OUT)/demo/index.html"
	@echo "make test   set up (if needed) and run the test suite"
	@echo "make lab    start JupyterLab with the project's kernel"
	@echo "make setup  Debian packages + .venv with the project and dev tools"

setup: $(VENV)/.installed

# Re-run when the dependency list changes. uv makes the install ~15x faster; pip is the fallback.
# --compile-bytecode writes the .pyc files pip would: without them every kernel and worker
# compiles pandas, matplotlib and SciPy from source at start-up (seconds each).
$(VENV)/.installed: pyproject.toml scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check uv \
	  && $(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -e '.[dev,lab,dask]' \
	  || $(PY) -m pip install -q --disable-pip-version-check -e '.[dev,lab,dask]'
	$(PY) -m ipykernel install --sys-prefix --name township-report \
	  --display-name "Python (township-report)" >/dev/null
	rm -f $$HOME/.cache/matplotlib/fontlist-*.json
	touch $@

demo: setup
	$(TR) params init --data data/demo
	$(TR) run --data data/demo --out $(OUT) $(if $(JOBS),--jobs $(JOBS))

test: setup
	$(PY) -m pytest

lab: setup
	$(VENV)/bin/jupyter lab --notebook-dir=. $(if $(filter 0,$(shell id -u)),--allow-root)

validate: setup
	$(TR) validate --data data/demo

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks

clean:
	rm -rf $(OUT)/*/ .pytest_cache
