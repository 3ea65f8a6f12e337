"""The hours forms survive hostile input (see tests/security/hostile.py): the volunteer's
form for logging a session and the coordinator's reason for rejecting hours."""

from decimal import Decimal

import pytest

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, HoursEntry, HoursStatus


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zbiórka darów", start_date=days_from_today(-3))


@pytest.fixture
def volunteer(task):
    profile = make_volunteer(make_resident("wolontariusz@example.org"))
    Application.objects.create(task=task, volunteer=profile, centre=task.centre, status="accepted")
    return profile


def test_log_hours_form_survives_hostile_input(task, volunteer, client):
    client.force_login(volunteer.user)

    report = assert_form_survives_hostile_input(
        client,
        "/wolontariat/moje/godziny/",
        fields={
            "task": str(task.pk),
            "date": task.start_date.isoformat(),
            "hours": "1,5",
            "note": "Sortowanie ubrań",
        },
        # Each case on an empty day: the day's and the task's limits would refuse the rest.
        prepare=lambda: HoursEntry.objects.all().delete(),
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    for entry in HoursEntry.objects.all():
        assert entry.volunteer == volunteer and entry.task_id == task.pk
        assert entry.date == task.start_date
        assert services.hours.MIN_HOURS <= entry.hours <= services.hours.MAX_HOURS
        assert len(entry.note) <= 1000


def test_reject_with_reason_form_survives_hostile_input(jaslo, task, volunteer, client):
    coordinator = make_staff("koordynator@jaslo.example.org", jaslo, Role.COORDINATOR)
    client.force_login(coordinator)
    entry = HoursEntry.objects.create(
        volunteer=volunteer,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=task.start_date,
        hours=Decimal("2"),
    )

    def waiting_again():
        HoursEntry.objects.filter(pk=entry.pk).update(status=HoursStatus.SUBMITTED, reject_reason="")

    report = assert_form_survives_hostile_input(
        client,
        f"/admin/bulk/volunteers/hoursentry/reject/?id={entry.pk}&next=/admin/godziny/",
        fields={"reason": "Tego dnia zbiórki nie było."},
        prepare=waiting_again,
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    entry.refresh_from_db()
    assert entry.status in (HoursStatus.SUBMITTED, HoursStatus.REJECTED)
    assert len(entry.reject_reason) <= 1000
