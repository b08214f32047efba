# Set-up and everyday commands. Each target creates the virtual environment when missing.
#   make serve   build every language and serve on http://127.0.0.1:8000, rebuilding on change
#   make test    run the whole test suite in parallel (installs the browser tools it needs)
#   make test-fast  only the unit lane (no built site, no browser): under a minute
#   make site    build the deployable folder site/ with PDFs (BASE_URL=https://… for the published address)
#   make publish the same for publication: refuses while operator data (data/operator.yml) is missing
#   make check   validate content and data only
#   make confirm letters asking prisons and providers to confirm their facts (BASE_URL=https://… for the page links)
#   make bench   build from scratch and print timings, page weights and search bytes
#   make lighthouse  Lighthouse scores of three pages (mobile), served with gzip on 127.0.0.1

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: serve test test-fast site publish check confirm bench lighthouse test-tools clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# --no-compile: Python compiles what it imports on first use; compiling every installed file
	# up front cost a fresh clone about 12 s of its set-up.
	$(PY) -m pip install --quiet --disable-pip-version-check --no-compile -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(PY) -m kvi serve

test: $(STAMP) test-tools
	$(PY) -m pytest

test-fast: $(STAMP)
	$(PY) -m pytest -m unit

site: $(STAMP) test-tools
	$(PY) -m kvi build --pdf --out site $(if $(BASE_URL),--base-url $(BASE_URL))

publish: $(STAMP) test-tools
	$(PY) -m kvi build --publish --out site $(if $(BASE_URL),--base-url $(BASE_URL))

check: $(STAMP)
	$(PY) -m kvi check

confirm: $(STAMP)
	$(PY) -m kvi confirm $(if $(BASE_URL),--base-url $(BASE_URL))

bench: $(STAMP) test-tools
	$(PY) -m kvi bench

lighthouse: $(STAMP) test-tools
	npm ci --prefix scripts/lighthouse --no-audit --no-fund --silent
	$(PY) -m kvi lighthouse

test-tools:
	sh scripts/install-test-tools.sh

clean:
	rm -rf $(VENV) .build site node_modules scripts/lighthouse/node_modules
