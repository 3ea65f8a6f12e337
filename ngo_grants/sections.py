"""The offer's sections, following the standard offer form (regulation of 24 October 2018,
Dz.U. 2018 poz. 2057, sections I–VII), and the rules that tie them together.

A draft keeps what was typed: `offer.draft[section]` is a dict of raw strings, and rows
(partners, actions, results, cost lines) are lists of such dicts under the row set's name.
`bind()` turns that back into Django forms, so the same forms show a draft with its errors,
validate it on submission and produce the canonical content a version freezes. Nothing here
saves: services and views do.
"""

import hashlib
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.forms import MoneyField, PolishDecimalField

GROSZ = Decimal("0.01")
# A page of rows stays readable and a draft stays small; more rows are an error at the field.
MAX_ROWS = {"partners": 10, "actions": 60, "results": 30, "lines": 200}
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def money(value):
    return Decimal(value).quantize(GROSZ, rounding=ROUND_HALF_UP)


COST_CATEGORIES = [
    ("action", _("costs of carrying out the actions")),
    ("admin", _("administrative costs")),
]


class BasicForm(forms.Form):
    """I. Basic information: the authority and the task come from the call; the title is ours."""

    title = forms.CharField(label=_("Title of the public task"), max_length=300)


class OfferorForm(forms.Form):
    """II. The offeror: the organisation's own data are copied from its record on submission;
    here the person who answers questions about the offer."""

    contact_name = forms.CharField(label=_("Person authorised to give explanations"), max_length=200)
    contact_phone = forms.CharField(label=_("Their phone"), max_length=20)
    contact_email = forms.EmailField(label=_("Their e-mail"))


class PartnerForm(forms.Form):
    """A partner organisation of a joint offer (art. 14 ust. 2)."""

    name = forms.CharField(label=_("Partner organisation"), max_length=300)
    krs = forms.CharField(label=_("KRS number or other register"), max_length=40)
    address = forms.CharField(label=_("Address"), max_length=300)
    role = forms.CharField(label=_("Actions this partner carries out"), max_length=1000, widget=forms.Textarea)


