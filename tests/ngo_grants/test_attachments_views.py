"""Attachments of an offer: added by the organisation's writers while it is a draft, checked by
their content, limited in size, kept privately and downloaded only through the offer's access."""

import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from ngo_grants.models import Attachment
from ngo_grants.services.submission import submit_offer
from tests.accounts.helpers import make_staff
from tests.ngo_grants import add_member
from tests.ngo_grants.submitting import attach_statute, ready_offer, writer_of
from tests.upload_samples import docx_zip_bomb, html_named_png, image_bytes, pdf_bytes, script_named_pdf

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


@pytest.fixture
def offer(jaslo):
    return ready_offer(jaslo, attach=False)


@pytest.fixture
def writer(client, offer):
    client.force_login(writer_of(offer))
    return client


def url(offer, suffix=""):
    return f"/oferty/{offer.pk}/zalaczniki/{suffix}"


def upload(client, offer, content, name="Statut.pdf", required=None, description=""):
    required = offer.call.required_attachments.get().pk if required is None else required
    data = {"file": SimpleUploadedFile(name, content), "required": required, "description": description}
    return client.post(url(offer), data)


def padded_pdf(size):
    """A valid PDF of `size` bytes (a long comment before its trailer)."""
    data = pdf_bytes()
    padding = b"%" + b"x" * (size - len(data) - 2) + b"\n"
    return data.replace(b"trailer", padding + b"trailer")


def field_error(response, field="file"):
    return BeautifulSoup(response.content.decode(), "html.parser").find(id=f"id_{field}_error").get_text(strip=True)


def test_a_pdf_upload_is_kept_privately_with_its_checksum(writer, offer):
    data = pdf_bytes()
    response = upload(writer, offer, data, name="Statut Stowarzyszenia Żółw.pdf")

    assert response.status_code == 302
    attachment = offer.attachments.get()
    assert (attachment.size, attachment.sha256, attachment.kind) == (len(data), hashlib.sha256(data).hexdigest(), "pdf")
    assert attachment.original_name == "Statut Stowarzyszenia Żółw.pdf"
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / attachment.file.name
    assert stored.read_bytes() == data
    assert "Statut" not in attachment.file.name and len(Path(attachment.file.name).stem) >= 32
    page = writer.get(url(offer)).content.decode()
    assert "Statut Stowarzyszenia Żółw.pdf" in page and "dołączony" in page


@pytest.mark.parametrize(
    "make, name",
    [(script_named_pdf, "statut.pdf"), (html_named_png, "zdjecie.png"), (docx_zip_bomb, "oferta.docx")],
)
def test_a_hostile_file_is_refused_at_the_field(writer, offer, make, name):
    response = upload(writer, offer, make(), name=name)

    assert response.status_code == 200
    assert field_error(response)
    assert not Attachment.objects.exists()


def test_a_file_over_10_mb_is_refused(writer, offer):
    response = upload(writer, offer, padded_pdf(10 * MB + 1))

    assert field_error(response).startswith("Plik jest większy niż 10 MB.")
    assert not Attachment.objects.exists()


def test_a_file_of_exactly_10_mb_is_accepted(writer, offer):
    assert upload(writer, offer, padded_pdf(10 * MB)).status_code == 302


def test_attachments_of_one_offer_may_take_50_mb_together(writer, offer):
    for number in range(5):
        attach_statute(offer, padded_pdf(10 * MB - number), name=f"skan-{number}.pdf")

    response = upload(writer, offer, image_bytes("PNG"), name="zdjecie.png", required="", description="Zdjęcie")

    assert "50 MB" in field_error(response) and "wolne jest jeszcze 10\u00a0bajtów" in field_error(response)
    assert offer.attachments.count() == 5


def test_an_additional_attachment_needs_a_description(writer, offer):
    response = upload(writer, offer, image_bytes("JPEG"), name="list.jpg", required="")

    assert field_error(response, "description")
    response = upload(writer, offer, image_bytes("JPEG"), name="list.jpg", required="", description="List poparcia")
    assert response.status_code == 302
    assert offer.attachments.get().kind == "jpeg"


def test_a_writer_removes_an_attachment_of_a_draft_and_its_file(writer, offer):
    attachment = attach_statute(offer)
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / attachment.file.name

    response = writer.post(url(offer, f"{attachment.pk}/usun/"))

    assert response.status_code == 302
    assert not offer.attachments.exists()
    assert not stored.exists()


def test_attachments_of_a_submitted_offer_cannot_change(writer, offer):
    attachment = attach_statute(offer)
    submit_offer(offer, user=writer_of(offer))

    writer.post(url(offer, f"{attachment.pk}/usun/"))
    response = upload(writer, offer, pdf_bytes())

    assert offer.attachments.count() == 1
    assert response.status_code == 302
    assert "nie mogą się zmienić" in writer.get(url(offer)).content.decode()


def test_the_download_is_an_attachment_never_sniffed_nor_cached(writer, offer):
    data = pdf_bytes()
    attachment = attach_statute(offer, data, name='Oświadczenie "zarządu".pdf')

    response = writer.get(url(offer, f"{attachment.pk}/"))

    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"Oswiadczenie zarzadu.pdf\"; filename*=UTF-8''O%C5%9Bwiadczenie%20%22zarz%C4%85du%22.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_an_image_is_served_as_the_kind_found_in_its_bytes(writer, offer):
    attachment = attach_statute(offer, image_bytes("PNG"), name="skan.pdf")

    assert writer.get(url(offer, f"{attachment.pk}/"))["Content-Type"] == "image/png"


def test_grants_staff_of_the_centre_download_but_cannot_upload_or_remove(client, jaslo, offer):
    attachment = attach_statute(offer)
    client.force_login(make_staff("urzednik@example.org", jaslo, Role.GRANTS_OFFICER))

    assert client.get(url(offer, f"{attachment.pk}/")).status_code == 200
    assert upload(client, offer, pdf_bytes()).status_code == 403
    assert client.post(url(offer, f"{attachment.pk}/usun/")).status_code == 403
    assert offer.attachments.count() == 1


def test_other_organisations_and_other_centres_get_not_found(client, jaslo, pulawy, offer):
    attachment = attach_statute(offer)
    stranger = add_member(ready_offer(jaslo, number=1, attach=False).organisation)
    for user in (stranger, make_staff("urzednik.pulawy@example.org", pulawy, Role.GRANTS_OFFICER)):
        client.force_login(user)
        assert client.get(url(offer)).status_code == 404
        assert client.get(url(offer, f"{attachment.pk}/")).status_code == 404
        assert client.post(url(offer, f"{attachment.pk}/usun/")).status_code == 404
    assert offer.attachments.count() == 1


def test_an_attachment_of_another_offer_is_not_found_through_this_one(writer, jaslo, offer):
    other = ready_offer(jaslo, number=1)

    assert writer.get(url(offer, f"{other.attachments.get().pk}/")).status_code == 404
