"""Checking a centre's list of volunteers, read from an XLSX or CSV file, row by row.

Nothing here writes to the database. `spreadsheets.read_table` turns the upload into rows (or
refuses the whole file); `check_volunteers` then finds every problem in every row at once, so
the coordinator fixes the file in one go; `services.transfer.import_volunteers` imports a clean check.

The file is read with openpyxl and the csv module rather than through django-import-export's
import machinery: that reports problems as exceptions per model field, while a coordinator
needs "row 7, column e-mail: …" for the spreadsheet they have open.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.spreadsheets import UploadRefused, cell_text
from core.text import HIDDEN

QUERY_CHUNK = 900  # below SQLite's oldest limit of 999 parameters a query

YES = {"tak", "t", "yes", "y", "1", "x", "true", "prawda"}
NO = {"nie", "n", "no", "0", "", "false", "fałsz"}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y.%m.%d", "%Y/%m/%d")
OLDEST_AGE = 110
FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as in the file: the same Polish words the volunteers export uses
    required: bool = False
    max_length: int = 200


COLUMNS = (
    Column("first_name", "imię", required=True, max_length=150),
    Column("last_name", "nazwisko", required=True, max_length=150),
    Column("email", "e-mail", required=True, max_length=254),
    Column("phone", "telefon", required=True, max_length=20),
    Column("birth_date", "data urodzenia", required=True),
    Column("address", "adres"),
    Column("skills", "umiejętności", max_length=2000),
    Column("districts", "dzielnice", max_length=2000),
    Column("languages", "języki", max_length=2000),
    Column("driving_licence", "prawo jazdy"),
    Column("has_car", "samochód"),
    Column("disability_experience", "doświadczenie z niepełnosprawnościami", max_length=2000),
    Column("matching_note", "inne języki i doświadczenie", max_length=2000),
    Column("gender", "płeć"),
    Column("regular_help", "stała pomoc"),
)
YES_NO_COLUMNS = ("driving_licence", "has_car", "regular_help")
HEADERS = {column.key: column.header for column in COLUMNS}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # the column's header, or "" for the row as a whole
    message: str


@dataclass
class Candidate:
    row: int
    first_name: str
    last_name: str
    email: str
    phone: str
    birth_date: datetime.date
    address: str = ""
    driving_licence: bool = False
    has_car: bool = False
    matching_note: str = ""
    gender: str = ""
    regular_help: bool = False
    skill_ids: list = field(default_factory=list)
    district_ids: list = field(default_factory=list)
    language_ids: list = field(default_factory=list)
    disability_ids: list = field(default_factory=list)


@dataclass
class ImportCheck:
    candidates: list
    errors: list

    @property
    def is_clean(self):
        return not self.errors and bool(self.candidates)

    @property
    def bad_rows(self):
        return len({error.row for error in self.errors})


def _key(header):
    """Headers match without case, Polish letters, spaces or dashes: "Data urodzenia",
    "data_urodzenia" and "DATA URODZENIA" are one column."""
    text = header.lower().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if char.isalnum() and not unicodedata.combining(char))


def map_headers(headers, columns=COLUMNS):
    """{column key: position} for the file's header row, or UploadRefused listing every problem.
    `columns` are the volunteers' by default; other lists (beneficiaries) pass their own."""
    column_by_key = {_key(column.header): column for column in columns}
    positions, problems = {}, []
    for position, header in enumerate(headers):
        if not header:
            continue
        column = column_by_key.get(_key(header))
        if column is None:
            problems.append(_("unknown column “%(name)s”") % {"name": header[:60]})
        elif column.key in positions:
            problems.append(_("the column “%(name)s” appears twice") % {"name": column.header})
        else:
            positions[column.key] = position
    missing = [column.header for column in columns if column.required and column.key not in positions]
    if missing:
        problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
    if problems:
        raise UploadRefused(
            _("The first row must name the columns: %(expected)s. Problems: %(problems)s.")
            % {"expected": ", ".join(column.header for column in columns), "problems": "; ".join(problems)}
        )
    return positions


