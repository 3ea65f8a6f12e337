"""The volunteer profile, in four short steps (see views.PROFILE_STEPS)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import OfferedChoicesOnly, TickedChoices
from volunteers import services
from volunteers.consents import CONSENT_TEXTS, GUARDIAN_TEXT, STANDARDS_TEXT
from volunteers.models import (
    ConsentKind,
    DayPart,
    DisabilityKind,
    District,
    Gender,
    Language,
    Skill,
    VolunteerProfile,
    Weekday,
)

OLDEST = 110
User = get_user_model()


class TickedObjects(OfferedChoicesOnly, forms.ModelMultipleChoiceField):
    def offered_values(self):
        return {str(pk) for pk in self.queryset.values_list("pk", flat=True)}


class GroupedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes in one fieldset per group (districts per centre)."""

    template_name = "volunteers/profile/widgets/grouped_checkboxes.html"


class AvailabilityGrid(forms.CheckboxSelectMultiple):
    """A week as a table: a row per day, a column per part of the day, a checkbox in each
    cell whose (visually hidden) label says both, e.g. "poniedziałek, rano"."""

    template_name = "volunteers/profile/widgets/availability_grid.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = [
            option for _group, group_options, _index in context["widget"]["optgroups"] for option in group_options
        ]
        parts = len(DayPart.choices)
        context["widget"]["parts"] = [label for _value, label in DayPart.choices]
        context["widget"]["rows"] = [
            (day_label, options[index * parts : (index + 1) * parts])
            for index, (_day, day_label) in enumerate(Weekday.choices)
        ]
        return context


def slot_value(weekday, part):
    return f"{weekday}-{part}"


def slot_choices():
    # A callable, so the labels are translated when a form is built, not at import.
    return [
        (slot_value(day, part), f"{str(day_label).lower()}, {part_label}")
        for day, day_label in Weekday.choices
        for part, part_label in DayPart.choices
    ]


