"""The forms of the offer's sections, field by field as in the standard offer form
(regulation of 24 October 2018, Dz.U. 2018 poz. 2057), with the rules each one checks.

Rules over several rows (the budget against the task's funds and minimum own contribution)
live in the cost lines' formset; the rule across sections (sources of financing against the
cost lines) in the financing form, which is told what the cost lines take from other sources.
`ngo_grants.sections` binds them to a draft.
"""

from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.forms import MoneyField, PolishDecimalField
from ngo_grants import budget

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ZERO = Decimal("0")

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
    """III. Scope of the task; its dates must lie inside the public task's period."""

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
            self.add_error("ends_on", _("The end date is before the start date; the task must end after it starts."))
        task = self.public_task
        if task is not None:
            period = {"start": _date(task.starts_on), "end": _date(task.ends_on)}
            for name, day in (("starts_on", starts), ("ends_on", ends)):
                if day and not task.starts_on <= day <= task.ends_on:
                    message = _(
                        "%(day)s is outside the task's period: it must be carried out between %(start)s and %(end)s."
                    )
                    self.add_error(name, message % {"day": _date(day), **period})
        return data


def _date(day):
    return formats.date_format(day, "j E Y")


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


class CostsForm(forms.Form):
    """V.A The cost calculation is its rows only (`CostLineForm`)."""


class CostLineForm(forms.Form):
    """A row of the cost calculation (V.A); the total is quantity × unit cost, to the grosz, and
    splits into what the grant and other sources pay."""

    category = forms.ChoiceField(label=_("Category"), choices=COST_CATEGORIES)
    name = forms.CharField(label=_("Kind of cost"), max_length=300)
    quantity = PolishDecimalField(
        label=_("Quantity"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
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
            problem = budget.line_total_problem(quantity, unit_cost, total)
            if problem:
                self.add_error("total", problem)
        if None not in (total, grant, other):
            problem = budget.line_split_problem(total, grant, other)
            if problem:
                self.add_error("from_other", problem)
        return data


FINANCING_FIELDS = ("own_funds", "recipients_payments", "other_public", "other_funds", "personal", "in_kind")


class FinancingForm(forms.Form):
    """V.B Sources of financing other than the grant, and the own contribution; together they
    must equal what the cost lines take from other sources (`lines_other`, when known)."""

    own_funds = MoneyField(label=_("Own financial resources (zł)"), initial=ZERO)
    recipients_payments = MoneyField(label=_("Payments from the recipients of the task (zł)"), initial=ZERO)
    other_public = MoneyField(label=_("Other public funds (zł)"), initial=ZERO)
    other_funds = MoneyField(label=_("Other funds (zł)"), initial=ZERO)
    personal = MoneyField(
        label=_("Personal contribution (zł)"),
        initial=ZERO,
        help_text=_("Volunteers' and members' unpaid work, valued."),
    )
    in_kind = MoneyField(
        label=_("Contribution in kind (zł)"), initial=ZERO, help_text=_("Premises, equipment, valued.")
    )

    def __init__(self, *args, lines_other=None, **kwargs):
        self.lines_other = lines_other
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if self.lines_other is not None and all(data.get(name) is not None for name in FINANCING_FIELDS):
            problem = budget.sources_problem(sources_total(data), self.lines_other)
            if problem:
                raise forms.ValidationError(problem, code="sources")
        return data


def sources_total(cleaned):
    return sum((cleaned[name] for name in FINANCING_FIELDS), ZERO)


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


class RowFormSet(forms.BaseFormSet):
    """Rows of a section (partners, actions, results, cost lines); `task` is the public task,
    for the rules over all rows."""

    def __init__(self, *args, task=None, **kwargs):
        self.public_task = task
        super().__init__(*args, **kwargs)


class CostLineFormSet(RowFormSet):
    """The cost lines together: the grant within the task's funds, the own contribution at
    least the task's minimum."""

    def clean(self):
        if any(self.errors) or self.public_task is None:
            return
        lines = [form.cleaned_data for form in self.forms if form.cleaned_data]
        problems = budget.task_problems(self.public_task, budget.budget_of(lines))
        if problems:
            raise forms.ValidationError(problems)


# Formset messages in the words of each row set, instead of Django's "submit at least 1 form".
ROW_MESSAGES = {
    "partners": {
        "too_many_forms": ngettext_lazy(
            "A joint offer can name at most %(num)d partner; remove the extra rows.",
            "A joint offer can name at most %(num)d partners; remove the extra rows.",
            "num",
        ),
    },
    "actions": {
        "too_few_forms": ngettext_lazy(
            "Add at least %(num)d action to the plan.", "Add at least %(num)d actions to the plan.", "num"
        ),
        "too_many_forms": ngettext_lazy(
            "The plan can have at most %(num)d action; remove the extra rows.",
            "The plan can have at most %(num)d actions; remove the extra rows.",
            "num",
        ),
    },
    "results": {
        "too_few_forms": ngettext_lazy(
            "Add at least %(num)d expected result.", "Add at least %(num)d expected results.", "num"
        ),
        "too_many_forms": ngettext_lazy(
            "There can be at most %(num)d expected result; remove the extra rows.",
            "There can be at most %(num)d expected results; remove the extra rows.",
            "num",
        ),
    },
    "lines": {
        "too_few_forms": ngettext_lazy("Add at least %(num)d cost line.", "Add at least %(num)d cost lines.", "num"),
        "too_many_forms": ngettext_lazy(
            "The cost calculation can have at most %(num)d cost line; remove the extra rows.",
            "The cost calculation can have at most %(num)d cost lines; remove the extra rows.",
            "num",
        ),
    },
}
ROW_FORMSETS = {"lines": CostLineFormSet}
