"""The one check every uploaded file goes through: its size, then what its bytes are.

A file's name and the content type the browser sends are typed by whoever uploads it, so
neither is trusted: the size is read from the upload before any byte is loaded, at most one
byte past the limit is ever read, and the kind comes from the content. Each feature states
the kinds it accepts (a spreadsheet import: XLSX or text; an offer's attachments: PDF, ODT,
DOCX, JPG, PNG) and gets the bytes and their kind back, or an `UploadRefused` whose message
it shows at the field.

ZIP packages are told apart by their table of contents (an ODT's first entry "mimetype", a
DOCX's word/document.xml, an XLSX's xl/workbook.xml), read without unpacking anything. Files
that would explode when opened are refused cheaply, before anyone opens them
(`core.upload_bombs`).
"""

import io
import zipfile
from typing import NamedTuple

from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.upload_bombs import image_problem, package_problem, pdf_problem

PDF, ODT, DOCX, XLSX, ODS, ZIP, OLE, PNG, JPEG, GIF, TEXT = (
    "pdf", "odt", "docx", "xlsx", "ods", "zip", "ole", "png", "jpeg", "gif", "text",
)  # fmt: skip
# Kinds that are ZIP packages: their table of contents is checked before anyone unpacks them.
PACKAGES = (ODT, DOCX, XLSX, ODS, ZIP)
IMAGES = (PNG, JPEG, GIF)

SIGNATURES = (
    (b"%PDF-", PDF),
    (b"PK\x03\x04", ZIP),  # refined by `_package_kind`
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),  # old Office files (.xls, .doc)
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF8", GIF),
)
# Formats that are neither of the above nor text: archives, programs.
BINARY = (b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"MZ", b"\x7fELF", b"BZh", b"\xfd7zXZ")
# Parts that carry macros: such a package is not the document kind it looks like (a .docm or
# .xlsm, an ODT with Basic), only an archive.
MACRO_PARTS = ("word/vbaProject.bin", "xl/vbaProject.bin")
MACRO_FOLDERS = ("Basic/", "Scripts/")
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": ODS,
}

KIND_NAMES = {
    PDF: gettext_lazy("PDF"),
    ODT: gettext_lazy("ODT"),
    DOCX: gettext_lazy("DOCX"),
    XLSX: gettext_lazy("XLSX"),
    ODS: gettext_lazy("ODS"),
    ZIP: gettext_lazy("ZIP archive"),
    OLE: gettext_lazy("old Office file"),
    PNG: gettext_lazy("PNG"),
    JPEG: gettext_lazy("JPG"),
    GIF: gettext_lazy("GIF"),
    TEXT: gettext_lazy("CSV text"),
}
# What a download of each kind is served as: the kind found in the bytes, never the upload's.
CONTENT_TYPES = {
    PDF: "application/pdf",
    ODT: "application/vnd.oasis.opendocument.text",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ODS: "application/vnd.oasis.opendocument.spreadsheet",
    PNG: "image/png",
    JPEG: "image/jpeg",
    GIF: "image/gif",
}
EXTENSIONS = {PDF: "pdf", ODT: "odt", DOCX: "docx", XLSX: "xlsx", ODS: "ods", PNG: "png", JPEG: "jpg", GIF: "gif"}


class UploadRefused(Exception):
    """The file as a whole cannot be accepted; `message` says why, in words for the person who
    uploaded it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Upload(NamedTuple):
    data: bytes
    kind: str


def kind_of(data):
    """What the bytes are: one of the kinds above, or None for other binary data."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return _package_kind(data) if kind == ZIP else kind
    # Anything else may be text; whether it decodes is for the reader of that text to say.
    return None if data.startswith(BINARY) else TEXT


def _package_kind(data):
    """ODT, ODS, DOCX or XLSX by the package's table of contents; ZIP for any other archive,
    also one too damaged to open (whoever accepts ZIP says what is wrong with it)."""
    odf_kind = None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = {info.filename for info in infos}
        # OpenDocument: "mimetype" comes first and names the kind (a few dozen bytes).
        if infos and infos[0].filename == "mimetype" and infos[0].file_size <= 100:
            odf_kind = ODF_MIMETYPES.get(archive.read(infos[0]).strip())
    except Exception:  # zipfile raises many kinds of errors on damaged archives
        return ZIP
    if names & set(MACRO_PARTS) or any(name.startswith(MACRO_FOLDERS) for name in names):
        return ZIP
    if odf_kind:
        return odf_kind
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return ZIP


def check_kind(data, kinds, wrong_kind=None, too_large_unpacked=None):
    """The kind of `data` if it is one of `kinds` and safe to open; otherwise `UploadRefused`.
    `too_large_unpacked` words the refusal of a package that would unpack to too much."""
    if not data:
        raise UploadRefused(_("The file is empty."))
    kind = kind_of(data)
    if kind not in kinds:
        expected = get_text_list([str(KIND_NAMES[allowed]) for allowed in kinds], _("or"))
        message = _("This file is not of the right kind. Upload a file of this kind: %(kinds)s.")
        raise UploadRefused(wrong_kind or message % {"kinds": expected})
    problem = package_problem(data, too_large_unpacked) if kind in PACKAGES else None
    problem = pdf_problem(data) if kind == PDF else problem
    problem = image_problem(data) if kind in IMAGES else problem
    if problem:
        raise UploadRefused(problem)
    return kind


def read_upload(upload, *, max_bytes, kinds, too_large=None, wrong_kind=None, too_large_unpacked=None):
    """The bytes and kind of `upload` (a Django UploadedFile) if it is not empty, at most
    `max_bytes` long, of one of `kinds` and safe to open; otherwise `UploadRefused`. A feature
    may word the refusals for its own users, e.g. "Split the list into smaller files"."""
    too_large = too_large or _("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_bytes)}
    if upload.size is not None and upload.size > max_bytes:
        raise UploadRefused(too_large)
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRefused(too_large)
    return Upload(data, check_kind(data, kinds, wrong_kind, too_large_unpacked))
