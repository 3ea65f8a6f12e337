import datetime
import io
import os
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from tests.factories import make_centre

# The security harnesses report how many cases they tried; registered here so the
# summary prints under pytest-xdist too (the main process never loads sub-folder conftests).
pytest_plugins = ["tests.security.hostile", "tests.security.matrix_report"]

# On CI the property-based tests replay the same examples every run, so a red build always
# means a change broke something; on developers' machines they keep exploring.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


def pytest_collection_modifyitems(config, items):
    # Tests of races and row locks mean nothing on SQLite. They are skipped there, but on the
    # PostgreSQL pass (REQUIRE_POSTGRES=1, set by .ci/run) they must run, so a database
    # that silently fell back to SQLite fails the run instead of skipping.
    require = os.environ.get("REQUIRE_POSTGRES") == "1"
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    if require and not on_postgres:
        raise pytest.UsageError("REQUIRE_POSTGRES=1 but DATABASE_URL does not point at PostgreSQL.")
    if not on_postgres:
        skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://…)")
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip)
    else:
        # The browser journeys test pages, scripts and accessibility, which no database changes;
        # run once, on the SQLite pass, they keep both passes within CI's half hour. Queries,
        # locks and races are what the PostgreSQL pass is for.
        skip = pytest.mark.skip(reason="browser journeys run on the SQLite pass (make test)")
        for item in items:
            if "tests/e2e/" in item.nodeid:
                item.add_marker(skip)
        # The access matrix asks every URL of every role the same question on both databases:
        # who may see and do what is decided in Python (roles, scoped querysets), not by the
        # database, and walking it twice took a minute and a half of the half hour.
        matrix = ("tests/security/test_access_matrix.py", "tests/security/test_access_actions.py")
        skip = pytest.mark.skip(reason="the access matrix runs on the SQLite pass (make test)")
        for item in items:
            if item.nodeid.startswith(matrix):
                item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in the cache; no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _after_commit_at_once(request):
    """Most tests run inside a transaction that is rolled back, so work queued "after commit"
    (the outbox's delivery, volunteering jobs) would never run: here it runs at once, as after
    a real commit. Tests on real transactions keep Django's own behaviour."""
    marker = request.node.get_closest_marker("django_db")
    real_commits = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    if real_commits or {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return

    def run_now(func, using=None, robust=False):
        try:
            func()
        except Exception:
            if not robust:
                raise

    with mock.patch("django.db.transaction.on_commit", run_now):
        yield


class MailServerDown(BaseEmailBackend):
    """An e-mail backend for a mail server that cannot be reached (see `smtp_down`)."""

    error = ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, email_messages):
        if self.fail_silently:
            return 0
        raise type(self).error


class MailOutage:
    def __init__(self, settings):
        self.settings = settings

    def fail_with(self, error):
        MailServerDown.error = error

    def restore(self):
        """The server is back: mail goes to `django.core.mail.outbox` again."""
        self.settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    def run_retries(self, after=datetime.timedelta(hours=7)):
        """`send_mail_queue` as cron runs it, `after` from now (past every back-off by default)."""
        with mock.patch("django.utils.timezone.now", return_value=timezone.now() + after):
            call_command("send_mail_queue", stdout=io.StringIO())


@pytest.fixture
def smtp_down(settings):
    """The mail server refuses connections until `smtp_down.restore()`; `smtp_down.fail_with(
    smtplib.SMTPServerDisconnected(...))` changes how it fails."""
    default_error = MailServerDown.error
    settings.EMAIL_BACKEND = "tests.conftest.MailServerDown"
    yield MailOutage(settings)
    MailServerDown.error = default_error


@pytest.fixture
def clean_tree(db):
    """Remove Wagtail's default welcome page and site so tests build their own centres."""
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    assert connection.vendor in {"sqlite", "postgresql"}


@pytest.fixture
def jaslo(clean_tree):
    return make_centre(
        hostname="localhost",
        port=80,
        default=True,
        street_address="ul. Dmowskiego 3",
        postal_code="38-200",
        city="Jasło",
        phone="13 446 24 91",
        email="sekretariat@mops.jaslo.example",
        opening_hours="pon.–pt. 7:30–15:30",
    )


@pytest.fixture
def pulawy(jaslo):
    return make_centre(
        hostname="pulawy.localhost",
        port=80,
        default=False,
        name="Miejski Ośrodek Pomocy Społecznej w Puławach",
        short_name="MOPS Puławy",
        city="Puławy",
    )


@pytest.fixture
def pulawy_client(db):
    """A visitor of the second centre (the default `client` visits the default one)."""
    return Client(HTTP_HOST="pulawy.localhost")
