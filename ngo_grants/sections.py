"""The offer's sections, following the standard offer form (regulation of 24 October 2018,
Dz.U. 2018 poz. 2057, sections I–VII), and the rules that tie them together.

A draft keeps what was typed: `offer.draft[section]` is a dict of raw strings, and rows
(partners, actions, results, cost lines) are lists of such dicts under the row set's name.
`bind()` turns that back into Django forms (`ngo_grants.offer_forms`), so the same forms show a
draft with its errors, validate it on submission and produce the canonical content a version
freezes. Nothing here saves: services and views do.
"""

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from ngo_grants.budget import budget_of
from ngo_grants.offer_forms import (
    DECLARATIONS,
    ROW_FORMSETS,
    ROW_MESSAGES,
    ActionForm,
    BasicForm,
    CostLineForm,
    CostsForm,
    DeclarationsForm,
    FinancingForm,
    OfferorForm,
    OtherForm,
    PartnerForm,
    ResourcesForm,
    ResultForm,
    RowFormSet,
    TaskForm,
)

__all__ = ["DECLARATIONS", "SECTIONS", "bind", "checksum", "raw_from_post", "validate_draft"]

# A page of rows stays readable and a draft stays small; more rows are an error at the row set.
MAX_ROWS = {"partners": 10, "actions": 60, "results": 30, "lines": 200}
ROW_TITLES = {
    "partners": gettext_lazy("Partner organisations (joint offer)"),
    "actions": gettext_lazy("Plan and schedule of actions"),
    "results": gettext_lazy("Expected results"),
    "lines": gettext_lazy("Cost lines"),
}
# Where the draft notes how many rows were sent when more than MAX_ROWS came: the first
# MAX_ROWS are kept, and the row set shows its "at most" error until the next save.
ROWS_SENT = "rows_sent"
# How many problems of one section the offer's overview lists before "and N more".
PROBLEMS_PER_SECTION = 5
# Characters no database text column can hold (NUL, lone surrogates): kept as U+FFFD.
UNSTORABLE = str.maketrans({0: "\ufffd"} | dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))


@dataclass(frozen=True)
class Section:
    key: str
    number: str  # as in the standard form
    title: str
    form: type
    rows: tuple = ()  # (name, form class, minimum rows)


SECTIONS = (
    Section("basic", "I", gettext_lazy("Basic information"), BasicForm),
    Section("offeror", "II", gettext_lazy("Offeror"), OfferorForm, (("partners", PartnerForm, 0),)),
    Section(
        "task",
        "III",
        gettext_lazy("The public task"),
        TaskForm,
        (("actions", ActionForm, 1), ("results", ResultForm, 1)),
    ),
    Section("resources", "IV", gettext_lazy("Experience and resources"), ResourcesForm),
    Section("costs", "V.A", gettext_lazy("Cost calculation"), CostsForm, (("lines", CostLineForm, 1),)),
    Section("financing", "V.B", gettext_lazy("Sources of financing"), FinancingForm),
    Section("other", "VI", gettext_lazy("Other information"), OtherForm),
    Section("declarations", "VII", gettext_lazy("Declarations"), DeclarationsForm),
)
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def next_section(section):
    """The section after `section` in the standard form, or None after the last."""
    keys = [item.key for item in SECTIONS]
    following = keys.index(section.key) + 1
    return SECTIONS[following] if following < len(SECTIONS) else None


def row_formset(name, form_class, minimum):
    messages = {"default_error_messages": ROW_MESSAGES[name]}
    base = type(f"{name.title()}FormSet", (ROW_FORMSETS.get(name, RowFormSet),), messages)
    return forms.formset_factory(
        form_class,
        formset=base,
        extra=0,
        min_num=minimum,
        validate_min=True,
        max_num=MAX_ROWS[name],
        validate_max=True,
        absolute_max=MAX_ROWS[name],
    )


