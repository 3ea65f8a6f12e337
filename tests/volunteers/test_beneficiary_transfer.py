"""Beneficiaries and needs in spreadsheets: the check (dry run) writes nothing and reports
every bad cell by row and column in Polish; the confirmation imports into the person's own
centre; the export reads back in and is logged."""

import csv
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers.matching_helpers import district, make_beneficiary, make_need
from volunteers.models import AccessAction, Beneficiary, BeneficiaryAccess, BeneficiaryKind, Need, NeedStatus, Skill
from volunteers.transfer.beneficiaries import COLUMNS

pytestmark = pytest.mark.django_db

SCREEN = "/admin/podopieczni/wymiana/"
CONFIRM = "/admin/podopieczni/wymiana/zatwierdz/"
HEADERS = [column.header for column in COLUMNS]
NO_NEED = {"kategoria potrzeby": "", "terminy": "", "godzin tygodniowo": "", "od kiedy": ""}


@pytest.fixture
def centre(jaslo):
    district(jaslo, "Śródmieście")
    return Centre.for_site(jaslo)


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


def row(**cells):
    values = {
        "nazwa": "Nowakowie",
        "rodzaj": "rodzina",
        "imię dla wolontariusza": "Anna",
        "telefon": "600 200 300",
        "adres": "ul. Słoneczna 4, 38-200 Jasło",
        "dzielnica": "Śródmieście",
        "kategoria potrzeby": "Korepetycje",
        "terminy": "poniedziałek, po południu; środa, po południu",
        "godzin tygodniowo": "4",
        "od kiedy": "01.09.2026",
        **cells,
    }
    return [values.get(header, "") for header in HEADERS]


def csv_file(*rows, name="podopieczni.csv"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode("utf-8"), content_type="text/csv")


def upload(admin, centre, *rows):
    return admin.post(SCREEN, {"file": csv_file(*rows), "centre": centre.pk})


def problems(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        tuple(cell.get_text(" ", strip=True) for cell in line.select("th, td"))
        for line in soup.select("table.transfer-errors tbody tr")
    ]


def token(response):
    return BeautifulSoup(response.content.decode(), "html.parser").find("input", attrs={"name": "token"})["value"]


def test_dry_run_writes_nothing_and_confirmation_imports_into_the_centre(admin, centre, coordinator):
    Skill.objects.create(name="Matematyka")
    report = upload(
        admin,
        centre,
        row(**{"umiejętności": "Matematyka", "dotyczy dziecka": "tak"}),
        row(**{"kategoria potrzeby": "Rodziny", "terminy": "sobota, rano", "od kiedy": "2026-10-01"}),
        row(nazwa="Jan Zieliński", rodzaj="senior", adres="ul. Długa 1", **NO_NEED),
    )

    assert report.status_code == 200
    assert not Beneficiary.objects.exists() and not Need.objects.exists()
    assert not BeneficiaryAccess.objects.exists()
    assert "można zaimportować 2 podopiecznych" in report.content.decode()

    response = admin.post(CONFIRM, {"token": token(report)})

    assert response.status_code == 302
    family = Beneficiary.objects.get(name="Nowakowie")
    assert family.centre == centre and family.kind == BeneficiaryKind.FAMILY
    needs = list(family.needs.order_by("pk"))
    assert [need.times for need in needs] == [["0-afternoon", "2-afternoon"], ["5-morning"]]
    assert needs[0].child_involved and [s.name for s in needs[0].skills.all()] == ["Matematyka"]
    assert needs[0].status == NeedStatus.OPEN and needs[0].hours_per_week == 4
    senior = Beneficiary.objects.get(name="Jan Zieliński")
    assert senior.kind == BeneficiaryKind.SENIOR and not senior.needs.exists()
    assert set(BeneficiaryAccess.objects.values_list("action", flat=True)) == {AccessAction.CREATED}
    assert BeneficiaryAccess.objects.count() == 2


