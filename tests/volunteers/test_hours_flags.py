"""Unusual hours are flagged to the coordinator, with the reason, and can be filtered on;
they are never refused for it."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task
from tests.volunteers.hours_helpers import accepted, log, past_task, soup
from volunteers.models import Application, HoursEntry, HoursStatus
from volunteers.services.hours_flags import HoursFlag, flag_reasons, with_flags

pytestmark = pytest.mark.django_db

LISTING = "/admin/godziny/"


@pytest.fixture
def task(jaslo):
    return past_task(jaslo, days_ago=30)


@pytest.fixture
def volunteer(task):
    return accepted(task, "wolontariusz@example.org", "Wiktor", "Wolny")


@pytest.fixture
def coordinator_client(jaslo):
    client = Client()
    client.force_login(make_staff("koordynator@jaslo.example.org", jaslo, Role.COORDINATOR))
    return client


def flags_of(entry):
    return {
        flag for flag in HoursFlag.values if getattr(with_flags(HoursEntry.objects).get(pk=entry.pk), f"flag_{flag}")
    }


def logged_at(entry, moment):
    HoursEntry.objects.filter(pk=entry.pk).update(created_at=moment)


def test_a_usual_entry_raises_no_flag(task, volunteer):
    entry = log(volunteer, task, "4")
    logged_at(entry, timezone.make_aware(datetime.datetime.combine(task.start_date, datetime.time(20, 0))))

    assert flags_of(entry) == set()


def test_over_12_hours_on_a_day_is_flagged_across_tasks_but_rejected_ones_do_not_count(task, volunteer):
    other = make_task(task.get_parent().specific, "Dyżur", start_date=task.start_date, end_time=datetime.time(20, 0))
    Application.objects.create(task=other, volunteer=volunteer, centre=other.centre, status="accepted")
    first = log(volunteer, task, "8")
    second = log(volunteer, other, "4.5")
    log(volunteer, other, "5", status=HoursStatus.REJECTED)

    assert HoursFlag.LONG_DAY in flags_of(first) and HoursFlag.LONG_DAY in flags_of(second)
    HoursEntry.objects.filter(pk=second.pk).update(status=HoursStatus.REJECTED)
    assert HoursFlag.LONG_DAY not in flags_of(first)


def test_an_entry_logged_weeks_after_the_day_is_flagged(task, volunteer):
    entry = log(volunteer, task, "2")

    logged_at(
        entry,
        timezone.make_aware(datetime.datetime.combine(task.start_date, datetime.time(23, 30)))
        + datetime.timedelta(days=14),
    )
    assert HoursFlag.LATE not in flags_of(entry)
    logged_at(
        entry,
        timezone.make_aware(datetime.datetime.combine(task.start_date, datetime.time(0, 30)))
        + datetime.timedelta(days=15),
    )
    assert HoursFlag.LATE in flags_of(entry)


def test_hours_on_a_day_before_the_application_was_accepted_are_flagged(task, volunteer):
    entry = log(volunteer, task, "2")
    logged_at(entry, timezone.make_aware(datetime.datetime.combine(task.start_date, datetime.time(20, 0))))
    application = Application.objects.get(volunteer=volunteer, task=task)

    application.decided_at = timezone.make_aware(datetime.datetime.combine(task.start_date, datetime.time(18, 0)))
    application.save()
    assert HoursFlag.BEFORE_ACCEPTANCE not in flags_of(entry)

    application.decided_at += datetime.timedelta(days=1)
    application.save()
    assert HoursFlag.BEFORE_ACCEPTANCE in flags_of(entry)
    reasons = [str(reason) for reason in flag_reasons(with_flags(HoursEntry.objects).get(pk=entry.pk))]
    assert reasons == ["dzień sprzed przyjęcia zgłoszenia"]


def test_the_listing_shows_the_reason_and_filters_the_flagged(task, volunteer, coordinator_client):
    usual = log(volunteer, task, "2", days_ago=29)
    long_day = log(volunteer, task, "13")
    for entry in (usual, long_day):
        logged_at(entry, timezone.make_aware(datetime.datetime.combine(entry.date, datetime.time(20, 0))))

    page = coordinator_client.get(LISTING)
    flagged = coordinator_client.get(LISTING, {"flag": "any"})
    by_reason = coordinator_client.get(LISTING, {"flag": HoursFlag.LATE})

    assert "ponad 12 godzin tego dnia" in soup(page).get_text()
    assert {entry.pk for entry in flagged.context["object_list"]} == {long_day.pk}
    assert list(by_reason.context["object_list"]) == []
    assert coordinator_client.get(LISTING, {"flag": "nonsense"}).status_code == 200


def test_flagged_entries_can_still_be_approved(task, volunteer, coordinator_client):
    entry = log(volunteer, task, "2")
    logged_at(entry, timezone.now())
    assert HoursFlag.LATE in flags_of(entry)

    coordinator_client.post(f"/admin/bulk/volunteers/hoursentry/approve/?id={entry.pk}")

    entry.refresh_from_db()
    assert entry.status == HoursStatus.APPROVED and entry.hours == Decimal("2")
    assert days_from_today(-30) == entry.date
