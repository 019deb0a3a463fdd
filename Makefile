# Two commands a newcomer needs: `make run` (the app on a demo database) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench package translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-installs when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/hrsupply --demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

$(VENV)/.installed-package: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(VENV)/.installed-run

# The Linux .deb in dist/ (a few minutes; not part of `make test`). Windows and macOS: installer/.
package: $(VENV)/.installed-package
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/hrsupply.spec
	installer/linux/build_deb.sh dist

# resources/i18n/hrsupply_es.ts anew from every tr("…") in the source, translations kept; translate
# what is new with $(BIN)/pyside6-linguist (a test fails while any text has no translation).
translations: $(VENV)/.installed-test
	$(BIN)/pyside6-lupdate $$(find src/hrsupply -name '*.py' -not -path '*/migrations/*' | sort) \
		-ts resources/i18n/hrsupply_es.ts -source-language en -target-language es -no-obsolete -locations none
	$(BIN)/pyside6-lrelease resources/i18n/hrsupply_es.ts -qm $(VENV)/hrsupply_es.qm

clean:
	rm -rf $(VENV) build dist src/*.egg-info
