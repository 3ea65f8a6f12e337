"""Hours on the volunteer's side: logging a session, the list of own entries, taking one back,
and the hours section of the dashboard. The admin side is in test_hours_admin.py."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.volunteers import days_from_today, make_task
from tests.volunteers.hours_helpers import accepted, error_of, log, long_task_next_to, past_task, soup
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Agreement, Application, HoursEntry, HoursStatus

pytestmark = pytest.mark.django_db

HOURS = "/wolontariat/moje/godziny/"
DASHBOARD = "/wolontariat/moje/"


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
def volunteer_client(volunteer):
    client = Client()
    client.force_login(volunteer.user)
    return client


# --- The volunteer's page ------------------------------------------------------------------


def test_volunteer_logs_hours_with_a_decimal_comma(task, volunteer, volunteer_client):
    data = {"task": task.pk, "date": task.start_date.isoformat(), "hours": "2,5", "note": "Sortowanie ubrań"}

    response = volunteer_client.post(HOURS, data)

    assert response.status_code == 302 and response["Location"] == HOURS
    entry = HoursEntry.objects.get()
    assert (entry.volunteer, entry.task_title, entry.hours, entry.note) == (
        volunteer,
        "Zbiórka darów",
        Decimal("2.5"),
        "Sortowanie ubrań",
    )
    page = volunteer_client.get(HOURS)
    assert page.context["messages"] and "Sortowanie ubrań" in page.content.decode()
    assert soup(page).select_one(".hours-waiting").get_text() == "2,5 godz."


def test_a_decimal_point_works_too(task, volunteer, volunteer_client):
    volunteer_client.post(HOURS, {"task": task.pk, "date": task.start_date.isoformat(), "hours": "1.75"})

    assert HoursEntry.objects.get().hours == Decimal("1.75")


def test_refused_session_shows_the_error_at_the_field_and_keeps_what_was_typed(task, volunteer_client):
    tomorrow = days_from_today(1).isoformat()
    data = {"task": task.pk, "date": tomorrow, "hours": "3,5", "note": "Notatka"}

    response = volunteer_client.post(HOURS, data)

    assert response.status_code == 200
    assert error_of(response, "date")
    page = soup(response)
    assert page.find("input", attrs={"name": "date"})["value"] == tomorrow
    assert page.find("input", attrs={"name": "hours"})["value"] == "3,5"
    assert page.find("textarea", attrs={"name": "note"}).get_text().strip() == "Notatka"
    assert page.find("option", selected=True)["value"] == str(task.pk)
    assert not HoursEntry.objects.exists()


@pytest.mark.parametrize("hours", ["2,3", "0", "25", "dwie"])
def test_hours_must_be_quarters_within_a_day(task, volunteer_client, hours):
    response = volunteer_client.post(HOURS, {"task": task.pk, "date": task.start_date.isoformat(), "hours": hours})

    assert error_of(response, "hours")
    assert not HoursEntry.objects.exists()


def test_only_accepted_tasks_are_offered(jaslo, task, volunteer, volunteer_client):
    other = make_task(task.get_parent().specific, "Cudze zadanie", start_date=days_from_today(-2))

    response = volunteer_client.get(HOURS)

    offered = {option["value"] for option in soup(response).select("select[name=task] option") if option["value"]}
    assert offered == {str(task.pk)}
    refused = volunteer_client.post(HOURS, {"task": other.pk, "date": other.start_date.isoformat(), "hours": "1"})
    assert error_of(refused, "task")
    assert not HoursEntry.objects.exists()


def test_long_work_without_a_signed_agreement_is_announced_and_refused(long_task, volunteer, volunteer_client):
    Application.objects.create(task=long_task, volunteer=volunteer, centre=long_task.centre, status="accepted")

    page = volunteer_client.get(HOURS)
    notice = soup(page).select_one(".hours-agreement-missing")
    assert notice is not None and "Odrabianie lekcji" in notice.get_text()

    yesterday = days_from_today(-1).isoformat()
    refused = volunteer_client.post(HOURS, {"task": long_task.pk, "date": yesterday, "hours": "2"})
    assert error_of(refused, "task")
    assert not HoursEntry.objects.exists()

    Agreement.objects.create(
        volunteer=volunteer,
        task=long_task,
        centre=long_task.centre,
        scope="Nauka",
        starts_on=long_task.start_date,
        ends_on=long_task.last_date,
        signed_on=days_from_today(-15),
    )
    assert soup(volunteer_client.get(HOURS)).select_one(".hours-agreement-missing") is None
    volunteer_client.post(HOURS, {"task": long_task.pk, "date": yesterday, "hours": "2"})
    assert HoursEntry.objects.filter(task=long_task).count() == 1


def test_page_lists_own_entries_with_status_in_words_and_reason(task, volunteer, volunteer_client):
    other = accepted(task, "inny@example.org")
    log(volunteer, task, "2", status=HoursStatus.APPROVED)
    rejected = log(volunteer, task, "1", status=HoursStatus.REJECTED)
    rejected.reject_reason = "Zbiórka trwała godzinę krócej."
    rejected.save()
    log(other, task, "9", note="Cudza notatka")

    response = volunteer_client.get(HOURS)

    page = soup(response)
    rows = page.select("table.hours-table tbody tr")
    assert len(rows) == 2
    assert page.select_one("table.hours-table caption") is not None
    assert all(th.get("scope") == "col" for th in page.select("table.hours-table thead th"))
    assert "Zbiórka trwała godzinę krócej." in response.content.decode()
    assert "Cudza notatka" not in response.content.decode()
    statuses = {row.select_one(".hours-status").get_text() for row in rows}
    assert statuses == {HoursStatus.APPROVED.label, HoursStatus.REJECTED.label}
    assert page.select_one(".hours-approved").get_text() == "2 godz."


def test_without_a_profile_the_page_invites_to_become_a_volunteer(jaslo, client):
    client.force_login(make_resident("mieszkanka@example.org"))

    response = client.get(HOURS)

    assert response.status_code == 200
    assert soup(response).find("form", class_="hours-form") is None
    assert soup(response).find("a", href="/wolontariat/profil/o-tobie/") is not None


def test_without_an_accepted_task_there_is_no_form(jaslo, client):
    client.force_login(make_volunteer(make_resident("nowa@example.org")).user)

    assert soup(client.get(HOURS)).find("form", class_="hours-form") is None


def test_volunteer_takes_back_own_waiting_entry(task, volunteer, volunteer_client):
    entry = log(volunteer, task)

    response = volunteer_client.post(f"{HOURS}{entry.pk}/usun/")

    assert response.status_code == 302
    assert not HoursEntry.objects.exists()


def test_decided_entries_stay(task, volunteer, volunteer_client):
    entry = log(volunteer, task, status=HoursStatus.APPROVED)

    response = volunteer_client.post(f"{HOURS}{entry.pk}/usun/", follow=True)

    assert HoursEntry.objects.filter(pk=entry.pk).exists()
    assert [message.level_tag for message in response.context["messages"]] == ["error"]


def test_another_volunteers_entry_cannot_be_taken_back(task, volunteer_client):
    entry = log(accepted(task, "inny@example.org"), task)

    assert volunteer_client.post(f"{HOURS}{entry.pk}/usun/").status_code == 404
    assert volunteer_client.get(f"{HOURS}{entry.pk}/usun/").status_code == 405
    assert HoursEntry.objects.filter(pk=entry.pk).exists()


# --- Dashboard --------------------------------------------------------------------------------


def test_dashboard_shows_totals_recent_entries_and_the_link(task, volunteer, volunteer_client):
    log(volunteer, task, "2", status=HoursStatus.APPROVED)
    log(volunteer, task, "1.25")

    page = soup(volunteer_client.get(DASHBOARD))

    section = page.select_one(".dashboard-hours")
    assert section.select_one(".hours-approved").get_text() == "2 godz."
    assert section.select_one(".hours-waiting").get_text() == "1,25 godz."
    assert len(section.select(".recent-hours li")) == 2
    assert section.find("a", href=HOURS) is not None


def test_dashboard_and_hours_page_queries_do_not_grow_with_entries(task, volunteer, volunteer_client):
    log(volunteer, task)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert volunteer_client.get(url).status_code == 200
        return len(queries)

    few = count(DASHBOARD), count(HOURS)
    for _ in range(12):
        log(volunteer, task, status=HoursStatus.APPROVED)
    assert (count(DASHBOARD), count(HOURS)) == few


# --- Typing hours the Polish way -----------------------------------------------------------------


def test_hours_field_is_a_text_input_that_brings_up_the_decimal_keyboard(volunteer_client):
    field = soup(volunteer_client.get(HOURS)).find("input", attrs={"name": "hours"})

    assert field["type"] == "text" and field["inputmode"] == "decimal"
    assert not field.has_attr("step")


def test_one_and_a_half_typed_with_a_comma_is_stored_and_listed_as_1_5(task, volunteer_client):
    volunteer_client.post(HOURS, {"task": task.pk, "date": task.start_date.isoformat(), "hours": "1,5"})

    assert HoursEntry.objects.get().hours == Decimal("1.5")
    cells = soup(volunteer_client.get(HOURS)).select_one(".hours-entry").find_all("td")
    assert cells[2].get_text().strip() == "1,5"


@pytest.mark.parametrize("typed", ["1e1", "1,5,5", "١٫٥", "1 5", "0x2", "∞"])
def test_anything_but_a_plain_number_is_refused_at_the_field(task, volunteer_client, typed):
    response = volunteer_client.post(HOURS, {"task": task.pk, "date": task.start_date.isoformat(), "hours": typed})

    assert error_of(response, "hours")
    assert soup(response).find("input", attrs={"name": "hours"})["value"] == typed
    assert not HoursEntry.objects.exists()


def test_more_than_24_hours_a_day_is_refused_at_the_hours_field(task, volunteer, volunteer_client):
    log(volunteer, task, "8")
    other = make_task(
        task.get_parent().specific,
        "Dyżur nocny",
        start_date=task.start_date,
        start_time=datetime.time(0, 0),
        end_time=datetime.time(23, 0),
    )
    Application.objects.create(task=other, volunteer=volunteer, centre=other.centre, status="accepted")

    response = volunteer_client.post(HOURS, {"task": other.pk, "date": task.start_date.isoformat(), "hours": "16,5"})

    assert "ponad 24 godziny" in error_of(response, "hours")
    assert soup(response).find("input", attrs={"name": "hours"})["value"] == "16,5"
    assert HoursEntry.objects.count() == 1
