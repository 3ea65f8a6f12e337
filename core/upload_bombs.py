"""Files that are small to upload and huge to open ("bombs"), caught before anyone opens them.

Part of the one upload check (`core.uploads`), which calls these on a file of a kind it
accepts; each returns the reason to refuse the file, or None. Both checks cost little more
than reading the file, whatever it claims to contain.

ZIP packages (DOCX, ODT, XLSX, …): nothing is extracted. The table of contents states each
entry's compressed and unpacked size; the package is refused when it has too many entries,
when all entries together would unpack to more than `MAX_UNPACKED` or when an entry of some
size unpacks to more than `MAX_RATIO` times its compressed size (the threshold Apache POI uses
for Office files). The first bytes of each entry (one decompressed block) tell archives
hidden inside: they are refused, except a workbook or document Office embeds for a chart
("…/embeddings/…"), which is checked the same way, and must itself hold no archive. Python's
zipfile never unpacks more than an entry's declared size, so a size that lies cannot overrun
these limits when the file is read here later (the spreadsheet import).

PDF: PDF bombs are compressed streams that inflate to gigabytes, and files with absurd
numbers of pages or objects that keep a viewer or renderer busy. Every stream is inflated in
chunks and counted, stopping as soon as the sum passes `MAX_PDF_UNPACKED` (streams that are
not zlib data, such as JPEG images, are skipped: they stay as large as they are); page
objects are counted in the file and inside the inflated object streams, objects in the file.
A filter that inflates twice ([/FlateDecode /FlateDecode]) is refused outright: no real
document needs it, and only the first layer would be counted. pypdf could parse the file
properly, but parsing is exactly what a bomb attacks; these counts need no parser. A PDF
whose end-of-file marker is missing was cut off on the way and is refused as damaged.

Images (PNG, JPEG, GIF): a file of a few kilobytes may declare 100,000 × 100,000 pixels, tens
of gigabytes once decoded. Pillow reads only the header for the size, which is refused above
`MAX_IMAGE_PIXELS`; then its verify() walks the file without decoding pixels, so a bare
signature or a cut-off image is refused as damaged rather than accepted for staff to open.
"""

import io
import re
import warnings
import zipfile
import zlib

from django.utils.translation import gettext as _
from PIL import Image

MAX_ENTRIES = 1000
MAX_UNPACKED = 100 * 1024 * 1024
MAX_RATIO = 100
# Small entries (a page of repeated XML) may compress better than MAX_RATIO harmlessly.
RATIO_FROM_BYTES = 1024 * 1024
ARCHIVE_SIGNATURES = (b"PK\x03\x04", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"BZh", b"\xfd7zXZ", b"\x28\xb5\x2f\xfd")
ARCHIVE_NAMES = (".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst", ".jar", ".cab")

MAX_PDF_UNPACKED = 200 * 1024 * 1024
MAX_PDF_PAGES = 2000
MAX_PDF_OBJECTS = 100_000
PDF_CHUNK = 1024 * 1024
PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
PDF_DOUBLE_FLATE = re.compile(rb"/Filter\s*\[\s*/(?:FlateDecode|Fl)\s*/(?:FlateDecode|Fl)\b")
# Readers look for the end-of-file marker in the last kilobyte; a file without it was cut off.
PDF_TAIL = 1024

# A 50-megapixel photo is more than phones and scanners make; decoding more needs gigabytes.
MAX_IMAGE_PIXELS = 50_000_000


def package_problem(data, too_large_unpacked=None, *, nested=False):
    """Why the ZIP package `data` must not be opened, or None."""
    too_large_unpacked = too_large_unpacked or _(
        "The file would take far more space unpacked than its size, as a “zip bomb” does. Save it again "
        "(or as PDF) and upload it."
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # a package no one can open cannot explode; its reader says it is damaged
        return None
    if len(infos) > MAX_ENTRIES:
        return _("The file holds more than %(limit)s parts. Save it again (or as PDF) and upload it.") % {
            "limit": MAX_ENTRIES
        }
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        return too_large_unpacked
    for info in infos:
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return too_large_unpacked
    for info in infos:
        problem = _entry_problem(archive, info, too_large_unpacked, nested)
        if problem:
            return problem
    return None


def _entry_problem(archive, info, too_large_unpacked, nested):
    archive_inside = _("The file has another archive inside it. Upload the documents themselves, not an archive.")
    if info.filename.lower().endswith(ARCHIVE_NAMES):
        return archive_inside
    if info.is_dir() or not info.file_size:
        return None
    try:
        with archive.open(info) as member:
            head = member.read(8)
    except Exception:  # encrypted, an unknown compression or damaged
        return _("The file is damaged or protected with a password. Save it again without a password.")
    if not head.startswith(ARCHIVE_SIGNATURES):
        return None
    if nested or not head.startswith(b"PK\x03\x04") or "embeddings/" not in info.filename:
        return archive_inside
    # A workbook embedded for a chart: bounded by the sizes checked above, checked the same way.
    try:
        inner = archive.read(info)
    except Exception:
        return _("The file is damaged or protected with a password. Save it again without a password.")
    return package_problem(inner, too_large_unpacked, nested=True)


def damaged():
    """The refusal of a file cut off or mangled on the way: staff could not open it either."""
    return _("The file is damaged or incomplete. Open it on your computer, save it again and upload it.")


def image_problem(data):
    """Why the image `data` must not be opened, or None."""
    too_large = _("The image is too large to display: save it smaller (at most 50 megapixels) and upload it.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return too_large
            image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return too_large
    except Exception:  # Pillow raises many kinds of errors on damaged images
        return damaged()
    return None


def pdf_problem(data):
    """Why the PDF `data` must not be opened, or None."""
    if b"%%EOF" not in data[-PDF_TAIL:]:
        return damaged()
    bomb = _(
        "This PDF would unpack to far more than its size, or has an absurd number of pages or parts, as a "
        "“PDF bomb” does. Print it to a new PDF and upload that."
    )
    if PDF_DOUBLE_FLATE.search(data) or len(PDF_OBJECT.findall(data)) > MAX_PDF_OBJECTS:
        return bomb
    pages = len(PDF_PAGE.findall(data))
    unpacked = 0
    for match in PDF_STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        stream = data[match.end() : end if end >= 0 else len(data)]
        inflate = zlib.decompressobj()
        try:
            chunk = inflate.decompress(stream, PDF_CHUNK)
            while chunk:
                unpacked += len(chunk)
                pages += len(PDF_PAGE.findall(chunk))
                if unpacked > MAX_PDF_UNPACKED or pages > MAX_PDF_PAGES:
                    return bomb
                chunk = inflate.decompress(inflate.unconsumed_tail, PDF_CHUNK)
        except zlib.error:
            continue  # not zlib data (an image, or another filter): it stays the size it is
    return bomb if pages > MAX_PDF_PAGES else None
