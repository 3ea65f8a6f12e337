"""The volunteer's own data: the ZIP with everything stored about them, erasing the volunteer
profile, and deleting the whole account, which must leave the same anonymous trace."""

import datetime
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from core.models import Centre
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import (
    Agreement,
    Application,
    ApplicationStatus,
    Availability,
    CentreVolunteer,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    Consent,
    DisabilityKind,
    District,
    HoursEntry,
    HoursStatus,
    Language,
    Skill,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db

OWN_DATA, DOWNLOAD, ERASE = "/wolontariat/moje/dane/", "/wolontariat/moje/dane/pobierz/", "/wolontariat/profil/usun/"
FACTORY_PASSWORD = "correct-horse-battery"


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def task(jaslo):
    return make_task(make_task_index(jaslo), "Zakupy dla seniorów", start_date=days_from_today(-10), places=1)


@pytest.fixture
def volunteer(jaslo, centre):
    user = make_resident("lucja@example.org")
    user.first_name, user.last_name = "Łucja", "Żak"
    user.save()
    profile = make_volunteer(
        user, address="ul. Źródlana 5, 38-200 Jasło", matching_note="gwara", gender="woman", regular_help=True
    )
    profile.languages.add(Language.objects.get_or_create(name="ukraiński")[0])
    profile.disability_experience.add(DisabilityKind.objects.get_or_create(name="autyzm")[0])
    profile.skills.add(Skill.objects.create(name="Zakupy i sprawunki"))
    profile.districts.add(District.objects.create(centre=centre, name="Gamrat"))
    Availability.objects.create(profile=profile, weekday=2, part="evening")
    return profile


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer.user)
    return client


def log(volunteer, task, hours, status, note="Notatka: pani Halina, ul. Ogrodowa 2"):
    return HoursEntry.objects.create(
        volunteer=volunteer,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=days_from_today(-3),
        hours=Decimal(hours),
        status=status,
        note=note,
    )


def full_record(volunteer, task, centre, coordinator=None):
    """An accepted application, a clearance, an agreement and hours in every state."""
    Application.objects.create(task=task, volunteer=volunteer, centre=centre, status=ApplicationStatus.ACCEPTED)
    Clearance.objects.create(
        profile=volunteer,
        centre=centre,
        kind=ClearanceKind.CRIMINAL_RECORD,
        checked_on=datetime.date(2026, 1, 5),
        result=ClearanceResult.CLEAR,
        checked_by=coordinator,
        expires_on=datetime.date(2027, 1, 5),
    )
    Agreement.objects.create(
        volunteer=volunteer, task=task, centre=centre, scope="Zakupy", starts_on=task.start_date, ends_on=task.last_date
    )
    CentreVolunteer.objects.create(centre=centre, volunteer=volunteer)
    return {status: log(volunteer, task, "2.5", status) for status in HoursStatus.values}


def read_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return archive, json.loads(archive.read("dane.json").decode("utf-8"))


# --- Export --------------------------------------------------------------------------------------


def test_export_holds_everything_stored_about_the_volunteer(volunteer, task, centre):
    full_record(volunteer, task, centre)

    archive, data = read_zip(services.own_data.export_own_data(volunteer))

    assert data["account"]["email"] == "lucja@example.org"
    assert (data["account"]["first_name"], data["account"]["last_name"]) == ("Łucja", "Żak")
    assert data["profile"]["birth_date"] == "1990-05-01"
    assert data["profile"]["address"] == "ul. Źródlana 5, 38-200 Jasło"
    assert data["languages"] == ["ukraiński"]
    assert data["disability_experience"] == ["autyzm"]
    assert (data["profile"]["matching_note"], data["profile"]["gender"], data["profile"]["regular_help"]) == (
        "gwara",
        "woman",
        True,
    )
    assert data["skills"] == ["Zakupy i sprawunki"]
    assert data["districts"] == [{"name": "Gamrat", "centre": centre.name}]
    assert [(slot["weekday"], slot["part"]) for slot in data["availability"]] == [(2, "evening")]
    [consent] = data["consents"]
    assert consent["kind"] == "data_processing" and consent["text_version"] and consent["given_at"]
    datetime.datetime.fromisoformat(consent["given_at"])
    [clearance] = data["clearances"]
    assert clearance == {
        "centre": centre.name,
        "kind": "criminal_record",
        "checked_on": "2026-01-05",
        "result": "clear",
        "expires_on": "2027-01-05",
        "checked_by": None,
    }
    assert [application["status"] for application in data["applications"]] == ["accepted"]
    assert sorted(entry["status"] for entry in data["hours"]) == sorted(HoursStatus.values)
    assert {entry["hours"] for entry in data["hours"]} == {"2.50"}
    assert data["agreements"][0]["starts_on"] == task.start_date.isoformat()
    assert data["centres"][0]["centre"] == centre.name
    # UTF-8 as it is, not \u escapes: readable in any text editor.
    assert "Łucja".encode() in archive.read("dane.json")


def test_export_adds_the_agreements_and_a_certificate_per_centre_with_approved_hours(volunteer, task, centre, pulawy):
    full_record(volunteer, task, centre)
    task_b = make_task(make_task_index(pulawy), "Zakupy w Puławach", start_date=days_from_today(-5))
    log(volunteer, task_b, "1", HoursStatus.SUBMITTED)

    archive, _data = read_zip(services.own_data.export_own_data(volunteer))

    names = archive.namelist()
    agreement = Agreement.objects.get(volunteer=volunteer)
    assert f"porozumienia/porozumienie-lucja-zak-{agreement.pk}.pdf" in names
    assert [name for name in names if name.startswith("zaswiadczenia/")] == [
        "zaswiadczenia/zaswiadczenie-lucja-zak-mops-jaslo.pdf"
    ]
    assert archive.read(names[-1]).startswith(b"%PDF-")


