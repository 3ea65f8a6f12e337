"""The call index and call pages as visitors and organisations read them: the state derived
from the dates and the progress, the time left in Polish, the window to the minute in Polish
time, each task with its money in złoty, and the archive by year."""

import datetime
from decimal import Decimal
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model

from ngo_grants.deadlines import WARSAW, time_left
from ngo_grants.models import CallDocument, CallProgress, CallState
from ngo_grants.templatetags.calls import percent, zloty
from tests.ngo_grants import in_days, make_call, make_call_index

pytestmark = pytest.mark.django_db


def warsaw(*args):
    return datetime.datetime(*args, tzinfo=WARSAW)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(page, selector):
    return " ".join(page.select_one(selector).get_text(" ", strip=True).split())


@pytest.fixture
def index(jaslo):
    return make_call_index(jaslo)


def test_state_follows_the_window_and_then_the_progress(index):
    call = make_call(index, opens_at=warsaw(2027, 1, 10, 8, 0), closes_at=warsaw(2027, 2, 15, 15, 30))
    assert call.state(warsaw(2027, 1, 10, 7, 59)) == CallState.ANNOUNCED
    assert call.state(warsaw(2027, 1, 10, 8, 0)) == CallState.OPEN
    assert call.state(warsaw(2027, 2, 15, 15, 29, 59)) == CallState.OPEN
    assert call.state(warsaw(2027, 2, 15, 15, 30)) == CallState.CLOSED
    assert not call.is_open(warsaw(2027, 2, 15, 15, 30))
    for progress, state in [
        (CallProgress.EVALUATION, CallState.EVALUATION),
        (CallProgress.RESULTS, CallState.RESULTS),
        (CallProgress.ANNULLED, CallState.ANNULLED),
    ]:
        call.progress = progress
        assert call.state(warsaw(2027, 2, 1)) == state
        assert not call.is_open(warsaw(2027, 2, 1)), "offers are not accepted once the review has begun"


@pytest.mark.parametrize(
    ("delta", "wording"),
    [
        (datetime.timedelta(days=5, hours=3, minutes=20), "5 dni 3 godziny"),
        (datetime.timedelta(days=1, hours=1), "1 dzień 1 godzina"),
        (datetime.timedelta(days=22), "22 dni"),
        (datetime.timedelta(hours=22, minutes=5), "22 godziny 5 minut"),
        (datetime.timedelta(hours=5, minutes=1), "5 godzin 1 minuta"),
        (datetime.timedelta(minutes=2), "2 minuty"),
        (datetime.timedelta(seconds=20), "1 minuta"),
        (datetime.timedelta(0), ""),
    ],
)
def test_time_left_reads_in_polish(delta, wording):
    now = warsaw(2027, 1, 10, 12, 0)
    with translation.override("pl"):
        assert time_left(now, now + delta) == wording


def test_time_left_counts_real_hours_across_the_spring_change():
    # 27 March 2027 12:00 to 28 March 12:00 in Warsaw: the clocks jump forward, 23 hours pass.
    with translation.override("pl"):
        assert time_left(warsaw(2027, 3, 27, 12, 0), warsaw(2027, 3, 28, 12, 0)) == "23 godziny"
        assert time_left(warsaw(2027, 10, 30, 12, 0), warsaw(2027, 10, 31, 12, 0)) == "1 dzień 1 godzina"


def test_money_and_shares_are_written_the_polish_way():
    assert zloty(Decimal("50000")) == "50 000,00 zł"
    assert zloty(Decimal("1234567.5")) == "1 234 567,50 zł"
    assert zloty(Decimal("999.99")) == "999,99 zł"
    assert zloty(None) == ""
    assert percent(Decimal("10.00")) == "10%"
    assert percent(Decimal("12.50")) == "12,5%"


def test_open_call_page_shows_time_left_window_and_every_task_with_an_offer_link(index, client):
    call = make_call(
        index,
        opens_at=warsaw(2027, 1, 4, 8, 0),
        closes_at=warsaw(2027, 1, 15, 15, 30),
        tasks=[
            {"title": "Dzienne wsparcie dzieci", "funds": Decimal("50000"), "last_year_spending": Decimal("48250.5")},
            {"title": "Posiłki dla potrzebujących", "funds": Decimal("120000"), "form": "entrustment"},
        ],
    )
    with mock.patch("django.utils.timezone.now", return_value=warsaw(2027, 1, 10, 12, 10)):
        page = soup(client.get(call.url))

    assert text_of(page, ".call-meta") == "Przyjmuje oferty jeszcze 5 dni 3 godziny"
    window = text_of(page, ".call-window")
    assert "od 4 stycznia 2027, godz. 08:00" in window and "do 15 stycznia 2027, godz. 15:30" in window
    tasks = page.select(".call-task")
    assert [task.h3.get_text() for task in tasks] == ["Dzienne wsparcie dzieci", "Posiłki dla potrzebujących"]
    first, second = (" ".join(task.get_text(" ", strip=True).split()) for task in tasks)
    assert "50 000,00 zł" in first and "48 250,50 zł" in first and "10%" in first
    assert "wspieranie" in first and "powierzenie" in second and "120 000,00 zł" in second
    assert f"1 stycznia {call.year} – 31 grudnia {call.year}" in first
    links = [a["href"] for a in page.select(".call-task a.button")]
    assert links == [f"/oferty/nowa/{task.pk}/" for task in call.tasks.all()]
    assert text_of(page, ".call-facts").count("170 000,00 zł") == 1
    criteria = [" ".join(row.get_text(" ", strip=True).split()) for row in page.select(".call-criteria tbody tr")]
    assert criteria == ["Możliwość realizacji zadania 10", "Kalkulacja kosztów 10"]
    assert "Statut organizacji" in text_of(page, ".call-attachments")


