"""The coordinators' applications screen in the Wagtail admin: listing, filters, search and
decisions on one or many applications, for their own centre only."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext as _

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db

INDEX = "/admin/zgloszenia/"
ACCEPT = "/admin/zgloszenia/przyjmij/"
DECLINE = "/admin/zgloszenia/odrzuc/"


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


@pytest.fixture
def task(index):
    return make_task(index, "Zakupy dla seniorów", places=1)


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


def applicant(task, first_name="Anna", last_name="Kowalska", message="", status=ApplicationStatus.SUBMITTED):
    user = make_resident(f"{first_name}.{last_name}@example.org".lower())
    user.first_name, user.last_name = first_name, last_name
    user.save()
    profile = make_volunteer(user)
    centre = Centre.for_site(task.get_site())
    return Application.objects.create(task=task, volunteer=profile, centre=centre, status=status, message=message)


def rows(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def statuses(*applications):
    return [Application.objects.get(pk=application.pk).status for application in applications]


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- Listing -------------------------------------------------------------------------------


def test_listing_shows_the_centres_applications_with_status_in_words(admin, task):
    applicant(task, message="Mogę w każdy wtorek po południu, mam samochód i prawo jazdy.")

    response = admin.get(INDEX)

    assert response.status_code == 200
    [row] = rows(response)
    assert "Anna Kowalska" in row
    assert "Zakupy dla seniorów" in row
    assert str(ApplicationStatus.SUBMITTED.label) in row  # the status in words, not a colour
    assert "Mogę w każdy wtorek" in row
    html = response.content.decode()
    application = Application.objects.get()
    assert f'href="/admin/wolontariusze/{application.volunteer_id}/"' in html
    assert f'href="/admin/zgloszenia/?task={task.pk}"' in html
    assert f'name="application" value="{application.pk}"' in html


def test_coordinator_of_another_centre_sees_none_of_them(client, task, pulawy):
    applicant(task)
    other = make_staff("koordynator.pulawy@example.org", pulawy, Role.COORDINATOR)
    client.force_login(other)

    response = client.get(INDEX)

    assert response.status_code == 200
    assert rows(response) == []
    assert "Zakupy dla seniorów" not in response.content.decode()
    application = Application.objects.get()
    assert client.get(f"/admin/zgloszenia/{application.pk}/").status_code == 404
    assert client.get(DECLINE, {"application": application.pk}).status_code == 404
    response = client.post(ACCEPT, {"application": application.pk})
    assert response.status_code == 404
    assert statuses(application) == [ApplicationStatus.SUBMITTED]


def test_editors_cannot_open_the_screen(client, jaslo, task):
    editor = make_staff("redaktor@example.org", jaslo, Role.EDITOR)
    client.force_login(editor)

    for url in (INDEX, f"/admin/zgloszenia/{applicant(task).pk}/", f"{DECLINE}?application=1"):
        response = client.get(url)
        # Wagtail answers a missing permission with a redirect to the dashboard.
        assert response.status_code == 302 and response["Location"] == "/admin/", url


def test_filters_by_task_status_and_date(admin, index, task):
    other_task = make_task(index, "Odrabianie lekcji", slug="lekcje")
    applicant(task, "Anna", "Kowalska")
    applicant(other_task, "Jan", "Nowak", status=ApplicationStatus.ACCEPTED)

    assert [r for r in rows(admin.get(INDEX, {"task": other_task.pk})) if "Jan Nowak" in r]
    assert len(rows(admin.get(INDEX, {"task": other_task.pk}))) == 1
    [row] = rows(admin.get(INDEX, {"status": "accepted"}))
    assert "Jan Nowak" in row
    today = days_from_today(0).isoformat()
    assert len(rows(admin.get(INDEX, {"created_at_from": today, "created_at_to": today}))) == 2
    tomorrow = days_from_today(1).isoformat()
    assert rows(admin.get(INDEX, {"created_at_from": tomorrow})) == []


def test_task_filter_offers_only_the_centres_tasks(admin, task, pulawy):
    applicant(task)
    foreign = make_task(make_task_index(pulawy), "Zadanie w Puławach")
    applicant(foreign, "Jan", "Nowak")

    soup = BeautifulSoup(admin.get(INDEX).content.decode(), "html.parser")

    options = [option.get_text(strip=True) for option in soup.select("select[name=task] option")]
    assert "Zakupy dla seniorów" in options
    assert "Zadanie w Puławach" not in options
    assert admin.get(INDEX, {"task": foreign.pk}).status_code == 200
    assert "Zadanie w Puławach" not in admin.get(INDEX, {"task": foreign.pk}).content.decode()


def test_search_matches_full_name_email_and_task_title(admin, index, task):
    applicant(task, "Anna", "Kowalska")
    applicant(make_task(index, "Odrabianie lekcji", slug="lekcje"), "Jan", "Nowak")

    assert len(rows(admin.get(INDEX, {"q": "Anna Kowalska"}))) == 1
    assert "Jan Nowak" in rows(admin.get(INDEX, {"q": "jan.nowak@"}))[0]
    assert "Anna Kowalska" in rows(admin.get(INDEX, {"q": "zakupy"}))[0]
    assert rows(admin.get(INDEX, {"q": "Anna Nowak"})) == []


def test_listing_query_count_does_not_grow_with_the_applications(admin, index):
    tasks = [make_task(index, f"Zadanie {number}", slug=f"zadanie-{number}", places=40) for number in range(3)]
    for number in range(5):
        applicant(tasks[number % 3], "Osoba", f"Numer{number}")
    admin.get(INDEX)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as few:
        assert len(rows(admin.get(INDEX))) == 5
    for number in range(5, 30):
        applicant(tasks[number % 3], "Osoba", f"Numer{number}")
    with CaptureQueriesContext(connection) as many:
        assert len(rows(admin.get(INDEX))) == 30

    assert len(many) == len(few)


# --- Decisions -------------------------------------------------------------------------------


def test_bulk_accept_fills_the_places_and_reports_the_rest(admin, task):
    first, second = applicant(task, "Anna", "Kowalska"), applicant(task, "Jan", "Nowak")
    mail.outbox.clear()

    response = admin.post(
        ACCEPT, {"application": [first.pk, second.pk], "next": f"{INDEX}?status=submitted"}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"{INDEX}?status=submitted"
    assert statuses(first, second) == [ApplicationStatus.ACCEPTED, ApplicationStatus.SUBMITTED]
    reported = messages_of(response)
    accepted = str(ApplicationStatus.ACCEPTED.label)
    assert any("Anna Kowalska" in message and accepted in message for message in reported)
    assert any("Jan Nowak" in message and _("All places are taken.") in message for message in reported)
    assert [message.to for message in mail.outbox] == [["anna.kowalska@example.org"]]


def test_accept_from_the_detail_page(admin, task):
    application = applicant(task, message="Chętnie pomogę.")
    detail = f"/admin/zgloszenia/{application.pk}/"

    page = admin.get(detail)
    assert page.status_code == 200
    assert "Chętnie pomogę." in page.content.decode()

    response = admin.post(ACCEPT, {"application": application.pk, "next": detail})

    assert response.status_code == 302 and response["Location"] == detail
    assert statuses(application) == [ApplicationStatus.ACCEPTED]


def test_get_never_changes_anything(admin, task):
    application = applicant(task)

    assert admin.get(ACCEPT, {"application": application.pk}).status_code == 405
    page = admin.get(DECLINE, {"application": application.pk, "reason": "Brak miejsc", "step": "confirm"})

    assert page.status_code == 200
    assert statuses(application) == [ApplicationStatus.SUBMITTED]
    assert not mail.outbox


def test_decline_asks_for_a_reason_on_a_confirmation_step(admin, task):
    first, second = applicant(task, "Anna", "Kowalska"), applicant(task, "Jan", "Nowak")

    # The listing's button posts the selection without a reason: only the confirmation comes back.
    confirmation = admin.post(DECLINE, {"application": [first.pk, second.pk]})
    assert confirmation.status_code == 200
    soup = BeautifulSoup(confirmation.content.decode(), "html.parser")
    assert soup.find("textarea", attrs={"name": "reason"}) is not None
    assert {i["value"] for i in soup.select("input[name=application]")} == {str(first.pk), str(second.pk)}
    assert statuses(first, second) == [ApplicationStatus.SUBMITTED] * 2

    refused = admin.post(DECLINE, {"application": [first.pk, second.pk], "step": "confirm", "reason": "  "})
    assert refused.status_code == 200
    assert refused.context["form"].errors
    assert statuses(first, second) == [ApplicationStatus.SUBMITTED] * 2

    mail.outbox.clear()
    done = admin.post(
        DECLINE, {"application": [first.pk, second.pk], "step": "confirm", "reason": "Szukamy osób z prawem jazdy."}
    )
    assert done.status_code == 302 and done["Location"] == INDEX
    assert statuses(first, second) == [ApplicationStatus.DECLINED] * 2
    assert Application.objects.get(pk=first.pk).decline_reason == "Szukamy osób z prawem jazdy."
    assert len(mail.outbox) == 2
    assert all("Szukamy osób z prawem jazdy." in message.body for message in mail.outbox)


def test_deciding_again_reports_why_it_cannot(admin, task):
    application = applicant(task, status=ApplicationStatus.DECLINED)

    response = admin.post(ACCEPT, {"application": application.pk}, follow=True)

    assert statuses(application) == [ApplicationStatus.DECLINED]
    refusal = _("Only a submitted or waiting application can be accepted.")
    assert any(refusal in message for message in messages_of(response))


def test_nothing_selected_is_explained(admin, task):
    response = admin.post(ACCEPT, {}, follow=True)

    assert response.redirect_chain[-1][0] == INDEX
    assert _("Select at least one application.") in messages_of(response)


def test_next_never_leads_off_the_admin(admin, task):
    application = applicant(task)

    response = admin.post(ACCEPT, {"application": application.pk, "next": "https://evil.example/"})

    assert response["Location"] == INDEX


def test_a_made_up_application_number_is_not_found(admin, task):
    application = applicant(task)

    assert admin.post(ACCEPT, {"application": [application.pk, 999999]}).status_code == 404
    assert admin.post(ACCEPT, {"application": "abc"}).status_code == 404
    assert statuses(application) == [ApplicationStatus.SUBMITTED]


def test_supervisor_decides_too_and_menu_shows_the_screens(client, jaslo, task):
    supervisor = make_staff("kierownik@example.org", jaslo, Role.SUPERVISOR)
    client.force_login(supervisor)
    application = applicant(task)

    client.post(ACCEPT, {"application": application.pk})

    assert statuses(application) == [ApplicationStatus.ACCEPTED]
    html = client.get("/admin/").content.decode()
    assert INDEX in html and "/admin/wolontariusze/" in html


def test_editor_menu_has_no_volunteering_screens(client, jaslo):
    client.force_login(make_staff("redaktor@example.org", jaslo, Role.EDITOR))

    html = client.get("/admin/").content.decode()

    assert INDEX not in html and "/admin/wolontariusze/" not in html
