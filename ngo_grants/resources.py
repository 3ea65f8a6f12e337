"""The grants officer's spreadsheets of a call: its offers, the cost lines of their budgets, the
formal review, the committee's scores per member and criterion, the results, the agreements and
the reports under them.

The offers and budgets read what was submitted (each offer's latest frozen version), never a
draft; the later steps read their own records. Money is a
number to the grosz (Decimal; in XLSX shown with two decimals, in CSV written as Poles write
it, "9000,00"); text cells go through core.spreadsheets' safe formats, so a title such as
"=HYPERLINK(…)" typed by an organisation is never run as a formula.
"""

import datetime
import io
from decimal import Decimal

from django.conf import settings
from django.db.models import Count
from django.utils import translation
from import_export.fields import Field

from core.spreadsheets import FORMATS, CentreResource, neutralise
from ngo_grants.models import (
    Agreement,
    CorrectionRequest,
    CriterionScore,
    Declaration,
    FormalDecision,
    Grant,
    OfferVersion,
    Recommendation,
    Report,
)
from ngo_grants.offer_forms import COST_CATEGORIES
from ngo_grants.services import reports as report_service

TWO_DECIMALS = "#,##0.00"


class RecordResource(CentreResource):
    """Rows of one step's records for the offers exported, read in bulk before the export."""

    COLUMNS = ()
    # Numbers to the grosz (or to 0.01 of a unit or a percent), shown with two decimals.
    DECIMALS = ()

    def __init__(self, *, native):
        super().__init__(None, native=native)
        self.fields = {key: Field(attribute=key, column_name=header) for key, header in self.COLUMNS}

    def decimal_columns(self):
        """1-based numbers of the DECIMALS columns, for their number format in XLSX."""
        keys = [key for key, _header in self.COLUMNS]
        return [keys.index(key) + 1 for key in self.DECIMALS]

    def amount(self, value):
        """A Decimal, or a string from a frozen version ("9000.00"), to the grosz; "" for none."""
        if value in (None, ""):
            return ""
        return self.number(Decimal(str(value)).quantize(Decimal("0.01")))


class RowResource(RecordResource):
    """A resource whose subclass builds each row's values at once in `row(instance)`; export_field
    asks column by column, so the row is made once and read from."""

    def export_field(self, field, instance, **kwargs):
        if instance is not getattr(self, "_row_of", None):
            self._row_of, self._row = instance, self.row(instance)
        return self._row[field.attribute]


class FrozenOfferResource(RecordResource):
    """Rows built from the latest version of each offer in the exported queryset."""

    def before_export(self, queryset, **kwargs):
        self.versions = {}
        versions = OfferVersion.objects.filter(offer__in=queryset.values("pk")).order_by("offer_id", "number")
        for version in versions.iterator(chunk_size=500):
            self.versions[version.offer_id] = version

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


