"""Forms of the reports under an agreement: the organisation's report (actions, results and the
actual costs of each agreed cost line), the officer's answer to it and the call for a partial
report. The rules are the service's (`report_problems`); the forms show each at its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MoneyField
from ngo_grants.agreement_forms import AcceptOrReturnForm
from ngo_grants.services import reports as service
from ngo_grants.services.agreements import AMOUNTS


class ReportForm(forms.Form):
    actions = forms.CharField(
        label=_("Actions carried out"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was done, when and for whom, against the schedule of the offer or its update."),
    )
    results = forms.CharField(
        label=_("Results achieved against those planned"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Each planned result with what was achieved (e.g. 40 of 50 participants), and why it differs."),
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        self.lines = service.agreed_lines(agreement)
        for index, line in enumerate(self.lines):
            for key, label in (
                ("total", _("%(line)s: actual cost (zł)")),
                ("from_grant", _("%(line)s: of which from the grant (zł)")),
                ("from_other", _("%(line)s: of which from other sources (zł)")),
            ):
                self.fields[f"line_{index}_{key}"] = MoneyField(label=label % {"line": line["name"]})
            self.fields[f"line_{index}_explanation"] = forms.CharField(
                label=_("%(line)s: why it cost more than allowed") % {"line": line["name"]},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Only for a line over the overrun the agreement allows."),
            )

    def line_rows(self):
        return [
            (line, [self[f"line_{index}_{key}"] for key in AMOUNTS], self[f"line_{index}_explanation"])
            for index, line in enumerate(self.lines)
        ]

    def actual(self):
        data = self.cleaned_data
        return [tuple(data.get(f"line_{index}_{key}") for key in AMOUNTS) for index in range(len(self.lines))]

    def explanations(self):
        return [self.cleaned_data.get(f"line_{index}_explanation", "") for index in range(len(self.lines))]

    def clean(self):
        data = super().clean()
        for field, message in service.report_problems(self.agreement, self.actual(), self.explanations()):
            if field not in self.errors:
                self.add_error(field or None, message)
        return data


class ReportDecisionForm(AcceptOrReturnForm):
    accept_label = _("accept the report (the final report settles the grant)")


class PartialCallForm(forms.Form):
    due = forms.DateField(
        label=_("Partial report due"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("At least 30 days from today (art. 18 ust. 2 of the Act); the organisation is told by e-mail."),
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement

    def clean_due(self):
        due = self.cleaned_data["due"]
        problem = service.partial_call_problem(self.agreement, due)
        if problem:
            raise forms.ValidationError(problem)
        return due
