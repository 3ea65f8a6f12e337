"""The attachment form, the submit, withdraw and copy buttons and the removal of an attachment
survive hostile input; hostile files are refused at the file field, never stored.

The harness of hostile.py sends no files, so on the upload form it covers the other fields (the
missing file keeps every attempt refused); the files below cover the file itself: a script
named .pdf, an HTML page named .png, 60 MB, a PDF bomb, a DOCX zip bomb, an archive inside a
DOCX, a PDF of absurdly many pages and random bytes.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ngo_grants.models import Attachment, Offer, OfferVersion
from ngo_grants.services.submission import submit_offer
from ngo_grants.workflow import OfferStatus
from tests import upload_samples as samples
from tests.ngo_grants.submitting import attach_statute, ready_offer, writer_of
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(jaslo):
    return ready_offer(jaslo, attach=False)


@pytest.fixture
def writer(client, offer):
    client.force_login(writer_of(offer))
    return client


def test_attachment_form_survives_hostile_input(writer, offer):
    required = offer.call.required_attachments.get()

    report = assert_form_survives_hostile_input(
        writer,
        f"/oferty/{offer.pk}/zalaczniki/",
        fields={"required": str(required.pk), "description": "Statut z 2019 roku"},
    )

    assert report["refused"] == report.total(), "without a file nothing can be attached"
    assert not Attachment.objects.exists()


HOSTILE_FILES = {
    "script named pdf": (samples.script_named_pdf, "statut.pdf"),
    "html named png": (samples.html_named_png, "zdjecie.png"),
    "60 MB": (lambda: samples.pdf_bytes() + b"%" + b"x" * (60 * 1024 * 1024), "skan.pdf"),
    "pdf bomb": (samples.pdf_bomb, "budzet.pdf"),
    "pdf of absurdly many pages": (samples.pdf_of_many_pages, "strony.pdf"),
    "docx zip bomb": (samples.docx_zip_bomb, "oferta.docx"),
    "archive inside a docx": (samples.docx_with_nested_archive, "oferta.docx"),
    "empty": (lambda: b"", "pusty.pdf"),
}


def upload(client, offer, content, name):
    data = {"file": SimpleUploadedFile(name, content), "required": "", "description": "Statut z 2019 roku"}
    return client.post(f"/oferty/{offer.pk}/zalaczniki/", data)


@pytest.mark.parametrize("kind", HOSTILE_FILES)
def test_a_hostile_file_is_refused_at_the_file_field_and_nothing_is_lost(writer, offer, kind):
    make, name = HOSTILE_FILES[kind]

    response = upload(writer, offer, make(), name)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find(id="id_file_error").get_text(strip=True)
    assert soup.select_one(".error-summary a[href='#id_file']")
    assert soup.find(attrs={"name": "description"})["value"] == "Statut z 2019 roku"
    assert not Attachment.objects.exists()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(min_size=1, max_size=2000), st.binary(max_size=2000).map(b"PK\x03\x04".__add__)))
def test_random_bytes_never_cause_a_server_error(writer, offer, content):
    writer.raise_request_exception = True

    response = upload(writer, offer, content, "plik.pdf")

    assert response.status_code == 200
    assert not Attachment.objects.exists()


def test_submit_button_survives_hostile_input(writer, offer):
    attach_statute(offer)

    def draft_again():
        OfferVersion.objects.filter(offer=offer).delete()
        Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.DRAFT, number="", submitted_at=None)

    report = assert_form_survives_hostile_input(writer, f"/oferty/{offer.pk}/zloz/", fields={}, prepare=draft_again)

    assert report["redirected"] == report.total()
    assert OfferVersion.objects.filter(offer=offer).count() == 1


def test_withdraw_and_copy_buttons_survive_hostile_input(writer, offer):
    attach_statute(offer)
    submit_offer(offer, user=writer_of(offer))

    def submitted_again():
        Offer.objects.filter(pk=offer.pk).update(status=OfferStatus.SUBMITTED, withdrawn_at=None)

    withdraw = assert_form_survives_hostile_input(
        writer, f"/oferty/{offer.pk}/wycofaj/", fields={}, prepare=submitted_again
    )
    copy = assert_form_survives_hostile_input(
        writer, f"/oferty/{offer.pk}/nowa-z-tej/", fields={}, check_form_page=False
    )

    assert withdraw["redirected"] == withdraw.total()
    assert copy["redirected"] == copy.total()
    assert Offer.objects.filter(status=OfferStatus.DRAFT).count() == copy.total()


def test_removing_an_attachment_survives_hostile_input(writer, offer):
    attachment = attach_statute(offer)
    fields = {field.attname: getattr(attachment, field.attname) for field in Attachment._meta.concrete_fields}

    def attached_again():
        Attachment.objects.get_or_create(pk=attachment.pk, defaults=fields)

    report = assert_form_survives_hostile_input(
        writer,
        f"/oferty/{offer.pk}/zalaczniki/{attachment.pk}/usun/",
        fields={},
        check_form_page=False,
        prepare=attached_again,
    )

    assert report["redirected"] == report.total()