def check_volunteers(table, centre, today=None):
    """Every problem of every row, and the volunteers the clean rows describe.

    The vocabulary, the centre's districts and the addresses already in use are loaded once
    for the whole file, so 10,000 rows take a handful of queries.
    """
    from volunteers.models import DisabilityKind, District, Language, Skill

    today = today or timezone.localdate()
    positions = map_headers(table.headers)
    vocabularies = {
        "skills": _vocabulary(Skill),
        "languages": _vocabulary(Language),
        "disability_experience": _vocabulary(DisabilityKind),
    }
    districts = {district.name.casefold(): district.pk for district in District.objects.filter(centre=centre)}
    rows = [
        (number, {key: _cell(cells, position) for key, position in positions.items()}) for number, cells in table.rows
    ]
    if not rows:
        raise UploadRefused(_("The file has the column names but no volunteers under them."))
    taken = _emails_in_use({cell_text(values.get("email")).lower() for _number, values in rows})
    first_row_of = {}
    checker = _RowChecker(centre, today, vocabularies, districts, taken, first_row_of)
    candidates, errors = [], []
    for number, values in rows:
        candidate, row_errors = checker.check(number, values)
        errors.extend(row_errors)
        if candidate is not None:
            candidates.append(candidate)
    return ImportCheck(candidates, errors)


def _vocabulary(model):
    return {item.name.casefold(): item.pk for item in model.objects.all()}