def test_bad_rows_are_reported_by_row_and_column_in_polish(admin, centre, pulawy):
    district(pulawy, "Włostowice")
    report = upload(
        admin,
        centre,
        row(),
        row(nazwa="Lisowie", dzielnica="Włostowice", rodzaj="kot", terminy="ósmy dzień, rano"),
        row(nazwa="Kowalscy", telefon="=HYPERLINK()", **{"godzin tygodniowo": "100", "od kiedy": "30.02.2026"}),
    )

    found = problems(report)
    columns = {(line[0], line[1]) for line in found}
    assert {("3", "dzielnica"), ("3", "rodzaj"), ("3", "terminy")} <= columns
    assert {("4", "telefon"), ("4", "godzin tygodniowo"), ("4", "od kiedy")} <= columns
    assert any("Nieznane pory" in line[2] for line in found)
    assert not report.context["confirm_form"]
    assert not Beneficiary.objects.exists()


def test_the_same_beneficiary_described_differently_is_reported(admin, centre):
    report = upload(admin, centre, row(), row(**{"imię dla wolontariusza": "Barbara"}))

    assert problems(report)[0][:2] == ("3", "nazwa")


def test_an_already_registered_beneficiary_is_not_imported_twice(admin, centre, jaslo):
    make_beneficiary(jaslo, "Nowakowie", address="ul. Słoneczna 4, 38-200 Jasło")

    report = upload(admin, centre, row())

    assert "już zarejestrowany" in problems(report)[0][2]


def test_import_cannot_target_another_centre(admin, centre, pulawy):
    response = upload(admin, Centre.for_site(pulawy), row())

    assert response.status_code == 200 and response.context["form"].errors["centre"]
    assert not Beneficiary.objects.exists()


def test_a_stale_or_foreign_token_imports_nothing(admin, centre):
    response = admin.post(CONFIRM, {"token": "x" * 43})

    assert response.status_code == 302
    assert not Beneficiary.objects.exists()


def test_export_reads_back_in_and_holds_the_needs(client, admin, centre, jaslo, pulawy):
    family = make_beneficiary(jaslo, "Nowakowie", phone="=600")
    make_need(family, times=("0-morning", "4-evening"), child_involved=True)
    make_beneficiary(pulawy, "Puławscy", district_name="Włostowice")

    response = admin.get(f"{SCREEN}eksport/{centre.pk}/xlsx/")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [list(line) for line in sheet.values]
    assert values[0] == HEADERS
    assert len(values) == 2 and values[1][0] == "Nowakowie"
    cells = dict(zip(HEADERS, values[1], strict=True))
    assert cells["telefon"] == "'=600"
    assert cells["terminy"] == "poniedziałek, rano; piątek, wieczorem"
    assert cells["dotyczy dziecka"] == "tak" and cells["status potrzeby"] == "otwarta"

    # The same file, imported into another centre with the same district, gives the same record.
    csv_bytes = admin.get(f"{SCREEN}eksport/{centre.pk}/csv/").content
    district(pulawy, "Śródmieście")
    client.force_login(make_staff("koordynator.pulawy@example.org", pulawy, Role.COORDINATOR))
    report = client.post(
        SCREEN,
        {
            "file": SimpleUploadedFile("eksport.csv", csv_bytes.replace(b"'=600", b"600 200 300")),
            "centre": Centre.for_site(pulawy).pk,
        },
    )
    assert problems(report) == []
    client.post(CONFIRM, {"token": token(report)})
    copy = Beneficiary.objects.get(centre=Centre.for_site(pulawy), name="Nowakowie")
    assert copy.needs.get().times == ["0-morning", "4-evening"]


def test_export_of_another_centre_is_not_found(admin, pulawy):
    make_beneficiary(pulawy, "Puławscy", district_name="Włostowice")

    assert admin.get(f"{SCREEN}eksport/{Centre.for_site(pulawy).pk}/csv/").status_code == 404
    assert not BeneficiaryAccess.objects.exists()
