"""Small forms of the public site survive hostile input too (see tests/security/hostile.py):
one field or none, where a refusal is easiest to lose — applying, withdrawing, taking back
hours, the account's buttons — and the listings' filters.

A refusal of the service (the task closed while the form was open, no profile yet) must come
back in the form: the message in the error summary and the typed message still there.
"""

import datetime
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client

from core.models import Centre
from tests.factories import make_news, make_news_index
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Application, ApplicationStatus, District, HoursEntry, HoursStatus, TaskPage
from volunteers.models.tasks import TaskStatus

MESSAGE = "Chętnie pomogę w sobotę."


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zakupy dla seniorów", places=3)


@pytest.fixture
def volunteer(jaslo, client):
    profile = make_volunteer(make_resident("wolontariusz@example.org"))
    client.force_login(profile.user)
    return profile


def test_applying_to_a_task_that_closed_meanwhile_shows_the_refusal_in_the_form_with_the_message_kept(
    task, volunteer, client
):
    assert 'name="message"' in client.get(task.url + "zglos/").content.decode()
    TaskPage.objects.filter(pk=task.pk).update(status=TaskStatus.CLOSED)

    response = client.post(task.url + "zglos/", {"message": MESSAGE})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in page
    assert MESSAGE in page and 'name="message"' in page
    assert not Application.objects.exists()


def test_apply_form_of_a_task_that_closed_meanwhile_survives_hostile_input(task, volunteer, client):
    TaskPage.objects.filter(pk=task.pk).update(status=TaskStatus.CLOSED)

    report = assert_form_survives_hostile_input(
        client, task.url + "zglos/", fields={"message": MESSAGE}, check_form_page=False, max_examples=15
    )

    assert report["refused"] == report.total()
    assert not Application.objects.exists()


def test_apply_form_of_a_person_without_a_profile_survives_hostile_input(task, jaslo, client):
    client.force_login(make_resident("bez.profilu@example.org"))

    report = assert_form_survives_hostile_input(
        client, task.url + "zglos/", fields={"message": MESSAGE}, check_form_page=False, max_examples=15
    )

    assert report["refused"] == report.total()
    assert not Application.objects.exists()


def test_withdrawing_survives_hostile_input(task, volunteer, client):
    application = Application.objects.create(task=task, volunteer=volunteer, centre=task.centre)

    def applied_again():
        Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.SUBMITTED)

    report = assert_form_survives_hostile_input(
        client, task.url + "wycofaj/", fields={}, check_form_page=False, prepare=applied_again, max_examples=15
    )

    assert report["redirected"] == report.total()
    assert Application.objects.get().volunteer == volunteer


def test_taking_back_hours_survives_hostile_input(jaslo, volunteer, client):
    task = make_task(make_task_index(jaslo), "Zbiórka darów", start_date=days_from_today(-3))
    Application.objects.create(task=task, volunteer=volunteer, centre=task.centre, status=ApplicationStatus.ACCEPTED)
    entry = HoursEntry(
        volunteer=volunteer, task=task, task_title=task.title, centre=task.centre, date=task.start_date, hours=2
    )

    def logged_again():
        # Taking back deletes the entry: each request gets it again, under the same id.
        if not HoursEntry.objects.filter(pk=entry.pk).exists():
            entry.save(force_insert=True)

    entry.save()
    report = assert_form_survives_hostile_input(
        client,
        f"/wolontariat/moje/godziny/{entry.pk}/usun/",
        fields={},
        check_form_page=False,
        prepare=logged_again,
        max_examples=15,
    )

    assert report["redirected"] == report.total()
    assert all(e.volunteer == volunteer and e.hours == Decimal("2") for e in HoursEntry.objects.all())
    assert not HoursEntry.objects.exclude(status=HoursStatus.SUBMITTED).exists()


def test_task_filters_survive_hostile_input(jaslo, task, client):
    district = District.objects.create(centre=Centre.for_site(jaslo), name="Śródmieście")
    today = datetime.date.today()

    report = assert_form_survives_hostile_input(
        client,
        task.get_parent().url,
        method="get",
        fields={
            "category": "seniors",
            "district": str(district.pk),
            "kind": "one_off",
            "from": today.isoformat(),
            "to": (today + datetime.timedelta(days=30)).isoformat(),
            "minors": "1",
            "past": "1",
        },
        max_examples=20,
    )

    assert report["accepted"] == report.total()


def test_news_filters_survive_hostile_input(jaslo, client):
    index = make_news_index(jaslo)
    make_news(index, "Dzień otwarty", date=datetime.date(2026, 3, 1))

    report = assert_form_survives_hostile_input(
        client, index.url, method="get", fields={"category": "", "year": "2026"}, max_examples=20
    )

    assert report["accepted"] == report.total()


# --- The account's buttons and one-field forms (allauth under /konto/) ----------------------


@pytest.fixture
def resident_client(jaslo):
    from tests.security.test_hostile_input import make_resident as make_account_holder
    from tests.security.test_hostile_input import sign_in

    resident = make_account_holder()
    signed_in = Client()
    sign_in(signed_in, resident)
    signed_in.user = resident
    return signed_in


@pytest.fixture
def with_totp(resident_client):
    """An authenticator app switched on after signing in, so the session counts as recent."""
    TOTP.activate(resident_client.user, generate_totp_secret())
    return resident_client


def test_ending_other_sessions_survives_hostile_input(resident_client):
    report = assert_form_survives_hostile_input(
        resident_client, "/konto/sessions/", fields={}, check_form_page=False, max_examples=10
    )

    assert report.total() > 0
    assert "_auth_user_id" in resident_client.session


def test_signing_out_survives_hostile_input(resident_client):
    user = resident_client.user

    report = assert_form_survives_hostile_input(
        resident_client,
        "/konto/logout/",
        fields={},
        check_form_page=False,
        prepare=lambda: resident_client.force_login(user),
        max_examples=10,
    )

    assert report["redirected"] == report.total()


def test_sending_the_change_link_again_survives_hostile_input(resident_client):
    resident_client.post("/konto/email/", {"action_add": "", "email": "nowy.adres@example.com"})

    report = assert_form_survives_hostile_input(
        resident_client,
        "/konto/email/",
        fields={"email": "nowy.adres@example.com"},
        fixed_data={"action_send": ""},
        max_examples=10,
    )

    assert report.total() > 0
    assert EmailAddress.objects.filter(user=resident_client.user, primary=True, verified=True).count() == 1


def test_switching_off_the_authenticator_app_survives_hostile_input(with_totp):
    user = with_totp.user

    def switched_on_again():
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())

    report = assert_form_survives_hostile_input(
        with_totp, "/konto/2fa/totp/deactivate/", fields={}, check_form_page=False, prepare=switched_on_again
    )

    assert report["redirected"] > 0


def test_generating_recovery_codes_survives_hostile_input(with_totp):
    report = assert_form_survives_hostile_input(
        with_totp, "/konto/2fa/recovery-codes/generate/", fields={}, check_form_page=False, max_examples=10
    )

    assert report["redirected"] > 0


def test_confirming_with_the_authenticator_code_survives_hostile_input(with_totp):
    report = assert_form_survives_hostile_input(
        with_totp, "/konto/2fa/reauthenticate/", fields={"code": "123456"}, max_examples=15
    )

    assert report["refused"] == report.total()
