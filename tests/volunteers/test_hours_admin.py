"""Hours in the coordinators' admin: the listing of their centre's hours with filters and
search, approving and rejecting in bulk (with the e-mails that follow), and the totals."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today
from tests.volunteers.hours_helpers import accepted, error_of, log, long_task_next_to, past_task, soup
from volunteers import services
from volunteers.models import Application, HoursEntry, HoursStatus

pytestmark = pytest.mark.django_db

LISTING = "/admin/godziny/"
TOTALS = "/admin/godziny/podsumowanie/"
APPROVE = "/admin/bulk/volunteers/hoursentry/approve/"
REJECT = "/admin/bulk/volunteers/hoursentry/reject/"
HOURS = "/wolontariat/moje/godziny/"


@pytest.fixture
def task(jaslo):
    return past_task(jaslo)


@pytest.fixture
def long_task(task):
    return long_task_next_to(task)


@pytest.fixture
def volunteer(task):
    return accepted(task, "wolontariusz@example.org", "Wiktor", "Wolny")


@pytest.fixture
def task_b(pulawy):
    return past_task(pulawy, "Zakupy w Puławach", days_ago=5)


# --- Coordinators' listing ---------------------------------------------------------------------


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator@jaslo.example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def coordinator_b(pulawy):
    return make_staff("koordynator@pulawy.example.org", pulawy, Role.COORDINATOR)


def admin(user):
    client = Client()
    client.force_login(user)
    return client


def listed(response):
    return {entry.pk for entry in response.context["object_list"]}


def test_each_centre_lists_only_its_own_hours(task, task_b, volunteer, coordinator, coordinator_b):
    mine = log(volunteer, task, note="Notatka z Jasła")
    theirs = log(accepted(task_b, "pulawy@example.org"), task_b, note="Notatka z Puław")

    response_a = admin(coordinator).get(LISTING)
    response_b = admin(coordinator_b).get(LISTING)

    assert listed(response_a) == {mine.pk}
    assert listed(response_b) == {theirs.pk}
    assert "Notatka z Jasła" not in response_b.content.decode()
    assert "Zbiórka darów" not in response_b.content.decode()  # not even among the task filter's choices


def test_editors_have_no_hours_screen(task, volunteer, jaslo):
    editor = make_staff("redaktor@jaslo.example.org", jaslo, Role.EDITOR)

    assert admin(editor).get(LISTING).status_code in (302, 403)


def test_listing_shows_the_columns_and_an_erased_volunteer(task, volunteer, coordinator):
    log(volunteer, task, "2.5", note="Sortowanie")
    erased = log(accepted(task, "usuniety@example.org"), task, "1")
    erased.volunteer = None
    erased.save()

    body = admin(coordinator).get(LISTING).content.decode()

    assert "Wiktor Wolny" in body and "Sortowanie" in body and "2,5" in body
    assert gettext("(erased volunteer)") in body


def test_listing_filters(task, long_task, volunteer, coordinator):
    other = accepted(task, "anna@example.org", "Anna", "Nowak")
    first = log(volunteer, task, days_ago=10)
    approved = log(other, task, days_ago=10, status=HoursStatus.APPROVED)
    Application.objects.create(task=long_task, volunteer=other, centre=long_task.centre, status="accepted")
    on_long = log(other, long_task, days_ago=1)
    client = admin(coordinator)
    month = days_from_today(-1).strftime("%Y-%m")

    assert listed(client.get(LISTING, {"status": "approved"})) == {approved.pk}
    assert listed(client.get(LISTING, {"task": long_task.pk})) == {on_long.pk}
    assert listed(client.get(LISTING, {"volunteer": other.pk})) == {approved.pk, on_long.pk}
    assert on_long.pk in listed(client.get(LISTING, {"month": month}))
    recent = {"date_from": days_from_today(-2).isoformat(), "date_to": days_from_today(0).isoformat()}
    assert listed(client.get(LISTING, recent)) == {on_long.pk}
    assert listed(client.get(LISTING, {"q": "anna nowak"})) == {approved.pk, on_long.pk}
    assert listed(client.get(LISTING, {"q": "wolontariusz@example"})) == {first.pk}
    assert listed(client.get(LISTING, {"q": "odrabianie"})) == {on_long.pk}
    assert client.get(LISTING, {"month": "2026-13"}).status_code == 200


def test_listing_queries_do_not_grow_with_entries(task, volunteer, coordinator):
    client = admin(coordinator)
    log(volunteer, task)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LISTING).status_code == 200
        return len(queries)

    few = count()
    for number in range(10):
        log(accepted(task, f"w{number}@example.org", "Jan", f"Nowak{number}"), task)
    assert count() == few


# --- Bulk decisions ----------------------------------------------------------------------------


def test_bulk_approve_decides_each_entry_and_mails_each_volunteer(task, volunteer, coordinator):
    other = accepted(task, "anna@example.org")
    entries = [log(volunteer, task), log(other, task)]
    client = admin(coordinator)
    query = "?" + "&".join(f"id={entry.pk}" for entry in entries) + f"&next={LISTING}"

    confirmation = client.get(APPROVE + query)
    assert confirmation.status_code == 200 and "Zbiórka darów" in confirmation.content.decode()
    response = client.post(APPROVE + query)

    assert response.status_code == 302 and response["Location"] == LISTING
    assert set(HoursEntry.objects.values_list("status", flat=True)) == {HoursStatus.APPROVED}
    assert set(HoursEntry.objects.values_list("decided_by", flat=True)) == {coordinator.pk}
    assert sorted(message.to[0] for message in mail.outbox) == ["anna@example.org", "wolontariusz@example.org"]


def test_another_centres_coordinator_cannot_reach_the_entries(task, volunteer, coordinator_b):
    entry = log(volunteer, task)
    client = admin(coordinator_b)

    assert client.get(f"{APPROVE}?id={entry.pk}").status_code == 404
    assert client.post(f"{APPROVE}?id={entry.pk}").status_code == 404
    assert client.post(f"{REJECT}?id={entry.pk}", {"reason": "Nie"}).status_code == 404
    entry.refresh_from_db()
    assert entry.status == HoursStatus.SUBMITTED and not mail.outbox


def test_select_all_in_listing_acts_on_the_filtered_entries_only(task, task_b, volunteer, coordinator):
    other = accepted(task, "anna@example.org")
    mine = [log(volunteer, task), log(volunteer, task, "3")]
    others = log(other, task)
    elsewhere = log(accepted(task_b, "pulawy@example.org"), task_b)

    admin(coordinator).post(f"{APPROVE}?id=all&volunteer={volunteer.pk}")

    assert {entry.status for entry in HoursEntry.objects.filter(pk__in=[e.pk for e in mine])} == {"approved"}
    assert HoursEntry.objects.get(pk=others.pk).status == HoursStatus.SUBMITTED
    assert HoursEntry.objects.get(pk=elsewhere.pk).status == HoursStatus.SUBMITTED
    admin(coordinator).post(f"{APPROVE}?id=all")
    assert HoursEntry.objects.get(pk=elsewhere.pk).status == HoursStatus.SUBMITTED


def test_hostile_ids_are_refused_quietly(task, volunteer, coordinator):
    client = admin(coordinator)
    huge = "9" * 40

    assert client.get(LISTING, {"task": huge, "volunteer": huge}).status_code == 200
    assert client.get(f"{APPROVE}?id={huge}").status_code == 404
    assert client.get(f"{APPROVE}?id=١٢٣").status_code == 404


def test_already_decided_entries_are_left_alone(task, volunteer, coordinator):
    waiting, done = log(volunteer, task), log(volunteer, task, status=HoursStatus.REJECTED)

    admin(coordinator).post(f"{APPROVE}?id={waiting.pk}&id={done.pk}")

    done.refresh_from_db()
    waiting.refresh_from_db()
    assert (waiting.status, done.status) == (HoursStatus.APPROVED, HoursStatus.REJECTED)


def test_refusals_are_reported_and_the_rest_go_on(task, volunteer, coordinator):
    first, second = log(volunteer, task), log(volunteer, task, "3")
    real = services.hours.approve_hours

    def approve_all_but_the_first(entry, actor):
        if entry.pk == first.pk:
            raise services.hours.HoursRefused("Już zdecydowano.")
        return real(entry, actor)

    with mock.patch("volunteers.services.hours.approve_hours", approve_all_but_the_first):
        response = admin(coordinator).post(f"{APPROVE}?id={first.pk}&id={second.pk}", follow=True)

    texts = [str(message) for message in response.context["messages"]]
    assert any("Już zdecydowano." in text for text in texts)
    assert HoursEntry.objects.get(pk=second.pk).status == HoursStatus.APPROVED
    assert HoursEntry.objects.get(pk=first.pk).status == HoursStatus.SUBMITTED


def test_reject_asks_for_a_reason_which_the_volunteer_gets(task, volunteer, coordinator):
    entry = log(volunteer, task)
    client = admin(coordinator)
    url = f"{REJECT}?id={entry.pk}"

    form_page = client.get(url)
    assert soup(form_page).find("textarea", attrs={"name": "reason"}) is not None
    blank = client.post(url, {"reason": "  "})
    assert blank.status_code == 200 and error_of(blank, "reason")
    entry.refresh_from_db()
    assert entry.status == HoursStatus.SUBMITTED

    client.post(url, {"reason": "Tego dnia zbiórki nie było."})

    entry.refresh_from_db()
    assert entry.status == HoursStatus.REJECTED and entry.reject_reason == "Tego dnia zbiórki nie było."
    assert mail.outbox[0].to == ["wolontariusz@example.org"]
    assert "Tego dnia zbiórki nie było." in mail.outbox[0].body
    volunteer_page = Client()
    volunteer_page.force_login(volunteer.user)
    assert "Tego dnia zbiórki nie było." in volunteer_page.get(HOURS).content.decode()


# --- Totals ------------------------------------------------------------------------------------


def test_totals_per_volunteer_task_and_month_for_a_period(task, task_b, volunteer, coordinator):
    log(volunteer, task, "2", days_ago=10, status=HoursStatus.APPROVED)
    log(volunteer, task, "1.5", days_ago=10, status=HoursStatus.APPROVED)
    log(volunteer, task, "8", days_ago=10)
    log(accepted(task_b, "pulawy@example.org"), task_b, "5", days_ago=4, status=HoursStatus.APPROVED)
    client = admin(coordinator)

    response = client.get(TOTALS)

    assert [(row["label"], row["hours"]) for row in response.context["by_volunteer"]] == [
        ("Wiktor Wolny", Decimal("3.5"))
    ]
    assert [(row["label"], row["hours"]) for row in response.context["by_task"]] == [("Zbiórka darów", Decimal("3.5"))]
    assert [row["hours"] for row in response.context["by_month"]] == [Decimal("3.5")]
    assert "Zakupy w Puławach" not in response.content.decode()
    link = soup(response).select_one("table.totals-by-volunteer th a")["href"]
    assert listed(client.get(link)) == set(
        HoursEntry.objects.filter(volunteer=volunteer, status="approved").values_list("pk", flat=True)
    )

    later = client.get(TOTALS, {"date_from": days_from_today(-5).isoformat()})
    assert later.context["by_volunteer"] == [] and later.context["total"] == 0
    wrong = client.get(TOTALS, {"date_from": "2026-05-10", "date_to": "2026-05-01"})
    assert wrong.status_code == 200 and wrong.context["form"].errors


def test_totals_queries_do_not_grow_with_entries(task, volunteer, coordinator):
    client = admin(coordinator)
    log(volunteer, task, status=HoursStatus.APPROVED)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(TOTALS).status_code == 200
        return len(queries)

    few = count()
    for number in range(8):
        profile = accepted(task, f"w{number}@example.org")
        log(profile, task, status=HoursStatus.APPROVED, days_ago=number)
    assert count() == few


def test_month_labels_are_months(task, volunteer, coordinator):
    log(volunteer, task, status=HoursStatus.APPROVED)

    row = admin(coordinator).get(TOTALS).context["by_month"][0]

    assert row["key"] == task.start_date.replace(day=1)
    assert isinstance(row["key"], datetime.date) and row["label"]
