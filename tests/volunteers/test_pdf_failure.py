"""When WeasyPrint fails, PDF downloads answer with a plain Polish page (503), never a 500,
and the own-data archive still carries the data with a note about the missing PDFs."""

import io
import json
import zipfile

import pytest

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.volunteers.test_documents import centre, log, make_agreement, task, volunteer  # noqa: F401
from volunteers.services.own_data import MISSING_PDFS_FILENAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def weasyprint_broken(monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("core.pdf.HTML.write_pdf", fail)


@pytest.fixture
def owner(client, volunteer):  # noqa: F811
    client.force_login(volunteer.user)
    return client


def test_agreement_download_explains_in_polish_when_the_renderer_fails(owner, volunteer, task, weasyprint_broken):  # noqa: F811
    agreement = make_agreement(volunteer, task)

    response = owner.get(f"/wolontariat/moje/porozumienia/{agreement.pk}/")

    assert response.status_code == 503
    html = response.content.decode()
    assert "Nie można teraz przygotować dokumentu" in html
    assert "Spróbuj ponownie za kilka minut" in html


def test_certificate_download_explains_in_polish_when_the_renderer_fails(
    owner,
    volunteer,  # noqa: F811
    task,  # noqa: F811
    centre,  # noqa: F811
    weasyprint_broken,
):
    log(volunteer, task, "3")

    response = owner.get(f"/wolontariat/moje/zaswiadczenie/{centre.pk}/")

    assert response.status_code == 503
    assert "Nie można teraz przygotować dokumentu" in response.content.decode()


def test_coordinators_download_explains_too_when_the_renderer_fails(client, jaslo, volunteer, task, weasyprint_broken):  # noqa: F811
    agreement = make_agreement(volunteer, task)
    client.force_login(make_staff("koordynator@example.org", jaslo, Role.COORDINATOR))

    response = client.get(f"/admin/wolontariat-dokumenty/porozumienie/{agreement.pk}/")

    assert response.status_code == 503


def test_own_data_archive_keeps_its_data_and_names_the_missing_pdfs(owner, volunteer, task, weasyprint_broken):  # noqa: F811
    agreement = make_agreement(volunteer, task)
    log(volunteer, task, "3")

    response = owner.get("/wolontariat/moje/dane/pobierz/")

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert json.loads(archive.read("dane.json"))["account"]["email"] == volunteer.user.email
    assert not [name for name in archive.namelist() if name.endswith(".pdf")]
    note = archive.read(MISSING_PDFS_FILENAME).decode()
    assert "dane.json są kompletne" in note
    assert "porozumienia/porozumienie-lucja" in note and f"-{agreement.pk}.pdf" in note
    assert "zaswiadczenia/" in note
