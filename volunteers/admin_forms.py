"""Forms of the coordinators' volunteering screens in the Wagtail admin.

They only validate what a person typed; the change itself is made by a service
(`services.applications.decline`, `record_clearance`, `prepare_agreement`, `record_agreement_signed`),
which checks the actor and the state again.
"""

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy

from volunteers.models import Agreement, Application, Clearance, ClearanceKind, ClearanceResult


def _label(model, field_name):
    return capfirst(model._meta.get_field(field_name).verbose_name)


class IsoDateInput(forms.DateInput):
    """The browser's own date picker; it always sends YYYY-MM-DD."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class NotInFutureDateField(forms.DateField):
    widget = IsoDateInput

    def __init__(self, *args, future_message, **kwargs):
        super().__init__(*args, **kwargs)
        self.future_message = future_message

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError(str(self.future_message), code="future")


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_label(Application, "decline_reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("The volunteer receives it by e-mail and sees it on their dashboard."),
    )


class ClearanceForm(forms.Form):
    """One child-protection check. Deliberately no file field: only the date, the result and
    who checked are kept, never the certificate (RODO art. 10)."""

    centre = forms.ModelChoiceField(label=_label(Clearance, "centre"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_label(Clearance, "kind"), choices=ClearanceKind.choices)
    checked_on = NotInFutureDateField(
        label=_label(Clearance, "checked_on"),
        future_message=gettext_lazy("The date of the check cannot be in the future."),
    )
    result = forms.ChoiceField(
        label=_label(Clearance, "result"),
        choices=ClearanceResult.choices,
        help_text=gettext_lazy(
            "Record only the date and the result. Do not scan, copy or attach the certificate or the "
            "register's answer: under RODO art. 10 the centre may not keep it."
        ),
    )

    def __init__(self, *args, centres, **kwargs):
        """`centres`: where the person may record checks of this volunteer. With only one,
        the choice is not shown."""
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.single_centre = centres.first() if len(centres) == 1 else None
        if self.single_centre is not None:
            del self.fields["centre"]

    def clean(self):
        data = super().clean()
        if self.single_centre is not None:
            data["centre"] = self.single_centre
        return data


class AgreementForm(forms.Form):
    """The terms of the written agreement (art. 44 of the Act); the period is the task's."""

    scope = forms.CharField(
        label=_label(Agreement, "scope"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Leave empty to use the task's title and summary."),
    )
    manner = forms.CharField(
        label=_label(Agreement, "manner"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("e.g. on the centre's premises, with the coordinator's guidance."),
    )
    costs_waived = forms.BooleanField(
        label=_label(Agreement, "costs_waived"),
        required=False,
        help_text=Agreement._meta.get_field("costs_waived").help_text,
    )


class AgreementSignedForm(forms.Form):
    signed_on = NotInFutureDateField(
        label=_label(Agreement, "signed_on"),
        # The same words the service uses when it refuses a future date.
        future_message=gettext_lazy("The date of signing cannot be in the future."),
        help_text=gettext_lazy("The day both parties signed the paper agreement."),
    )
