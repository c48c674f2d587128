# Two commands do all set-up on a fresh machine (Python 3.11+, a JDK 17+, Maven):
#   make demo   start the local Neo4j, ingest the sample documents, print a brief
#   make test   run the test suite against a real Neo4j the tests start themselves
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
TOPIC  ?= Kestrel Strait

.PHONY: install demo test bench stop clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("intelgraph needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	@# setuptools reports every editable install of a package-dir layout as an
	@# "Editable installation" notice (information only, no defect); nothing else is filtered
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install -q -e '.[model,test,bench]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/intelgraph server start
	$(BIN)/intelgraph schema apply
	$(BIN)/intelgraph ingest examples/
	$(BIN)/intelgraph brief --topic "$(TOPIC)"

test: install
	$(BIN)/python -m pytest

stop:
	$(BIN)/intelgraph server stop

clean:
	rm -rf $(VENV) build *.egg-info
