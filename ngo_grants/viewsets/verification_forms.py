"""The grants officer's form for a centre's decision on an organisation.

It validates only what was typed; `services.verification.decide_verification` checks the
actor and the centre again and writes the decision with its audit entry.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField

VERIFIED, REFUSED = "verified", "refused"


class VerificationForm(forms.Form):
    # Shown even when the person works in one centre: the decision is that centre's only.
    centre = ModelChoiceField(label=_("Decision of the centre"), queryset=None, empty_label=None)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("", _("– choose –")),
            (VERIFIED, _("Verified: its offers to our calls may be submitted")),
            (REFUSED, _("Refused: its offers to our calls cannot be submitted")),
        ],
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was checked (the KRS extract, the statute …) or, when refusing, why."),
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres

    def clean(self):
        data = super().clean()
        # A note refused for its own reason (too long …) already says so at the field.
        if data.get("decision") == REFUSED and "note" in data and not data["note"].strip():
            self.add_error("note", _("When refusing, write down why the organisation was not verified."))
        return data

    @property
    def verified(self):
        return self.cleaned_data["decision"] == VERIFIED
