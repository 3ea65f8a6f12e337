"""Importing volunteers from a centre's XLSX or CSV file: a dry run that lists every bad row
and imports nothing, then a confirmation that imports exactly the file that was checked."""

import csv
import datetime
import io

import openpyxl
import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers.test_profile import make_resident
from volunteers.models import CentreVolunteer, DisabilityKind, District, Gender, Language, Skill, VolunteerProfile
from volunteers.permissions import profiles_visible_to
from volunteers.transfer import admin as transfer

pytestmark = pytest.mark.django_db

INDEX = "/admin/wymiana-danych/"
CONFIRM = "/admin/wymiana-danych/zatwierdz/"
HEADER = ["imię", "nazwisko", "e-mail", "telefon", "data urodzenia", "adres", "umiejętności", "dzielnice", "języki",
          "prawo jazdy", "samochód", "doświadczenie z niepełnosprawnościami", "inne języki i doświadczenie", "płeć",
          "stała pomoc"]  # fmt: skip
GOOD = [
    ["Anna", "Kowalska", "Anna.Kowalska@example.org", "600 100 200", "15.03.1990", "ul. Floriańska 3, Jasło",
     "zakupy; Opieka nad seniorami", "Śródmieście", "Ukraiński; angielski", "tak", "nie", "autyzm", "gwara śląska",
     "Kobieta", "tak"],
    ["Jan", "Nowak", "jan.nowak@example.org", "+48 601 200 300", "2001-12-31", "", "", "", "", "nie", "tak"],
]  # fmt: skip


def csv_file(rows, header=HEADER, encoding="utf-8-sig", delimiter=";"):
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows([header, *rows])
    return text.getvalue().encode(encoding)