def _emails_in_use(emails):
    """Addresses of existing accounts among `emails`, compared without case."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    emails, taken = sorted(email for email in emails if email), set()
    for start in range(0, len(emails), QUERY_CHUNK):
        chunk = emails[start : start + QUERY_CHUNK]
        # Accounts keep their address in lower case (User.save); allauth's list may not.
        taken.update(get_user_model().objects.filter(email__in=chunk).values_list("email", flat=True))
        taken.update(
            EmailAddress.objects.annotate(low=Lower("email")).filter(low__in=chunk).values_list("low", flat=True)
        )
    return taken


class _RowChecker:
    def __init__(self, centre, today, vocabularies, districts, taken, first_row_of):
        self.centre, self.today = centre, today
        self.vocabularies, self.districts, self.taken, self.first_row_of = vocabularies, districts, taken, first_row_of

    def check(self, number, values):
        self.errors, self.number = [], number
        texts = {}
        for column in COLUMNS:
            value = values.get(column.key)
            if column.key == "birth_date" and isinstance(value, datetime.date):
                texts[column.key] = value
                continue
            texts[column.key] = self.text(column, value)
        email = self.email(texts["email"])
        phone = self.phone(texts["phone"])
        birth_date = self.birth_date(texts["birth_date"])
        skill_ids = self.names(
            "skills",
            texts["skills"],
            self.vocabularies["skills"],
            _("Unknown skills: %(names)s. Use the names from the skills list in the administration panel."),
        )
        language_ids = self.names(
            "languages",
            texts["languages"],
            self.vocabularies["languages"],
            _("Unknown languages: %(names)s. Use the names from the languages list in the administration panel."),
        )
        disability_ids = self.names(
            "disability_experience",
            texts["disability_experience"],
            self.vocabularies["disability_experience"],
            _(
                "Unknown kinds of disability: %(names)s. "
                "Use the names from the kinds of disability list in the administration panel."
            ),
        )
        gender = self.gender(texts["gender"])
        regular_help = self.yes_no("regular_help", values.get("regular_help"), texts["regular_help"])
        district_ids = self.names(
            "districts",
            texts["districts"],
            self.districts,
            _("Unknown districts: %(names)s. Use the names of this centre's districts."),
        )
        driving_licence = self.yes_no("driving_licence", values.get("driving_licence"), texts["driving_licence"])
        has_car = self.yes_no("has_car", values.get("has_car"), texts["has_car"])
        if self.errors:
            return None, self.errors
        candidate = Candidate(
            row=number,
            first_name=texts["first_name"],
            last_name=texts["last_name"],
            email=email,
            phone=phone,
            birth_date=birth_date,
            address=texts["address"],
            driving_licence=driving_licence,
            has_car=has_car,
            matching_note=texts["matching_note"],
            gender=gender,
            regular_help=regular_help,
            skill_ids=skill_ids,
            district_ids=district_ids,
            language_ids=language_ids,
            disability_ids=disability_ids,
        )
        return candidate, []

    headers = HEADERS

    def error(self, key, message):
        self.errors.append(RowError(self.number, self.headers[key], message))

    def text(self, column, value):
        """The cell as clean text, or None after reporting why it cannot be used."""
        if isinstance(value, str) and HIDDEN.search(value):
            self.error(column.key, _("Contains control characters. Type the value again."))
            return None
        text = cell_text(value)
        if column.key == "phone" and isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if column.key in YES_NO_COLUMNS and isinstance(value, bool):
            return text
        if text.startswith(FORMULA_STARTS if column.key != "phone" else ("=", "@", "-")):
            self.error(
                column.key, _("Starts with “=”, “+”, “-” or “@” like a spreadsheet formula. Type the value itself.")
            )
            return None
        if len(text) > column.max_length:
            self.error(
                column.key,
                ngettext(
                    "Too long: at most %(limit)s character.",
                    "Too long: at most %(limit)s characters.",
                    column.max_length,
                )
                % {"limit": column.max_length},
            )
            return None
        if column.required and not text:
            self.error(column.key, _("Required: fill in this cell."))
            return None
        return text

    def email(self, text):
        if not text:
            return None
        email = text.lower()
        try:
            validate_email(email)
        except ValidationError:
            self.error("email", _("Not a valid e-mail address."))
            return None
        if email in self.taken:
            self.error(
                "email",
                _(
                    "An account with this address already exists. Ask the person to apply for a task themselves: "
                    "accounts are never linked to a centre without their owner."
                ),
            )
            return None
        first = self.first_row_of.setdefault(email, self.number)
        if first != self.number:
            self.error("email", _("The same address is in row %(row)s.") % {"row": first})
            return None
        return email

    def phone(self, text):
        from volunteers.models.profile import phone_validator

        if not text:
            return None
        try:
            phone_validator(text)
        except ValidationError:
            self.error("phone", _("Not a valid phone number: write it like 600 100 200 or +48 600 100 200."))
            return None
        return text

    def birth_date(self, value):
        if value is None or value == "":
            return None
        day = value.date() if isinstance(value, datetime.datetime) else value
        if not isinstance(day, datetime.date):
            day = _parse_date(value)
        if day is None:
            self.error("birth_date", _("Not a date: write it like 31.12.1990 or 1990-12-31."))
            return None
        age = _age_on(day, self.today)
        if day > self.today or age > OLDEST_AGE:
            self.error("birth_date", _("Check the date of birth: it is in the future or too long ago."))
            return None
        if age < self.centre.min_volunteer_age:
            self.error(
                "birth_date",
                _("Too young: volunteers of this centre must be at least %(age)s years old.")
                % {"age": self.centre.min_volunteer_age},
            )
            return None
        return day

    def names(self, key, text, vocabulary, message):
        if not text:
            return []
        names = [name.strip() for name in text.split(";") if name.strip()]
        unknown = [name for name in names if name.casefold() not in vocabulary]
        if unknown:
            self.error(key, message % {"names": ", ".join(f"“{name}”" for name in unknown)})
            return []
        return sorted({vocabulary[name.casefold()] for name in names})

    def gender(self, text):
        """The gender as the export writes it ("kobieta", "mężczyzna", "wolę nie podawać") or empty."""
        from volunteers.models import Gender

        if not text:
            return ""
        with translation.override("pl"):
            by_label = {str(choice.label).casefold(): choice.value for choice in Gender}
        by_label.update({choice.value: choice.value for choice in Gender})
        value = by_label.get(text.casefold())
        if value is None:
            with translation.override("pl"):
                allowed = ", ".join(f"“{choice.label}”" for choice in Gender)
            self.error("gender", _("Unknown gender: write one of %(allowed)s or leave empty.") % {"allowed": allowed})
            return ""
        return value

    def yes_no(self, key, value, text):
        if isinstance(value, bool):
            return value
        if text is None:
            return False
        word = text.lower()
        if word in YES:
            return True
        if word not in NO:
            self.error(key, _("Write “tak” or “nie”."))
        return False


def _cell(cells, position):
    return cells[position] if position < len(cells) else None


def _parse_date(text):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def _age_on(born, day):
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