class TaskForm(forms.Form):
    """III. Scope of the task."""

    starts_on = forms.DateField(label=_("Start date"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("End date"), widget=DATE_INPUT)
    synopsis = forms.CharField(
        label=_("Synopsis of the task"),
        max_length=6000,
        widget=forms.Textarea,
        help_text=_("Who it is for, what need it answers, where and how it will be carried out."),
    )
    results_description = forms.CharField(
        label=_("Expected results"),
        max_length=4000,
        widget=forms.Textarea,
        help_text=_("What will change, what will be made, what will last after the task."),
    )

    def __init__(self, *args, task=None, **kwargs):
        self.public_task = task
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date is before the start date."))
        task = self.public_task
        if task is not None:
            period = {"start": task.starts_on.strftime("%d.%m.%Y"), "end": task.ends_on.strftime("%d.%m.%Y")}
            message = _("The task must be carried out between %(start)s and %(end)s.") % period
            if starts and not task.starts_on <= starts <= task.ends_on:
                self.add_error("starts_on", message)
            if ends and not task.starts_on <= ends <= task.ends_on:
                self.add_error("ends_on", message)
        return data


class ActionForm(forms.Form):
    """A row of the plan and schedule of actions."""

    name = forms.CharField(label=_("Action"), max_length=300)
    description = forms.CharField(label=_("Description"), max_length=2000, widget=forms.Textarea)
    target_group = forms.CharField(label=_("Target group"), max_length=300)
    period = forms.CharField(label=_("Planned dates"), max_length=100, help_text=_("e.g. March–June 2027"))
    subcontracted = forms.CharField(
        label=_("Carried out by someone else"), max_length=300, required=False, help_text=_("Who, if not the offeror.")
    )


class ResultForm(forms.Form):
    """A row of the expected results with their measures."""

    name = forms.CharField(label=_("Result"), max_length=300)
    target = forms.CharField(label=_("Planned level"), max_length=100, help_text=_("e.g. 40 children"))
    measure = forms.CharField(label=_("How it is measured"), max_length=300, help_text=_("e.g. attendance lists"))


class ResourcesForm(forms.Form):
    """IV. The offeror's experience and resources."""

    experience = forms.CharField(label=_("Earlier activity and experience"), max_length=6000, widget=forms.Textarea)
    resources = forms.CharField(
        label=_("Resources used for the task"),
        max_length=6000,
        widget=forms.Textarea,
        help_text=_("People, premises, equipment, partners."),
    )


class CostLineForm(forms.Form):
    """A row of the cost calculation (V.A); the total is quantity × unit cost, to the grosz."""

    category = forms.ChoiceField(label=_("Category"), choices=COST_CATEGORIES)
    name = forms.CharField(label=_("Kind of cost"), max_length=300)
    quantity = PolishDecimalField(
        label=_("Quantity"), max_digits=10, decimal_places=2, min_value=Decimal("0.01"), widget=forms.TextInput
    )
    unit = forms.CharField(label=_("Unit"), max_length=50, help_text=_("e.g. hour, month, piece"))
    unit_cost = MoneyField(label=_("Unit cost (zł)"))
    total = MoneyField(label=_("Total (zł)"))
    from_grant = MoneyField(label=_("From the grant (zł)"))
    from_other = MoneyField(label=_("From other sources (zł)"))

    def clean(self):
        data = super().clean()
        quantity, unit_cost, total = data.get("quantity"), data.get("unit_cost"), data.get("total")
        grant, other = data.get("from_grant"), data.get("from_other")
        if None not in (quantity, unit_cost, total):
            expected = money(quantity * unit_cost)
            if expected != total:
                self.add_error(
                    "total",
                    _("Quantity × unit cost is %(expected)s zł, not %(total)s zł.")
                    % {"expected": expected, "total": total},
                )
        if None not in (total, grant, other) and grant + other != total:
            self.add_error(
                "from_other",
                _("From the grant and from other sources add up to %(sum)s zł, not to the total of %(total)s zł.")
                % {"sum": grant + other, "total": total},
            )
        return data


class FinancingForm(forms.Form):
    """V.B Sources of financing other than the grant, and the own contribution."""

    own_funds = MoneyField(label=_("Own financial resources (zł)"), initial=Decimal("0"))
    recipients_payments = MoneyField(label=_("Payments from the recipients of the task (zł)"), initial=Decimal("0"))
    other_public = MoneyField(label=_("Other public funds (zł)"), initial=Decimal("0"))
    other_funds = MoneyField(label=_("Other funds (zł)"), initial=Decimal("0"))
    personal = MoneyField(
        label=_("Personal contribution (zł)"),
        initial=Decimal("0"),
        help_text=_("Volunteers' and members' unpaid work, valued."),
    )
    in_kind = MoneyField(
        label=_("Contribution in kind (zł)"), initial=Decimal("0"), help_text=_("Premises, equipment, valued.")
    )

    def other_sources_total(self):
        return sum((self.cleaned_data[name] for name in self.fields), Decimal("0"))


class OtherForm(forms.Form):
    """VI. Other information."""

    paid_activity = forms.BooleanField(
        label=_("We will charge the recipients of the task for it (paid public-benefit activity)"), required=False
    )
    other_information = forms.CharField(
        label=_("Other information that may matter in the evaluation"),
        max_length=4000,
        required=False,
        widget=forms.Textarea,
    )


DECLARATIONS = {
    "statutory": _("The proposed task is entirely within the statutory activity of the offeror(s)."),
    "no_profit": _("The task will be carried out without making a profit."),
    "taxes_paid": _("The offeror has no overdue taxes or social-security contributions."),
    "register_current": _("The data in this offer match the National Court Register or the offeror's register."),
    "true_information": _("All information in this offer and its attachments is true."),
    "personal_data": _(
        "The personal data in this offer are processed lawfully and the people concerned were informed."
    ),
}


class DeclarationsForm(forms.Form):
    """VII. Declarations; each must be ticked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, text in DECLARATIONS.items():
            self.fields[name] = forms.BooleanField(
                label=text, error_messages={"required": _("Tick this declaration to submit the offer.")}
            )


@dataclass(frozen=True)
class Section:
    key: str
    number: str  # as in the standard form
    title: str
    form: type
    rows: tuple = ()  # (name, form class, minimum rows)


SECTIONS = (
    Section("basic", "I", _("Basic information"), BasicForm),
    Section("offeror", "II", _("Offeror"), OfferorForm, (("partners", PartnerForm, 0),)),
    Section(
        "task",
        "III",
        _("The public task"),
        TaskForm,
        (("actions", ActionForm, 1), ("results", ResultForm, 1)),
    ),
    Section("resources", "IV", _("Experience and resources"), ResourcesForm),
    Section("costs", "V.A", _("Cost calculation"), forms.Form, (("lines", CostLineForm, 1),)),
    Section("financing", "V.B", _("Sources of financing"), FinancingForm),
    Section("other", "VI", _("Other information"), OtherForm),
    Section("declarations", "VII", _("Declarations"), DeclarationsForm),
)
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}


def row_formset(name, form_class, minimum):
    return forms.formset_factory(
        form_class,
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


def form_kwargs(section, offer):
    return {"task": offer.task} if section.form is TaskForm else {}


def bind(section, raw, offer, *, bound=True):
    """The forms of `section` bound to `raw` (the draft's dict of this section)."""
    raw = raw or {}
    kwargs = form_kwargs(section, offer)
    if bound:
        values = {name: value for name, value in raw.items() if not isinstance(value, list)}
        form = section.form(_prefixed(section.key, values), prefix=section.key, **kwargs)
    else:
        form = section.form(initial=raw, prefix=section.key, **kwargs)
    rowsets = {}
    for name, form_class, minimum in section.rows:
        rows = raw.get(name) or []
        formset_class = row_formset(name, form_class, minimum)
        prefix = f"{section.key}-{name}"
        if bound:
            rowsets[name] = formset_class(_rows_data(prefix, rows), prefix=prefix)
        else:
            rowsets[name] = formset_class(initial=rows, prefix=prefix)
    return BoundSection(section, form, rowsets)


def _prefixed(prefix, values):
    return {f"{prefix}-{name}": value for name, value in values.items()}


def _rows_data(prefix, rows):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def raw_from_post(section, post):
    """The section's raw values from a POST (QueryDict or dict), as the draft stores them:
    strings only, rows in order, rows left entirely empty dropped."""
    raw = {}
    for name in section.form.base_fields if section.form is not DeclarationsForm else DECLARATIONS:
        key = f"{section.key}-{name}"
        if key in post:
            raw[name] = str(post.get(key))
    for name, form_class, _minimum in section.rows:
        prefix = f"{section.key}-{name}"
        rows = []
        indexes = sorted(
            {int(key.split("-")[2]) for key in post if key.startswith(prefix + "-") and key.split("-")[2].isdigit()}
        )
        for index in indexes:
            row = {field: str(post.get(f"{prefix}-{index}-{field}", "")) for field in form_class.base_fields}
            if post.get(f"{prefix}-{index}-DELETE"):
                continue
            if any(value.strip() for value in row.values()):
                rows.append(row)
        raw[name] = rows
    return raw


@dataclass
class Problem:
    """One reason the offer cannot be submitted yet, for the summary; `section` links to it."""

    section: str
    message: str


def validate_draft(offer, attachments=None):
    """(content, problems): the canonical content of `offer`'s draft when every section and
    the rules across sections hold, else None and the list of problems in plain Polish."""
    problems = []
    cleaned = {}
    for section in SECTIONS:
        bound = bind(section, offer.draft.get(section.key), offer)
        if bound.is_valid():
            cleaned[section.key] = bound.cleaned()
        else:
            problems.append(Problem(section.key, _section_error(section)))
    if "costs" in cleaned and "financing" in cleaned:
        problems += budget_problems(offer.task, cleaned["costs"]["lines"], cleaned["financing"])
    if attachments is not None:
        problems += attachment_problems(offer, attachments)
    if problems:
        return None, problems
    return canonical_content(offer, cleaned), []


def _section_error(section):
    return _("Section %(number)s “%(title)s” has fields to correct.") % {
        "number": section.number,
        "title": section.title,
    }


@dataclass(frozen=True)
class Budget:
    total: Decimal
    grant: Decimal
    other: Decimal

    @property
    def own_share(self):
        """The own contribution (all but the grant) as a percentage of the total, to 0.01%."""
        if not self.total:
            return Decimal("0")
        return (self.other * 100 / self.total).quantize(GROSZ, rounding=ROUND_HALF_UP)


def budget_of(lines):
    """Sums of cleaned cost lines; exact, as Decimals."""
    total = sum((line["total"] for line in lines), Decimal("0"))
    grant = sum((line["from_grant"] for line in lines), Decimal("0"))
    other = sum((line["from_other"] for line in lines), Decimal("0"))
    return Budget(total=total, grant=grant, other=other)


def budget_problems(task, lines, financing):
    problems = []
    budget = budget_of(lines)
    sources = sum((financing[name] for name in FinancingForm.base_fields), Decimal("0"))
    if sources != budget.other:
        problems.append(
            Problem(
                "financing",
                _(
                    "The sources of financing other than the grant add up to %(sources)s zł, but the cost "
                    "lines take %(other)s zł from other sources."
                )
                % {"sources": sources, "other": budget.other},
            )
        )
    if budget.grant > task.funds:
        problems.append(
            Problem(
                "costs",
                _("The grant requested, %(grant)s zł, is more than the %(funds)s zł available for this task.")
                % {"grant": budget.grant, "funds": task.funds},
            )
        )
    if budget.total and budget.own_share < task.min_own_contribution:
        problems.append(
            Problem(
                "financing",
                _("The own contribution is %(share)s%% of the total cost; this task needs at least %(minimum)s%%.")
                % {"share": budget.own_share, "minimum": task.min_own_contribution},
            )
        )
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