def test_call_page_before_opening_and_after_the_deadline_has_no_offer_links(index, client):
    call = make_call(index, opens_at=in_days(3), closes_at=in_days(40))
    page = soup(client.get(call.url))
    assert text_of(page, ".call-meta") == "Ogłoszony, oferty jeszcze nieprzyjmowane"
    assert not page.select(".call-task a.button")

    with mock.patch("django.utils.timezone.now", return_value=in_days(41)):
        page = soup(client.get(call.url))
    assert text_of(page, ".call-meta") == "Zamknięty dla ofert"
    assert not page.select(".call-task a.button")


def test_call_page_shows_the_results_date_and_links_the_documents(index, client):
    call = make_call(index, results_on=datetime.date(2027, 3, 1))
    document = get_document_model().objects.create(
        title="Regulamin konkursu", file=ContentFile(b"%PDF-1.4 test", name="regulamin.pdf")
    )
    CallDocument.objects.create(call=call, document=document, title="", sort_order=0)
    page = soup(client.get(call.url))
    assert "1 marca 2027" in text_of(page, ".call-facts")
    link = page.select_one(".call-documents a")
    assert link.get_text() == "Regulamin konkursu" and link["href"] == document.url


def test_call_page_announces_its_formal_requirements_and_the_days_to_correct(index, client):
    call = make_call(index, correction_days=5)

    section = soup(client.get(call.url)).select_one(".call-formal-checks")

    assert "w ciągu 5 dni" in section.get_text(" ", strip=True)
    assert [item.get_text(strip=True) for item in section.select("li")] == [
        "Oferta podpisana przez osoby upoważnione do reprezentacji",
        "Działalność statutowa zgodna z zadaniem",
    ]


def test_index_lists_current_calls_and_keeps_finished_ones_in_the_archive(index, client):
    current = make_call(index, "Konkurs bieżący", slug="biezacy", year=2027)
    evaluated = make_call(index, "Konkurs w ocenie", slug="w-ocenie", year=2027, progress=CallProgress.EVALUATION)
    make_call(index, "Konkurs rozstrzygnięty", slug="rozstrzygniety", year=2026, progress=CallProgress.RESULTS)
    make_call(index, "Konkurs 2025", slug="konkurs-2025", year=2025, progress=CallProgress.RESULTS)

    page = soup(client.get(index.url))
    titles = [a.get_text() for a in page.select(".call-card-title a")]
    assert titles == [current.title, evaluated.title] or titles == [evaluated.title, current.title]
    assert [a.get_text() for a in page.select(".call-archive a")] == ["2027", "2026", "2025"]

    archive = soup(client.get(index.url, {"rok": "2026"}))
    assert [a.get_text() for a in archive.select(".call-card-title a")] == ["Konkurs rozstrzygnięty"]
    assert archive.h1.get_text() == f"{index.title} – 2026"
    assert archive.select_one('.call-archive [aria-current="page"]').get_text() == "2026"


@pytest.mark.parametrize("year", ["9" * 400, "-1", "20x6", "１２３４", "0", "2026 ", "<script>", "1999", "99999"])
def test_archive_ignores_a_year_it_cannot_read(index, client, year):
    make_call(index, "Konkurs bieżący", slug="biezacy")
    page = soup(client.get(index.url, {"rok": year}))
    assert [a.get_text() for a in page.select(".call-card-title a")] == ["Konkurs bieżący"]


def test_archive_of_a_year_without_calls_says_so(index, client):
    page = soup(client.get(index.url, {"rok": "2030"}))
    assert "W 2030 roku nie było konkursów." in page.get_text()


def test_home_page_lists_the_centres_open_and_announced_calls_only(jaslo, pulawy, index, client, pulawy_client):
    make_call(index, "Konkurs otwarty w Jaśle", slug="otwarty")
    make_call(index, "Konkurs ogłoszony w Jaśle", slug="ogloszony", opens_at=in_days(5), closes_at=in_days(40))
    make_call(index, "Konkurs zamknięty w Jaśle", slug="zamkniety", opens_at=in_days(-40), closes_at=in_days(-2))
    make_call(make_call_index(pulawy), "Konkurs w Puławach", slug="pulawy")

    home = soup(client.get("/"))
    section = home.select_one(".open-calls")
    assert section.h2.get_text() == "Otwarte konkursy ofert"
    assert [a.get_text() for a in section.select(".call-card-title a")] == [
        "Konkurs otwarty w Jaśle",
        "Konkurs ogłoszony w Jaśle",
    ]
    assert section.select_one("a[href='/konkursy/']")
    assert [a.get_text() for a in soup(pulawy_client.get("/")).select(".open-calls .call-card-title a")] == [
        "Konkurs w Puławach"
    ]


def test_home_page_without_open_calls_has_no_calls_section(jaslo, index, client):
    make_call(index, "Konkurs zamknięty", slug="zamkniety", opens_at=in_days(-40), closes_at=in_days(-2))
    assert not soup(client.get("/")).select(".open-calls")
