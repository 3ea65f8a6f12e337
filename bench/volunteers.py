"""Measure volunteering at scale: 20,000 volunteers and 1,000 tasks.

    .venv/bin/python bench/volunteers.py [--volunteers 20000] [--tasks 1000] [--requests 400] [--concurrency 4]

Builds a throw-away SQLite database with the demo centres, adds `--tasks` tasks under Jasło's
task index and `--volunteers` volunteers (most with an application), and prints how long each
load took. It counts the SQL queries of the task index and of a volunteer's dashboard (several
applications, hours and an agreement) with 100 volunteers and again with all of them: the
counts must be equal, or a page would slow down as the centre grows, and the script exits
with status 1 if they differ. Last, it serves the site with gunicorn on a free loopback port
and prints the task index's requests per second under local load (see bench/pages.py).
"""

import argparse
import datetime
import functools
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file shares its name with the Django app: keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.pages import build, serve_and_measure, setup_django  # noqa: E402

HOST = "localhost:8000"
FIRST_VOLUNTEERS = 100
PAGES = [
    ("task index", "/zadania/"),
    ("task index, page 5", "/zadania/?page=5"),
    ("task index, filtered", "/zadania/?kind=recurring&category=seniors"),
]


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        print(f"{self.label}: {self.seconds:.1f} s", flush=True)


def jaslo():
    from core.models import Centre
    from volunteers.models import TaskIndexPage

    index = TaskIndexPage.objects.get(slug="zadania", url_path__startswith="/mops-jaslo")
    return index, Centre.for_site(index.get_site())


def add_tasks(count):
    """Pages go in one by one through treebeard (Wagtail has no bulk insert for pages), live
    without revisions (publishing a revision costs most); main() runs it in one transaction,
    or SQLite would sync the file after every page. The text-search index is not updated on
    the way: nothing here searches, and it is a third of the time."""
    from django.conf import settings
    from django.test import override_settings
    from django.utils import timezone

    from volunteers.models import TaskPage
    from volunteers.models.tasks import TaskCategory

    index, centre = jaslo()
    districts = list(centre.districts.all())
    categories = TaskCategory.values
    today = timezone.localdate()
    no_search_updates = {
        name: {**backend, "AUTO_UPDATE": False} for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    tasks = []
    with override_settings(WAGTAILSEARCH_BACKENDS=no_search_updates):
        for n in range(count):
            recurring = n % 2 == 0
            start = today + datetime.timedelta(days=n % 90 - 30)
            task = TaskPage(
                title=f"Zadanie wolontariackie nr {n}",
                slug=f"zadanie-{n}",
                live=True,
                summary="Pomoc seniorom, dzieciom i rodzinom w Jaśle.",
                category=categories[n % len(categories)],
                district=districts[n % len(districts)],
                place="ul. Kościuszki 26",
                kind="recurring" if recurring else "one_off",
                start_date=start,
                end_date=start + datetime.timedelta(days=60) if recurring else None,
                weekdays=[n % 5, (n + 2) % 7] if recurring else [],
                start_time=datetime.time(10, 0),
                end_time=datetime.time(12, 0),
                places=5 + n % 6,
                coordinator_name="Agnieszka Zielińska",
                coordinator_email="koordynator@jaslo.demo.pomost.local",
            )
            index.add_child(instance=task)
            tasks.append(task)
            if (n + 1) % 250 == 0:
                print(f"  {n + 1} tasks", flush=True)
    return tasks


@functools.cache
def password_hash():
    """Hashed once: a strong hash per user would take longer than everything else."""
    from django.contrib.auth.hashers import make_password

    return make_password("bench-password")


def add_volunteers(first, count, tasks, centre):
    """Users, profiles and one application each for four in five of them, in bulk; the first
    three applicants of a task are accepted (every task has at least five places)."""
    from django.contrib.auth import get_user_model

    from volunteers.models import Application, VolunteerProfile

    password = password_hash()
    numbers = range(first, first + count)
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(email=f"wolontariusz{n}@bench.example", password=password, first_name="Jan", last_name="K")
            for n in numbers
        ],
        batch_size=2000,
    )
    profiles = VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=user, birth_date=datetime.date(1960 + n % 45, 1 + n % 12, 1 + n % 28), phone="600 100 200"
            )
            for n, user in zip(numbers, users, strict=True)
        ],
        batch_size=2000,
    )
    applications = []
    for n, profile in zip(numbers, profiles, strict=True):
        if n % 5 == 4:
            continue
        accepted = n // len(tasks) < 3
        applications.append(
            Application(
                task=tasks[n % len(tasks)],
                volunteer=profile,
                centre=centre,
                status="accepted" if accepted else "submitted",
            )
        )
    Application.objects.bulk_create(applications, batch_size=2000)
    return len(applications)


