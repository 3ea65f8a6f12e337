"""Forms after the grant: the organisation's updated budget (amounts per cost line of its
offer, and the schedule), the officer's answer to it, and the agreement's terms. The rules are
the services' (`update_problems`, `instalment_problems`); the forms show each at its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MoneyField, PolishDecimalField
from ngo_grants.services import agreements as service

INSTALMENTS = 3
ACCEPT, RETURN = "accept", "return"


class BudgetUpdateForm(forms.Form):
    schedule = forms.CharField(
        label=_("Updated schedule of actions"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What will be done, when, and what is dropped or reduced to fit the amount granted."),
    )

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        self.lines = service.submitted_lines(offer)
        for index, line in enumerate(self.lines):
            for key, label in (
                ("total", _("%(line)s: total (zł)")),
                ("from_grant", _("%(line)s: from the grant (zł)")),
                ("from_other", _("%(line)s: from other sources (zł)")),
            ):
                self.fields[f"line_{index}_{key}"] = MoneyField(label=label % {"line": line["name"]})

    def line_rows(self):
        return [
            (line, [self[f"line_{index}_{key}"] for key in service.AMOUNTS]) for index, line in enumerate(self.lines)
        ]

    def amounts(self):
        data = self.cleaned_data
        return [tuple(data.get(f"line_{index}_{key}") for key in service.AMOUNTS) for index in range(len(self.lines))]

    def clean(self):
        data = super().clean()
        for field, message in service.update_problems(self.offer, self.amounts()):
            if field not in self.errors:
                self.add_error(field or None, message)
        return data


class AcceptOrReturnForm(forms.Form):
    """The officer's answer to what an organisation sent: accepted, or returned with remarks
    the organisation reads. Subclasses word the acceptance."""

    accept_label = _("accept")
    decision = forms.ChoiceField(label=_("Decision"))
    remarks = forms.CharField(
        label=_("Remarks"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            ("", _("– choose –")),
            (ACCEPT, self.accept_label),
            (RETURN, _("return it to the organisation with remarks")),
        ]

    def clean(self):
        data = super().clean()
        if data.get("decision") == RETURN and not data.get("remarks", "").strip() and "remarks" not in self.errors:
            self.add_error("remarks", _("Say what to change; the organisation reads it."))
        return data


class UpdateDecisionForm(AcceptOrReturnForm):
    accept_label = _("accept: it becomes the agreement's annex")


class AgreementForm(forms.Form):
    number = forms.CharField(label=_("Number of the agreement"), max_length=60)
    overrun_percent = PolishDecimalField(
        label=_("Allowed overrun per cost line (%)"),
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        initial=10,
        help_text=_("By how much a cost line may grow without an annex; the framework template suggests 10%."),
    )
    partial_report_on = forms.DateField(
        label=_("Partial report due"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Only for a task lasting long enough to report halfway; empty: the final report only."),
    )

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        for index in range(1, INSTALMENTS + 1):
            required = index == 1
            self.fields[f"due_{index}"] = forms.DateField(
                label=_("Instalment %(number)s paid by") % {"number": index},
                required=required,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.fields[f"amount_{index}"] = MoneyField(
                label=_("Instalment %(number)s (zł)") % {"number": index}, required=required
            )

    def instalments(self):
        data = self.cleaned_data
        return [
            (data[f"due_{index}"], data[f"amount_{index}"])
            for index in range(1, INSTALMENTS + 1)
            if data.get(f"due_{index}") and data.get(f"amount_{index}") is not None
        ]

    def clean(self):
        data = super().clean()
        for index in range(2, INSTALMENTS + 1):
            due, amount = data.get(f"due_{index}"), data.get(f"amount_{index}")
            if (due is None) != (amount is None) and not self.errors.get(f"due_{index}"):
                field = f"amount_{index}" if amount is None else f"due_{index}"
                self.add_error(field, _("Give both the date and the amount of the instalment, or neither."))
        if not self.errors:
            for field, message in service.instalment_problems(self.offer, self.instalments()):
                self.add_error(field or None, message)
        partial = data.get("partial_report_on")
        if partial and "partial_report_on" not in self.errors:
            problem = service.partial_date_problem(partial, service.period_of(self.offer)[1])
            if problem:
                self.add_error("partial_report_on", problem)
        return data