@dataclass
class BoundSection:
    """A section's form and its row formsets, bound to a draft (or unbound, for a new one)."""

    section: Section
    form: forms.Form
    rowsets: dict

    def is_valid(self):
        # Every part is validated, so every error is shown at once.
        results = [self.form.is_valid(), *[rowset.is_valid() for rowset in self.rowsets.values()]]
        return all(results)

    def cleaned(self):
        return {
            **self.form.cleaned_data,
            **{name: [row for row in rowset.cleaned_data if row] for name, rowset in self.rowsets.items()},
        }

    def errors(self):
        """[(field id, message)] of every error, in the order of the page; the id is "" for an
        error of the whole form and the row set's id for an error of all its rows."""
        if not self.form.is_bound:
            return []
        items = [("", str(error)) for error in self.form.non_field_errors()]
        items += _field_errors(self.form)
        for name, rowset in self.rowsets.items():
            title = ROW_TITLES[name]
            items += [(f"{rowset.prefix}-rows", f"{title}: {error}") for error in rowset.non_form_errors()]
            for number, row in enumerate(rowset.forms, start=1):
                where = _("%(rows)s, row %(number)s") % {"rows": title, "number": number}
                items += [("", f"{where}: {error}") for error in row.non_field_errors()]
                items += [(anchor, f"{where}, {message}") for anchor, message in _field_errors(row)]
        return items


def _field_errors(form):
    return [(field.id_for_label, f"{field.label}: {error}") for field in form for error in field.errors]


def form_kwargs(section, offer):
    if section.form is TaskForm:
        return {"task": offer.task}
    if section.form is FinancingForm:
        return {"lines_other": lines_other(offer)}
    return {}


def lines_other(offer):
    """What the draft's cost lines take from other sources, once they are all valid; else None
    (the financing section then waits for the cost calculation before comparing)."""
    costs = bind(SECTIONS_BY_KEY["costs"], offer.draft.get("costs"), offer)
    if not costs.is_valid():
        return None
    return budget_of(costs.cleaned()["lines"]).other


def bind(section, raw, offer, *, bound=True, extra_rows=()):
    """The forms of `section` bound to `raw` (the draft's dict of this section); unbound, with
    `raw` as initial values, for a section never saved. `extra_rows` names row sets that get
    one more empty row (the "Add a row" button)."""
    raw = raw or {}
    kwargs = form_kwargs(section, offer)
    if bound:
        values = {name: value for name, value in raw.items() if isinstance(value, str)}
        form = section.form(_prefixed(section.key, values), prefix=section.key, **kwargs)
    else:
        form = section.form(initial=raw, prefix=section.key, **kwargs)
    rowsets = {}
    sent = raw.get(ROWS_SENT) or {}
    for name, form_class, minimum in section.rows:
        rows = raw.get(name) or []
        formset_class = row_formset(name, form_class, minimum)
        prefix = f"{section.key}-{name}"
        task = offer.task if name == "lines" else None
        more = 1 if name in extra_rows and len(rows) < MAX_ROWS[name] else 0
        if bound:
            total = max(len(rows), _count(sent.get(name))) + more
            rowsets[name] = formset_class(_rows_data(prefix, rows, total), prefix=prefix, task=task)
        else:
            formset_class.extra = more
            rowsets[name] = formset_class(initial=rows, prefix=prefix, task=task)
    return BoundSection(section, form, rowsets)


def _count(value):
    return int(value) if isinstance(value, int) else 0


def _prefixed(prefix, values):
    return {f"{prefix}-{name}": value for name, value in values.items()}


