"""Forms of the committee's assessment: the member's score, the chair's recommendations and the
adoption of the opinion, and the officer's confirmation of a previewed assignment. The score's
rules live in `services.scoring.score_problems`; the form shows every one at its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MoneyField, TickedChoices
from ngo_grants.services import scoring as service

TEXT = {"max_length": 2000, "required": False}


class ScoreForm(forms.Form):
    proposed_amount = MoneyField(
        label=_("Proposed grant (zł)"),
        help_text=_("At most the amount requested; 0 if you do not recommend the offer."),
    )
    cut_reason = forms.CharField(label=_("Why less than requested"), widget=forms.Textarea(attrs={"rows": 2}), **TEXT)
    remarks = forms.CharField(label=_("Your opinion on the offer"), widget=forms.Textarea(attrs={"rows": 3}), **TEXT)

    def __init__(self, *args, offer, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer = offer
        self.criteria = list(offer.call.criteria.all())
        for criterion in self.criteria:
            self.fields[f"points_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s (0–%(max)s points)")
                % {"criterion": criterion.name, "max": criterion.max_points},
                min_value=0,
                max_value=criterion.max_points,
                help_text=criterion.description,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
            self.fields[f"justification_{criterion.pk}"] = forms.CharField(
                label=_("Justification"), widget=forms.Textarea(attrs={"rows": 2}), **TEXT
            )

    def criterion_fields(self):
        return [(self[f"points_{c.pk}"], self[f"justification_{c.pk}"]) for c in self.criteria]

    def points(self):
        data = self.cleaned_data
        return {
            criterion: (data.get(f"points_{criterion.pk}"), data.get(f"justification_{criterion.pk}", ""))
            for criterion in self.criteria
        }

    def clean(self):
        data = super().clean()
        problems = service.score_problems(
            self.offer, self.points(), data.get("proposed_amount"), data.get("cut_reason", "")
        )
        for field, message in problems:
            # A value that did not even parse already carries its own message.
            if field not in self.errors:
                self.add_error(field, message)
        return data


class RecommendationForm(forms.Form):
    """One amount and remark per offer the chair may recommend."""

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = list(offers)
        for offer in self.offers:
            self.fields[f"amount_{offer.pk}"] = MoneyField(
                label=_("Recommended grant for offer no. %(number)s (zł)") % {"number": offer.number}
            )
            self.fields[f"note_{offer.pk}"] = forms.CharField(
                label=_("Remarks on offer no. %(number)s") % {"number": offer.number},
                widget=forms.TextInput(),
                **TEXT,
            )

    def amounts(self):
        data = self.cleaned_data
        return {offer: (data[f"amount_{offer.pk}"], data[f"note_{offer.pk}"]) for offer in self.offers}


class AdoptForm(forms.Form):
    meeting_on = forms.DateField(label=_("Date of the meeting"), widget=forms.DateInput(attrs={"type": "date"}))
    present = TickedChoices(label=_("Members present"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(member.pk): member for member in members}
        self.fields["present"].choices = [(pk, str(member)) for pk, member in self.members.items()]

    def present_members(self):
        return [self.members[pk] for pk in self.cleaned_data["present"]]


class AssignForm(forms.Form):
    seed = forms.IntegerField(min_value=0, max_value=2**62, widget=forms.HiddenInput)
    expected = forms.CharField(max_length=16, widget=forms.HiddenInput)
