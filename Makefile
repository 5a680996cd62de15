# Two commands on a fresh machine: `make demo` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
# Settings for the catalogue commands, with var/ where `make demo` keeps it.
I18N_ENV := DJANGO_SETTINGS_MODULE=workings.settings WORKINGS_VAR_DIR=$(CURDIR)/var

.PHONY: install demo test lint chromium gettext messages bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip setuptools wheel
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/workings demo

chromium:
	@bash scripts/ensure-chromium.sh

gettext:
	@bash scripts/ensure-gettext.sh

# Refresh the translation catalogue from the marked strings (after any merge that adds or
# changes user-facing text), then compile it. Commit the .po; the .mo is built, not kept.
messages: install gettext
	cd src/workings && $(I18N_ENV) ../../$(PY) -m django makemessages -l cy --no-location --no-obsolete --no-wrap
	cd src/workings && $(I18N_ENV) ../../$(PY) -m django compilemessages -l cy

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src/workings/ledger src/workings/verifier
	$(VENV)/bin/lint-imports

test: install chromium gettext
	@bash scripts/test.sh

bench: install
	$(PY) bench/ledger.py

clean:
	rm -rf $(VENV) var artifacts