class FormalResource(RowResource):
    """One row per offer: the formal review's outcome, its reason and the correction rounds."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("outcome", "ocena formalna"),
        ("reason", "uzasadnienie"),
        ("corrections", "wezwania do poprawienia"),
        ("versions", "wersje oferty"),
        ("decided_at", "data decyzji"),
    )

    def before_export(self, queryset, **kwargs):
        offers = queryset.values("pk")
        self.decisions = {item.offer_id: item for item in FormalDecision.objects.filter(offer__in=offers)}
        self.corrections = _counts(CorrectionRequest.objects.filter(offer__in=offers))
        self.versions = _counts(OfferVersion.objects.filter(offer__in=offers))

    def row(self, instance):
        decision = self.decisions.get(instance.pk)
        return {
            "number": instance.number,
            "organisation": instance.organisation.name,
            "outcome": decision.get_outcome_display() if decision else instance.get_status_display(),
            "reason": decision.reason if decision else "",
            "corrections": self.corrections.get(instance.pk, 0),
            "versions": self.versions.get(instance.pk, 0),
            "decided_at": self.moment(decision.decided_at) if decision else "",
        }


class ScoreResource(RowResource):
    """One row per submitted score, member and criterion; a conflicted member's score is marked
    as not counted, as in the protocol."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("member", "członek komisji"),
        ("criterion", "kryterium"),
        ("points", "punkty"),
        ("max_points", "maksimum"),
        ("justification", "uzasadnienie"),
        ("proposed", "proponowana dotacja (zł)"),
        ("counted", "liczona"),
        ("submitted_at", "przesłana"),
    )
    DECIMALS = ("proposed",)

    def before_export(self, queryset, **kwargs):
        self.conflicts = set(
            Declaration.objects.filter(offer__in=queryset.values("pk"), conflict=True).values_list(
                "member_id", "offer_id"
            )
        )

    def iter_queryset(self, queryset):
        # One query for every row, however many offers: points joined to their scores.
        points = (
            CriterionScore.objects.filter(score__offer__in=queryset.values("pk"), score__submitted_at__isnull=False)
            .select_related("score__offer__organisation", "score__member__user")
            .order_by("score__offer__number", "score__member_id", "pk")
        )
        yield from points.iterator(chunk_size=2000)

    def row(self, instance):
        item, score = instance, instance.score
        counted = score.member.votes and (score.member_id, score.offer_id) not in self.conflicts
        return {
            "number": score.offer.number,
            "organisation": score.offer.organisation.name,
            "member": str(score.member),
            "criterion": item.criterion_name,
            "points": item.points,
            "max_points": item.max_points,
            "justification": item.justification,
            "proposed": self.amount(score.proposed_amount),
            "counted": self.yes_no(counted),
            "submitted_at": self.moment(score.submitted_at),
        }


class ResultResource(RowResource):
    """One row per offer: the committee's points and recommendation, the head's decision."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("task", "zadanie publiczne"),
        ("points", "punkty"),
        ("requested", "wnioskowana dotacja (zł)"),
        ("recommended", "rekomendacja komisji (zł)"),
        ("granted", "przyznana dotacja (zł)"),
        ("status", "status"),
        ("reason", "uzasadnienie"),
    )
    DECIMALS = ("points", "requested", "recommended", "granted")

    def before_export(self, queryset, **kwargs):
        offers = queryset.values("pk")
        self.grants = {item.offer_id: item for item in Grant.objects.filter(offer__in=offers)}
        self.recommendations = {item.offer_id: item.amount for item in Recommendation.objects.filter(offer__in=offers)}

    def row(self, instance):
        grant = self.grants.get(instance.pk)
        return {
            "number": instance.number,
            "organisation": instance.organisation.name,
            "task": instance.task.title,
            "points": self.amount(grant.points) if grant else "",
            "requested": self.amount(instance.grant_requested),
            "recommended": self.amount(self.recommendations.get(instance.pk)),
            "granted": self.amount(grant.amount) if grant else "",
            "status": instance.get_status_display(),
            "reason": grant.reason if grant else "",
        }


class AgreementResource(RowResource):
    """One row per agreement."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("agreement", "numer umowy"),
        ("starts_on", "początek realizacji"),
        ("ends_on", "koniec realizacji"),
        ("amount", "dotacja (zł)"),
        ("own", "wkład własny (zł)"),
        ("instalments", "liczba transz"),
        ("overrun", "dopuszczalne przekroczenie (%)"),
        ("final_report_on", "termin sprawozdania końcowego"),
        ("annex", "zaktualizowany budżet"),
    )
    DECIMALS = ("amount", "own", "overrun")

    def iter_queryset(self, queryset):
        agreements = Agreement.objects.filter(offer__in=queryset.values("pk")).select_related("offer__organisation")
        yield from agreements.order_by("offer__number").iterator(chunk_size=1000)

    def row(self, instance):
        return {
            "number": instance.offer.number,
            "organisation": instance.offer.organisation.name,
            "agreement": instance.number,
            "starts_on": self.day(instance.starts_on),
            "ends_on": self.day(instance.ends_on),
            "amount": self.amount(instance.amount),
            "own": self.amount(instance.own_contribution),
            "instalments": len(instance.instalments),
            "overrun": self.amount(instance.overrun_percent),
            "final_report_on": self.day(instance.final_report_on),
            "annex": self.yes_no(instance.budget_update_id is not None),
        }


