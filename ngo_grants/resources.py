"""The grants officer's spreadsheets of a call: its offers, and the cost lines of their budgets.

Both read what was submitted (each offer's latest frozen version), never a draft. Money is a
number to the grosz (Decimal; in XLSX shown with two decimals, in CSV written as Poles write
it, "9000,00"); text cells go through core.spreadsheets' safe formats, so a title such as
"=HYPERLINK(…)" typed by an organisation is never run as a formula.
"""

import datetime
import io
from decimal import Decimal

from django.conf import settings
from django.utils import translation
from import_export.fields import Field

from core.spreadsheets import FORMATS, CentreResource
from ngo_grants.models import OfferVersion
from ngo_grants.offer_forms import COST_CATEGORIES

TWO_DECIMALS = "#,##0.00"


class FrozenOfferResource(CentreResource):
    """Rows built from the latest version of each offer in the exported queryset."""

    COLUMNS = ()
    # Numbers to the grosz (or to 0.01 of a unit or a percent), shown with two decimals.
    DECIMALS = ()

    def __init__(self, *, native):
        super().__init__(None, native=native)
        self.fields = {key: Field(attribute=key, column_name=header) for key, header in self.COLUMNS}

    def before_export(self, queryset, **kwargs):
        self.versions = {}
        versions = OfferVersion.objects.filter(offer__in=queryset.values("pk")).order_by("offer_id", "number")
        for version in versions.iterator(chunk_size=500):
            self.versions[version.offer_id] = version

    def decimal_columns(self):
        """1-based numbers of the DECIMALS columns, for their number format in XLSX."""
        keys = [key for key, _header in self.COLUMNS]
        return [keys.index(key) + 1 for key in self.DECIMALS]

    def amount(self, value):
        if value in (None, ""):
            return ""
        return self.number(Decimal(str(value)).quantize(Decimal("0.01")))

    def content_day(self, value):
        return self.day(datetime.date.fromisoformat(value)) if value else ""


class OfferResource(FrozenOfferResource):
    """One row per offer."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("nip", "NIP"),
        ("krs", "KRS"),
        ("task", "zadanie publiczne"),
        ("title", "tytuł zadania"),
        ("starts_on", "początek realizacji"),
        ("ends_on", "koniec realizacji"),
        ("total", "koszt całkowity (zł)"),
        ("grant", "wnioskowana dotacja (zł)"),
        ("own", "wkład własny i inne źródła (zł)"),
        ("own_share", "udział wkładu własnego (%)"),
        ("submitted_at", "złożona"),
        ("checksum", "suma kontrolna SHA-256"),
    )
    DECIMALS = ("total", "grant", "own", "own_share")

    def export_field(self, field, instance, **kwargs):
        key = field.attribute
        version = self.versions.get(instance.pk)
        content = version.content if version else {}
        task = content.get("sections", {}).get("task", {})
        if key in ("starts_on", "ends_on"):
            return self.content_day(task.get(key))
        budget = content.get("budget", {})
        if key in ("total", "grant", "own"):
            return self.amount(budget.get("other" if key == "own" else key))
        if key == "own_share":
            return self.amount(budget.get("own_share"))
        if key == "submitted_at":
            return self.moment(instance.submitted_at)
        if key == "checksum":
            return version.checksum if version else ""
        organisation = content.get("organisation", {})
        values = {
            "number": instance.number,
            "organisation": organisation.get("name", instance.organisation.name),
            "nip": organisation.get("nip", instance.organisation.nip),
            "krs": organisation.get("krs", instance.organisation.krs),
            "task": instance.task.title,
            "title": instance.title,
        }
        return values[key]


class BudgetResource(FrozenOfferResource):
    """One row per cost line of each offer's budget (section V.A)."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("category", "kategoria kosztu"),
        ("name", "rodzaj kosztu"),
        ("quantity", "liczba jednostek"),
        ("unit", "jednostka"),
        ("unit_cost", "koszt jednostkowy (zł)"),
        ("total", "koszt całkowity (zł)"),
        ("from_grant", "z dotacji (zł)"),
        ("from_other", "z innych źródeł (zł)"),
    )
    DECIMALS = ("quantity", "unit_cost", "total", "from_grant", "from_other")

    def before_export(self, queryset, **kwargs):
        super().before_export(queryset, **kwargs)
        self.categories = {key: str(label) for key, label in COST_CATEGORIES}

    def iter_queryset(self, queryset):
        for offer in super().iter_queryset(queryset):
            version = self.versions.get(offer.pk)
            lines = version.content.get("sections", {}).get("costs", {}).get("lines", []) if version else []
            for line in lines:
                yield offer, line

    def export_field(self, field, instance, **kwargs):
        offer, line = instance
        key = field.attribute
        if key == "number":
            return offer.number
        if key == "organisation":
            return offer.organisation.name
        if key == "category":
            return self.categories.get(line.get("category"), line.get("category", ""))
        if key in self.DECIMALS:
            return self.amount(line.get(key))
        return line.get(key, "")


def spreadsheet(resource_class, offers, fmt, title):
    """The bytes of `offers` (a queryset) exported by `resource_class` in `fmt` (xlsx or csv)."""
    resource = resource_class(native=fmt == "xlsx")
    with translation.override(settings.LANGUAGE_CODE):
        dataset = resource.export(offers.select_related("organisation", "task").order_by("number", "pk"))
        dataset.title = title
        data = FORMATS[fmt]().export_data(dataset)
    if fmt == "xlsx":
        return _with_decimals_shown(data, resource.decimal_columns())
    return data.encode("utf-8")


def _with_decimals_shown(data, columns):
    """The workbook with its number columns shown to the grosz ("9 000,00" in a Polish Excel)."""
    import openpyxl  # imported here: only XLSX exports need it

    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.active
    for column in columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            if isinstance(cell.value, int | float | Decimal):
                cell.number_format = TWO_DECIMALS
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
