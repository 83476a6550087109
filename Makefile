# sitrep: `make demo` and `make test` set up everything they need themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1
DEMO   := demo-out
STAMP  := $(VENV)/.installed
WEB    := sitrep/web
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install web chromium browser-deps demo demo-data serve test bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP) web

# the dashboard's JS/CSS from the npm registry, copied into the gitignored sitrep/web/vendor/
web: $(WEB)/vendor/manifest.json

$(WEB)/vendor/manifest.json: $(WEB)/package.json $(WEB)/package-lock.json $(WEB)/build-vendor.mjs
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	cd $(WEB) && npm run --silent vendor

# browser tests drive Debian's Chromium (never a downloaded browser) through Playwright from PyPI
chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# Playwright itself is a pinned test dependency (pyproject.toml); it never downloads a browser
browser-deps: install chromium

demo-data: install
	mkdir -p $(DEMO)
	rm -f $(DEMO)/demo.sqlite $(DEMO)/demo.sqlite-wal $(DEMO)/demo.sqlite-shm
	$(BIN)/sitrep run demo/corpus --db $(DEMO)/demo.sqlite
	$(BIN)/sitrep events --db $(DEMO)/demo.sqlite --format json    -o $(DEMO)/events.json
	$(BIN)/sitrep events --db $(DEMO)/demo.sqlite --format acled   -o $(DEMO)/events.csv
	$(BIN)/sitrep events --db $(DEMO)/demo.sqlite --format geojson -o $(DEMO)/events.geojson

demo: demo-data
	$(BIN)/sitrep serve --db $(DEMO)/demo.sqlite --host $(HOST) --port $(PORT)

test: install browser-deps
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(DEMO) test-output .pytest_cache
