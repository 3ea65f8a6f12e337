"""The public task index and task pages: filters, places left, notices, the home block."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.models import Centre
from tests.volunteers import accept_volunteers, days_from_today, make_task, make_task_index
from volunteers.models import District

pytestmark = pytest.mark.django_db


def titles_in(html):
    return re.findall(r'class="task-card-title"><a href="[^"]*">([^<]+)</a>', html)


def titles(response):
    return titles_in(response.content.decode())


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


@pytest.fixture
def district(jaslo):
    return District.objects.create(centre=Centre.for_site(jaslo), name="Gamrat")


def test_index_lists_upcoming_and_ongoing_tasks_and_hides_past_ones_by_default(client, index):
    make_task(index, "Zbiórka w sobotę", start_date=days_from_today(3))
    make_task(
        index,
        "Dyżur w świetlicy",
        kind="recurring",
        start_date=days_from_today(-20),
        end_date=days_from_today(20),
        weekdays=[1, 3],
    )
    make_task(index, "Festyn, który już był", start_date=days_from_today(-5))

    response = client.get("/zadania/")

    assert response.status_code == 200
    # Ongoing first, then by the day they start.
    assert titles(response) == ["Dyżur w świetlicy", "Zbiórka w sobotę"]
    with_past = client.get("/zadania/", {"past": "1"})
    assert "Festyn, który już był" in titles(with_past)


def test_index_filters_by_category(client, index):
    make_task(index, "Zakupy dla seniorów", category="shopping_meals")
    make_task(index, "Korepetycje", category="tutoring")

    assert titles(client.get("/zadania/", {"category": "tutoring"})) == ["Korepetycje"]


def test_index_filters_by_district_of_the_centre(client, index, district):
    make_task(index, "Na Gamracie", district=district)
    make_task(index, "Gdzie indziej")

    response = client.get("/zadania/", {"district": district.pk})

    assert titles(response) == ["Na Gamracie"]
    assert ">Gamrat</option>" in response.content.decode()


def test_index_filters_by_kind(client, index):
    make_task(index, "Jednorazowe")
    make_task(
        index, "Co tydzień", kind="recurring", start_date=days_from_today(1), end_date=days_from_today(60), weekdays=[0]
    )

    assert titles(client.get("/zadania/", {"kind": "recurring"})) == ["Co tydzień"]
    assert titles(client.get("/zadania/", {"kind": "one_off"})) == ["Jednorazowe"]


def test_index_date_range_matches_tasks_whose_period_overlaps_it(client, index):
    make_task(index, "Za tydzień", start_date=days_from_today(7))
    make_task(index, "Za miesiąc", start_date=days_from_today(30))
    make_task(
        index,
        "Przez dwa miesiące",
        kind="recurring",
        start_date=days_from_today(1),
        end_date=days_from_today(60),
        weekdays=[2],
    )

    response = client.get("/zadania/", {"from": days_from_today(20).isoformat(), "to": days_from_today(40).isoformat()})

    assert titles(response) == ["Przez dwa miesiące", "Za miesiąc"]


def test_index_filters_tasks_suitable_for_minors(client, index):
    make_task(index, "Dla dorosłych", min_age=18)
    make_task(index, "Od szesnastu lat", min_age=16)
    make_task(index, "Dla każdego")

    response = client.get("/zadania/", {"minors": "1"})

    assert titles(response) == ["Od szesnastu lat", "Dla każdego"]


def test_index_combines_filters_and_keeps_them_in_the_form(client, index, district):
    make_task(index, "Dzieci na Gamracie", category="children", district=district)
    make_task(index, "Dzieci gdzie indziej", category="children")
    make_task(index, "Seniorzy na Gamracie", category="seniors", district=district)

    response = client.get("/zadania/", {"category": "children", "district": district.pk, "minors": "1"})

    assert titles(response) == ["Dzieci na Gamracie"]
    html = response.content.decode()
    assert '<option value="children" selected>' in html
    assert f'<option value="{district.pk}" selected>' in html
    assert 'name="minors" value="1" checked' in html
    assert "Wyczyść filtry" in html


@pytest.mark.parametrize(
    "query",
    [
        {"category": "nonsense"},
        {"district": "999999"},
        {"district": "abc"},
        {"kind": "weekly"},
        {"from": "2026-02-31", "to": "jutro"},
        {"minors": "yes", "past": "<script>"},
        {"page": "-1"},
        {"page": "9999"},
    ],
)
def test_index_ignores_unknown_filter_values(client, index, query):
    make_task(index, "Zadanie")

    response = client.get("/zadania/", query)

    assert response.status_code == 200
    assert titles(response) == ["Zadanie"]


def test_index_paginates_ten_tasks_a_page_and_keeps_filters_in_the_links(client, index):
    for number in range(12):
        make_task(index, f"Zadanie {number:02d}", category="tutoring", start_date=days_from_today(number + 1))

    first = client.get("/zadania/", {"category": "tutoring"})
    second = client.get("/zadania/", {"category": "tutoring", "page": "2"})

    assert len(titles(first)) == 10
    assert titles(second) == ["Zadanie 10", "Zadanie 11"]
    assert "?category=tutoring&amp;page=2" in first.content.decode()
    assert "12 zadań" in first.content.decode()


def test_index_shows_places_left(client, index):
    task = make_task(index, "Zakupy", places=3)
    accept_volunteers(task, 1)
    accept_volunteers(task, 2, status="submitted")

    response = client.get("/zadania/")

    assert "Zostały 2 miejsca z 3" in response.content.decode()


def test_index_query_count_does_not_grow_with_the_number_of_tasks(client, index, district):
    def queries_for(count):
        for number in range(count):
            task = make_task(index, f"Zadanie {count}-{number}", district=district)
            accept_volunteers(task, 1)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/zadania/", {"past": "1"})
        assert response.status_code == 200
        return len(queries)

    few = queries_for(5)
    many = queries_for(25)

    assert few == many


def test_index_of_one_centre_never_lists_tasks_of_another(client, pulawy_client, jaslo, pulawy):
    make_task(make_task_index(jaslo), "Zadanie w Jaśle")
    make_task(make_task_index(pulawy), "Zadanie w Puławach")

    assert titles(pulawy_client.get("/zadania/")) == ["Zadanie w Puławach"]
    assert titles(client.get("/zadania/")) == ["Zadanie w Jaśle"]


def test_index_hides_private_tasks(client, index):
    make_task(index, "Publiczne")
    hidden = make_task(index, "Tylko dla zalogowanych")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client.get("/zadania/")) == ["Publiczne"]


def test_task_page_shows_details_requirements_and_contact(client, index, district):
    make_task(
        index,
        "Pomoc w świetlicy",
        category="children",
        kind="recurring",
        start_date=datetime.date(2030, 12, 3),
        end_date=datetime.date(2031, 2, 27),
        weekdays=[3, 1],
        start_time=datetime.time(15, 0),
        end_time=datetime.time(17, 0),
        district=district,
        places=4,
        requires_clearance=True,
        min_age=18,
        requires_first_aid=True,
        other_requirements="Cierpliwość do dzieci.",
        coordinator_phone="13 446 24 91",
        description=[{"type": "paragraph", "value": "<p>Odrabiamy lekcje.</p>"}],
    )

    html = client.get("/zadania/pomoc-w-swietlicy/").content.decode()

    assert "Dzieci i młodzież" in html
    assert "We wtorki i w czwartki, 15:00–17:00, od 3 grudnia 2030 do 27 lutego 2031" in html
    assert "Dzielnica: Gamrat" in html
    assert "Zostały 4 miejsca z 4" in html
    assert "Musisz mieć co najmniej 18 lat." in html
    assert "rejestr" in html
    assert "kurs pierwszej pomocy" in html
    assert "Cierpliwość do dzieci." in html
    assert "Odrabiamy lekcje." in html
    assert "koordynator@example.org" in html
    assert 'href="tel:134462491"' in html
    assert "Zgłoszenia nie są przyjmowane" not in html


def test_schedule_on_every_working_day_says_so_briefly(client, index):
    make_task(
        index,
        "Dowóz obiadów",
        kind="recurring",
        start_date=datetime.date(2030, 12, 2),
        end_date=datetime.date(2030, 12, 20),
        weekdays=[4, 3, 2, 1, 0],
    )

    html = client.get("/zadania/dowoz-obiadow/").content.decode()

    assert "W dni powszednie, 10:00–12:00, od 2 grudnia 2030 do 20 grudnia 2030" in html


def test_one_off_task_page_shows_the_day_and_hours(client, index):
    make_task(index, "Zbiórka", start_date=datetime.date(2030, 12, 14), end_time=datetime.time(14, 30))

    html = client.get("/zadania/zbiorka/").content.decode()

    assert "sobota, 14 grudnia 2030</time>, 10:00–14:30" in html
    assert "Musisz mieć co najmniej 13 lat." in html
    assert "zgoda Twojego opiekuna prawnego" in html


@pytest.mark.parametrize(
    ("fields", "notice"),
    [
        ({"status": "closed"}, "Zgłoszenia na to zadanie są zamknięte."),
        ({"status": "cancelled"}, "To zadanie zostało odwołane."),
        ({"start_date": datetime.date(2020, 5, 1)}, "To zadanie już się odbyło."),
    ],
)
def test_task_page_says_why_applications_are_not_accepted(client, index, fields, notice):
    make_task(index, "Zadanie", **fields)

    html = client.get("/zadania/zadanie/").content.decode()

    assert notice in html
    assert "Zgłoszenia nie są przyjmowane." in html


def test_full_task_says_so_on_its_page_and_in_the_list(client, index):
    task = make_task(index, "Zadanie", places=2)
    accept_volunteers(task, 2)

    page_html = client.get("/zadania/zadanie/").content.decode()
    index_html = client.get("/zadania/").content.decode()

    assert "Wszystkie miejsca są zajęte." in page_html
    assert "Zgłoszenia nie są przyjmowane." in page_html
    assert "Brak wolnych miejsc" in index_html


def test_home_block_lists_the_centres_next_open_tasks_with_places_left(client, pulawy_client, jaslo, pulawy, index):
    home = jaslo.root_page.specific
    home.body = [{"type": "open_tasks", "value": {"heading": "Pomóż z nami", "count": 2}}]
    home.save_revision().publish()
    make_task(index, "Pierwsze", start_date=days_from_today(2), places=3)
    make_task(index, "Drugie", start_date=days_from_today(3))
    make_task(index, "Trzecie", start_date=days_from_today(4))
    make_task(index, "Zamknięte", start_date=days_from_today(1), status="closed")
    full = make_task(index, "Pełne", start_date=days_from_today(1))
    accept_volunteers(full, 2)
    make_task(make_task_index(pulawy), "Z Puław", start_date=days_from_today(1))

    html = client.get("/").content.decode()

    assert "Pomóż z nami" in html
    assert titles_in(html) == ["Pierwsze", "Drugie"]
    assert "Zostały 3 miejsca z 3" in html
    assert 'href="/zadania/">Wszystkie zadania dla wolontariuszy</a>' in html


def test_home_block_says_when_there_are_no_open_tasks(client, jaslo):
    home = jaslo.root_page.specific
    home.body = [{"type": "open_tasks", "value": {"heading": "Pomóż z nami", "count": 3}}]
    home.save_revision().publish()

    assert "Nie ma teraz otwartych zadań." in client.get("/").content.decode()
