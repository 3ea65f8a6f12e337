"""The grants officer's form for the formal review of one offer: an answer and a note per
requirement of the call, then what to do (keep the answers, accept, reject, ask for a correction).

It validates only what was typed; `services.review` checks the officer, the offer's state and the
deadline again and writes the result with its audit entry.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import TickedChoices

SAVE, ACCEPT, REJECT, CORRECT = "save", "accept", "reject", "correct"
MET = {"yes": True, "no": False, "": None}
NOTE_LENGTH = 2000


class FormalReviewForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What to do"),
        choices=[
            (SAVE, _("Save the answers; decide later")),
            (ACCEPT, _("Accept formally: the offer goes to the committee")),
            (CORRECT, _("Ask for a correction of the sections chosen below")),
            (REJECT, _("Reject formally, with the reason below")),
        ],
        initial=SAVE,
    )
    # Boxes the page did not offer are dropped (a tampered request), not reported.
    sections = TickedChoices(
        label=_("Sections to reopen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these can be changed; reopening the cost calculation reopens the sources of financing too."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a correction: what to correct and why. For a rejection: why. The organisation reads it."),
    )

    def __init__(self, *args, requirements, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.requirements = list(requirements)
        self.fields["sections"].choices = sections
        for requirement in self.requirements:
            self.fields[f"met_{requirement.pk}"] = forms.ChoiceField(
                label=requirement.question,
                required=False,
                choices=[("", _("not checked yet")), ("yes", _("met")), ("no", _("not met"))],
                help_text=requirement.description,
            )
            self.fields[f"note_{requirement.pk}"] = forms.CharField(
                label=_("Note on: %(requirement)s") % {"requirement": requirement.question},
                required=False,
                max_length=NOTE_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def requirement_fields(self):
        """(answer field, note field) per requirement, for the template."""
        return [(self[f"met_{item.pk}"], self[f"note_{item.pk}"]) for item in self.requirements]

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in (REJECT, CORRECT) and "reason" in data and not data["reason"].strip():
            self.add_error("reason", _("Write the reason; the organisation reads it."))
        if action == CORRECT and "sections" in data and not data["sections"]:
            self.add_error("sections", _("Choose at least one section to reopen."))
        return data

    def answers(self):
        """{requirement: (met, note)} as typed."""
        data = self.cleaned_data
        return {
            item: (MET[data.get(f"met_{item.pk}") or ""], data.get(f"note_{item.pk}", "").strip())
            for item in self.requirements
        }


class AnnulmentForm(forms.Form):
    statement = forms.CharField(
        label=_("Statement of reasons"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published on the call's page and sent to the organisations that submitted offers."),
        error_messages={"required": _("Write the statement of reasons; it is published with the annulment.")},
    )
