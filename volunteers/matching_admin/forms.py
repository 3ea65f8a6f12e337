"""Forms of the matching screens: they validate what a person typed; the services change
the match and check the actor and the state again."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField
from volunteers.models import MatchOutcome, MatchStatus, Need, VolunteerProfile


class EndForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *MatchOutcome.choices])
    note = forms.CharField(
        label=_("Short note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What went well or why it did not continue; the volunteer sees it."),
    )
    reopen = forms.BooleanField(
        label=_("Look for a replacement (the need stays open)"),
        required=False,
        help_text=_("Leave it unticked when the household no longer needs this help: the need is then closed."),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The volunteer receives it by e-mail."),
    )


class MatchFilterForm(forms.Form):
    """The listing's filters; a value that names nothing of the person's is an error at the field."""

    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *MatchStatus.choices], required=False)
    need = ModelChoiceField(label=_("Need"), queryset=Need.objects.none(), required=False)
    volunteer = ModelChoiceField(label=_("Volunteer"), queryset=VolunteerProfile.objects.none(), required=False)

    def __init__(self, *args, matches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = Need.objects.filter(pk__in=matches.values("need")).select_related("beneficiary")
        self.fields["volunteer"].queryset = VolunteerProfile.objects.filter(
            pk__in=matches.values("volunteer")
        ).select_related("user")
        self.fields["volunteer"].label_from_instance = lambda p: p.user.get_full_name() or p.user.email

    def filter(self, matches):
        if not self.is_valid():
            return matches
        data = self.cleaned_data
        if data["status"]:
            matches = matches.filter(status=data["status"])
        if data["need"]:
            matches = matches.filter(need=data["need"])
        if data["volunteer"]:
            matches = matches.filter(volunteer=data["volunteer"])
        return matches
