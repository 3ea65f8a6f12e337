"""The one upload check: size before content, kind from the bytes, never from the name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from core.uploads import IMAGE, PDF, TEXT, ZIP, UploadRefused, kind_of, read_upload

PDF_BYTES = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


class ExplodingUpload(SimpleUploadedFile):
    """An upload whose content must never be read."""

    def read(self, *args, **kwargs):
        raise AssertionError("the content of an oversized upload was read")


def test_a_pdf_is_recognised_by_its_bytes_whatever_its_name():
    upload = SimpleUploadedFile("oferta.xlsx", PDF_BYTES, content_type="application/vnd.ms-excel")
    assert read_upload(upload, max_bytes=1024, kinds=(PDF,)) == PDF_BYTES
    upload = SimpleUploadedFile("oferta.xlsx", PDF_BYTES)
    with pytest.raises(UploadRefused, match="innego rodzaju"):
        read_upload(upload, max_bytes=1024, kinds=(ZIP, TEXT))


def test_an_image_named_pdf_is_refused_where_pdfs_are_expected():
    with pytest.raises(UploadRefused):
        read_upload(
            SimpleUploadedFile("zalacznik.pdf", PNG_BYTES, content_type="application/pdf"), max_bytes=1024, kinds=(PDF,)
        )
    assert kind_of(PNG_BYTES) == IMAGE


def test_an_oversized_upload_is_refused_before_a_byte_is_read():
    upload = ExplodingUpload("duzy.pdf", PDF_BYTES)
    with pytest.raises(UploadRefused, match="większy niż"):
        read_upload(upload, max_bytes=10, kinds=(PDF,))


def test_an_upload_of_unknown_size_is_read_only_one_byte_past_the_limit():
    upload = SimpleUploadedFile("bez-rozmiaru.pdf", PDF_BYTES + b"x" * 10_000)
    upload.size = None
    with pytest.raises(UploadRefused, match="większy niż"):
        read_upload(upload, max_bytes=100, kinds=(PDF,))
    assert upload.tell() == 101


def test_an_empty_file_and_a_program_are_refused_with_their_own_words():
    with pytest.raises(UploadRefused, match="pusty"):
        read_upload(SimpleUploadedFile("pusty.csv", b""), max_bytes=100, kinds=(TEXT,))
    with pytest.raises(UploadRefused, match="Upload the list"):
        read_upload(
            SimpleUploadedFile("lista.csv", b"MZ\x90\x00"), max_bytes=100, kinds=(TEXT,), wrong_kind="Upload the list"
        )


@given(st.binary(max_size=200))
def test_any_bytes_are_accepted_or_refused_never_crash(data):
    upload = SimpleUploadedFile("plik", data)
    try:
        assert read_upload(upload, max_bytes=150, kinds=(PDF, ZIP, TEXT, IMAGE)) == data
    except UploadRefused as refused:
        assert refused.message
