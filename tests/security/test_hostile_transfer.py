"""The import of volunteers survives hostile files and hostile form input.

The harness of hostile.py cannot send files, so it covers the centre field (the file is left
out, and the form must refuse cleanly); the uploads below cover the file: wrong types under
an .xlsx name, broken and oversized workbooks, too many rows, control characters, odd
encodings and random bytes. Each must be refused with a message at the file field (or, for
bad cells, in the row report), never a server error, and import nothing.
"""

import csv
import io
import zipfile

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from accounts.models import Role
from core.models import Centre
from core.spreadsheets import MAX_ROWS
from tests.accounts.helpers import make_staff
from tests.security.hostile import assert_form_survives_hostile_input
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db

INDEX = "/admin/wymiana-danych/"
HEADER = ["imię", "nazwisko", "e-mail", "telefon", "data urodzenia"]
ROW = ["Anna", "Kowalska", "anna@example.org", "600 100 200", "1990-01-01"]


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def admin(client, jaslo):
    client.force_login(make_staff("koordynator@example.org", jaslo, Role.COORDINATOR))
    return client


def test_import_form_survives_hostile_input(admin, centre):
    report = assert_form_survives_hostile_input(admin, INDEX, fields={"centre": str(centre.pk)})

    assert report["refused"] == report.total(), "without a file nothing can be checked"
    assert not VolunteerProfile.objects.exists()


def csv_bytes(rows, encoding="utf-8"):
    text = io.StringIO()
    csv.writer(text).writerows([HEADER, *rows])
    return text.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = openpyxl.Workbook()
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client, content, centre, name="wolontariusze.xlsx"):
    return client.post(INDEX, {"file": SimpleUploadedFile(name, content), "centre": centre.pk})


def in_polish(msgid, **values):
    with translation.override("pl"):
        return gettext(msgid) % values if values else gettext(msgid)


NOT_A_SPREADSHEET = "This file is not a spreadsheet. Upload the list as XLSX or CSV."
BROKEN = "The file cannot be read as an XLSX workbook: it may be damaged. Open it and save it again."
CONTROL = "The file contains control characters, so it is not a CSV text file. Upload the list as XLSX or CSV."
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
FILES = {
    "png": (png_bytes, NOT_A_SPREADSHEET),
    "pdf": (lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", NOT_A_SPREADSHEET),
    "html": (
        lambda: b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        "This file is a web page (HTML or XML), not a spreadsheet. Upload XLSX or CSV.",
    ),
    "old excel": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "This is an old Excel file (.xls). Save it as XLSX or CSV and upload it again.",
    ),
    "zip": (lambda: zip_bytes({"notatki.txt": "nic"}), "This file is a ZIP archive, not an XLSX workbook."),
    "ods": (
        lambda: zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
        "This is an OpenDocument spreadsheet (.ods). Save it as XLSX or CSV.",
    ),
    "truncated xlsx": (lambda: xlsx_bytes([ROW])[:3000], BROKEN),
    "xlsx without a sheet": (lambda: zip_bytes({"[Content_Types].xml": CONTENT_TYPES}), BROKEN),
    "zip bomb": (
        lambda: zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "xl/worksheets/sheet1.xml": b"\x00" * (101 << 20)}),
        "The workbook is too large when unpacked. Split the list into smaller files.",
    ),
    "nul bytes": (lambda: csv_bytes([["An\x00na", *ROW[1:]]]), CONTROL),
    "utf-16 without mark": (lambda: "imię,nazwisko".encode("utf-16-le"), CONTROL),
    "undecodable": (
        lambda: b"imi\x81,nazwisko\n\x98\x90",
        "The file's text encoding is not recognised. Save the CSV file as UTF-8.",
    ),
    "too large": (
        lambda: csv_bytes([ROW]) + b"x" * (5 * 1024 * 1024),
        "The file is larger than 5 MB. Split the list into smaller files.",
    ),
    "header only": (lambda: csv_bytes([]), "The file has the column names but no volunteers under them."),
    "blank": (lambda: b"\r\n ; ;\r\n", "The file has no rows. The first row must name the columns."),
}


@pytest.mark.parametrize("kind", FILES)
def test_a_file_that_is_not_a_volunteer_list_is_refused_at_the_file_field(admin, centre, kind):
    make, msgid = FILES[kind]

    response = upload(admin, make(), centre)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [in_polish(msgid)]
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.find(id="id_file_error").get_text(strip=True) == in_polish(msgid)
    assert page.select_one(".error-summary") is not None
    assert not VolunteerProfile.objects.exists()


def test_an_empty_file_is_refused(admin, centre):
    response = upload(admin, b"", centre)

    assert response.context["form"].errors["file"]
    assert not VolunteerProfile.objects.exists()


def test_more_rows_than_the_limit_are_refused(admin, centre):
    rows = [["Anna", "Kowalska", f"osoba{n}@example.org", "600 100 200", "1990-01-01"] for n in range(MAX_ROWS + 1)]

    response = upload(admin, xlsx_bytes(rows), centre)

    message = in_polish(
        "The file has more than %(limit)s rows of volunteers. Split it into smaller files.", limit="10\u00a0000"
    )
    assert response.context["form"].errors["file"] == [message]
    assert not VolunteerProfile.objects.exists()


HOSTILE_CELLS = ('=HYPERLINK("http://zly.example","x")', "+1+1", "-1", "@SUM(A1)", "ż" * 10_001)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_hostile_cells_are_reported_by_row_and_never_imported(admin, centre, kind):
    values = HOSTILE_CELLS + (("\u202eexe.txt", "\x7f") if kind == "xlsx" else ())
    rows = [[value, "Kowalska", f"osoba{n}@example.org", "600 100 200", "1990-01-01"] for n, value in enumerate(values)]

    response = upload(admin, csv_bytes(rows) if kind == "csv" else xlsx_bytes(rows), centre)

    assert response.status_code == 200
    errors = response.context["check"].errors
    assert [(error.row, error.column) for error in errors] == [(n + 2, "imię") for n in range(len(rows))]
    assert BeautifulSoup(response.content.decode(), "html.parser").find("input", attrs={"name": "token"}) is None
    assert not VolunteerProfile.objects.exists()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(min_size=1, max_size=3000), st.binary(max_size=3000).map(b"PK\x03\x04".__add__)))
def test_random_bytes_never_cause_a_server_error(admin, centre, content):
    admin.raise_request_exception = True

    response = upload(admin, content, centre)

    assert response.status_code == 200
    assert not VolunteerProfile.objects.exists()
