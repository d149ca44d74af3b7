# Everyday checks. `make check` runs what CI runs plus the linters.
PY ?= python3

.PHONY: check test lint bench demo

check: lint test

lint:
	$(PY) -m ruff check tuneup_tui tests bench
	$(PY) -m mypy

test:
	$(PY) -m pytest -n 2

bench:
	$(PY) -m bench

demo:
	$(PY) -m tuneup_tui demo
