# Two commands for a fresh machine with Python 3.11+:
#   make run   – set up everything and serve the demo on http://127.0.0.1:8000
#   make test  – set up the test tools and run the whole suite, browser tests included
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# Playwright drives Debian's Chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
CHROMIUM ?= /usr/bin/chromium
# One pytest worker per core (the CI machine has two); an idle worker takes tests queued
# for the other, so a few slow ones at the end do not leave a core waiting. Override with PYTEST_ARGS=.
PYTEST_ARGS ?= -n 2 --dist worksteal

.PHONY: run test setup migrate translations demo lint format messages chromium clean

run: $(VENV)/.installed translations migrate demo
	$(PY) manage.py runserver 127.0.0.1:8000

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PIP) install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PIP) install --disable-pip-version-check -q -r requirements-dev.txt
	touch $(VENV)/.installed $@

setup: $(VENV)/.installed

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput -v0

translations: $(VENV)/.installed
	$(PY) manage.py translations compile

# Idempotent: creates what is missing, never overwrites what editors changed.
demo: $(VENV)/.installed
	$(PY) manage.py load_demo

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's chromium for the browser tests…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
		else \
			echo "The browser tests need Debian's Chromium. Install it with:"; \
			echo "    sudo apt-get install -y chromium fonts-dejavu-core"; \
			exit 1; \
		fi; \
	fi
	@# The PDFs (agreement, certificate) are set in DejaVu Sans for its Polish letters.
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing the DejaVu fonts for the PDF tests…"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
		else \
			echo "The PDF documents need the DejaVu fonts. Install them with:"; \
			echo "    sudo apt-get install -y fonts-dejavu-core"; \
			exit 1; \
		fi; \
	fi

test: $(VENV)/.installed-dev chromium
	$(PY) manage.py translations compile --settings=config.settings.test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# For developers: refresh the Polish catalogue after changing user-facing strings.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l pl --no-obsolete --no-location --ignore=.venv --ignore=staticfiles --ignore=tests

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 media