def xlsx_file(rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def centre_a(jaslo):
    centre = Centre.for_site(jaslo)
    District.objects.create(centre=centre, name="Śródmieście")
    Skill.objects.create(name="Zakupy")
    Skill.objects.create(name="Opieka nad seniorami")
    for name in ("ukraiński", "angielski"):
        Language.objects.get_or_create(name=name)
    DisabilityKind.objects.get_or_create(name="autyzm")
    return centre


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


def upload(client, content, centre, name="wolontariusze.csv"):
    return client.post(INDEX, {"file": SimpleUploadedFile(name, content), "centre": centre.pk})


def confirm(client, response):
    token = BeautifulSoup(response.content.decode(), "html.parser").find("input", attrs={"name": "token"})
    assert token is not None, "a clean file offers the confirmation"
    return client.post(CONFIRM, {"token": token["value"]})


def errors_of(response):
    return [(error.row, error.column) for error in response.context["check"].errors]


def imported_emails():
    return set(CentreVolunteer.objects.values_list("volunteer__user__email", flat=True))


def test_clean_csv_is_checked_then_imported_on_confirmation(admin, centre_a, coordinator, pulawy):
    checked = upload(admin, csv_file(GOOD), centre_a)

    assert checked.status_code == 200
    assert checked.context["check"].is_clean
    assert not VolunteerProfile.objects.exists(), "the dry run imports nothing"

    done = confirm(admin, checked)

    assert done.status_code == 302
    assert imported_emails() == {"anna.kowalska@example.org", "jan.nowak@example.org"}
    anna = VolunteerProfile.objects.get(user__email="anna.kowalska@example.org")
    assert (anna.user.first_name, anna.user.last_name) == ("Anna", "Kowalska")
    assert not anna.user.has_usable_password()
    assert (anna.phone, anna.birth_date, anna.address) == (
        "600 100 200",
        datetime.date(1990, 3, 15),
        "ul. Floriańska 3, Jasło",
    )
    assert {skill.name for skill in anna.skills.all()} == {"Zakupy", "Opieka nad seniorami"}
    assert [district.name for district in anna.districts.all()] == ["Śródmieście"]
    assert {language.name for language in anna.languages.all()} == {"ukraiński", "angielski"}
    assert [kind.name for kind in anna.disability_experience.all()] == ["autyzm"]
    assert (anna.driving_licence, anna.has_car, anna.regular_help) == (True, False, True)
    assert (anna.gender, anna.matching_note) == (Gender.WOMAN, "gwara śląska")
    jan = VolunteerProfile.objects.get(user__email="jan.nowak@example.org")
    assert (jan.gender, jan.regular_help, jan.languages.count()) == ("", False, 0)
    address = EmailAddress.objects.get(user=anna.user)
    assert (address.email, address.verified, address.primary) == ("anna.kowalska@example.org", False, True)
    assert set(profiles_visible_to(coordinator)) == set(VolunteerProfile.objects.all())
    other = make_staff("koordynator.pulawy@example.org", pulawy, Role.COORDINATOR)
    assert not profiles_visible_to(other).exists()


def test_clean_xlsx_with_typed_cells_is_imported(admin, centre_a):
    rows = [["Ewa", "Lis", "ewa.lis@example.org", 600100200, datetime.datetime(1985, 7, 1), None, None, None, None,
             True, "TAK"]]  # fmt: skip
    checked = upload(admin, xlsx_file(rows), centre_a, name="lista.bin")

    assert checked.context["check"].is_clean
    confirm(admin, checked)

    ewa = VolunteerProfile.objects.get(user__email="ewa.lis@example.org")
    assert (ewa.phone, ewa.birth_date, ewa.driving_licence, ewa.has_car) == (
        "600100200",
        datetime.date(1985, 7, 1),
        True,
        True,
    )


def test_cp1250_csv_with_commas_is_read(admin, centre_a):
    rows = [["Łucja", "Żak", "lucja@example.org", "600100200", "1.2.1999", "", "", "", "", "", ""]]
    checked = upload(admin, csv_file(rows, encoding="cp1250", delimiter=","), centre_a)

    assert checked.context["check"].candidates[0].first_name == "Łucja"


def test_every_bad_row_is_listed_and_nothing_is_imported(admin, centre_a, jaslo):
    make_resident("zajety@example.org")
    too_young = (datetime.date.today() - datetime.timedelta(days=365 * 10)).isoformat()
    rows = [
        GOOD[0],
        ["", "Bezimienna", "a@example.org", "600100200", "1990-01-01", "", "", "", "", "", ""],
        ["Ola", "Zła", "nie-adres", "12", "31.02.1990", "", "Nurkowanie", "Atlantyda", "", "może", "nie"],
        ["Jan", "Zajęty", "ZAJETY@example.org", "600100200", too_young, "", "", "", "", "", ""],
        ["Ala", "Kopia", "anna.kowalska@example.org", "600100200", "1850-01-01", "", "", "", "", "", ""],
        ['=HYPERLINK("x")', "Formuła", "f@example.org", "600100200", "1990-01-01", "", "", "", "", "", ""],
    ]

    response = upload(admin, csv_file(rows), centre_a)

    assert response.status_code == 200
    assert errors_of(response) == [
        (3, "imię"),
        (4, "e-mail"), (4, "telefon"), (4, "data urodzenia"), (4, "umiejętności"), (4, "dzielnice"),
        (4, "prawo jazdy"),
        (5, "e-mail"), (5, "data urodzenia"),
        (6, "e-mail"), (6, "data urodzenia"),
        (7, "imię"),
    ]  # fmt: skip
    assert response.context["check"].bad_rows == 5
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert len(page.select("table.transfer-errors tbody tr")) == 12
    assert page.find("input", attrs={"name": "token"}) is None, "a file with mistakes cannot be confirmed"
    assert not VolunteerProfile.objects.exists()
    assert not get_user_model().objects.filter(email="anna.kowalska@example.org").exists()


def test_unknown_languages_disabilities_and_genders_are_refused_at_their_column(admin, centre_a):
    rows = [
        ["Ola", "Nowa", "ola@example.org", "600100200", "1990-01-01", "", "", "", "klingoński", "", "",
         "autyzm; telepatia", "", "kosmita", "może"],
    ]  # fmt: skip

    response = upload(admin, csv_file(rows), centre_a)

    assert errors_of(response) == [
        (2, "języki"),
        (2, "doświadczenie z niepełnosprawnościami"),
        (2, "płeć"),
        (2, "stała pomoc"),
    ]
    messages = [error.message for error in response.context["check"].errors]
    assert "klingoński" in messages[0] and "telepatia" in messages[1] and "autyzm" not in messages[1]
    assert "kobieta" in messages[2]
    assert not VolunteerProfile.objects.exists()


def test_existing_account_is_never_linked(admin, centre_a):
    person = make_resident("anna.kowalska@example.org")

    response = upload(admin, csv_file(GOOD[:1]), centre_a)

    assert errors_of(response) == [(2, "e-mail")]
    assert not VolunteerProfile.objects.filter(user=person).exists()


def test_file_level_problems_are_shown_at_the_file_field(admin, centre_a):
    response = upload(admin, csv_file(GOOD, header=["imię", "nazwisko", "e-mail", "pesel"]), centre_a)

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find(id="id_file_error") is not None
    assert page.select_one(".error-summary") is not None


def test_only_own_centres_can_be_imported_into(admin, centre_a, pulawy):
    response = upload(admin, csv_file(GOOD), Centre.for_site(pulawy))

    assert "centre" in response.context["form"].errors
    assert not VolunteerProfile.objects.exists()


def test_confirmation_imports_only_the_file_checked_in_this_session(admin, centre_a, client, coordinator):
    clean = upload(admin, csv_file(GOOD[:1]), centre_a)
    token = BeautifulSoup(clean.content.decode(), "html.parser").find("input", attrs={"name": "token"})["value"]

    assert admin.post(CONFIRM, {"token": "x" * 43}).status_code == 302
    other = type(admin)()
    other.force_login(make_staff("drugi@example.org", centre_a.site, Role.COORDINATOR))
    assert other.post(CONFIRM, {"token": token}).status_code == 302
    assert not VolunteerProfile.objects.exists(), "a token from another session imports nothing"

    # A later check replaces the earlier one: its token no longer imports anything.
    upload(admin, csv_file([GOOD[1]]), centre_a)
    admin.post(CONFIRM, {"token": token})
    assert not VolunteerProfile.objects.exists()


def test_a_file_changed_on_the_server_after_the_check_is_not_imported(admin, centre_a):
    checked = upload(admin, csv_file(GOOD), centre_a)
    pending = admin.session[transfer.SESSION_KEY]
    (transfer._folder() / pending["token"]).write_bytes(csv_file([GOOD[1]]))

    confirm(admin, checked)

    assert not VolunteerProfile.objects.exists()


def test_confirmation_checks_again_and_refuses_an_address_taken_meanwhile(admin, centre_a):
    checked = upload(admin, csv_file(GOOD), centre_a)
    make_resident("jan.nowak@example.org")

    response = confirm(admin, checked)

    assert response.status_code == 200
    assert errors_of(response) == [(3, "e-mail")]
    assert not VolunteerProfile.objects.exists()


def volunteer_rows(count):
    return [
        [f"Imię{n}", f"Nazwisko{n}", f"osoba{n}@wolontariat.example", f"600 {n:06d}"[:11], "1990-01-01", "",
         "Zakupy", "Śródmieście", "", "tak", "nie"]
        for n in range(count)
    ]  # fmt: skip


def queries_to_check_and_import(admin, centre, rows):
    with CaptureQueriesContext(connection) as checking:
        checked = upload(admin, csv_file(rows), centre)
    assert checked.context["check"].is_clean, checked.context["check"].errors[:3]
    with CaptureQueriesContext(connection) as importing:
        confirm(admin, checked)
    return len(checking), len(importing)


def test_checking_and_importing_a_thousand_rows_take_far_fewer_queries_than_rows(admin, centre_a):
    """How long 10,000 rows take is measured by bench/import.py; here, that the work is done in
    bulk (batches of rows, not a query per row, which would make the largest file time out)."""
    few = queries_to_check_and_import(admin, centre_a, volunteer_rows(10))
    CentreVolunteer.objects.all().delete()
    VolunteerProfile.objects.all().delete()
    get_user_model().objects.filter(email__endswith="@wolontariat.example").delete()

    many = queries_to_check_and_import(admin, centre_a, volunteer_rows(1000))

    assert CentreVolunteer.objects.filter(centre=centre_a).count() == 1000
    assert VolunteerProfile.skills.through.objects.count() == 1000
    checking, importing = many[0] - few[0], many[1] - few[1]
    assert checking < 10, f"checking 990 more rows took {checking} more queries"
    assert importing < 1000 / 20, f"importing 990 more rows took {importing} more queries"


def test_more_than_ten_thousand_rows_are_refused_with_a_message(admin, centre_a):
    rows = [["A", "B", f"o{n}@example.org", "600100200", "1990-01-01", "", "", "", "", "", ""] for n in range(10_001)]

    response = upload(admin, csv_file(rows), centre_a)

    assert "file" in response.context["form"].errors
    assert not VolunteerProfile.objects.exists()
