"""A frozen offer version (`OfferVersion.content`) laid out for people: the same sections,
labels and row tables as the form it was written in. The confirmation PDF, the organisation's
read-only view and the staff's admin view all show it through `includes/offer_content.html`."""

import datetime
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext as _

from core.forms import MoneyField
from ngo_grants.money import format_zloty
from ngo_grants.sections import DECLARATIONS, SECTIONS

# Money columns of row tables, shown as złoty.
MONEY_ROWS = {"unit_cost", "total", "from_grant", "from_other"}


@dataclass
class RowTable:
    title: str
    headers: list
    rows: list


@dataclass
class ShownSection:
    number: str
    title: str
    fields: list = field(default_factory=list)  # (label, text)
    tables: list = field(default_factory=list)


def _text(value, money=False):
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value in (None, ""):
        return "—"
    if money:
        return format_zloty(value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    return str(value)


def _form_fields(form_class):
    if form_class.__name__ == "DeclarationsForm":
        return [(name, text, False) for name, text in DECLARATIONS.items()]
    return [(name, f.label, isinstance(f, MoneyField)) for name, f in form_class.base_fields.items()]


def shown_sections(content):
    """[ShownSection] for `content`, in the order of the standard form."""
    shown = []
    values = content.get("sections", {})
    for section in SECTIONS:
        data = values.get(section.key, {})
        item = ShownSection(section.number, str(section.title))
        for name, label, money in _form_fields(section.form):
            if name in data:
                item.fields.append((str(label), _text(data[name], money)))
        for name, form_class, _minimum in section.rows:
            columns = list(form_class.base_fields.items())
            headers = [str(f.label) for _n, f in columns]
            rows = [[_row_text(column, f, row.get(column)) for column, f in columns] for row in data.get(name, [])]
            item.tables.append(RowTable(title=_row_title(name), headers=headers, rows=rows))
        shown.append(item)
    return shown


def _row_text(column, form_field, value):
    choices = dict(getattr(form_field, "choices", []) or [])
    if value in choices:
        return str(choices[value])
    return _text(value, money=column in MONEY_ROWS)


def _row_title(name):
    return {
        "partners": _("Partner organisations (joint offer)"),
        "actions": _("Plan and schedule of actions"),
        "results": _("Expected results"),
        "lines": _("Cost lines"),
    }[name]


@dataclass
class Change:
    section: str
    where: str
    before: str
    after: str


def _flat(content):
    """{(section heading, where): text} of every shown value of `content`, in page order."""
    flat = {}
    for section in shown_sections(content):
        heading = f"{section.number}. {section.title}"
        for label, text in section.fields:
            flat[(heading, label)] = text
        for table in section.tables:
            for number, row in enumerate(table.rows, start=1):
                for header, text in zip(table.headers, row, strict=True):
                    where = _("%(table)s, row %(number)s: %(column)s") % {
                        "table": table.title,
                        "number": number,
                        "column": header,
                    }
                    flat[(heading, where)] = text
    for attachment in content.get("attachments", []):
        label = attachment.get("required") or attachment.get("description") or _("additional attachment")
        flat[(_("Attachments"), f"{label}: {attachment['name']}")] = f"SHA-256 {attachment['sha256']}"
    return flat


def version_diff(old, new):
    """[Change] from the content `old` to `new`: what differs, was added ("—" before) or removed
    ("—" after), as staff compare a corrected offer with the version they reviewed."""
    before, after = _flat(old), _flat(new)
    changes = []
    for key in [*before, *(key for key in after if key not in before)]:
        was, now = before.get(key, "—"), after.get(key, "—")
        if was != now:
            changes.append(Change(key[0], key[1], was, now))
    order = {f"{section.number}. {section.title}": index for index, section in enumerate(SECTIONS)}
    return sorted(changes, key=lambda change: order.get(change.section, len(order)))
