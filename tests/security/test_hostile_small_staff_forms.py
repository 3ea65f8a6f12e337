"""The staff's small forms survive hostile input (see tests/security/hostile.py): the bulk
decisions on applications and hours (ids typed into the request), the hours totals' period,
granting and removing a role in the centre's team.

Staff sign in with an authenticator app (make_staff), as the admin demands."""

import datetime
from decimal import Decimal

import pytest

from accounts.models import Role
from accounts.roles import grant_role, revoke_role
from core.models import Centre
from tests.accounts.helpers import make_person, make_staff
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_admin_applications import applicant
from volunteers.models import Application, ApplicationStatus, HoursEntry, HoursStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zbiórka darów", start_date=days_from_today(-3), places=5)


@pytest.fixture
def coordinator_client(jaslo, client):
    client.force_login(make_staff("koordynator@example.org", jaslo, Role.COORDINATOR))
    return client


def test_accepting_with_hostile_application_ids_survives_and_accepts_only_the_real_one(coordinator_client, task):
    application = applicant(task, "Jan", "Nowak")

    def reopen():
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED)

    report = assert_form_survives_hostile_input(
        coordinator_client,
        "/admin/zgloszenia/przyjmij/",
        fields={"application": str(application.pk), "next": "/admin/zgloszenia/"},
        check_form_page=False,
        allowed_statuses={404},
        prepare=reopen,
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["status 404"] > 0
    assert Application.objects.get().pk == application.pk


def test_approving_hours_in_bulk_survives_hostile_input(coordinator_client, task):
    profile = applicant(task, "Anna", "Kowalska", status=ApplicationStatus.ACCEPTED).volunteer
    entry = HoursEntry.objects.create(
        volunteer=profile, task=task, task_title=task.title, centre=task.centre, date=task.start_date, hours=2
    )

    def waiting_again():
        HoursEntry.objects.filter(pk=entry.pk).update(status=HoursStatus.SUBMITTED)

    report = assert_form_survives_hostile_input(
        coordinator_client,
        f"/admin/bulk/volunteers/hoursentry/approve/?id={entry.pk}&next=/admin/godziny/",
        fields={},
        check_form_page=False,
        prepare=waiting_again,
        max_examples=15,
    )

    assert report["redirected"] > 0
    entry.refresh_from_db()
    assert entry.hours == Decimal("2") and entry.status in (HoursStatus.SUBMITTED, HoursStatus.APPROVED)


def test_hours_totals_period_survives_hostile_input(coordinator_client):
    today = datetime.date.today()

    report = assert_form_survives_hostile_input(
        coordinator_client,
        "/admin/godziny/podsumowanie/",
        method="get",
        fields={"date_from": (today - datetime.timedelta(days=30)).isoformat(), "date_to": today.isoformat()},
        max_examples=20,
    )

    assert report["accepted"] > 0
    assert report["refused"] > 0


@pytest.fixture
def supervisor_client(jaslo, client):
    client.force_login(make_staff("kierowniczka@example.org", jaslo, Role.SUPERVISOR))
    return client


def test_granting_a_role_survives_hostile_input(jaslo, supervisor_client):
    person = make_person("nowa.osoba@example.org")
    centre = Centre.for_site(jaslo)

    report = assert_form_survives_hostile_input(
        supervisor_client,
        "/admin/team/",
        fields={"email": person.email, "centre": str(centre.pk), "role": Role.EDITOR.value},
        prepare=lambda: revoke_role(person, centre, Role.EDITOR),
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    assert {group.centre_role.role for group in person.groups.all()} <= {Role.EDITOR}


def test_removing_a_role_survives_hostile_input(jaslo, supervisor_client):
    person = make_staff("redaktorka@example.org", jaslo, Role.EDITOR)
    centre = Centre.for_site(jaslo)
    centre_role = person.groups.get().centre_role

    report = assert_form_survives_hostile_input(
        supervisor_client,
        f"/admin/team/{centre_role.pk}/remove/{person.pk}/",
        fields={},
        prepare=lambda: grant_role(person, centre, Role.EDITOR),
        max_examples=15,
    )

    assert report["redirected"] > 0


def test_approving_hours_with_a_next_that_is_not_an_admin_path_goes_back_to_the_listing(coordinator_client, task):
    profile = applicant(task, "Anna", "Kowalska", status=ApplicationStatus.ACCEPTED).volunteer
    entry = HoursEntry.objects.create(
        volunteer=profile, task=task, task_title=task.title, centre=task.centre, date=task.start_date, hours=2
    )

    response = coordinator_client.post(f"/admin/bulk/volunteers/hoursentry/approve/?id={entry.pk}", {"next": "foo"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/godziny/"
    entry.refresh_from_db()
    assert entry.status == HoursStatus.APPROVED
