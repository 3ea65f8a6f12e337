"""The confirmation PDF: the frozen offer with its number, the submission time to the second
(Polish time) and the checksum anyone can recompute; a broken renderer gives a page, not a 500."""

import hashlib
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from ngo_grants.sections import serialise
from ngo_grants.services.submission import submit_offer
from tests.ngo_grants.submitting import ready_offer, writer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(jaslo):
    offer = ready_offer(jaslo)
    return submit_offer(offer, user=writer_of(offer))


@pytest.fixture
def writer(client, submitted):
    client.force_login(writer_of(submitted))
    return client


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_confirmation_holds_the_number_the_time_and_the_checksum(writer, submitted):
    response = writer.get(f"/oferty/{submitted.pk}/potwierdzenie.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    number = submitted.number.replace("/", "-")
    assert response["Content-Disposition"].startswith(f'attachment; filename="potwierdzenie-oferty-{number}.pdf"')
    text = pdf_text(response)
    compact = re.sub(r"\s+", "", text)
    version = submitted.latest_version()
    assert submitted.number in text
    assert version.checksum in compact
    moment = timezone.localtime(version.created_at).strftime("%H:%M:%S")
    assert moment in text
    assert "Statutstowarzyszenia.pdf" in compact and submitted.attachments.get().sha256 in compact
    assert "Wynagrodzenieopiekunki" in compact


def test_the_checksum_is_recomputed_as_the_confirmation_explains(writer, submitted):
    version = submitted.latest_version()
    text = pdf_text(writer.get(f"/oferty/{submitted.pk}/potwierdzenie.pdf"))

    assert "kluczami w porządku alfabetycznym, bez odstępów" in re.sub(r"\s+", " ", text)
    assert hashlib.sha256(serialise(version.content)).hexdigest() == version.checksum


def test_a_broken_renderer_gives_the_friendly_page(writer, submitted, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("core.pdf.HTML.write_pdf", fail)

    response = writer.get(f"/oferty/{submitted.pk}/potwierdzenie.pdf")

    assert response.status_code == 503
    assert "Nie można teraz przygotować dokumentu" in response.content.decode()


def test_a_draft_has_no_confirmation(client, jaslo):
    offer = ready_offer(jaslo, number=1)
    client.force_login(writer_of(offer))

    assert client.get(f"/oferty/{offer.pk}/potwierdzenie.pdf").status_code == 404
