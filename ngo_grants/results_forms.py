"""The head of the centre's decision form: the reference of the order, its date and, per offer
the committee assessed, the amount granted with the reason for less than requested. The rules
live in `services.results.amount_problems`; the form shows every one at its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MoneyField
from ngo_grants.services import results as service


class DecisionForm(forms.Form):
    reference = forms.CharField(
        label=_("Decision"),
        max_length=300,
        help_text=_("The order that decides, e.g. “Zarządzenie nr 12/2026 Dyrektora MOPS w Jaśle”."),
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, offers, **kwargs):
        super().__init__(*args, **kwargs)
        self.offers = list(offers)
        for offer in self.offers:
            self.fields[f"amount_{offer.pk}"] = MoneyField(
                label=_("Grant for offer no. %(number)s (zł)") % {"number": offer.number}
            )
            self.fields[f"reason_{offer.pk}"] = forms.CharField(
                label=_("Reason for offer no. %(number)s") % {"number": offer.number},
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Required when less than requested is granted; it is published."),
            )

    def amounts(self):
        data = self.cleaned_data
        return {offer.pk: (data.get(f"amount_{offer.pk}"), data.get(f"reason_{offer.pk}", "")) for offer in self.offers}

    def offer_fields(self):
        return [(offer, self[f"amount_{offer.pk}"], self[f"reason_{offer.pk}"]) for offer in self.offers]

    def clean(self):
        data = super().clean()
        for field, message in service.amount_problems(self.offers, self.amounts()):
            if field and field in self.errors:
                continue
            self.add_error(field or None, message)
        return data


class ReasonsRequestForm(forms.Form):
    question = forms.CharField(
        label=_("What would you like explained?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("e.g. why the offer got fewer points for the cost calculation, or why less was granted."),
    )


class ReasonsAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=8000, widget=forms.Textarea(attrs={"rows": 5}))
