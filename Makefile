# The two commands of the quick start:
#   make demo   set up .venv and run `carevoice demo` on the embedded demo corpus
#   make test   set up .venv and run the whole test suite (unit, integration with the packaged
#               models, notebooks, docs build)
# Both install the CPU build of torch first: a plain `torch` requirement pulls GBs of CUDA wheels.
# --no-cache-dir: the environment takes about 2.6 GB; pip's cache would keep a second copy of
# every downloaded wheel on the same disk.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.carevoice-installed
DEMO_OUTPUT ?= carevoice-demo

.PHONY: setup demo test docs notebooks bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-cache-dir --upgrade pip
	$(BIN)/python -m pip install --quiet --no-cache-dir torch==2.13.0
	$(BIN)/python -m pip install --quiet --no-cache-dir -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/carevoice demo --output $(DEMO_OUTPUT)

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: $(STAMP)
	$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; exit $$rc

docs: $(STAMP)
	$(BIN)/python -m sphinx -W --keep-going -b html docs docs/_build/html

# Re-execute the tutorials and store their outputs (the docs show the stored outputs).
notebooks: $(STAMP)
	$(BIN)/python docs/run_notebooks.py

clean:
	rm -rf $(VENV) docs/_build $(DEMO_OUTPUT) .pytest_cache
