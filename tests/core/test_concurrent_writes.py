"""Forty volunteers apply at the same moment and every application is stored, none refused
with "database is locked" — on the embedded SQLite as on PostgreSQL.

Each writer is a thread with its own connection (as a gunicorn worker has) and goes through
the real apply page: signing in, the application with its message, the session and the
confirmation e-mail. On SQLite the writers use a copy of the test database in a file (WAL and
locking only mean something for a file) opened with the options config/settings/base.py gives
every SQLite connection; without them, writers that read and then write were refused at once
and their applications lost.
"""

import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.db.utils import load_backend
from django.test import Client

from tests.volunteers import make_task, make_task_index
from tests.volunteers.test_profile import make_volunteer
from volunteers.models import Application

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 40


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zbiórka żywności", places=WRITERS)


@pytest.fixture
def volunteers(task):
    return [make_volunteer().user for _ in range(WRITERS)]


def apply_all_at_once(users, url, open_connection=None):
    """Every user applies to the task at `url` in a thread of their own; returns the errors."""
    start = threading.Barrier(len(users))
    errors = []

    def write(user):
        if open_connection is not None:
            connections["default"] = open_connection()
        try:
            client = Client()
            start.wait()
            client.force_login(user)
            response = client.post(url, {"message": f"Zgłaszam się ({user.email})."})
            if response.status_code != 302:
                errors.append(f"{user.email}: HTTP {response.status_code}")
        except Exception as error:  # noqa: BLE001 - every failure is what the test reports
            errors.append(f"{user.email}: {error!r}")
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=write, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite pass covers the embedded database")
def test_forty_simultaneous_applications_all_land_in_a_sqlite_file(task, volunteers, tmp_path):
    path = tmp_path / "pomost.sqlite3"
    with sqlite3.connect(path) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    settings_dict = {**connection.settings_dict, "NAME": str(path)}
    backend = load_backend(settings_dict["ENGINE"])

    errors = apply_all_at_once(
        volunteers, task.get_url() + "zglos/", lambda: backend.DatabaseWrapper(settings_dict, "default")
    )

    assert not errors, f"{len(errors)} of {WRITERS} writers failed:\n" + "\n".join(errors)
    with sqlite3.connect(path) as stored:
        (count,) = stored.execute("SELECT count(*) FROM volunteers_application WHERE task_id = ?", [task.pk]).fetchone()
    assert count == WRITERS


@pytest.mark.postgres
def test_forty_simultaneous_applications_all_land_in_postgresql(task, volunteers):
    errors = apply_all_at_once(volunteers, task.get_url() + "zglos/")

    assert not errors, f"{len(errors)} of {WRITERS} writers failed:\n" + "\n".join(errors)
    assert Application.objects.filter(task=task).count() == WRITERS
