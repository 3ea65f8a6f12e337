"""What the volunteer reads about their own data is complete and true: the profile shows
everything stored, the consent step says which boxes are required, and a check that found an
entry in a register is never reported as "valid until"."""

import pytest
from bs4 import BeautifulSoup

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, ClearanceKind, ClearanceResult

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(jaslo):
    user = make_resident("anna.kowalska@example.org")
    user.first_name, user.last_name = "Anna", "Kowalska"
    user.save()
    return make_volunteer(user, address="ul. Kościuszki 5, 38-200 Jasło")


@pytest.fixture
def volunteer_client(client, volunteer):
    client.force_login(volunteer.user)
    return client


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_profile_page_shows_name_e_mail_and_address(volunteer_client):
    about = soup_of(volunteer_client.get("/wolontariat/profil/")).find(id="profile-about").parent.get_text(" ")

    for shown in ("Anna Kowalska", "anna.kowalska@example.org", "ul. Kościuszki 5, 38-200 Jasło", "600 100 200"):
        assert shown in about, shown


def test_consent_step_names_both_required_boxes_and_the_optional_ones(volunteer_client):
    page = soup_of(volunteer_client.get("/wolontariat/profil/zgody/"))

    groups = {fieldset.legend.get_text(strip=True): fieldset for fieldset in page.select("fieldset.profile-group")}
    required = {box["name"] for box in groups["Wymagane"].select("input[type=checkbox]")}
    optional = {box["name"] for box in groups["Dobrowolne"].select("input[type=checkbox]")}
    assert required == {"data_processing", "standards"}
    assert optional == {"contact_email", "contact_sms"}
    assert "Dwa są wymagane" in page.get_text()
    assert "Tylko pierwsza" not in page.get_text()


def test_consent_error_summary_has_one_short_line_per_problem(volunteer_client):
    page = soup_of(volunteer_client.post("/wolontariat/profil/zgody/", {"contact_email": "on"}))

    lines = [item.get_text(" ", strip=True) for item in page.select(".error-summary li")]
    assert lines == [
        "Bez tej zgody nie możemy przechowywać Twojego profilu wolontariusza: zaznacz to pole.",
        "Zaznacz to pole, aby potwierdzić, że znasz standardy ochrony małoletnich.",
    ]
    assert page.select_one("#id_contact_email").has_attr("checked")


# --- A check with an entry in a register -----------------------------------------------------


@pytest.fixture
def checked(jaslo, volunteer):
    task = make_task(make_task_index(jaslo), "Świetlica", requires_clearance=True)
    Application.objects.create(task=task, volunteer=volunteer, centre=Centre.for_site(jaslo))
    return make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)


def test_recording_an_entry_says_entry_found_not_valid_until(client, volunteer, checked):
    client.force_login(checked)

    response = client.post(
        f"/admin/wolontariusze/{volunteer.pk}/weryfikacja/",
        {"kind": ClearanceKind.CRIMINAL_RECORD, "checked_on": days_from_today(-1).isoformat(), "result": "entry_found"},
        follow=True,
    )

    [message] = [str(message) for message in response.context["messages"]]
    assert "jest wpis" in message
    assert "ważne do" not in message


def test_volunteer_screen_in_the_admin_says_entry_found_not_valid_until(jaslo, client, volunteer, checked):
    services.clearances.record_clearance(
        volunteer, Centre.for_site(jaslo), checked, ClearanceKind.CRIMINAL_RECORD, days_from_today(-1),
        ClearanceResult.ENTRY_FOUND,
    )  # fmt: skip
    client.force_login(checked)

    rows = soup_of(client.get(f"/admin/wolontariusze/{volunteer.pk}/")).select("tr")
    [row] = [row for row in rows if row.th and row.th.get_text(strip=True) == ClearanceKind.CRIMINAL_RECORD.label]

    assert "jest wpis" in row.get_text()
    assert "ważne do" not in row.get_text()
