# Everything a fresh machine needs: a venv, the package, and a Chromium that Playwright can drive.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
URL    ?=
OUT    ?= cxaudit-report
STAMP  := $(VENV)/.setup-stamp

.PHONY: setup browser audit test lint bench bench-lighthouse report-screenshot accuracy accuracy-mobile clean

setup: $(STAMP) browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Playwright's own Chromium if it can be downloaded; else Debian/Ubuntu's chromium when we are root;
# else say exactly what is missing. Never silently continue without a browser.
browser: $(STAMP)
	@if [ -n "$$CXAUDIT_BROWSER" ] && [ -x "$$CXAUDIT_BROWSER" ]; then \
		echo "cxaudit: using browser $$CXAUDIT_BROWSER"; \
	elif $(BIN)/python -c "import sys; from playwright.sync_api import sync_playwright; p = sync_playwright().start(); import os; ok = os.path.exists(p.chromium.executable_path); p.stop(); sys.exit(0 if ok else 1)" 2>/dev/null; then \
		echo "cxaudit: using Playwright's Chromium"; \
	elif command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then \
		echo "cxaudit: using the system Chromium/Chrome"; \
	elif timeout 300 $(BIN)/python -m playwright install chromium >/dev/null 2>&1; then \
		echo "cxaudit: installed Playwright's Chromium"; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "cxaudit: installing Chromium with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && command -v chromium >/dev/null; \
	else \
		echo "cxaudit: no Chromium found and none could be installed."; \
		echo "  Install one: 'python -m playwright install chromium' or 'sudo apt-get install chromium',"; \
		echo "  or set CXAUDIT_BROWSER=/path/to/chrome."; \
		exit 1; \
	fi

audit: setup
ifeq ($(strip $(URL)),)
	$(BIN)/cxaudit demo --device both --compare --out $(OUT)
else
	$(BIN)/cxaudit audit $(URL) --out $(OUT)
endif

test: setup
	$(BIN)/ruff check auditor checks reports tests benchmarks accuracy
	$(BIN)/mypy
	@# -n auto: cores + 1 workers, at most 4 (tests/conftest.py). worksteal: with xdist's default `load`, a worker
	@# keeps the batch it was handed, and one run measured one worker busy for 706 s after the other had finished at
	@# 279 s; an idle worker now takes tests from a busy one's queue
	$(BIN)/python -m pytest -q -n auto --dist worksteal

lint: setup
	$(BIN)/ruff check auditor checks reports tests benchmarks accuracy
	$(BIN)/mypy

# A full audit against the bare cost of loading the same pages, at concurrency 1 and 4, with peak memory.
# More sizes: make bench BENCH_ARGS="--sizes 30,60,120"; steadier ratios: BENCH_ARGS="--repeat 3" (median of three)
BENCH_ARGS ?=
bench: setup
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# Regenerates docs/report-screenshot.png from a fresh audit of the demo shop
report-screenshot: setup
	$(BIN)/python benchmarks/report_screenshot.py docs/report-screenshot.png

# cxaudit's FCP/LCP/CLS next to the Lighthouse CLI's on the same local pages (installs lighthouse with npm)
bench-lighthouse: setup
	$(BIN)/python benchmarks/lighthouse_compare.py --runs 3

# Real open-source storefronts (installed into ~/.cache/cxaudit-accuracy, outside the repo), audited and scored
# against hand-recorded truth in accuracy/platforms/*/truth.toml; writes accuracy/results.md. Not part of `make test`.
# One platform: make accuracy ACCURACY_ARGS="--platforms oscar"
ACCURACY_ARGS ?=
accuracy: setup
	$(BIN)/python -m accuracy $(ACCURACY_ARGS)

# The same shops audited as a phone (cxaudit --device mobile), scored against what a person saw on a phone where it
# differs (mobile_value / mobile_verdict in truth.toml); writes accuracy/results-mobile.md.
accuracy-mobile: setup
	$(BIN)/python -m accuracy --results accuracy/results-mobile.md $(ACCURACY_ARGS) -- --max-pages 25 --device mobile

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
