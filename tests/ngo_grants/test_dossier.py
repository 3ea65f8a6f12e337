"""The offer's dossier for auditors (Step 7, point 8): one ZIP with every version as its checksum
was taken, the attachments, the formal review, the declarations, the scores, the result, the
updated budget, the agreement and the reports, and a manifest of SHA-256 checksums; for the
centre's grants staff only."""

import hashlib
import io
import json
import zipfile
from decimal import Decimal

import pytest

from accounts.models import Role
from ngo_grants.models import ReportKind
from ngo_grants.services import agreements
from ngo_grants.services import reports as report_service
from tests.accounts.helpers import make_staff
from tests.ngo_grants.agreement_helpers import FITS, ended, terms, writer

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled(granted, officer):
    """The offer granted less than it asked: its update accepted, the agreement, a final report."""
    reduced, _full = granted
    update = agreements.submit_update(reduced, user=writer(reduced), amounts=FITS, schedule="Od marca.")
    agreements.decide_update(update, user=officer, accepted=True)
    agreement = ended(agreements.prepare_agreement(reduced, user=officer, **terms(reduced)))
    report_service.submit_report(agreement, user=writer(reduced), kind=ReportKind.FINAL, actions="Wizyty.",
                                 results="38 z 40 osób.", actual=FITS, explanations=["", ""])  # fmt: skip
    return reduced


def unzip(response):
    assert response["Content-Type"] == "application/zip" and "teczka-oferty-" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_dossier_holds_every_step_and_a_manifest_of_checksums(client, settled, officer):
    client.force_login(officer)
    archive = unzip(client.get(f"/admin/oferty/{settled.pk}/teczka.zip"))
    names = archive.namelist()

    version = settled.latest_version()
    assert hashlib.sha256(archive.read("wersje/wersja-1.json")).hexdigest() == version.checksum
    assert any(name.startswith("zalaczniki/") for name in names)
    assert "Możliwość realizacji zadania" in archive.read("oceny-komisji.csv").decode()
    declarations = archive.read("oswiadczenia-czlonkow-komisji.csv").decode()
    assert declarations.count("\n") == 1 + settled.declarations.count() and ";nie;" in declarations
    assert "Od marca." in archive.read("aktualizacje-budzetu.json").decode()
    assert archive.read(next(name for name in names if name.startswith("umowa-"))).startswith(b"%PDF")
    [report] = json.loads(archive.read("sprawozdania.json"))
    assert report["kind"] == "final" and Decimal(report["to_return"]) == 0
    manifest = archive.read("SPIS.txt").decode()
    for name in names:
        if name != "SPIS.txt":
            assert f"{hashlib.sha256(archive.read(name)).hexdigest()}  {name}" in manifest


def test_a_file_missing_from_the_storage_is_named_in_the_manifest(client, settled, officer):
    attachment = settled.attachments.first()
    attachment.file.storage.delete(attachment.file.name)
    client.force_login(officer)
    archive = unzip(client.get(f"/admin/oferty/{settled.pk}/teczka.zip"))
    assert (
        f"zalaczniki/{attachment.pk}-{attachment.original_name}"
        in archive.read("SPIS.txt").decode().split("Brak w magazynie")[1]
    )


def test_only_the_centres_grants_staff_get_it_and_a_renderer_down_is_explained(
    client, settled, pulawy, monkeypatch, officer
):
    url = f"/admin/oferty/{settled.pk}/teczka.zip"
    client.force_login(make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER))
    assert client.get(url).status_code == 404
    client.force_login(writer(settled))
    assert client.get(url).status_code in (302, 403)

    def fail(*args, **kwargs):
        raise OSError("renderer down")

    monkeypatch.setattr("core.pdf.HTML.write_pdf", fail)
    client.force_login(officer)
    assert client.get(url).status_code == 503
