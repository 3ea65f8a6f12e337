"""Forms of small grants: the organisation's offer (a simplified offer, with up to five cost
lines), anyone's comment during the 7 days, and the officer's decision, agreement and the
year's planned grant funds. The rules are the service's; the forms show each at its field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField, MoneyField
from ngo_grants.models import Organisation
from ngo_grants.services import small_grants as service

LINES = 5
GRANT, REFUSE = "grant", "refuse"


class SmallGrantForm(forms.Form):
    organisation = ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        error_messages={"invalid_choice": _("Choose one of your organisations from the list.")},
    )
    title = forms.CharField(label=_("Title of the task"), max_length=300)
    public_task = forms.CharField(
        label=_("Area of public tasks"),
        max_length=300,
        help_text=_("As art. 4 of the Act names it, e.g. social assistance, support for the family."),
    )
    description = forms.CharField(
        label=_("Description of the task"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What will be done, for whom, where and when."),
    )
    results = forms.CharField(label=_("Expected results"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    starts_on = forms.DateField(label=_("Task starts on"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Task ends on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, centre, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.centre = centre
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
        for index in range(LINES):
            number = index + 1
            self.fields[f"line_{index}_name"] = forms.CharField(
                label=_("Cost %(number)s: what it is") % {"number": number}, max_length=200, required=False
            )
            for key, label in (
                ("total", _("Cost %(number)s: total (zł)")),
                ("from_grant", _("Cost %(number)s: from the grant (zł)")),
                ("from_other", _("Cost %(number)s: from other sources (zł)")),
            ):
                self.fields[f"line_{index}_{key}"] = MoneyField(label=label % {"number": number}, required=False)

    def line_rows(self):
        return [
            [self[f"line_{index}_{key}"] for key in ("name", "total", "from_grant", "from_other")]
            for index in range(LINES)
        ]

    def filled(self):
        """(field index, (name, total, from_grant, from_other)) of each filled row; an empty
        row is left out."""
        data, rows = self.cleaned_data, []
        for index in range(LINES):
            row = tuple(data.get(f"line_{index}_{key}") for key in ("name", "total", "from_grant", "from_other"))
            if row[0] or any(value is not None for value in row[1:]):
                rows.append((index, row))
        return rows

    def lines(self):
        return [row for _index, row in self.filled()]

    def clean(self):
        data = super().clean()
        filled = self.filled()
        for index, (_name, *amounts) in filled:
            if any(value is None for value in amounts) and not self.errors.get(f"line_{index}_total"):
                self.add_error(f"line_{index}_total", _("Give the total and how it is split, or leave the row empty."))
        if self.errors or not data.get("organisation"):
            return data
        problems = service.filing_problems(
            centre=self.centre,
            organisation=data["organisation"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            lines=self.lines(),
            today=timezone.localdate(),
        )
        for field, message in problems:
            field = _field_of(field, [index for index, _row in filled])
            if field not in self.errors:
                self.add_error(field or None, message)
        return data


def _field_of(field, indexes):
    """The service numbers the filled lines from 0; the form's rows keep their own numbers."""
    if field.startswith("line_"):
        _prefix, position, key = field.split("_", 2)
        return f"line_{indexes[int(position)]}_{key}"
    return field


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Your name or your organisation's"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Optional; only the centre sees it, to answer you."),
    )
    text = forms.CharField(label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}))


class SmallGrantDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("", _("– choose –")), (GRANT, _("award the grant")), (REFUSE, _("refuse the grant"))],
    )
    amount = MoneyField(label=_("Amount granted (zł)"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a refusal and for granting less than requested; the organisation reads it."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == GRANT and data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", _("Give the amount granted."))
        return data


class SmallAgreementForm(forms.Form):
    number = forms.CharField(label=_("Number of the agreement"), max_length=60)


class GrantPlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    planned_funds = MoneyField(
        label=_("Grant funds planned for organisations (zł)"),
        help_text=_("From the budget resolution: small grants in the year may take at most the share the Act sets."),
    )
