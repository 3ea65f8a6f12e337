"""A task's calendar file, read back the way a calendar app would read it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.volunteers import make_task, make_task_index
from volunteers.models import District

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return response, calendar, event


def test_one_off_task_downloads_as_one_event_in_warsaw_time(client, index):
    task = make_task(
        index,
        "Zbiórka darów",
        summary="Zbieramy ciepłe ubrania dla dzieci.",
        start_date=datetime.date(2030, 12, 14),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(14, 0),
        place="Supermarket, ul. Floriańska 5",
    )

    response, calendar, event = download(client, "/zadania/zbiorka-darow/kalendarz/")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="zbiorka-darow.ics"'
    assert str(event["summary"]) == "Zbiórka darów"
    assert event.decoded("dtstart") == datetime.datetime(2030, 12, 14, 9, 0, tzinfo=WARSAW)
    assert event.decoded("dtend") == datetime.datetime(2030, 12, 14, 14, 0, tzinfo=WARSAW)
    assert event["dtstart"].params["TZID"] == "Europe/Warsaw"
    assert "rrule" not in event
    assert str(event["location"]) == "Supermarket, ul. Floriańska 5"
    assert str(event["description"]) == "Zbieramy ciepłe ubrania dla dzieci."
    assert str(event["url"]).endswith("/zadania/zbiorka-darow/")
    assert str(event["uid"]) == f"task-{task.pk}@localhost"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]


def test_recurring_task_repeats_weekly_on_its_days_until_the_end_date(client, index, jaslo):
    from core.models import Centre

    district = District.objects.create(centre=Centre.for_site(jaslo), name="Gamrat")
    make_task(
        index,
        "Świetlica",
        kind="recurring",
        start_date=datetime.date(2030, 12, 3),
        end_date=datetime.date(2031, 2, 27),
        weekdays=[3, 1],
        start_time=datetime.time(15, 0),
        end_time=datetime.time(17, 0),
        district=district,
    )

    _, _, event = download(client, "/zadania/swietlica/kalendarz/")

    rule = event["rrule"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["BYDAY"] == ["TU", "TH"]
    # 17:00 in Warsaw in winter is 16:00 UTC.
    assert rule["UNTIL"] == [datetime.datetime(2031, 2, 27, 16, 0, tzinfo=datetime.UTC)]
    assert event.decoded("dtstart") == datetime.datetime(2030, 12, 3, 15, 0, tzinfo=WARSAW)
    assert str(event["location"]) == "ul. Kościuszki 26, Gamrat"


def test_the_uid_stays_the_same_between_downloads(client, index):
    make_task(index, "Zadanie")

    first = download(client, "/zadania/zadanie/kalendarz/")[2]
    second = download(client, "/zadania/zadanie/kalendarz/")[2]

    assert str(first["uid"]) == str(second["uid"])


def test_cancelled_task_is_marked_cancelled_in_the_calendar(client, index):
    make_task(index, "Zadanie", status="cancelled")

    _, _, event = download(client, "/zadania/zadanie/kalendarz/")

    assert str(event["status"]) == "CANCELLED"


def test_task_page_links_to_its_calendar_file(client, index):
    make_task(index, "Zadanie")

    html = client.get("/zadania/zadanie/").content.decode()

    assert 'href="/zadania/zadanie/kalendarz/"' in html


def test_unpublished_task_has_no_calendar_file(client, index):
    task = make_task(index, "Zadanie")
    task.unpublish()

    assert client.get("/zadania/zadanie/kalendarz/").status_code == 404
