"""Applying to tasks: every transition, every refusal, the waiting list and the e-mails."""

import datetime

import pytest
from django.core import mail

from accounts.models import Role
from accounts.roles import grant_role
from core.models import Centre, MailStatus, OutgoingMail
from tests.volunteers import accept_volunteers, days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer, years_ago
from volunteers import services
from volunteers.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zakupy dla seniorów", places=1)


@pytest.fixture
def volunteer(jaslo):
    return make_volunteer(make_resident("wolontariusz@example.org"))


@pytest.fixture
def coordinator(jaslo):
    user = make_resident("koordynator.jaslo@example.org")
    grant_role(user, jaslo, Role.COORDINATOR)
    return user


def subjects():
    return [message.subject for message in mail.outbox]


def test_applying_submits_and_mails_the_volunteer_and_the_coordinator(task, volunteer):
    application = services.applications.apply(volunteer, task, "Mogę od poniedziałku.")

    assert application.status == ApplicationStatus.SUBMITTED
    assert application.centre == Centre.objects.get(site=task.get_site())
    assert "Zgłoszenie zostało wysłane: Zakupy dla seniorów" in subjects()
    to_coordinator = next(message for message in mail.outbox if message.to == ["koordynator@example.org"])
    assert "Mogę od poniedziałku." in to_coordinator.body
    assert to_coordinator.alternatives[0][1] == "text/html"


def test_coordinator_accepts_and_the_volunteer_is_told(task, volunteer, coordinator):
    application = services.applications.apply(volunteer, task)
    mail.outbox.clear()

    services.applications.accept(application, coordinator)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert application.decided_by == coordinator
    assert subjects() == ["Zgłoszenie zostało przyjęte: Zakupy dla seniorów"]
    assert mail.outbox[0].to == ["wolontariusz@example.org"]


def test_decline_needs_a_reason_which_the_volunteer_sees(task, volunteer, coordinator):
    application = services.applications.apply(volunteer, task)
    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.decline(application, coordinator, "  ")
    mail.outbox.clear()

    services.applications.decline(application, coordinator, "Zadanie wymaga prawa jazdy.")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert "Zadanie wymaga prawa jazdy." in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Zgłoszenie zostało odrzucone")


def test_volunteer_withdraws_only_their_own_application(task, volunteer):
    application = services.applications.apply(volunteer, task)
    other = make_volunteer(make_resident("inna@example.org"))
    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.withdraw(application, other)

    services.applications.withdraw(application, volunteer)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.withdraw(application, volunteer)


def test_coordinator_of_another_centre_cannot_decide(task, volunteer, pulawy):
    outsider = make_resident("koordynator.pulawy@example.org")
    grant_role(outsider, pulawy, Role.COORDINATOR)
    application = services.applications.apply(volunteer, task)

    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.accept(application, outsider)
    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.decline(application, outsider, "Nie.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_full_task_puts_the_next_volunteer_on_the_waiting_list_and_a_freed_place_goes_to_them(
    task, volunteer, coordinator
):
    first = services.applications.apply(volunteer, task)
    services.applications.accept(first, coordinator)
    second_volunteer = make_volunteer(make_resident("druga@example.org"))
    second = services.applications.apply(second_volunteer, task)
    assert second.status == ApplicationStatus.WAITING
    with pytest.raises(services.applications.ApplicationRefused, match="miejsca"):
        services.applications.accept(second, coordinator)
    mail.outbox.clear()

    services.applications.withdraw(first, volunteer)

    second.refresh_from_db()
    assert second.status == ApplicationStatus.SUBMITTED
    told = [message for message in mail.outbox if message.to == ["druga@example.org"]]
    assert told[0].subject == "Zwolniło się miejsce: Zakupy dla seniorów"


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("incomplete", "nie jest kompletny"),
        ("too_young", "co najmniej 16"),
        ("minor_without_consent", "opiekuna"),
        ("closed", "zamknięte"),
        ("past", "już się odbyło"),
        ("again", "już zgłosiłeś"),
    ],
)
def test_apply_refuses_with_a_reason(jaslo, setup, reason):
    index = make_task_index(jaslo)
    fields = {
        "too_young": {"min_age": 16},
        "clearance": {"requires_clearance": True},
        "closed": {"status": "closed"},
        "past": {"start_date": days_from_today(-3)},
    }.get(setup, {})
    task = make_task(index, "Zadanie", **fields)
    birth = years_ago(15) if setup in {"too_young", "minor_without_consent"} else datetime.date(1990, 5, 1)
    profile = make_volunteer(birth_date=birth, complete=setup != "incomplete")
    if setup == "too_young":
        profile.guardian_consent_at = profile.created_at
        profile.save()
    if setup == "again":
        services.applications.apply(profile, task)

    with pytest.raises(services.applications.ApplicationRefused) as refusal:
        services.applications.apply(profile, task)

    assert reason in str(refusal.value.message).lower()
    assert Application.objects.filter(task=task).count() == (1 if setup == "again" else 0)


