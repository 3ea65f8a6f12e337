"""The coordinator's workplace on the admin's home page: what waits for them in their own
centre, each count a link to the listing of the same rows."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_admin_applications import applicant
from volunteers.models import (
    Agreement,
    ApplicationStatus,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    HoursEntry,
    HoursStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zakupy dla seniorów", places=10)


@pytest.fixture
def foreign_task(pulawy):
    return make_task(make_task_index(pulawy), "Zakupy w Puławach", places=10)


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)


def check(application, kind, expires_in, checked_days_ago=100, result=ClearanceResult.CLEAR):
    return Clearance.objects.create(
        profile=application.volunteer, centre=application.centre, kind=kind, result=result,
        checked_on=days_from_today(-checked_days_ago), expires_on=days_from_today(expires_in),
    )  # fmt: skip


def hours(application, status=HoursStatus.SUBMITTED):
    return HoursEntry.objects.create(
        volunteer=application.volunteer, task=application.task, task_title=application.task.title,
        centre=application.centre, date=days_from_today(-1), hours=Decimal("2"), status=status,
    )  # fmt: skip


def agreement(application, signed=False):
    return Agreement.objects.create(
        volunteer=application.volunteer, task=application.task, centre=application.centre, scope="Zakupy",
        starts_on=application.task.start_date, ends_on=application.task.start_date,
        signed_on=days_from_today(-1) if signed else None,
    )  # fmt: skip


def world(task, foreign_task, number=""):
    """One of everything that waits for Jasło's coordinator, and of what does not."""
    waiting = applicant(task, "Anna", f"Kowalska{number}")
    accepted = applicant(task, "Jan", f"Nowak{number}", status=ApplicationStatus.ACCEPTED)
    applicant(task, "Ewa", f"Lis{number}", status=ApplicationStatus.WAITING)
    foreign = applicant(foreign_task, "Piotr", f"Wiśniewski{number}")
    check(accepted, ClearanceKind.CRIMINAL_RECORD, expires_in=20)
    check(accepted, ClearanceKind.SEX_OFFENDERS_REGISTER, expires_in=20)
    check(accepted, ClearanceKind.SEX_OFFENDERS_REGISTER, expires_in=300, checked_days_ago=5)  # renewed
    check(accepted, ClearanceKind.STATE_COMMISSION_REGISTER, expires_in=60)
    check(accepted, ClearanceKind.RESIDENCE_STATEMENT, expires_in=10, result=ClearanceResult.ENTRY_FOUND)
    check(foreign, ClearanceKind.CRIMINAL_RECORD, expires_in=20)
    hours(accepted)
    hours(accepted, HoursStatus.APPROVED)
    hours(foreign)
    agreement(accepted)
    agreement(foreign)
    return waiting, accepted


def counts(response):
    panel = BeautifulSoup(response.content.decode(), "html.parser").select_one(
        "#coordinator-work-content, .coordinator-work"
    )
    assert panel is not None, "the coordinator's panel is on the home page"
    return {
        link.get_text(" ", strip=True).rsplit(":", 1)[0]: (link.strong.get_text(), link["href"]) for link in panel("a")
    }


def test_coordinator_sees_what_waits_in_their_own_centre_with_links(client, coordinator, task, foreign_task):
    world(task, foreign_task)
    client.force_login(coordinator)

    shown = counts(client.get("/admin/"))

    assert shown == {
        "Zgłoszenia czekające na decyzję": ("1", "/admin/zgloszenia/?status=submitted"),
        "Godziny do zatwierdzenia": ("1", "/admin/godziny/?status=submitted"),
        "Sprawdzenia do pracy z dziećmi wygasające w ciągu 30 dni": (
            "1",
            "/admin/wolontariusze/?attention=checks_expiring",
        ),
        "Porozumienia do podpisania": ("1", "/admin/wolontariusze/?attention=agreement_unsigned"),
        "Propozycje czekające na odpowiedź wolontariusza": ("0", "/admin/dopasowania/?status=proposed"),
        "Potrzeby bez wolontariusza": ("0", "/admin/dopasowania/potrzeby/"),
    }


def test_the_links_lead_to_the_same_volunteers(client, coordinator, task, foreign_task):
    _waiting, accepted = world(task, foreign_task)
    client.force_login(coordinator)

    for reason in ("checks_expiring", "agreement_unsigned"):
        page = BeautifulSoup(client.get("/admin/wolontariusze/", {"attention": reason}).content.decode(), "html.parser")
        names = [row.select_one("td").get_text(" ", strip=True) for row in page.select("table.listing tbody tr")]
        assert names == [f"Jan {accepted.volunteer.user.last_name}"], reason


def test_editors_get_no_coordinator_panel(client, jaslo):
    client.force_login(make_staff("redaktor@example.org", jaslo, Role.EDITOR))

    html = client.get("/admin/").content.decode()

    assert "coordinator-work" not in html


def test_the_dashboard_costs_the_same_queries_for_more_rows(client, coordinator, task, foreign_task):
    world(task, foreign_task)
    client.force_login(coordinator)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    for number in range(1, 6):
        world(task, foreign_task, number)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/admin/")

    assert counts(response)["Zgłoszenia czekające na decyzję"][0] == "6"
    assert len(many) == len(few)


@pytest.mark.parametrize("value", ["", "nonsense", "checks_expiring\x00", "9" * 40, "<script>"])
def test_a_made_up_attention_filter_is_answered_without_an_error(client, coordinator, task, foreign_task, value):
    world(task, foreign_task)
    client.force_login(coordinator)

    response = client.get("/admin/wolontariusze/", {"attention": value})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1]
