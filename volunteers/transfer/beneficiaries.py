"""Beneficiaries and their needs in a spreadsheet: the same exchange as the volunteers' one.

One row per need; the beneficiary's columns repeat on each of their needs' rows, and a
beneficiary without needs has one row with the need's columns empty. Rows with the same name
and address are one beneficiary. Reading reuses the volunteers' machinery
(`spreadsheets.read_table`, `importing.map_headers` and its row checker's cell rules), so
both lists report problems the same way: "row 7, column district: …", in Polish.

Nothing is written while checking; `import_beneficiaries` writes a clean check in one
transaction, each new record logged as CREATED in the access log.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.fields import Field

from core.spreadsheets import FORMATS, CentreResource, UploadRefused
from volunteers.forms import slot_choices
from volunteers.models import (
    AccessAction,
    Beneficiary,
    BeneficiaryKind,
    DisabilityKind,
    District,
    Gender,
    Language,
    Need,
    NeedStatus,
    Skill,
    TaskCategory,
)
from volunteers.services import access_log
from volunteers.transfer.importing import (
    Column,
    ImportCheck,
    _cell,
    _parse_date,
    _RowChecker,
    _vocabulary,
    map_headers,
)

BATCH = 500

PERSON = (
    Column("name", "nazwa", required=True, max_length=120),
    Column("kind", "rodzaj", required=True),
    Column("first_name", "imię dla wolontariusza", required=True, max_length=60),
    Column("phone", "telefon", max_length=20),
    Column("email", "e-mail", max_length=254),
    Column("address", "adres", required=True),
    Column("meeting_place", "miejsce spotkań"),
    Column("district", "dzielnica", required=True),
    Column("household_note", "notatki o gospodarstwie domowym", max_length=4000),
)
NEED = (
    Column("category", "kategoria potrzeby"),
    Column("skills", "umiejętności", max_length=2000),
    Column("times", "terminy", max_length=2000),
    Column("hours_per_week", "godzin tygodniowo"),
    Column("start_date", "od kiedy"),
    Column("status", "status potrzeby"),
    Column("child_involved", "dotyczy dziecka"),
    Column("preferred_gender", "płeć wolontariusza"),
    Column("language", "język"),
    Column("disability", "doświadczenie z niepełnosprawnością"),
    Column("needs_licence", "prawo jazdy"),
    Column("needs_car", "samochód"),
    Column("staff_note", "notatka personelu", max_length=4000),
)
COLUMNS = PERSON + NEED
PERSON_KEYS = frozenset(column.key for column in PERSON)
HEADERS = {column.key: column.header for column in COLUMNS}


def _labels(choices):
    """{Polish label, folded: value} and the values themselves, for cells typed either way."""
    with translation.override("pl"):
        by_label = {str(label).casefold(): value for value, label in choices}
    return {**by_label, **{value: value for value, _label in choices}}


@dataclass
class NeedCandidate:
    row: int
    values: dict
    skill_ids: list = field(default_factory=list)


@dataclass
class BeneficiaryCandidate:
    row: int
    values: dict
    needs: list = field(default_factory=list)

    @property
    def name(self):
        return self.values["name"]

    @property
    def address(self):
        return self.values["address"]


def check_beneficiaries(table, centre):
    """Every problem of every row, and the beneficiaries (with needs) of the clean rows."""
    positions = map_headers(table.headers, COLUMNS)
    rows = [
        (number, {key: _cell(cells, position) for key, position in positions.items()}) for number, cells in table.rows
    ]
    if not rows:
        raise UploadRefused(_("The file has the column names but no beneficiaries under them."))
    registered = {
        (name.casefold(), address.casefold())
        for name, address in Beneficiary.objects.filter(centre=centre).values_list("name", "address")
    }
    checker = _BeneficiaryChecker(centre, registered)
    errors = []
    for number, values in rows:
        errors.extend(checker.check(number, values))
    return ImportCheck(list(checker.found.values()), errors)


class _BeneficiaryChecker(_RowChecker):
    headers = HEADERS

    def __init__(self, centre, registered):
        districts = {d.name.casefold(): d.pk for d in District.objects.filter(centre=centre)}
        vocabularies = {"skills": _vocabulary(Skill), "language": _vocabulary(Language)}
        vocabularies["disability"] = _vocabulary(DisabilityKind)
        super().__init__(centre, timezone.localdate(), vocabularies, districts, set(), {})
        self.registered, self.found = registered, {}
        self.kinds, self.categories = _labels(BeneficiaryKind.choices), _labels(TaskCategory.choices)
        self.statuses, self.times = _labels(NeedStatus.choices), _labels(slot_choices())
        self.genders = _labels([choice for choice in Gender.choices if choice[0] in (Gender.WOMAN, Gender.MAN)])

    def check(self, number, values):
        self.errors, self.number = [], number
        texts = {column.key: self.text(column, values.get(column.key)) for column in COLUMNS}
        person = self.person(texts)
        need = self.need(texts, values) if any(texts[column.key] for column in NEED) else None
        if self.errors:
            return self.errors
        key = (person["name"].casefold(), person["address"].casefold())
        if key in self.registered:
            self.error("name", _("A beneficiary with this name and address is already registered in this centre."))
            return self.errors
        candidate = self.found.setdefault(key, BeneficiaryCandidate(number, person))
        if candidate.values != person:
            self.error(
                "name",
                _("Row %(row)s describes the same beneficiary differently: the person's columns must be the same.")
                % {"row": candidate.row},
            )
            return self.errors
        if need is not None:
            candidate.needs.append(need)
        return []

    def person(self, texts):
        values = {key: texts[key] or "" for key in ("name", "first_name", "address", "meeting_place")}
        values["household_note"] = texts["household_note"] or ""
        values["kind"] = self.choice("kind", texts["kind"], self.kinds)
        values["phone"] = self.phone(texts["phone"]) or ""
        values["email"] = self.email_address(texts["email"])
        names = self.names("district", texts["district"], self.districts, _district_message())
        if len(names) > 1:
            self.error("district", _("Write one district."))
        values["district_id"] = names[0] if names else None
        return values

    def email_address(self, text):
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        if not text:
            return ""
        try:
            validate_email(text)
        except ValidationError:
            self.error("email", _("Not a valid e-mail address."))
            return ""
        return text.lower()

    def need(self, texts, values):
        need = NeedCandidate(self.number, {})
        if not texts["category"]:
            self.error("category", _("Required when the row describes a need: fill in this cell."))
        need.values["category"] = self.choice("category", texts["category"], self.categories)
        need.skill_ids = self.names("skills", texts["skills"], self.vocabularies["skills"], _skills_message())
        need.values["times"] = self.slots(texts["times"])
        need.values["hours_per_week"] = self.hours(texts["hours_per_week"])
        need.values["start_date"] = self.start_date(values.get("start_date"), texts["start_date"])
        need.values["status"] = self.choice("status", texts["status"], self.statuses) or NeedStatus.OPEN
        need.values["preferred_gender"] = self.choice("preferred_gender", texts["preferred_gender"], self.genders)
        for key in ("language", "disability"):
            ids = self.names(key, texts[key], self.vocabularies[key], _list_message())
            if len(ids) > 1:
                self.error(key, _("Write one name."))
            need.values[f"{key}_id"] = ids[0] if ids else None
        for key in ("child_involved", "needs_licence", "needs_car"):
            need.values[key] = self.yes_no(key, values.get(key), texts[key])
        need.values["staff_note"] = texts["staff_note"] or ""
        return need

    def choice(self, key, text, labels):
        if not text:
            return ""
        value = labels.get(text.casefold())
        if value is None:
            allowed = ", ".join(f"“{label}”" for label in labels if label not in labels.values())
            self.error(key, _("Unknown value: write one of %(allowed)s.") % {"allowed": allowed})
            return ""
        return value

    def slots(self, text):
        cells = [cell.strip() for cell in (text or "").split(";") if cell.strip()]
        if not cells:
            self.error("times", _("Write at least one time of the week, e.g. “poniedziałek, rano; środa, wieczorem”."))
            return []
        unknown = [cell for cell in cells if cell.casefold() not in self.times]
        if unknown:
            self.error(
                "times",
                _("Unknown times: %(names)s. Write them like “poniedziałek, rano; środa, wieczorem”.")
                % {"names": ", ".join(f"“{cell}”" for cell in unknown)},
            )
            return []
        return sorted({self.times[cell.casefold()] for cell in cells})

    def hours(self, text):
        if not text:
            return 2
        try:
            hours = int(float(text.replace(",", ".")))
        except (ValueError, OverflowError):
            hours = 0
        if not 1 <= hours <= 40:
            self.error("hours_per_week", _("Write a whole number of hours from 1 to 40."))
            return 2
        return hours

    def start_date(self, value, text):
        if hasattr(value, "year"):
            return value.date() if hasattr(value, "date") else value
        if not text:
            self.error("start_date", _("Required when the row describes a need: fill in this cell."))
            return None
        day = _parse_date(text)
        if day is None:
            self.error("start_date", _("Not a date: write it like 31.12.2026 or 2026-12-31."))
        return day


def _district_message():
    return _("Unknown districts: %(names)s. Use the names of this centre's districts.")


def _skills_message():
    return _("Unknown skills: %(names)s. Use the names from the skills list in the administration panel.")


def _list_message():
    return _("Unknown names: %(names)s. Use the names from the lists in the administration panel.")


@transaction.atomic
def import_beneficiaries(check, centre, actor):
    """Create the beneficiaries and needs of a clean check for `centre`; returns how many
    beneficiaries. Each is written to the access log as registered by `actor`."""
    if not check.is_clean:
        raise ValueError("only a clean check can be imported")
    beneficiaries = Beneficiary.objects.bulk_create(
        [Beneficiary(centre=centre, **candidate.values) for candidate in check.candidates], batch_size=BATCH
    )
    pairs = [
        (beneficiary, need)
        for beneficiary, candidate in zip(beneficiaries, check.candidates, strict=True)
        for need in candidate.needs
    ]
    needs = Need.objects.bulk_create([Need(beneficiary=b, **need.values) for b, need in pairs], batch_size=BATCH)
    SkillLink = Need.skills.through
    SkillLink.objects.bulk_create(
        [
            SkillLink(need=need, skill_id=skill)
            for need, (_b, candidate) in zip(needs, pairs, strict=True)
            for skill in candidate.skill_ids
        ],
        batch_size=BATCH,
    )
    access_log.record_many(actor, beneficiaries, AccessAction.CREATED, _("imported from a file"))
    return len(beneficiaries)


# --- Export ------------------------------------------------------------------------------


class BeneficiaryResource(CentreResource):
    """One row per need (a beneficiary without needs: one row), under the import's headers."""

    def __init__(self, centre, *, native):
        super().__init__(centre, native=native)
        # The columns are the import's, so the export reads back in; one field per column.
        self.fields = {column.key: Field(attribute=column.key, column_name=column.header) for column in COLUMNS}

    def before_export(self, queryset, **kwargs):
        self.needs = defaultdict(list)
        needs = Need.objects.filter(beneficiary__in=queryset.values("pk")).select_related("language", "disability")
        for need in needs.prefetch_related("skills").order_by("pk"):
            self.needs[need.beneficiary_id].append(need)
        self.slot_labels = dict(slot_choices())

    def iter_queryset(self, queryset):
        for beneficiary in super().iter_queryset(queryset):
            for need in self.needs[beneficiary.pk] or [None]:
                yield beneficiary, need

    def export_field(self, field, instance, **kwargs):
        beneficiary, need = instance
        if field.attribute in PERSON_KEYS:
            return self.person_cell(field.attribute, beneficiary)
        return self.need_cell(field.attribute, need) if need is not None else ""

    def person_cell(self, key, beneficiary):
        if key == "kind":
            return beneficiary.get_kind_display()
        if key == "district":
            return beneficiary.district.name
        return getattr(beneficiary, key)

    def need_cell(self, key, need):
        if key == "skills":
            return "; ".join(skill.name for skill in need.skills.all())
        if key == "times":
            return "; ".join(str(self.slot_labels.get(value, value)) for value in need.times)
        if key == "start_date":
            return self.day(need.start_date)
        if key in ("language", "disability"):
            item = getattr(need, key)
            return item.name if item else ""
        if key in ("child_involved", "needs_licence", "needs_car"):
            return self.yes_no(getattr(need, key))
        if key in ("category", "status", "preferred_gender"):
            return getattr(need, f"get_{key}_display")()
        return getattr(need, key)


def export_beneficiaries(user, centre, fmt):
    """The bytes of `centre`'s beneficiaries as `user` may see them, in format `fmt`."""
    queryset = Beneficiary.objects.visible_to(user).filter(centre=centre).select_related("district")
    with translation.override(settings.LANGUAGE_CODE):
        resource = BeneficiaryResource(centre, native=fmt == "xlsx")
        dataset = resource.export(queryset.order_by("name", "pk"))
        dataset.title = "podopieczni"
        data = FORMATS[fmt]().export_data(dataset)
    return data.encode("utf-8") if isinstance(data, str) else data