def test_export_holds_nothing_about_other_volunteers(volunteer, task, centre):
    other = make_volunteer()
    log(other, task, "7", HoursStatus.APPROVED, note="Cudza notatka")

    _archive, data = read_zip(services.own_data.export_own_data(volunteer))

    assert data["hours"] == [] and "Cudza notatka" not in json.dumps(data, ensure_ascii=False)


def test_volunteer_downloads_the_zip_from_the_own_data_page(volunteer_client):
    page = volunteer_client.get(OWN_DATA)
    assert page.status_code == 200 and f'href="{DOWNLOAD}"' in page.content.decode()

    response = volunteer_client.get(DOWNLOAD)

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="pomost-moje-dane.zip"'
    assert response["Cache-Control"] == "private, no-store"
    assert read_zip(response.content)[1]["account"]["email"] == "lucja@example.org"


def test_a_resident_without_a_profile_has_no_volunteer_data_to_download(client, jaslo):
    client.force_login(make_resident())

    assert client.get(DOWNLOAD).status_code == 404
    assert client.get(OWN_DATA)["Location"] == "/wolontariat/moje/"
    assert client.get(ERASE)["Location"] == "/wolontariat/moje/"


# --- Erasing the profile ---------------------------------------------------------------------------


def assert_only_anonymous_approved_hours_remain(user_id, hours):
    assert not VolunteerProfile.objects.filter(user_id=user_id).exists()
    assert not Availability.objects.exists() and not Consent.objects.exists()
    assert not Clearance.objects.exists() and not Application.objects.exists()
    assert not Agreement.objects.exists() and not CentreVolunteer.objects.exists()
    [kept] = HoursEntry.objects.all()
    assert kept.pk == hours[HoursStatus.APPROVED].pk
    assert kept.volunteer is None and kept.note == "" and kept.hours == Decimal("2.5")
    assert kept.task_title == "Zakupy dla seniorów"


def test_erasing_keeps_only_anonymous_approved_hours(volunteer, task, centre):
    hours = full_record(volunteer, task, centre)
    user_id = volunteer.user_id

    services.own_data.erase_volunteer(volunteer)

    assert_only_anonymous_approved_hours_remain(user_id, hours)
    assert get_user_model().objects.filter(pk=user_id).exists()
    assert services.hours.approved_total(HoursEntry.objects.filter(centre=centre)) == Decimal("2.5")
    assert services.hours.totals(HoursEntry.objects.filter(centre=centre), by="volunteer")[0]["key"] is None


def test_erase_page_asks_for_the_tick_before_deleting(volunteer_client, volunteer):
    page = volunteer_client.get(ERASE)
    assert page.status_code == 200 and 'name="confirm"' in page.content.decode()

    refused = volunteer_client.post(ERASE, {})

    assert refused.status_code == 200 and "confirm" in refused.context["form"].errors
    assert VolunteerProfile.objects.filter(pk=volunteer.pk).exists()


def test_erase_page_deletes_the_profile_and_returns_to_the_dashboard(volunteer_client, volunteer, task, centre):
    hours = full_record(volunteer, task, centre)
    user_id = volunteer.user_id

    response = volunteer_client.post(ERASE, {"confirm": "on"}, follow=True)

    assert response.redirect_chain[-1][0] == "/wolontariat/moje/"
    assert [message.level_tag for message in response.context["messages"]] == ["success"]
    assert_only_anonymous_approved_hours_remain(user_id, hours)
    assert response.context["profile"] is None


def test_deleting_the_account_leaves_the_same_anonymous_hours(client, volunteer, task, centre):
    hours = full_record(volunteer, task, centre)
    user_id = volunteer.user_id
    client.force_login(volunteer.user)
    client.post("/konto/reauthenticate/?next=/konto/usun-konto/", {"password": FACTORY_PASSWORD})

    response = client.post("/konto/usun-konto/", {"confirm": "on"})

    assert response.status_code == 200
    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert_only_anonymous_approved_hours_remain(user_id, hours)


@pytest.mark.parametrize("how", ["erase profile", "delete account"])
def test_a_freed_place_goes_to_the_waiting_list(how, volunteer, task, centre, django_capture_on_commit_callbacks):
    Application.objects.create(task=task, volunteer=volunteer, centre=centre, status=ApplicationStatus.ACCEPTED)
    waiting = make_volunteer(make_resident("czekajacy@example.org"))
    application = Application.objects.create(task=task, volunteer=waiting, centre=centre, status="waiting")

    with django_capture_on_commit_callbacks(execute=True):
        if how == "erase profile":
            services.own_data.erase_volunteer(volunteer)
        else:
            volunteer.user.delete()

    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert [message.to for message in mail.outbox] == [["czekajacy@example.org"]]


def test_a_submitted_application_frees_no_place(volunteer, task, centre):
    Application.objects.create(task=task, volunteer=make_volunteer(), centre=centre, status="accepted")
    Application.objects.create(task=task, volunteer=volunteer, centre=centre, status="submitted")
    waiting = Application.objects.create(task=task, volunteer=make_volunteer(), centre=centre, status="waiting")

    services.own_data.erase_volunteer(volunteer)

    waiting.refresh_from_db()
    assert waiting.status == ApplicationStatus.WAITING
