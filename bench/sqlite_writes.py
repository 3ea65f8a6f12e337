"""Fire simultaneous applications at gunicorn on the embedded SQLite and count what landed.

    .venv/bin/python bench/sqlite_writes.py [--writers 40] [--workers 4] [--threads 4]

Builds a throw-away SQLite file with the demo centres and `--writers` volunteers (complete
profiles, each with a signed-in session), serves the site with gunicorn on a free loopback
port, then lets every volunteer apply to the same task at the same moment through the real
apply page (GET for the CSRF cookie, then the POST). It prints how many answers were the
expected redirect, how many were errors, and how many applications the database holds.
Before the SQLite options in config/settings/base.py (WAL, BEGIN IMMEDIATE, busy timeout),
16 of 40 such writes answered 500 "database is locked". Exits with status 1 when any write
was lost. Traffic goes to 127.0.0.1 only.
"""

import argparse
import http.client
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import build, free_port, setup_django, stop, wait_until_up  # noqa: E402

HOST = "localhost:8000"


def add_volunteers(count):
    """Volunteers ready to apply, each with a session cookie as if they had signed in."""
    import datetime

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from volunteers import services
    from volunteers.models import ConsentKind, VolunteerProfile

    cookies = []
    for n in range(count):
        user = get_user_model().objects.create_user(f"zapis{n}@bench.example", first_name="Jan", last_name=f"K{n}")
        profile = VolunteerProfile.objects.create(user=user, birth_date=datetime.date(1990, 1, 1), phone="600 100 200")
        services.profile.record_consents(profile, {ConsentKind.DATA_PROCESSING: True})
        services.profile.acknowledge_standards(profile)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    return cookies


def open_task(places):
    from volunteers.models import TaskPage

    task = TaskPage.open_for_applications().filter(requires_clearance=False, url_path__contains="/mops-jaslo/").first()
    task.places = max(task.places, places)
    task.save(update_fields=["places"])
    return task, urlsplit(task.get_url()).path + "zglos/"


def apply(port, session_key, path, start, outcomes):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": HOST, "Cookie": f"sessionid={session_key}"}
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        token = SimpleCookie(response.getheader("Set-Cookie", ""))["csrftoken"].value
        conn.close()
        start.wait()
        # A fresh connection: the waiting may outlast gunicorn's keep-alive.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        body = urlencode({"csrfmiddlewaretoken": token, "message": "Chętnie pomogę."})
        headers.update(
            {
                "Cookie": f"sessionid={session_key}; csrftoken={token}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
        )
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        outcomes.append(response.status)
    except Exception as error:  # noqa: BLE001 - a failed connection is one of the outcomes counted
        outcomes.append(repr(error))
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=40)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite3"
        setup_django(db_path)
        build(0)
        cookies = add_volunteers(args.writers)
        task, path = open_task(args.writers)
        from django.db import connection

        connection.close()

        port = free_port()
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.dev", DATABASE_URL=f"sqlite:///{db_path}")
        env["LOG_LEVEL"] = env["DJANGO_LOG_LEVEL"] = "ERROR"
        gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{port}"]
        gunicorn += ["-w", str(args.workers), "--threads", str(args.threads), "--log-level", "warning"]
        # The dev settings print every e-mail (the confirmations) to the console: not wanted here.
        server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        try:
            wait_until_up(port, HOST)
            start = threading.Barrier(args.writers)
            outcomes = []
            threads = [threading.Thread(target=apply, args=(port, cookie, path, start, outcomes)) for cookie in cookies]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.perf_counter() - began
        finally:
            stop(server)

        from volunteers.models import Application

        stored = Application.objects.filter(task=task, volunteer__user__email__endswith="@bench.example").count()
        succeeded = outcomes.count(302)
        print(f"task: {task.title} ({path})")
        print(f"gunicorn: {args.workers} workers × {args.threads} threads, SQLite file, {args.writers} writers")
        print(f"succeeded (302): {succeeded}")
        print(f"failed: {len(outcomes) - succeeded}  {sorted({str(o) for o in outcomes if o != 302})}")
        print(f"applications stored: {stored} of {args.writers}  ({seconds:.1f} s)")
    sys.exit(0 if stored == args.writers and succeeded == args.writers else 1)


if __name__ == "__main__":
    main()