class AboutForm(forms.ModelForm):
    """Step 1: who the volunteer is. Age and, for minors, the guardian's consent are settled
    here, before anything else can be filled in."""

    # Stored on the account (services.profile.save_profile): the written agreement names the volunteer.
    first_name = forms.CharField(
        label=capfirst(User._meta.get_field("first_name").verbose_name),
        max_length=User._meta.get_field("first_name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(
        label=capfirst(User._meta.get_field("last_name").verbose_name),
        max_length=User._meta.get_field("last_name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"required": _("Enter your last name.")},
    )
    guardian_consent = forms.BooleanField(label=GUARDIAN_TEXT, required=False)

    field_order = ["first_name", "last_name", "birth_date", "phone", "address"]

    class Meta:
        model = VolunteerProfile
        fields = ["birth_date", "phone", "address", "guardian_name", "guardian_email"]
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "guardian_email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {
            "birth_date": _(
                "We ask because some tasks have an age limit, and under 18 a guardian's consent is needed."
            ),
            "phone": _("So that the coordinator can reach you, e.g. 600 100 200."),
            "address": _("Street, number, postal code and town. The written volunteer agreement states it."),
        }

    def __init__(self, *args, min_age, centre_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.min_age, self.centre_name = min_age, centre_name
        self.fields["birth_date"].error_messages["required"] = _("Enter your date of birth.")
        self.fields["phone"].error_messages["required"] = _("Enter your phone number.")
        if self.instance.user_id:
            self.fields["first_name"].initial = self.instance.user.first_name
            self.fields["last_name"].initial = self.instance.user.last_name
        if self.instance.pk and self.instance.guardian_consent_at:
            self.fields["guardian_consent"].initial = True

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        if services.profile.age_on(birth_date, today) > OLDEST:
            raise forms.ValidationError(_("Check the year of birth, please."))
        if services.profile.age_on(birth_date, today) < self.min_age:
            from_day = services.profile.birthday_at_age(birth_date, self.min_age)
            raise forms.ValidationError(
                _(
                    "Volunteering at %(centre)s is open from the age of %(age)s. Thank you for wanting to help! "
                    "You are welcome to come back from %(date)s."
                ),
                params={
                    "centre": self.centre_name or _("the centre"),
                    "age": self.min_age,
                    "date": formats.date_format(from_day, "DATE_FORMAT"),
                },
            )
        return birth_date

    def clean(self):
        cleaned = super().clean()
        birth_date = cleaned.get("birth_date")
        if birth_date and services.profile.age_on(birth_date, timezone.localdate()) < 18:
            if not cleaned.get("guardian_name") and "guardian_name" not in self.errors:
                self.add_error("guardian_name", _("Under 18, enter the name of your parent or legal guardian."))
            if not cleaned.get("guardian_email") and "guardian_email" not in self.errors:
                self.add_error("guardian_email", _("Under 18, enter the e-mail address of your parent or guardian."))
            if not cleaned.get("guardian_consent"):
                self.add_error(
                    "guardian_consent",
                    _("Under 18, you can volunteer only with your guardian's consent: tick the box."),
                )
        return cleaned


class InterestsForm(forms.ModelForm):
    """Step 2: what the volunteer likes to do and where."""

    skills = TickedObjects(
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Skills and interests"),
        help_text=_("Tick everything you like doing or are good at."),
    )
    districts = TickedObjects(
        queryset=District.objects.select_related("centre"),
        required=False,
        widget=GroupedCheckboxes,
        label=_("Where you can help"),
    )
    languages = TickedObjects(
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages you speak besides Polish"),
        help_text=_("Some people we help speak little Polish or use sign language."),
    )
    disability_experience = TickedObjects(
        queryset=DisabilityKind.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Experience with people with disabilities"),
        help_text=_("Tick where you have helped before, at work, as a volunteer or at home."),
    )
    matching_note = forms.CharField(
        label=VolunteerProfile._meta.get_field("matching_note").verbose_name,
        help_text=VolunteerProfile._meta.get_field("matching_note").help_text,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        help_text=_("Some families ask for a woman or a man. You do not have to answer."),
        choices=[("", _("not given"))] + list(Gender.choices),
        required=False,
        widget=forms.Select,
    )

    class Meta:
        model = VolunteerProfile
        fields = [
            "skills",
            "districts",
            "languages",
            "driving_licence",
            "has_car",
            "disability_experience",
            "matching_note",
            "gender",
            "regular_help",
            "max_concurrent",
        ]
        widgets = {"max_concurrent": forms.NumberInput(attrs={"min": 1, "max": 10})}
        labels = {"driving_licence": _("I have a driving licence"), "has_car": _("I have a car I can use")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        grouped = {}
        for district in self.fields["districts"].queryset:
            grouped.setdefault(district.centre.display_name, []).append((district.pk, district.name))
        self.fields["districts"].choices = list(grouped.items())
        self.fields["max_concurrent"].error_messages["required"] = _("Enter how many people you can help at once.")


class AvailabilityForm(forms.Form):
    """Step 3: the week, day × part of the day."""

    availability = TickedChoices(
        choices=slot_choices,
        required=False,
        widget=AvailabilityGrid,
        label=_("When you can help"),
        help_text=_("Tick the times of the week that usually suit you. You can change them at any time."),
    )


class ConsentsForm(forms.Form):
    """Step 4: consents, each a separate tick box (RODO art. 7 (2)), and the centre's
    child-protection standards."""

    data_processing = forms.BooleanField(
        label=CONSENT_TEXTS[ConsentKind.DATA_PROCESSING],
        error_messages={"required": _("Without this consent we cannot keep your volunteer profile: tick the box.")},
    )
    contact_email = forms.BooleanField(label=CONSENT_TEXTS[ConsentKind.CONTACT_EMAIL], required=False)
    contact_sms = forms.BooleanField(label=CONSENT_TEXTS[ConsentKind.CONTACT_SMS], required=False)
    standards = forms.BooleanField(
        label=STANDARDS_TEXT,
        error_messages={"required": _("Tick the box to confirm that you know the child-protection standards.")},
    )

    KINDS = {
        "data_processing": ConsentKind.DATA_PROCESSING,
        "contact_email": ConsentKind.CONTACT_EMAIL,
        "contact_sms": ConsentKind.CONTACT_SMS,
    }

    @classmethod
    def initial_for(cls, profile):
        initial = {name: services.profile.active_consent(profile, kind) is not None for name, kind in cls.KINDS.items()}
        initial["standards"] = services.profile.standards_acknowledged(profile)
        return initial

    def given(self):
        return {kind: bool(self.cleaned_data.get(name)) for name, kind in self.KINDS.items()}


class ApplicationForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the coordinator"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example, when you can start or what you have done before."),
    )
