"""The one check every uploaded file goes through: its size, then what its bytes are.

A file's name and the content type the browser sends are typed by whoever uploads it, so
neither is trusted: the size is read from the upload before any byte is loaded, at most one
byte past the limit is ever read, and the kind comes from the first bytes of the content. Each
feature states the kinds it accepts (a spreadsheet import: XLSX or text; an offer's
attachments: PDF) and gets the bytes back or an `UploadRefused` whose message it shows at the
field.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PDF, ZIP, OLE, IMAGE, TEXT = "pdf", "zip", "ole", "image", "text"

SIGNATURES = (
    (b"%PDF-", PDF),
    (b"PK\x03\x04", ZIP),  # XLSX, DOCX, ODS … are ZIP packages
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),  # old Office files (.xls, .doc)
    (b"\x89PNG\r\n\x1a\n", IMAGE),
    (b"\xff\xd8\xff", IMAGE),
    (b"GIF8", IMAGE),
)
# Formats that are neither of the above nor text: archives, programs.
BINARY = (b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"MZ", b"\x7fELF")

KIND_NAMES = {
    PDF: gettext_lazy("PDF"),
    ZIP: gettext_lazy("XLSX"),
    OLE: gettext_lazy("old Office file"),
    IMAGE: gettext_lazy("image"),
    TEXT: gettext_lazy("CSV text"),
}


class UploadRefused(Exception):
    """The file as a whole cannot be accepted; `message` says why, in words for the person who
    uploaded it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def kind_of(data):
    """What the bytes are: one of the kinds above, or None for other binary data."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    # Anything else may be text; whether it decodes is for the reader of that text to say.
    return None if data.startswith(BINARY) else TEXT


def read_upload(upload, *, max_bytes, kinds, too_large=None, wrong_kind=None):
    """The bytes of `upload` (a Django UploadedFile) if it is not empty, at most `max_bytes`
    long and of one of `kinds`; otherwise `UploadRefused`. A feature may word the two refusals
    for its own users (`too_large`, `wrong_kind`), e.g. "Split the list into smaller files"."""
    too_large = too_large or _("The file is larger than %(limit)s.") % {"limit": filesizeformat(max_bytes)}
    if upload.size is not None and upload.size > max_bytes:
        raise UploadRefused(too_large)
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRefused(too_large)
    check_kind(data, kinds, wrong_kind)
    return data


def check_kind(data, kinds, wrong_kind=None):
    """The kind of `data` if it is one of `kinds`; otherwise `UploadRefused`."""
    if not data:
        raise UploadRefused(_("The file is empty."))
    kind = kind_of(data)
    if kind not in kinds:
        expected = get_text_list([str(KIND_NAMES[allowed]) for allowed in kinds], _("or"))
        message = _("This file is not of the right kind. Upload a file of this kind: %(kinds)s.")
        raise UploadRefused(wrong_kind or message % {"kinds": expected})
    return kind