def test_failing_mail_server_keeps_the_application_and_its_mail_follows(task, volunteer, smtp_down):
    application = services.applications.apply(volunteer, task)

    assert Application.objects.filter(pk=application.pk, status=ApplicationStatus.SUBMITTED).exists()
    assert mail.outbox == []
    assert OutgoingMail.objects.filter(status=MailStatus.PENDING).count() == 2

    smtp_down.restore()
    smtp_down.run_retries()

    assert sorted(message.to[0] for message in mail.outbox) == ["koordynator@example.org", "wolontariusz@example.org"]


def test_volunteering_mail_comes_from_the_centres_name(task, volunteer):
    services.applications.apply(volunteer, task)

    assert {message.from_email for message in mail.outbox} == {"MOPS Jasło <no-reply@localhost>"}


def test_visitor_is_asked_to_sign_in_before_applying(client, task):
    response = client.get(task.url + "zglos/")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_form_says_up_front_what_is_missing(client, jaslo):
    task = make_task(make_task_index(jaslo), "Praca z dziećmi", requires_clearance=True)
    profile = make_volunteer(complete=False)
    client.force_login(profile.user)

    html = client.get(task.url + "zglos/").content.decode()

    assert "nie jest kompletny" in html
    assert "dziećmi" in html
    assert 'href="/wolontariat/profil/"' in html


def test_volunteer_applies_on_the_task_page_then_withdraws(client, task, volunteer):
    client.force_login(volunteer.user)

    response = client.post(task.url + "zglos/", {"message": "Chętnie pomogę."}, follow=True)

    assert "Dziękujemy" in response.content.decode()
    assert "Twoje zgłoszenie: złożone." in response.content.decode()
    application = Application.objects.get(task=task, volunteer=volunteer)
    assert application.message == "Chętnie pomogę."

    response = client.post(task.url + "wycofaj/", follow=True)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert "wycofane" in response.content.decode()


def test_dashboard_lists_applications_reasons_and_upcoming_dates(client, jaslo, volunteer, coordinator):
    index = make_task_index(jaslo)
    accepted_task = make_task(index, "Festyn rodzinny")
    declined_task = make_task(index, "Korepetycje")
    services.applications.accept(services.applications.apply(volunteer, accepted_task), coordinator)
    services.applications.decline(
        services.applications.apply(volunteer, declined_task), coordinator, "Brak miejsc w grupie."
    )
    accept_volunteers(declined_task, 1)
    client.force_login(volunteer.user)

    html = client.get("/wolontariat/moje/").content.decode()

    assert "Festyn rodzinny" in html
    assert "Brak miejsc w grupie." in html
    assert html.index("Nadchodzące terminy") < html.index("Festyn rodzinny")


def test_after_applying_the_volunteer_stays_on_the_same_host_when_there_are_several_centres(
    client, task, volunteer, pulawy
):
    # With two sites a page's `url` is absolute (http://localhost/…, port 80); redirecting
    # there breaks the CSP form-action 'self' on any other port and sends people to another host.
    client.force_login(volunteer.user)

    applied = client.post(task.get_url() + "zglos/", {"message": ""})
    withdrawn = client.post(task.get_url() + "wycofaj/")

    assert applied.status_code == withdrawn.status_code == 302
    assert applied["Location"] == withdrawn["Location"] == task.get_url(None, current_site=task.get_site())
    assert not applied["Location"].startswith("http")