def _rows_data(prefix, rows, total):
    data = {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def raw_from_post(section, post):
    """The section's raw values from a POST (QueryDict or dict), as the draft stores them:
    strings only, rows in order, rows left entirely empty or marked for removal dropped, at
    most MAX_ROWS of each row set (how many were sent is noted when there were more)."""
    raw = {}
    names = DECLARATIONS if section.form is DeclarationsForm else section.form.base_fields
    for name in names:
        key = f"{section.key}-{name}"
        if key in post:
            raw[name] = _storable(post.get(key))
    sent = {}
    for name, form_class, _minimum in section.rows:
        prefix = f"{section.key}-{name}-"
        rows = []
        for index in sorted({_row_index(key, prefix) for key in post if key.startswith(prefix)} - {None}):
            if post.get(f"{prefix}{index}-DELETE"):
                continue
            row = {field: _storable(post.get(f"{prefix}{index}-{field}", "")) for field in form_class.base_fields}
            if any(value.strip() for value in row.values()):
                rows.append(row)
        if len(rows) > MAX_ROWS[name]:
            sent[name] = len(rows)
            rows = rows[: MAX_ROWS[name]]
        raw[name] = rows
    if sent:
        raw[ROWS_SENT] = sent
    return raw


def _row_index(key, prefix):
    index = key[len(prefix) :].split("-", 1)[0]
    # Six digits are far more rows than any row set takes; longer "indexes" are not rows.
    return int(index) if index.isascii() and index.isdigit() and len(index) <= 6 else None


def _storable(value):
    return str(value).translate(UNSTORABLE)


def rows_dropped(raw):
    """{row set: rows sent} for the row sets of `raw` that were cut to MAX_ROWS."""
    return dict(raw.get(ROWS_SENT) or {})


@dataclass
class Problem:
    """One reason the offer cannot be submitted yet, for the summary; `section` links to it,
    `anchor` (a field's id, when there is one) to the place on the section's page."""

    section: str
    message: str
    anchor: str = ""


def section_state(offer, section, bound=None):
    """ "new" (never saved), "invalid" (saved, with fields to correct) or "complete"."""
    if section.key not in offer.draft:
        return "new"
    bound = bound or bind(section, offer.draft.get(section.key), offer)
    return "complete" if bound.is_valid() else "invalid"


def validate_draft(offer, attachments=None):
    """(content, problems): the canonical content of `offer`'s draft when every section and
    the rules across sections hold, else None and the list of problems in plain Polish, the
    first few of each section word for word. Attachments are checked when given."""
    problems = []
    cleaned = {}
    for section in SECTIONS:
        bound = bind(section, offer.draft.get(section.key), offer)
        if bound.is_valid():
            cleaned[section.key] = bound.cleaned()
        elif section.key not in offer.draft:
            problems.append(Problem(section.key, _not_started(section)))
        else:
            problems += _section_problems(section, bound.errors())
    if attachments is not None:
        problems += attachment_problems(offer, attachments)
    if problems:
        return None, problems
    return canonical_content(offer, cleaned), []


def _not_started(section):
    message = _("Section %(number)s “%(title)s” is not filled in yet.")
    return message % {"number": section.number, "title": section.title}


def _section_problems(section, errors):
    where = f"{section.number}. {section.title}"
    shown = errors[:PROBLEMS_PER_SECTION]
    problems = [Problem(section.key, f"{where} – {message}", anchor) for anchor, message in shown]
    more = len(errors) - PROBLEMS_PER_SECTION
    if more > 0:
        text = ngettext("%(where)s – and %(count)s more problem.", "%(where)s – and %(count)s more problems.", more)
        problems.append(Problem(section.key, text % {"where": where, "count": more}))
    return problems


def attachment_problems(offer, attachments):
    present = {attachment.required_id for attachment in attachments}
    missing = [required for required in offer.call.required_attachments.all() if required.mandatory]
    missing = [required.name for required in missing if required.pk not in present]
    if not missing:
        return []
    message = ngettext_lazy(
        "An attachment required by the call is missing: %(names)s.",
        "Attachments required by the call are missing: %(names)s.",
        "count",
    )
    return [Problem("attachments", message % {"names": "; ".join(missing), "count": len(missing)})]


def canonical_content(offer, cleaned):
    """The offer as JSON-ready data: the call and task it answers, the organisation's record as
    it is now, and every section's cleaned values (dates ISO, money as strings to the grosz)."""
    organisation = offer.organisation
    budget = budget_of(cleaned["costs"]["lines"])
    return _jsonable(
        {
            "call": {"id": offer.call_id, "title": offer.call.title, "year": offer.call.year},
            "task": {"id": offer.task_id, "title": offer.task.title, "form": offer.task.form},
            "organisation": {
                "name": organisation.name,
                "legal_form": organisation.legal_form,
                "krs": organisation.krs,
                "nip": organisation.nip,
                "regon": organisation.regon,
                "address": organisation.address,
                "email": organisation.email,
                "phone": organisation.phone,
                "iban": organisation.iban,
                "representatives": [
                    {"name": person.name, "function": person.function} for person in organisation.representatives.all()
                ],
            },
            "sections": cleaned,
            "budget": {
                "total": budget.total,
                "grant": budget.grant,
                "other": budget.other,
                "own_share": budget.own_share,
            },
        }
    )


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def serialise(content):
    """The one byte form of a content that checksums are taken of: sorted keys, no spaces,
    UTF-8. Anyone can recompute it from the JSON staff export."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def checksum(content):
    return hashlib.sha256(serialise(content)).hexdigest()
