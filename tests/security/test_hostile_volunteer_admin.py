"""The coordinators' forms in the admin survive hostile input (see tests/security/hostile.py):
the child-protection check, the agreement's terms, its signing and declining with a reason.

The coordinator signs in with an authenticator app (make_staff), as the admin demands."""

import pytest

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_admin_applications import applicant
from volunteers import services
from volunteers.models import Agreement, Application, ApplicationStatus, Clearance, ClearanceKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(jaslo):
    return make_task(
        make_task_index(jaslo),
        "Świetlica środowiskowa",
        kind="recurring",
        start_date=days_from_today(-10),
        end_date=days_from_today(60),
        weekdays=[1, 3],
        places=5,
    )


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def profile(task):
    return applicant(task, "Anna", "Kowalska", status=ApplicationStatus.ACCEPTED).volunteer


def test_clearance_form_survives_hostile_input(admin, jaslo, profile, coordinator):
    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/wolontariusze/{profile.pk}/weryfikacja/",
        fields={
            "kind": ClearanceKind.CRIMINAL_RECORD,
            "checked_on": days_from_today(-3).isoformat(),
            "result": "clear",
        },
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    months = Centre.for_site(jaslo).clearance_valid_months
    for clearance in Clearance.objects.all():
        assert clearance.checked_by == coordinator
        assert clearance.checked_on <= days_from_today(0)
        assert clearance.expires_on == services.clearances.add_months(clearance.checked_on, months)


def test_agreement_form_survives_hostile_input(admin, profile, task):
    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/wolontariusze/{profile.pk}/porozumienie/{task.pk}/",
        fields={"scope": "Pomoc w odrabianiu lekcji.", "manner": "W świetlicy, z wychowawcą.", "costs_waived": "on"},
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    agreement = Agreement.objects.get()
    assert not agreement.is_signed
    assert len(agreement.scope) <= 2000 and "\x00" not in agreement.scope


def test_sign_form_survives_hostile_input(admin, profile, task, coordinator):
    agreement = services.documents.prepare_agreement(profile, task, coordinator)

    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/wolontariusze/{profile.pk}/porozumienie/{task.pk}/podpisane/",
        fields={"signed_on": days_from_today(-1).isoformat()},
        # Each attempt starts from an unsigned agreement, so a sane date can succeed every time.
        prepare=lambda: Agreement.objects.filter(pk=agreement.pk).update(signed_on=None, recorded_by=None),
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    agreement.refresh_from_db()
    assert agreement.signed_on is None or agreement.signed_on <= days_from_today(0)


def test_decline_with_reason_survives_hostile_input(admin, task):
    application = applicant(task, "Jan", "Nowak")

    def reopen():
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED, decline_reason="")

    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/zgloszenia/odrzuc/?application={application.pk}",
        fields={"reason": "Szukamy osób z prawem jazdy.", "next": "/admin/zgloszenia/"},
        fixed_data={"application": str(application.pk), "step": "confirm"},
        prepare=reopen,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    application.refresh_from_db()
    assert len(application.decline_reason) <= 2000 and "\x00" not in application.decline_reason


def test_accepting_never_redirects_off_the_admin(admin, task):
    application = applicant(task, "Jan", "Nowak")

    report = assert_form_survives_hostile_input(
        admin,
        "/admin/zgloszenia/przyjmij/",
        fields={"next": "/admin/zgloszenia/"},
        fixed_data={"application": str(application.pk)},
        check_form_page=False,
        max_examples=15,
    )

    assert report["redirected"] == report.total()
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.ACCEPTED
