"""Where volunteers got stuck: applying to a task with children before the checks are made,
withdrawing only after saying "yes" and applying again afterwards."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, ApplicationStatus, ClearanceKind, ClearanceResult

pytestmark = pytest.mark.django_db

ACCEPT = "/admin/zgloszenia/przyjmij/"
AWAITING = "czeka na weryfikację"


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


@pytest.fixture
def children_task(index):
    return make_task(index, "Świetlica dla dzieci", requires_clearance=True, places=2)


@pytest.fixture
def task(index):
    return make_task(index, "Zakupy dla seniorów", places=1)


@pytest.fixture
def volunteer(jaslo):
    user = make_resident("anna.kowalska@example.org")
    user.first_name, user.last_name = "Anna", "Kowalska"
    user.save()
    return make_volunteer(user)


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator.jaslo@example.org", jaslo, Role.COORDINATOR)


def record_all_checks(profile, centre, actor, result=ClearanceResult.CLEAR):
    for kind in ClearanceKind:
        services.clearances.record_clearance(profile, centre, actor, kind, days_from_today(-1), result)


def text_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


# --- A task with children: apply first, the checks follow ---------------------------------------


def test_volunteer_without_checks_can_apply_to_a_task_with_children(children_task, volunteer):
    application = services.applications.apply(volunteer, children_task)

    assert application.status == ApplicationStatus.SUBMITTED
    assert application.awaiting_verification
    assert str(application.status_label) == AWAITING


def test_apply_form_says_checks_come_after_applying_and_offers_the_form(client, children_task, volunteer):
    client.force_login(volunteer.user)

    response = client.get(children_task.url + "zglos/")

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("form.apply-form") is not None
    assert "Możesz zgłosić się już teraz" in text_of(response)


def test_volunteer_sees_awaiting_verification_on_the_task_page_and_the_dashboard(client, children_task, volunteer):
    client.force_login(volunteer.user)
    client.post(children_task.url + "zglos/", {"message": ""})

    assert f"Twoje zgłoszenie: {AWAITING}." in text_of(client.get(children_task.url))
    assert AWAITING in text_of(client.get("/wolontariat/moje/"))


def test_coordinator_sees_awaiting_verification_in_the_listing_and_the_detail(
    client, children_task, volunteer, coordinator
):
    application = services.applications.apply(volunteer, children_task)
    client.force_login(coordinator)

    listing = text_of(client.get("/admin/zgloszenia/"))
    detail = client.get(f"/admin/zgloszenia/{application.pk}/")

    assert AWAITING in listing
    assert AWAITING in text_of(detail)
    assert BeautifulSoup(detail.content.decode(), "html.parser").find("button", string="Przyjmij") is None


def test_accept_is_refused_until_every_check_is_valid_then_works(children_task, volunteer, coordinator, jaslo):
    application = services.applications.apply(volunteer, children_task)
    centre = Centre.for_site(jaslo)
    with pytest.raises(services.applications.ApplicationRefused, match="weryfikacj|sprawdze"):
        services.applications.accept(application, coordinator)

    record_all_checks(volunteer, centre, coordinator, ClearanceResult.ENTRY_FOUND)
    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.accept(application, coordinator)

    record_all_checks(volunteer, centre, coordinator)
    application = Application.objects.get(pk=application.pk)
    assert not application.awaiting_verification
    services.applications.accept(application, coordinator)
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.ACCEPTED


def test_bulk_accept_refuses_the_unverified_with_a_clear_message_and_accepts_the_rest(
    client, children_task, volunteer, coordinator, jaslo
):
    unverified = services.applications.apply(volunteer, children_task)
    other = make_volunteer(make_resident("jan.nowak@example.org"))
    verified = services.applications.apply(other, children_task)
    record_all_checks(other, Centre.for_site(jaslo), coordinator)
    client.force_login(coordinator)

    response = client.post(ACCEPT, {"application": [unverified.pk, verified.pk]}, follow=True)

    reported = [str(message) for message in response.context["messages"]]
    assert any("Anna Kowalska" in message and "sprawdzenia" in message for message in reported), reported
    assert Application.objects.get(pk=unverified.pk).status == ApplicationStatus.SUBMITTED
    assert Application.objects.get(pk=verified.pk).status == ApplicationStatus.ACCEPTED


def test_listing_reads_verification_for_the_whole_page_at_once(client, index, coordinator):
    tasks = [make_task(index, f"Zajęcia {n}", slug=f"zajecia-{n}", requires_clearance=True, places=40) for n in "ab"]
    for number in range(3):
        services.applications.apply(make_volunteer(make_resident(f"osoba{number}@example.org")), tasks[number % 2])
    client.force_login(coordinator)
    client.get("/admin/zgloszenia/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/zgloszenia/")
    for number in range(3, 20):
        services.applications.apply(make_volunteer(make_resident(f"osoba{number}@example.org")), tasks[number % 2])
    with CaptureQueriesContext(connection) as many:
        response = client.get("/admin/zgloszenia/")

    assert text_of(response).count(AWAITING) == 20
    assert len(many) == len(few)


# --- Withdrawing with a confirmation, applying again ----------------------------------------------


def test_withdraw_link_leads_to_a_confirmation_that_changes_nothing(client, task, volunteer):
    application = services.applications.apply(volunteer, task)
    client.force_login(volunteer.user)

    page = BeautifulSoup(client.get(task.url).content.decode(), "html.parser")
    link = page.find("a", string="Wycofaj moje zgłoszenie")
    confirmation = client.get(link["href"])

    assert confirmation.status_code == 200
    assert "Czy na pewno" in text_of(confirmation)
    form = BeautifulSoup(confirmation.content.decode(), "html.parser").select_one("form.withdraw-form")
    assert form["method"] == "post" and form["action"].endswith("wycofaj/")
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.SUBMITTED


def test_withdrawn_volunteer_can_apply_again_and_joins_the_back_of_the_waiting_list(
    client, task, volunteer, coordinator
):
    first = services.applications.apply(volunteer, task)
    services.applications.accept(first, coordinator)
    client.force_login(volunteer.user)
    client.post(task.url + "wycofaj/")
    other = services.applications.apply(make_volunteer(make_resident("druga@example.org")), task)
    services.applications.accept(other, coordinator)

    page = BeautifulSoup(client.get(task.url).content.decode(), "html.parser")
    assert page.find("a", string="Zgłoś się ponownie") is not None
    mail.outbox.clear()
    response = client.post(task.url + "zglos/", {"message": "Jednak mogę."}, follow=True)

    assert "Dziękujemy" in text_of(response)
    application = Application.objects.get(task=task, volunteer=volunteer)
    assert (application.status, application.message) == (ApplicationStatus.WAITING, "Jednak mogę.")
    assert application.decided_by is None and application.created_at > other.created_at
    assert any(message.to == ["koordynator@example.org"] for message in mail.outbox)


def test_applying_again_after_withdrawing_from_a_task_with_a_free_place_submits(task, volunteer):
    application = services.applications.apply(volunteer, task)
    services.applications.withdraw(application, volunteer)

    again = services.applications.apply(volunteer, task)

    assert again.pk == application.pk and again.status == ApplicationStatus.SUBMITTED
    assert Application.objects.filter(task=task, volunteer=volunteer).count() == 1


def test_a_declined_volunteer_cannot_apply_again(task, volunteer, coordinator):
    services.applications.decline(services.applications.apply(volunteer, task), coordinator, "Brak doświadczenia.")

    with pytest.raises(services.applications.ApplicationRefused):
        services.applications.apply(volunteer, task)


def test_withdraw_confirmation_of_a_closed_application_goes_back_to_the_task(client, task, volunteer):
    services.applications.withdraw(services.applications.apply(volunteer, task), volunteer)
    client.force_login(volunteer.user)

    response = client.get(task.url + "wycofaj/")

    assert response.status_code == 302
    assert response["Location"] == task.get_url()


# --- The coordinator's e-mail -------------------------------------------------------------------


def test_coordinators_email_names_the_volunteer_and_links_to_the_application_in_the_admin(children_task, volunteer):
    application = services.applications.apply(volunteer, children_task)

    [to_coordinator] = [message for message in mail.outbox if message.to == ["koordynator@example.org"]]
    link = f"http://localhost/admin/zgloszenia/{application.pk}/"
    assert "Anna Kowalska (anna.kowalska@example.org)" in to_coordinator.body
    assert link in to_coordinator.body
    assert f'href="{link}"' in to_coordinator.alternatives[0][0]
    assert "odnotuj sprawdzenia" in to_coordinator.body
