# Every target creates .venv with the machine's Python 3.11 when it is missing.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-test
RENDER_STAMP := $(VENV)/.installed-render

.PHONY: demo test bench lint format clean corpus renderings

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/samlint check corpus/stockholm || test $$? -eq 1

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check lint tests scripts bench
	$(BIN)/ruff format --check lint tests scripts bench

format: $(STAMP)
	$(BIN)/ruff format lint tests scripts bench
	$(BIN)/ruff check --fix lint tests scripts bench

# The pictures in the README: an annotated PDF page (pdftoppm) and the serve page (Chromium).
.PHONY: pictures
pictures: $(STAMP)
	SAMLINT_PICTURES=docs $(BIN)/python -m pytest -q tests/annotate/test_pdf.py tests/serve/test_browser.py

corpus: $(STAMP)
	$(BIN)/python scripts/render_corpus.py

$(RENDER_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,render]'
	touch $(RENDER_STAMP)

# Real-producer renderings into corpus/renderings/ (needs LibreOffice and Chromium; see
# docs/renderings.md), and the plain-text versions of the Markdown sources in corpus/.
renderings: $(RENDER_STAMP)
	$(BIN)/python scripts/renderings.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