class ReportResource(RowResource):
    """One row per report sent (a returned report and the one sent after it are two rows)."""

    COLUMNS = (
        ("number", "numer oferty"),
        ("organisation", "organizacja"),
        ("agreement", "numer umowy"),
        ("kind", "rodzaj sprawozdania"),
        ("due", "termin"),
        ("submitted", "złożono"),
        ("late", "po terminie"),
        ("grant", "dotacja (zł)"),
        ("spent", "wydatki z dotacji (zł)"),
        ("used", "dotacja wykorzystana zgodnie z umową (zł)"),
        ("to_return", "do zwrotu (zł)"),
        ("over", "pozycje ponad limit"),
        ("decision", "decyzja ośrodka"),
        ("remarks", "uwagi ośrodka"),
    )
    DECIMALS = ("grant", "spent", "used", "to_return")

    def iter_queryset(self, queryset):
        reports = Report.objects.filter(agreement__offer__in=queryset.values("pk")).select_related(
            "agreement__offer__organisation"
        )
        yield from reports.order_by("agreement__offer__number", "kind", "submitted_at").iterator(chunk_size=1000)

    def row(self, instance):
        agreement = instance.agreement
        rows = report_service.report_rows(instance)
        decision = {None: "oczekuje", True: "przyjęte", False: "zwrócone"}[instance.accepted]
        return {
            "number": agreement.offer.number,
            "organisation": agreement.offer.organisation.name,
            "agreement": agreement.number,
            "kind": instance.get_kind_display(),
            "due": self.day(report_service.due_on(agreement, instance.kind)),
            "submitted": self.moment(instance.submitted_at),
            "late": self.yes_no(report_service.late(instance)),
            "grant": self.amount(agreement.amount),
            "spent": self.amount(sum((row["actual"]["from_grant"] for row in rows), Decimal("0"))),
            "used": self.amount(instance.grant_used),
            "to_return": self.amount(instance.to_return),
            "over": "; ".join(row["name"] for row in rows if row["over"]),
            "decision": decision,
            "remarks": instance.remarks,
        }


def _counts(queryset):
    return dict(queryset.values("offer_id").annotate(count=Count("pk")).values_list("offer_id", "count"))


def spreadsheet(resource_class, offers, fmt, title):
    """The bytes of `offers` (a queryset) exported by `resource_class` in `fmt` (xlsx or csv)."""
    resource = resource_class(native=fmt == "xlsx")
    with translation.override(settings.LANGUAGE_CODE):
        dataset = resource.export(offers.select_related("organisation", "task").order_by("number", "pk"))
        dataset.title = title
        if fmt == "xlsx":
            return _xlsx(dataset, resource.decimal_columns())
        return FORMATS[fmt]().export_data(dataset).encode("utf-8")


def _xlsx(dataset, decimal_columns):
    """The workbook written row by row (openpyxl's write-only mode keeps memory flat for 100,000
    rows), text made safe as core.spreadsheets does, numbers shown to the grosz ("9 000,00")."""
    import openpyxl  # imported here: only XLSX exports need it
    from openpyxl.cell import WriteOnlyCell

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(dataset.title)
    sheet.append(dataset.headers)
    decimals = {column - 1 for column in decimal_columns}
    for row in dataset:
        cells = []
        for index, value in enumerate(row):
            value = neutralise(value)
            if index in decimals and isinstance(value, int | float | Decimal):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = TWO_DECIMALS
                value = cell
            cells.append(value)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
