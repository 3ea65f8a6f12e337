"""Spreadsheet exchange (XLSX, CSV) for every app: reading uploads, writing safe exports.

Reading an uploaded spreadsheet into rows, recognised by its content.

The file's name and the browser's content type are never trusted: an XLSX must be a ZIP with
the parts of an OOXML workbook and open in openpyxl's read-only mode; anything else must be
text in UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or cp1250. Whatever
cannot be read is refused with one message for the person who uploaded it (`UploadRefused`),
never with a server error. Limits keep a hostile file from keeping the server busy.

Writing: no cell can act as a formula when the file is opened in a spreadsheet program: every
text starting with "=", "+", "-", "@", a tab or a carriage return gets a leading apostrophe
(OWASP's advice against CSV injection). The library's own escaping, switched on by
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT, removes one "=" only and turns numbers into text, so
the formats below replace it and escape even if the setting is off.
"""

import codecs
import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import resources
from import_export.formats import base_formats

from core.text import HIDDEN
from core.uploads import ODS, OLE, TEXT, XLSX, ZIP, UploadRefused, check_kind, kind_of, read_upload

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 30
# Blank rows are skipped, but a file of a million blank rows must not keep the server busy.
MAX_SCANNED_ROWS = 5 * MAX_ROWS
# An XLSX that would unpack to gigabytes (a "zip bomb") is refused by the upload check itself.
SPREADSHEET_KINDS = (XLSX, ZIP, ODS, TEXT)  # ZIP and ODS: to say what is wrong with them


@dataclass
class Table:
    headers: list
    rows: list  # [(row number as the spreadsheet shows it, [cell, …]), …]


def read_table(data):
    """The rows of an uploaded XLSX or CSV file, recognised by its content."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRefused(_too_large())
    if data and kind_of(data) == OLE:
        raise UploadRefused(_("This is an old Excel file (.xls). Save it as XLSX or CSV and upload it again."))
    kind = check_kind(data, SPREADSHEET_KINDS, _not_a_spreadsheet(), _too_large_unpacked())
    if kind == ODS:
        raise UploadRefused(_("This is an OpenDocument spreadsheet (.ods). Save it as XLSX or CSV."))
    return _table(_csv_rows(data) if kind == TEXT else _xlsx_rows(data))


def read_spreadsheet_upload(upload):
    """The bytes of an uploaded spreadsheet, through the one upload check (core.uploads); an old
    Excel file passes it so that `read_table` can say how to save it instead."""
    return read_upload(
        upload,
        max_bytes=MAX_UPLOAD_BYTES,
        kinds=(*SPREADSHEET_KINDS, OLE),
        too_large=_too_large(),
        wrong_kind=_not_a_spreadsheet(),
        too_large_unpacked=_too_large_unpacked(),
    ).data


def _too_large():
    return _("The file is larger than 5 MB. Split the list into smaller files.")


def _too_large_unpacked():
    return _("The workbook is too large when unpacked. Split the list into smaller files.")


def _not_a_spreadsheet():
    return _("This file is not a spreadsheet. Upload the list as XLSX or CSV.")


def _table(rows):
    headers, body = None, []
    for number, cells in enumerate(rows, start=1):
        if number > MAX_SCANNED_ROWS:
            raise UploadRefused(_too_many_rows())
        cells = list(cells)[:MAX_COLUMNS]
        if all(blank(cell) for cell in cells):
            continue
        if headers is None:
            headers = [cell_text(cell) for cell in cells]
            continue
        if len(body) == MAX_ROWS:
            raise UploadRefused(_too_many_rows())
        body.append((number, cells))
    if headers is None:
        raise UploadRefused(_("The file has no rows. The first row must name the columns."))
    return Table(headers, body)


def _too_many_rows():
    return _("The file has more than %(limit)s rows of volunteers. Split it into smaller files.") % {
        "limit": f"{MAX_ROWS:,}".replace(",", "\u00a0")
    }


def _xlsx_rows(data):
    broken = _("The file cannot be read as an XLSX workbook: it may be damaged. Open it and save it again.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "[Content_Types].xml" not in names or archive.getinfo("[Content_Types].xml").file_size > 1024 * 1024:
            raise UploadRefused(_("This file is a ZIP archive, not an XLSX workbook."))
        if b"spreadsheetml.sheet.main+xml" not in archive.read("[Content_Types].xml"):
            raise UploadRefused(_("This file is not an XLSX workbook (macro workbooks are not accepted)."))
    except UploadRefused:
        raise
    except Exception as exc:  # zipfile raises many kinds of errors on damaged archives
        raise UploadRefused(broken) from exc
    return _sheet_rows(data, broken)


def _sheet_rows(data, broken):
    import openpyxl  # imported here: only XLSX uploads need it

    try:
        # Formulas are read as written ("=…"), not as their cached results, so a row that
        # carries one is reported instead of imported as whatever it last showed.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises anything from KeyError to XML parse errors
        raise UploadRefused(broken) from exc
    try:
        yield from workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True)
    except UploadRefused:
        raise
    except Exception as exc:
        raise UploadRefused(broken) from exc
    finally:
        workbook.close()


def _csv_rows(data):
    text = _decode(data)
    if HIDDEN.search(text):
        raise UploadRefused(
            _("The file contains control characters, so it is not a CSV text file. Upload the list as XLSX or CSV.")
        )
    if text.lstrip().startswith("<"):
        raise UploadRefused(_("This file is a web page (HTML or XML), not a spreadsheet. Upload XLSX or CSV."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise UploadRefused(
            _("The CSV file is damaged (for example a cell is far too long or a quote is not closed).")
        ) from exc


def _decode(data):
    """CSV in UTF-8 (with or without a byte-order mark), UTF-16 from Excel's "Unicode text",
    or cp1250, in which Excel on Polish Windows saves plain CSV."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    encodings = ("utf-16",) if utf16 else ("utf-8-sig", "cp1250")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadRefused(_("The file's text encoding is not recognised. Save the CSV file as UTF-8."))


def blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return " ".join(str(value).split()) if isinstance(value, str) else str(value).strip()


# --- Writing exports ---------------------------------------------------------------------

YES, NO = "tak", "nie"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 forbids: openpyxl refuses to write them, so they become "�".
ILLEGAL_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """A cell value that no spreadsheet program will run; numbers and dates stay as they are."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_IN_XLSX.sub("\N{REPLACEMENT CHARACTER}", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class SafeFormatMixin:
    def export_data(self, dataset, **kwargs):
        for index, row in enumerate(dataset):
            dataset[index] = [neutralise(cell) for cell in row]
        return self.get_format().export_set(dataset, **kwargs)


class SafeXLSX(SafeFormatMixin, base_formats.XLSX):
    """XLSX whose text cells can never run as formulas (numbers and dates stay typed)."""


class SafeCSV(SafeFormatMixin, base_formats.CSV):
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel in Polish opens straight
    into columns with Polish letters intact."""

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, delimiter=";", **kwargs)


FORMATS = {"xlsx": SafeXLSX, "csv": SafeCSV}


class CentreResource(resources.Resource):
    """A resource for one centre's rows; `native` keeps dates and numbers typed (XLSX),
    otherwise they are written as text the way a Polish reader expects (CSV)."""

    def __init__(self, centre, *, native):
        super().__init__()
        self.centre, self.native = centre, native

    def day(self, value):
        if value is None:
            return ""
        return value if self.native else value.isoformat()

    def moment(self, value):
        if value is None:
            return ""
        local = timezone.localtime(value).replace(tzinfo=None, second=0, microsecond=0)
        return local if self.native else local.strftime("%Y-%m-%d %H:%M")

    def number(self, value):
        value = value or Decimal("0")
        return value if self.native else str(value).replace(".", ",")

    def yes_no(self, value):
        return YES if value else NO

    def iter_queryset(self, queryset):
        # The library pages through querysets that prefetch; these use subqueries instead, so
        # one pass keeps the number of queries the same for 10 or 10,000 rows.
        yield from queryset.iterator(chunk_size=2000)


def content_type(fmt):
    return FORMATS[fmt].CONTENT_TYPE
