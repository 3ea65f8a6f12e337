"""The volunteer's answers to a match: the reason for declining a proposal or for leaving an
active match. The coordinator reads it before proposing someone else, so it is required."""

from django import forms
from django.utils.translation import gettext_lazy as _

REASON_REQUIRED = _("Tell the coordinator why, in a few words.")


class MatchReasonForm(forms.Form):
    """One required reason; the subclasses word its label for their step."""

    reason_label = _("Why?")
    reason_help = ""

    reason = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REASON_REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = self.reason_label
        self.fields["reason"].help_text = self.reason_help


class DeclineMatchForm(MatchReasonForm):
    reason_label = _("Why are you declining?")
    reason_help = _("The coordinator reads it before asking someone else; a few words are enough.")


class LeaveMatchForm(MatchReasonForm):
    reason_label = _("Why are you ending the help?")
    reason_help = _("The coordinator reads it and looks for someone to continue the help.")
