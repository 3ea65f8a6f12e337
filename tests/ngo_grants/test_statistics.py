"""The public figures of a year's calls per public task (Step 7, point 8): offers received,
organisations, requested and granted, on the call index's archive for the year and as CSV for
the report on the programme of cooperation (art. 5a ust. 3)."""

import csv
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Centre
from ngo_grants.models import Decision, Grant, Offer
from ngo_grants.statistics import year_statistics
from ngo_grants.workflow import OfferStatus
from tests.ngo_grants import in_days, make_call, make_call_index, make_organisation
from tests.ngo_grants.review_helpers import close_call
from tests.ngo_grants.staff_helpers import submitted_offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_calls(jaslo):
    """A call of next year with two tasks: three offers of two organisations on the first (one
    of them withdrawn), one on the second; one grant of 5 000 zł; a draft that never counts."""
    centre = Centre.for_site(jaslo)
    index = make_call_index(jaslo)
    call = make_call(index, tasks=[{}, {"title": "Zadanie 2: dożywianie"}])
    first, second = call.tasks.all()
    close_call(call)
    one, two, three = (make_organisation(name=f"Organizacja {n}", number=n, centres=[centre]) for n in range(3))
    offers = [
        submitted_offer(call, one, task=first, now=in_days(-5)),
        submitted_offer(call, one, task=first, title="Druga oferta", now=in_days(-5)),
        submitted_offer(call, two, task=first, now=in_days(-5)),
        submitted_offer(call, three, task=second, now=in_days(-5)),
    ]
    Offer.objects.filter(pk=offers[2].pk).update(status=OfferStatus.WITHDRAWN)
    Offer.objects.create(call=call, task=second, organisation=two, centre=centre, draft={})
    decision = Decision.objects.create(call=call, centre=centre, reference="Zarządzenie", decided_on=in_days(0).date())
    Grant.objects.create(decision=decision, offer=offers[0], amount=Decimal("5000"), points=Decimal("20"))
    Grant.objects.create(decision=decision, offer=offers[1], amount=Decimal("0"), reason="Brak środków.")
    return index, call


def test_figures_per_task_count_received_offers_only(year_of_calls):
    index, call = year_of_calls
    rows, totals = year_statistics(index.calls().filter(year=call.year))

    assert [
        (row.task.title, row.offers, row.organisations, row.requested, row.granted, row.grants) for row in rows
    ] == [
        ("Zadanie 1: wsparcie seniorów", 2, 1, Decimal("18000.00"), Decimal("5000.00"), 1),
        ("Zadanie 2: dożywianie", 1, 1, Decimal("9000.00"), Decimal("0"), 0),
    ]
    assert totals["calls"] == 1 and totals["offers"] == 3 and totals["organisations"] == 2
    assert totals["granted"] == Decimal("5000.00") and totals["funds"] == Decimal("100000.00")
    assert year_statistics(index.calls().filter(year=call.year - 1))[1]["calls"] == 0


def test_the_figures_take_the_same_queries_for_more_calls(year_of_calls):
    index, call = year_of_calls
    with CaptureQueriesContext(connection) as one:
        year_statistics(index.calls().filter(year=call.year))
    make_call(index, "Drugi konkurs", slug="drugi-konkurs")
    with CaptureQueriesContext(connection) as two:
        year_statistics(index.calls().filter(year=call.year))
    assert len(two) == len(one)


def test_the_archive_year_shows_the_figures_and_the_csv(client, year_of_calls):
    index, call = year_of_calls
    page = BeautifulSoup(client.get(f"{index.url}?rok={call.year}").content.decode(), "html.parser")
    section = page.select_one(".call-statistics")
    assert "złożone oferty: 3 (organizacje: 2)" in section.select_one("p").get_text()
    assert len(section.select(".statistics-table tbody tr")) == 2
    assert "call-statistics" not in client.get(index.url).content.decode()  # the current calls: no figures

    response = client.get(f"/konkursy-statystyki/{index.pk}/{call.year}.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(row["zadanie publiczne"], row["oferty"], row["przyznano (zł)"]) for row in rows] == [
        ("Zadanie 1: wsparcie seniorów", "2", "5000.00"),
        ("Zadanie 2: dożywianie", "1", "0.00"),
    ]
    assert client.get(f"/konkursy-statystyki/{index.pk}/1999.csv").status_code == 404
    assert client.get(f"/konkursy-statystyki/{10**20}/{call.year}.csv").status_code == 404
