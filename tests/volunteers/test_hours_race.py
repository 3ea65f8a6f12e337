"""Two requests for the same person's day at the same moment: the lock on the volunteer's
profile makes the second wait and see the first, so the day never exceeds 24 hours."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection

from accounts.models import Role
from accounts.roles import grant_role
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, HoursEntry, HoursStatus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def all_day_tasks(jaslo, count):
    index = make_task_index(jaslo)
    return [
        make_task(
            index,
            f"Dyżur {number}",
            slug=f"dyzur-{number}",
            start_date=days_from_today(-2),
            start_time=datetime.time(0, 0),
            end_time=datetime.time(23, 45),
        )
        for number in range(count)
    ]


def at_once(calls):
    """Run each call in its own thread and connection, released together; their outcomes."""
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("done")
        except services.hours.HoursRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_simultaneous_logs_never_exceed_24_hours_a_day(jaslo):
    tasks = all_day_tasks(jaslo, 2)
    volunteer = make_volunteer(make_resident("wolontariusz@example.org"))
    for task in tasks:
        Application.objects.create(task=task, volunteer=volunteer, centre=task.centre, status="accepted")

    outcomes = at_once(
        [lambda task=task: services.hours.log_hours(volunteer, task, task.start_date, Decimal("16")) for task in tasks]
    )

    assert outcomes == ["done", "refused"]
    assert HoursEntry.objects.get().hours == Decimal("16")


def test_two_simultaneous_approvals_never_exceed_24_approved_hours(jaslo):
    tasks = all_day_tasks(jaslo, 2)
    volunteer = make_volunteer(make_resident("wolontariusz@example.org"))
    coordinators = [make_resident(f"koordynator{number}@example.org") for number in range(2)]
    for coordinator in coordinators:
        grant_role(coordinator, jaslo, Role.COORDINATOR)
    # Written past the services, as entries from before the daily limit are.
    entries = [
        HoursEntry.objects.create(
            volunteer=volunteer, task=task, task_title=task.title, centre=task.centre, date=task.start_date, hours=16
        )
        for task in tasks
    ]

    outcomes = at_once(
        [
            lambda entry=entry, coordinator=coordinator: services.hours.approve_hours(entry, coordinator)
            for entry, coordinator in zip(entries, coordinators, strict=True)
        ]
    )

    assert outcomes == ["done", "refused"]
    assert HoursEntry.objects.filter(status=HoursStatus.APPROVED).count() == 1
