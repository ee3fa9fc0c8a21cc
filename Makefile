# The two commands a newcomer types: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SEEDS   ?= ../shared/seeds
STAMP   := $(VENV)/.installed

.PHONY: install run test lint bench score sim train train-tails clean browser-deps

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

HOST    ?= 127.0.0.1
PORT    ?= 8000

run: install
	@if [ ! -d "$(SEEDS)" ]; then echo "no sample pages at $(SEEDS): pass SEEDS=folder"; exit 2; fi
	$(BIN)/fangzhi ingest $(SEEDS) --db $(DB)
	@echo "open http://$(HOST):$(PORT)/ (stop with Ctrl-C)"
	$(BIN)/fangzhi serve --db $(DB) --host $(HOST) --port $(PORT)

# Debian's chromium and a CJK font for the browser tests (Playwright drives this chromium; it
# never downloads a browser of its own); the OCR tests render their page images in the same font
# (tests/test_ocr.py). Installed when missing and apt-get is at hand as root, before any test runs.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi wenquanyi; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; \
	  else echo "browser tests need chromium and fonts-wqy-zenhei (apt-get install as root)"; fi; fi

test: install browser-deps
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check fangzhi tests benchmarks
	$(BIN)/ruff format --check fangzhi tests benchmarks
	$(BIN)/mypy fangzhi

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/parse.py --worst
	$(BIN)/python benchmarks/people_baselines.py

# Simulated pages with their gold: the dev families to learn from, the test families only scored,
# the holdout families (survey 4) neither tuned on nor looked into: scored only when a result counts.
# Page i of a set depends on (seed, set, i) alone; the seeds and counts are these.
SIM     ?= build/sim
SIM_N   ?= 300
SCORE   := ../shared/tools/score.py
PARSE   := $(BIN)/fangzhi parse --format jsonl

# dev-train: more pages of the dev families to fit on, a tenth of their long reports parted by
# subheads (which the scored sets do not print: they stay comparable from session to session, and
# subheads are measured alone by benchmarks/sim_accuracy.py); dev, test and holdout: pages to score.
# Displaced tails (before their head, after another report) half as often again as the scored
# sets print them, the scored sets' hardest artifact: the models fitted so read dev families held
# out of fitting (benchmarks/families_heldout.py) at 0.8892 against 0.8862 on the pages of seed
# 41, but 0.8838 against 0.8844 on seed 43: about neutral on unseen house styles, kept for the
# displaced-tail probe (0.877 -> 0.882).
# A sixth of the news leads of no meeting give no day (近日，/ its subject first; survey 6: 16% of
# real reports, almost all features and activity reports), which the scored sets do not print:
# fitted so, the models read held-out dev families printed with half their such leads undated at
# 0.8846 against 0.8657, and printed as the scored sets at 0.8968 against 0.8974.
# 9,000 pages: fitted on 1,500, the test score moved by ±0.006 from one draw of pages to another
# (0.8705-0.8824 over three seeds), which drowned the effect of any rule; on 4,500, by 0.002. The
# models are short of data still: held-out dev families read 0.8968 fitted on 4,500 pages, 0.9003
# on 9,000 (every half up) and 0.9016 on 18,000 (two halves up, two down): 9,000, fitted in ten
# minutes.
sim: install
	$(BIN)/fangzhi sim pages --family dev --n 9000 --seed 11 --out $(SIM)/dev-train --artifact subheads=0.1 \
	  --artifact displaced_tail=0.45 --artifact tail_after_other=0.3 --artifact undated_lead=0.15
	$(BIN)/fangzhi sim pages --family dev --n $(SIM_N) --seed 1 --out $(SIM)/dev
	$(BIN)/fangzhi sim pages --family test --n $(SIM_N) --seed 2 --out $(SIM)/test
	$(BIN)/fangzhi sim pages --family holdout --n $(SIM_N) --seed 3 --out $(SIM)/holdout

$(SIM)/dev/manifest.json $(SIM)/test/manifest.json $(SIM)/dev-train/manifest.json $(SIM)/holdout/manifest.json:
	$(MAKE) sim

# Fits the segmentation weights on dev families alone; writes them into the package.
train: install $(SIM)/dev-train/manifest.json
	$(BIN)/python -m fangzhi.read.train $(SIM)/dev-train

# Refits only the tail model (which orphan run is which article's rest), the boundary model kept.
train-tails: install $(SIM)/dev-train/manifest.json
	$(BIN)/python -m fangzhi.read.train --tails-only $(SIM)/dev-train

score: install $(SIM)/dev/manifest.json $(SIM)/test/manifest.json
	@echo "== sample pages"; $(BIN)/python $(SCORE) --cmd "$(PARSE)"
	@echo "== simulated dev pages"; $(BIN)/python $(SCORE) --cmd "$(PARSE)" --pages $(SIM)/dev/pages --gold $(SIM)/dev/gold | grep -v '^page '
	@echo "== simulated test pages"; $(BIN)/python $(SCORE) --cmd "$(PARSE)" --pages $(SIM)/test/pages --gold $(SIM)/test/gold | grep -v '^page '

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
