# sitrep: `make demo` and `make test` set up everything they need themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1
DEMO   := demo-out
STAMP  := $(VENV)/.installed

.PHONY: install demo demo-data serve test bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo-data: install
	mkdir -p $(DEMO)
	rm -f $(DEMO)/demo.sqlite $(DEMO)/demo.sqlite-wal $(DEMO)/demo.sqlite-shm
	$(BIN)/sitrep run demo/corpus --db $(DEMO)/demo.sqlite
	$(BIN)/sitrep events --db $(DEMO)/demo.sqlite --format json    -o $(DEMO)/events.json
	$(BIN)/sitrep events --db $(DEMO)/demo.sqlite --format acled   -o $(DEMO)/events.csv
	$(BIN)/sitrep events --db $(DEMO)/demo.sqlite --format geojson -o $(DEMO)/events.geojson

demo: demo-data
	$(BIN)/sitrep serve --db $(DEMO)/demo.sqlite --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(DEMO) test-output .pytest_cache