def add_dashboard_volunteer(tasks, centre):
    """A volunteer with applications in several states, hours in every state and an agreement."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from volunteers.models import Agreement, Application, HoursEntry, VolunteerProfile

    user = get_user_model().objects.create(email="pokazowy@bench.example", password=password_hash(), first_name="Anna")
    profile = VolunteerProfile.objects.create(user=user, birth_date=datetime.date(1985, 3, 1), phone="600 100 200")
    past = [task for task in tasks if task.start_date < timezone.localdate()][:3]
    future = [task for task in tasks if task.start_date > timezone.localdate()][:3]
    for task in past:
        Application.objects.create(task=task, volunteer=profile, centre=centre, status="accepted")
    for task, status in zip(future, ["accepted", "submitted", "declined"], strict=True):
        Application.objects.create(
            task=task, volunteer=profile, centre=centre, status=status, decline_reason="Brak miejsc"
        )
    for task, status in zip(past, ["approved", "submitted", "rejected"], strict=True):
        HoursEntry.objects.create(
            volunteer=profile,
            task=task,
            task_title=task.title,
            centre=centre,
            date=task.start_date,
            hours=Decimal("2"),
            status=status,
        )
    Agreement.objects.create(
        volunteer=profile,
        task=past[0],
        centre=centre,
        scope=past[0].title,
        starts_on=past[0].start_date,
        ends_on=past[0].last_date,
    )
    return user


def query_counts(user):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    visitor = Client(HTTP_HOST=HOST)
    volunteer = Client(HTTP_HOST=HOST)
    volunteer.force_login(user)
    counts = {}
    for name, client, url in [
        *((name, visitor, url) for name, url in PAGES),
        ("dashboard", volunteer, "/wolontariat/moje/"),
    ]:
        client.get(url)  # warm-up: per-process caches (sites, content types) are filled once
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--volunteers", type=int, default=20_000)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=400, help="requests to the task index (default 400)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args()

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite3"
        setup_django(db_path)
        with Timer("demo content loaded"):
            build(0)
        from django.db import transaction

        with Timer(f"{args.tasks} tasks created"), transaction.atomic():
            tasks = add_tasks(args.tasks)
        _, centre = jaslo()
        with Timer(f"{FIRST_VOLUNTEERS} volunteers created"), transaction.atomic():
            add_volunteers(0, FIRST_VOLUNTEERS, tasks, centre)
            user = add_dashboard_volunteer(tasks, centre)
        small = query_counts(user)
        rest = args.volunteers - FIRST_VOLUNTEERS
        with Timer(f"{rest} more volunteers created (users, profiles, applications)"), transaction.atomic():
            applications = add_volunteers(FIRST_VOLUNTEERS, rest, tasks, centre)
        print(f"  {applications} applications among them")
        large = query_counts(user)

        print(f"\n{'page':<24}{f'queries ({FIRST_VOLUNTEERS})':>16}{f'queries ({args.volunteers})':>18}")
        for name in small:
            print(f"{name:<24}{small[name]:>16}{large[name]:>18}")
        equal = small == large
        print("query counts equal: " + ("yes" if equal else "NO"))

        rates = serve_and_measure(db_path, PAGES[:2], args.requests, args.concurrency, args.workers)
        print(
            f"\n{'page':<24}{'requests/s':>12}   (gunicorn, {args.workers} workers, {args.concurrency} clients, SQLite)"
        )
        for name, rate in rates.items():
            print(f"{name:<24}{rate:>12.1f}")
    print(f"\ntotal: {time.perf_counter() - started:.0f} s")
    if not equal:
        sys.exit(1)


if __name__ == "__main__":
    main()
