"""Forms of the beneficiaries' screens: the person or family, and one of their needs.

The centre is never typed: a social worker of one centre registers for that centre, and only
someone working in several centres picks one of their own. Districts are the chosen centre's;
the vocabularies (skills, languages, kinds of disability) are the lists every centre shares.
"""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import TickedChoices
from volunteers.admin_forms import IsoDateInput
from volunteers.forms import AvailabilityGrid, TickedObjects, slot_choices
from volunteers.models import Beneficiary, DisabilityKind, District, Language, Need, Skill
from volunteers.transfer.beneficiaries import check_beneficiaries
from volunteers.transfer.forms import ImportForm


def _label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


class NeedTimesGrid(AvailabilityGrid):
    """The volunteer's week grid, in the admin's markup; the whole grid carries the field's id
    so that its error message and `aria-invalid` belong to the grid, not to Monday morning."""

    template_name = "volunteers/admin/beneficiaries/times_grid.html"
    use_fieldset = False

    def id_for_label(self, id_, index=None):
        return id_ if index is None else super().id_for_label(id_, index)


class BeneficiaryForm(forms.ModelForm):
    centre = forms.ModelChoiceField(label=_label(Beneficiary, "centre"), queryset=None, empty_label=None)

    class Meta:
        model = Beneficiary
        fields = [
            "centre",
            "kind",
            "name",
            "first_name",
            "phone",
            "email",
            "address",
            "meeting_place",
            "district",
            "household_note",
        ]
        widgets = {"household_note": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.fields["district"].queryset = District.objects.filter(centre__in=centres).select_related("centre")
        self.fields["district"].empty_label = _("— choose —")
        if len(centres) == 1:
            # One centre: nothing to choose, and nothing a tampered request could change.
            self.fields["centre"].widget = forms.HiddenInput()
            self.fields["centre"].disabled = True
            self.fields["centre"].initial = centres[0].pk
        else:
            self.fields["district"].label_from_instance = lambda d: f"{d.name} ({d.centre.display_name})"
        if self.instance.pk:
            # A record stays with its centre; moving it would hand it to other staff.
            self.fields["centre"].disabled = True
            self.fields["centre"].initial = self.instance.centre_id

    def clean(self):
        data = super().clean()
        centre, district = data.get("centre"), data.get("district")
        if centre is not None:
            self.instance.centre = centre
        if centre is not None and district is not None and district.centre_id != centre.pk:
            self.add_error("district", _("Choose a district of this centre."))
        return data


class NeedForm(forms.ModelForm):
    skills = TickedObjects(
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_label(Need, "skills"),
    )
    # Tick boxes send only the grid's values; anything else came from a tampered request and
    # is dropped (as on the volunteer's grid), so an empty grid is the only mistake to report.
    times = TickedChoices(
        choices=slot_choices,
        widget=NeedTimesGrid,
        label=_label(Need, "times"),
        help_text=_("Tick the times of the week when the help is needed."),
        error_messages={"required": _("Tick at least one time of the week.")},
    )
    language = forms.ModelChoiceField(
        queryset=Language.objects.all(),
        required=False,
        label=_label(Need, "language"),
        empty_label=_("— any —"),
    )
    disability = forms.ModelChoiceField(
        queryset=DisabilityKind.objects.all(),
        required=False,
        label=_label(Need, "disability"),
        empty_label=_("— none —"),
    )

    class Meta:
        model = Need
        fields = [
            "category",
            "skills",
            "times",
            "hours_per_week",
            "start_date",
            "child_involved",
            "preferred_gender",
            "language",
            "disability",
            "needs_licence",
            "needs_car",
            "status",
            "staff_note",
        ]
        widgets = {
            "start_date": IsoDateInput,
            "hours_per_week": forms.NumberInput(attrs={"min": 1, "max": 40}),
            "staff_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        gender = self.fields["preferred_gender"]
        gender.choices = [("", _("no preference")), *[choice for choice in gender.choices if choice[0]]]


class BeneficiaryImportForm(ImportForm):
    """The volunteers' upload form, checking the rows as beneficiaries with their needs."""

    file = forms.FileField(
        label=_("File with beneficiaries and needs (XLSX or CSV)"),
        help_text=_("At most 5 MB and 10,000 rows; the first row names the columns."),
    )
    check_table = staticmethod(check_beneficiaries)
