"""The one upload check: size before content, kind from the bytes, never from the name; files
that would explode when opened are refused before anyone opens them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from core import upload_bombs
from core.uploads import DOCX, JPEG, ODT, PDF, PNG, TEXT, XLSX, ZIP, UploadRefused, kind_of, read_upload
from tests import upload_samples as samples

ATTACHMENT_KINDS = (PDF, ODT, DOCX, JPEG, PNG)
PDF_BYTES = samples.pdf_bytes()
PNG_BYTES = samples.image_bytes("PNG")


class ExplodingUpload(SimpleUploadedFile):
    """An upload whose content must never be read."""

    def read(self, *args, **kwargs):
        raise AssertionError("the content of an oversized upload was read")


def attach(name, data, content_type="application/octet-stream"):
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    return read_upload(upload, max_bytes=10 << 20, kinds=ATTACHMENT_KINDS)


@pytest.mark.parametrize(
    "make, kind",
    [
        (samples.pdf_bytes, PDF),
        (samples.odt_bytes, ODT),
        (samples.docx_bytes, DOCX),
        (samples.xlsx_bytes, XLSX),
        (lambda: samples.image_bytes("JPEG"), JPEG),
        (lambda: samples.image_bytes("PNG"), PNG),
        (lambda: samples.zip_bytes({"notatki.txt": "nic"}), ZIP),
        (lambda: b"imie;nazwisko\r\nAnna;Nowak\r\n", TEXT),
    ],
)
def test_each_kind_is_recognised_by_its_content(make, kind):
    assert kind_of(make()) == kind


def test_a_pdf_is_recognised_by_its_bytes_whatever_its_name():
    upload = SimpleUploadedFile("oferta.xlsx", PDF_BYTES, content_type="application/vnd.ms-excel")
    assert read_upload(upload, max_bytes=1024, kinds=(PDF,)) == (PDF_BYTES, PDF)
    upload = SimpleUploadedFile("oferta.xlsx", PDF_BYTES)
    with pytest.raises(UploadRefused, match="innego rodzaju"):
        read_upload(upload, max_bytes=1024, kinds=(ZIP, TEXT))


def test_an_odt_needs_its_mimetype_entry_first():
    shuffled = samples.zip_bytes({"content.xml": "<x/>", "mimetype": samples.ODT_MIMETYPE})
    assert kind_of(shuffled) == ZIP
    with pytest.raises(UploadRefused, match="PDF, ODT, DOCX, JPG lub PNG"):
        attach("oferta.odt", shuffled)


def test_documents_with_macros_are_not_taken_for_documents():
    assert kind_of(samples.docx_bytes({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})) == ZIP
    odt_with_basic = samples.zip_bytes(
        {"mimetype": samples.ODT_MIMETYPE, "content.xml": "<x/>", "Basic/Standard/Module1.xml": "<script/>"}
    )
    assert kind_of(odt_with_basic) == ZIP
    with pytest.raises(UploadRefused, match="innego rodzaju"):
        attach("oferta.docx", samples.docx_bytes({"word/vbaProject.bin": b"makro"}))


def test_a_script_renamed_pdf_is_refused():
    with pytest.raises(UploadRefused, match="innego rodzaju"):
        attach("statut.pdf", samples.script_named_pdf(), "application/pdf")


def test_an_html_file_named_png_is_refused():
    with pytest.raises(UploadRefused, match="innego rodzaju"):
        attach("zdjecie.png", samples.html_named_png(), "image/png")


def test_an_image_named_pdf_is_refused_where_pdfs_are_expected():
    with pytest.raises(UploadRefused):
        read_upload(
            SimpleUploadedFile("zalacznik.pdf", PNG_BYTES, content_type="application/pdf"), max_bytes=1024, kinds=(PDF,)
        )


def test_a_60_mb_file_is_refused_before_a_byte_is_read():
    upload = ExplodingUpload("skan.pdf", PDF_BYTES)
    upload.size = 60 * 1024 * 1024
    with pytest.raises(UploadRefused, match="większy niż 10,0\u00a0MB"):
        read_upload(upload, max_bytes=10 * 1024 * 1024, kinds=ATTACHMENT_KINDS)


def test_an_upload_of_unknown_size_is_read_only_one_byte_past_the_limit():
    upload = SimpleUploadedFile("bez-rozmiaru.pdf", PDF_BYTES + b"x" * 10_000)
    upload.size = None
    with pytest.raises(UploadRefused, match="większy niż"):
        read_upload(upload, max_bytes=100, kinds=(PDF,))
    assert upload.tell() == 101


def test_a_pdf_bomb_is_refused():
    bomb = samples.pdf_bomb()
    assert len(bomb) < 1024 * 1024
    with pytest.raises(UploadRefused, match="bomba PDF"):
        attach("budzet.pdf", bomb)


def test_a_pdf_of_absurdly_many_pages_is_refused():
    with pytest.raises(UploadRefused, match="bomba PDF"):
        attach("strony.pdf", samples.pdf_of_many_pages())


def test_a_pdf_inflating_twice_is_refused():
    data = samples.pdf_bytes().replace(b"/Filter /FlateDecode", b"/Filter [/FlateDecode /FlateDecode]")
    with pytest.raises(UploadRefused, match="bomba PDF"):
        attach("podwojny.pdf", data)


def test_a_docx_zip_bomb_is_refused_by_its_compression_ratio():
    with pytest.raises(UploadRefused, match="bomba zip"):
        attach("oferta.docx", samples.docx_zip_bomb())


def test_a_docx_too_large_when_unpacked_is_refused(monkeypatch):
    monkeypatch.setattr(upload_bombs, "MAX_UNPACKED", 1000)
    with pytest.raises(UploadRefused, match="bomba zip"):
        attach("oferta.docx", samples.docx_bytes({"word/media/a.png": PNG_BYTES * 20}))


def test_a_docx_of_too_many_parts_is_refused(monkeypatch):
    monkeypatch.setattr(upload_bombs, "MAX_ENTRIES", 3)
    with pytest.raises(UploadRefused, match="więcej niż 3 części"):
        attach("oferta.docx", samples.docx_bytes({"word/a.xml": "<a/>", "word/b.xml": "<b/>"}))


def test_an_archive_inside_a_docx_is_refused_by_content_and_by_name():
    with pytest.raises(UploadRefused, match="inne archiwum"):
        attach("oferta.docx", samples.docx_with_nested_archive())
    with pytest.raises(UploadRefused, match="inne archiwum"):
        attach("oferta.docx", samples.docx_bytes({"word/media/x.gz": b"tekst"}))


def test_a_workbook_embedded_for_a_chart_is_accepted_and_checked_itself():
    chart = samples.docx_bytes({"word/embeddings/Arkusz1.xlsx": samples.xlsx_bytes()})
    assert attach("wykres.docx", chart).kind == DOCX
    nested_bomb = samples.docx_bytes({"word/embeddings/Arkusz1.xlsx": samples.docx_zip_bomb()})
    with pytest.raises(UploadRefused, match="bomba zip"):
        attach("wykres.docx", nested_bomb)


def test_real_documents_of_every_kind_pass_the_bomb_checks():
    for make in (samples.pdf_bytes, samples.odt_bytes, samples.docx_bytes, lambda: samples.image_bytes("JPEG")):
        assert attach("plik", make()).data == make()
    assert attach("plik", PNG_BYTES).data == PNG_BYTES


@pytest.mark.parametrize(
    "name, data",
    [
        ("podpis.png", b"\x89PNG\r\n\x1a\n"),
        ("podpis.png", PNG_BYTES[: len(PNG_BYTES) // 2]),
        ("skan.jpg", b"\xff\xd8\xff\xe0"),
        ("statut.pdf", b"%PDF-1.7\n"),
        ("statut.pdf", PDF_BYTES[: len(PDF_BYTES) - 10]),
    ],
)
def test_a_file_that_is_only_a_signature_or_cut_off_is_refused_as_damaged(name, data):
    """Staff could not open it: the organisation hears it now, while it can still send it again."""
    with pytest.raises(UploadRefused, match="uszkodzony lub niekompletny"):
        attach(name, data)


def png_declaring(width, height):
    """A PNG of a few dozen bytes whose header declares `width` × `height` pixels."""
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def test_an_image_declaring_huge_dimensions_is_refused_before_it_is_decoded():
    bomb = png_declaring(100_000, 100_000)
    assert len(bomb) < 100
    with pytest.raises(UploadRefused, match="50 megapikseli"):
        attach("zdjecie.png", bomb)
    with pytest.raises(UploadRefused, match="50 megapikseli"):
        attach("zdjecie.png", png_declaring(8000, 8000))


def test_an_empty_file_and_a_program_are_refused_with_their_own_words():
    with pytest.raises(UploadRefused, match="pusty"):
        read_upload(SimpleUploadedFile("pusty.csv", b""), max_bytes=100, kinds=(TEXT,))
    with pytest.raises(UploadRefused, match="Upload the list"):
        read_upload(
            SimpleUploadedFile("lista.csv", b"MZ\x90\x00"), max_bytes=100, kinds=(TEXT,), wrong_kind="Upload the list"
        )


@given(st.one_of(st.binary(max_size=200), st.binary(max_size=200).map(b"PK\x03\x04".__add__)))
def test_any_bytes_are_accepted_or_refused_never_crash(data):
    upload = SimpleUploadedFile("plik", data)
    try:
        assert read_upload(upload, max_bytes=150, kinds=(PDF, ZIP, TEXT, PNG, DOCX, ODT)).data == data
    except UploadRefused as refused:
        assert refused.message
