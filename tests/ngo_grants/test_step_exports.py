"""The spreadsheets of the steps after the deadline: the formal review, the scores per member
and criterion (a conflicted member's marked as not counted), the results and the agreements,
as XLSX and CSV, for the call's centre only, in a number of queries that does not grow with the
offers."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from ngo_grants.models import ConflictGround, Offer, ReportKind
from ngo_grants.resources import ReportResource, ScoreResource, spreadsheet
from ngo_grants.services import agreements, results, scoring
from ngo_grants.services import committee as committee_service
from ngo_grants.services import reports as report_service
from tests.accounts.helpers import make_staff
from tests.ngo_grants import in_days
from tests.ngo_grants.agreement_helpers import ended, writer
from tests.ngo_grants.scoring_helpers import panel, score
from tests.ngo_grants.test_offer_exports import as_dicts, csv_rows, export_url, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(call, officer, centre, jaslo):
    """Two offers through the committee (one member later declares a conflict on the first),
    the first granted in full with its agreement, the second not granted."""
    board = panel(call, officer, centre)
    first, second = board.offers
    late = board.members[1]
    score(late, first, points=(1, 1), justification="Słabo.")
    committee_service.declare(late, first, conflict=True, ground=ConflictGround.FAMILY, reason="Szwagier.")
    for member in [board.chair, board.members[0]]:
        score(member, first, points=(9, 8))
    for member in [board.chair, *board.members]:
        score(member, second, points=(5, 5))
    amounts = {first: (Decimal("9000"), ""), second: (Decimal("0"), "")}
    scoring.record_recommendations(board.committee, user=officer, amounts=amounts)
    scoring.adopt_opinion(board.committee, user=officer, present=[board.chair], meeting_on=in_days(-1).date())
    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    results.decide(call, user=head, reference="Zarządzenie nr 1/2027", decided_on=in_days(0).date(),
                   amounts={first.pk: (Decimal("9000"), ""), second.pk: (Decimal("0"), "Mniej punktów.")})  # fmt: skip
    start, _end = agreements.period_of(first)
    agreements.prepare_agreement(first, user=officer, number="ZSS.1.2027", overrun_percent=Decimal("10"),
                                 instalments=[(start + datetime.timedelta(days=2), Decimal("9000"))])  # fmt: skip
    return board


@pytest.fixture
def staff_client(client, officer):
    client.force_login(officer)
    return client


def test_scores_per_member_and_criterion_mark_the_conflicted_member(staff_client, call, journey):
    rows = as_dicts(csv_rows(staff_client.get(export_url(call, "oceny", "csv"))))

    first = journey.offers[0]
    of_first = [row for row in rows if row["numer oferty"] == first.number]
    assert len(of_first) == 3 * 2 and len(rows) == 3 * 2 * 2
    late = str(journey.members[1])
    assert {row["liczona"] for row in of_first if row["członek komisji"] == late} == {"nie"}
    assert {row["liczona"] for row in rows if row["członek komisji"] != late} == {"tak"}
    assert {row["kryterium"] for row in rows} == {"Możliwość realizacji zadania", "Kalkulacja kosztów"}


def test_formal_results_and_agreements_as_xlsx(staff_client, call, journey):
    first, second = journey.offers
    _sheet, formal = xlsx_rows(staff_client.get(export_url(call, "ocena-formalna", "xlsx")))
    assert [row["ocena formalna"] for row in as_dicts(formal)] == ["przyjęta formalnie", "przyjęta formalnie"]

    _sheet, result_rows = xlsx_rows(staff_client.get(export_url(call, "wyniki", "xlsx")))
    by_number = {row["numer oferty"]: row for row in as_dicts(result_rows)}
    assert by_number[first.number]["przyznana dotacja (zł)"] == 9000
    assert by_number[second.number]["uzasadnienie"] == "Mniej punktów."

    _sheet, agreement_rows = xlsx_rows(staff_client.get(export_url(call, "umowy", "xlsx")))
    [agreement] = as_dicts(agreement_rows)
    assert agreement["numer umowy"] == "ZSS.1.2027" and agreement["zaktualizowany budżet"] == "nie"


def test_another_centres_staff_get_nothing(client, call, journey, pulawy):
    client.force_login(make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER))
    assert client.get(export_url(call, "oceny", "csv")).status_code == 404


def test_the_score_export_takes_the_same_queries_for_more_offers(call, journey):
    first = journey.offers[0]
    with CaptureQueriesContext(connection) as one:
        spreadsheet(ScoreResource, Offer.objects.filter(pk=first.pk), "csv", "oceny")
    with CaptureQueriesContext(connection) as both:
        spreadsheet(ScoreResource, Offer.objects.filter(call=call), "csv", "oceny")
    assert len(both) == len(one)


def test_reports_as_csv_with_the_grant_to_return_and_the_lines_over_the_limit(staff_client, call, journey, officer):
    first = journey.offers[0]
    agreement = ended(first.agreement, days_ago=40)  # the final report comes 10 days late
    actual = [(Decimal("9990"), Decimal("8000"), Decimal("1990")), (Decimal("1000"), Decimal("0"), Decimal("1000"))]
    report = report_service.submit_report(
        agreement,
        user=writer(first),
        kind=ReportKind.FINAL,
        actions="A.",
        results="R.",
        actual=actual,
        explanations=["Droższe bilety.", ""],
    )
    report_service.decide_report(report, user=officer, accepted=False, remarks="Brak listy obecności.")

    [row] = as_dicts(csv_rows(staff_client.get(export_url(call, "sprawozdania", "csv"))))

    assert row["numer umowy"] == "ZSS.1.2027" and row["rodzaj sprawozdania"] == "sprawozdanie końcowe"
    assert row["po terminie"] == "tak" and row["decyzja ośrodka"] == "zwrócone"
    assert row["do zwrotu (zł)"] == "1000,00"
    assert row["pozycje ponad limit"] == report_service.agreed_lines(agreement)[0]["name"]
    with CaptureQueriesContext(connection) as queries:
        spreadsheet(ReportResource, Offer.objects.filter(call=call), "csv", "sprawozdania")
    assert len(queries) <= 2
