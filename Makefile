# Two commands do everything on a fresh machine with Python 3.11:
#   make run    install, then extract seeds/ into outputs/
#   make test   install, then run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install eval clean

$(STAMP): pyproject.toml pipeline/crf/_decode.c
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vnextract run seeds --out outputs --force

eval: $(STAMP)
	$(BIN)/vnextract eval --gold seeds/gold --pred outputs

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache
