"""Forms of the committee: the officer's appointment and art. 15 ust. 2da exception, and the
member's declaration of impartiality. They check only what was typed; the services decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField
from ngo_grants.models import ConflictGround, MemberKind, NoNgoException, Organisation

NO_CONFLICT, CONFLICT = "none", "conflict"


class AppointForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        max_length=254,
        help_text=_("The person needs an account on the site: they declare and score there."),
    )
    kind = forms.ChoiceField(label=_("Seat"), choices=[("", _("– choose –")), *MemberKind.choices])
    organisation = ModelChoiceField(
        label=_("Nominated by"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Only for a person nominated by an organisation."),
    )
    chair = forms.BooleanField(label=_("Chair of the committee"), required=False)

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("No one has an account with this address; ask the person to sign up first."))
        self.person = person
        return email


class ExceptionForm(forms.Form):
    no_ngo_exception = forms.ChoiceField(
        label=_("Exception of art. 15 ust. 2da"),
        choices=[("", _("– none: an NGO nominee sits on it –")), *NoNgoException.choices],
        required=False,
    )
    exception_note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("e.g. the date of the invitation to nominate and that nobody answered."),
    )


class DeclarationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Declaration"),
        choices=[
            ("", _("– choose –")),
            (NO_CONFLICT, _("None of the grounds of art. 24 KPA applies to me for this offer")),
            (CONFLICT, _("A ground of art. 24 KPA applies to me: I do not take part in assessing this offer")),
        ],
    )
    ground = forms.ChoiceField(
        label=_("Ground"), choices=[("", _("– choose –")), *ConflictGround.choices], required=False
    )
    reason = forms.CharField(
        label=_("Explanation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only with a conflict: in a sentence, what links you to the offer. The chair reads it."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == CONFLICT:
            if "ground" in data and not data["ground"]:
                self.add_error("ground", _("Choose the ground of the conflict."))
            if "reason" in data and not data["reason"].strip():
                self.add_error("reason", _("Explain the conflict in a sentence; the chair reads it."))
        return data
