"""Playwright journeys in Debian's Chromium against a live server with the demo content.

Playwright never downloads a browser here: it starts /usr/bin/chromium (installed by
`make test`). The sync API runs an event loop in the test thread, so Django's async-safety
guard is relaxed while the browser runs, and restored afterwards.
"""

import io
import os
import shutil
import sqlite3

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these Chromium keeps trying to reach Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: run `make test`, which installs it, or apt-get install chromium"
        )
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


# The demo as the first test of each worker loaded it, per kind (with or without the demo staff
# accounts). Loading it takes about half a minute; copying it back into SQLite's in-memory test
# database takes milliseconds, and every journey still starts from the same untouched demo.
_demo_snapshots = {}


def _copy_sqlite(source, target):
    source.backup(target)


@pytest.fixture
def demo(request, transactional_db, live_server, settings):
    """The demo centres, as `make run` shows them, served by the live server. A test that also
    asks for `demo_staff` gets the demo staff accounts from the same load: loading the demo a
    second time for them cost seconds per test."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    with_users = "demo_staff" in request.fixturenames
    if with_users:
        settings.POMOST_ALLOW_DEMO_USERS = True
    snapshot = _demo_snapshots.get(with_users) if connection.vendor == "sqlite" else None
    if snapshot is not None:
        connection.ensure_connection()
        _copy_sqlite(snapshot, connection.connection)
        # Content types are cached per process by id; the copy brings back the ids of the load.
        ContentType.objects.clear_cache()
        return live_server
    if with_users:
        call_command("load_demo", stdout=io.StringIO())
    else:
        call_command("load_demo", "--no-demo-users", stdout=io.StringIO())
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        _copy_sqlite(connection.connection, copy)
        _demo_snapshots[with_users] = copy
    return live_server


@pytest.fixture
def demo_staff(demo):
    """The demo content plus the demo staff accounts, which the plain demo leaves out."""
    return demo


@pytest.fixture
def page(browser, demo):
    context = browser.new_context(base_url=demo.url, locale="pl-PL", timezone_id="Europe/Warsaw")
    page = context.new_page()
    page.set_default_timeout(15_000)
    csp_errors = []
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.on("pageerror", lambda error: csp_errors.append(str(error)))
    yield page
    context.close()
    assert not csp_errors, f"the browser reported script errors or CSP violations: {csp_errors}"


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page):
        results = checker.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]})
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check
