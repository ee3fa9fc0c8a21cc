# The two commands a newcomer types: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SEEDS   ?= ../shared/seeds
STAMP   := $(VENV)/.installed

.PHONY: install run test lint bench score clean

install: $(STAMP)

# Re-install only when the project's dependencies change: idempotent and fast when nothing did.
VENDOR  := fangzhi/web/static/vendor

$(STAMP): pyproject.toml webui/package-lock.json
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# front-end libraries, bundled into the package: nothing is fetched from a CDN at run time
	npm ci --prefix webui --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp webui/node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chart.umd.min.js
	cp webui/node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/cytoscape.min.js
	cp webui/node_modules/swagger-ui-dist/swagger-ui-bundle.js webui/node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	touch $(STAMP)

DB      ?= fangzhi.db

run: install
	@if [ ! -d "$(SEEDS)" ]; then echo "no sample pages at $(SEEDS): pass SEEDS=folder"; exit 2; fi
	$(BIN)/fangzhi ingest $(SEEDS) --db $(DB)
	$(BIN)/fangzhi search 安全生产 --db $(DB) --limit 3
	$(BIN)/fangzhi person 朱健 --db $(DB)
	$(BIN)/fangzhi chronicle --db $(DB) --from 2023-07-01 --to 2023-11-30

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check fangzhi tests benchmarks
	$(BIN)/ruff format --check fangzhi tests benchmarks
	$(BIN)/mypy fangzhi

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/parse.py
	$(BIN)/python benchmarks/people_baselines.py

score: install
	$(BIN)/python ../shared/tools/score.py --cmd "$(BIN)/fangzhi parse --format jsonl"

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
