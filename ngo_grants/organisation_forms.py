"""Registering and editing an organisation, with its authorised representatives as rows, and
inviting its members.

The representatives' rows are added and removed by submit buttons, so the page works without
JavaScript: the page comes back with one row more (or less) and everything typed in place,
without any error shown yet, since the person has not asked to save.
"""

import re

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ngo_grants import identifiers
from ngo_grants.models import MemberRole, Organisation, Representative
from ngo_grants.models.organisations import KRS_OPTIONAL
from ngo_grants.services.organisations import DETAILS, already_registered_message

ADD_ROW = "add_representative"
REMOVE_ROW = "remove_representative"
ROWS_PREFIX = "representatives"
MAX_REPRESENTATIVES = 20
POSTCODE = re.compile(r"^(\d{2})-?(\d{3})$", re.ASCII)
ROW_KEY = re.compile(rf"^{ROWS_PREFIX}-(\d{{1,3}})-(?:name|function)$", re.ASCII)
PHONE_CHARACTERS = re.compile(r"^[\d\s()+\-./]+$", re.ASCII)


def typed_number(name, help_text, *, required=True, numeric=True):
    """A field for a number as people type it (with spaces, dashes): longer than the number
    it stores, which the identifiers' check returns compact."""
    attrs = {"autocomplete": "off", "spellcheck": "false", **({"inputmode": "numeric"} if numeric else {})}
    return forms.CharField(
        label=capfirst(Organisation._meta.get_field(name).verbose_name),
        help_text=help_text,
        max_length=60,
        required=required,
        widget=forms.TextInput(attrs=attrs),
    )


class OrganisationForm(forms.ModelForm):
    krs = typed_number(
        "krs",
        _(
            "10 digits, e.g. 0000123456. Church legal persons and organisations outside the National "
            "Court Register leave it empty."
        ),
        required=False,
    )
    nip = typed_number("nip", _("10 digits, e.g. 123-456-32-18."))
    regon = typed_number("regon", _("9 or 14 digits."))
    iban = typed_number(
        "iban", _("26 digits; the PL in front may be left out. Grants are paid into this account."), numeric=False
    )

    class Meta:
        model = Organisation
        fields = list(DETAILS)
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "name": _("The full name, as in the register."),
            "postcode": _("e.g. 38-200"),
            "phone": _("e.g. 13 446 22 10"),
        }

    REQUIRED = {
        "name": _("Enter the organisation's name."),
        "legal_form": _("Choose the legal form."),
        "nip": _("Enter the NIP."),
        "regon": _("Enter the REGON."),
        "street": _("Enter the street and number."),
        "postcode": _("Enter the postcode."),
        "city": _("Enter the town."),
        "email": _("Enter the organisation's e-mail address."),
        "phone": _("Enter a phone number."),
        "iban": _("Enter the bank account number."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.REQUIRED.items():
            self.fields[name].error_messages["required"] = message
        self.fields["legal_form"].error_messages["invalid_choice"] = _("Choose one of the legal forms on the list.")
        self.fields["email"].error_messages["invalid"] = _("Enter an e-mail address, e.g. biuro@example.org.")
        if not self.is_bound and self.instance.pk:
            self.initial["iban"] = identifiers.format_iban(self.instance.iban)

    def _others(self):
        return Organisation.objects.exclude(pk=self.instance.pk) if self.instance.pk else Organisation.objects.all()

    def clean_nip(self):
        number = identifiers.clean_nip(self.cleaned_data["nip"])
        if self._others().filter(nip=number).exists():
            raise forms.ValidationError(already_registered_message(), code="duplicate")
        return number

    def clean_regon(self):
        return identifiers.clean_regon(self.cleaned_data["regon"])

    def clean_krs(self):
        value = self.cleaned_data["krs"].strip()
        if not value:
            return ""
        number = identifiers.clean_krs(value)
        if self._others().filter(krs=number).exists():
            raise forms.ValidationError(already_registered_message(), code="duplicate")
        return number

    def clean_iban(self):
        return identifiers.clean_iban(self.cleaned_data["iban"])

    def clean_postcode(self):
        match = POSTCODE.match(self.cleaned_data["postcode"].strip())
        if not match:
            raise forms.ValidationError(_("A postcode looks like 38-200."), code="postcode")
        return f"{match[1]}-{match[2]}"

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(ch.isdigit() for ch in phone)
        if not PHONE_CHARACTERS.match(phone) or not 9 <= digits <= 15:
            raise forms.ValidationError(_("Enter a phone number of 9 to 15 digits, e.g. 13 446 22 10."), code="phone")
        return phone

    def clean(self):
        cleaned = super().clean()
        legal_form = cleaned.get("legal_form")
        if legal_form and legal_form not in KRS_OPTIONAL and not cleaned.get("krs") and "krs" not in self.errors:
            self.add_error(
                "krs", _("Associations, foundations and social cooperatives are in the KRS: enter the KRS number.")
            )
        return cleaned


class RepresentativeForm(forms.Form):
    name = forms.CharField(
        label=capfirst(Representative._meta.get_field("name").verbose_name),
        max_length=200,
        error_messages={"required": _("Enter the person's first name and surname.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    function = forms.CharField(
        label=capfirst(Representative._meta.get_field("function").verbose_name),
        help_text=Representative._meta.get_field("function").help_text,
        max_length=100,
        error_messages={"required": _("Enter the person's function, e.g. president of the board.")},
    )


class RowsFormSet(forms.BaseFormSet):
    """Rows are never "existing objects": they replace the representatives on each save, so
    every row beyond the first may be left empty and is then skipped."""

    def initial_form_count(self):
        return 0

    def rows(self):
        return [row for row in self.cleaned_data if row]


def representatives_formset(data=None, rows=()):
    """Bound to `data` (whose row count `_with_row_count` set), or unbound showing `rows`
    (at least one row, empty when none). The first row must be filled in; others left empty
    are skipped."""
    formset_class = forms.formset_factory(
        RepresentativeForm,
        formset=RowsFormSet,
        extra=0 if data is not None else max(len(rows), 1) - 1,
        min_num=1,
        max_num=MAX_REPRESENTATIVES,
        absolute_max=MAX_REPRESENTATIVES,
    )
    if data is not None:
        return formset_class(data, prefix=ROWS_PREFIX)
    return formset_class(initial=list(rows), prefix=ROWS_PREFIX)


def _row_count(data):
    """How many rows the POST holds, read from the rows themselves (at least one, at most
    MAX_REPRESENTATIVES): a management form that says otherwise was tampered with, and
    trusting it would lose rows that were sent or invent thousands that were not."""
    indexes = [int(match[1]) for key in data if (match := ROW_KEY.match(key))]
    return min(max([index + 1 for index in indexes], default=1), MAX_REPRESENTATIVES)


def _typed_rows(data):
    """The rows as typed, from a POST."""
    return [
        {name: str(data.get(f"{ROWS_PREFIX}-{index}-{name}", "")) for name in RepresentativeForm.base_fields}
        for index in range(_row_count(data))
    ]


def _with_row_count(data):
    data = data.copy()
    data[f"{ROWS_PREFIX}-TOTAL_FORMS"] = str(_row_count(data))
    data[f"{ROWS_PREFIX}-INITIAL_FORMS"] = "0"
    return data


def _number(value, default=0):
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 4 else default


def organisation_forms(data=None, instance=None):
    """(form, formset, saving) for the organisation page. `saving` says that the person asked
    to save; after "add a person" or "remove" the forms come back unbound, filled with what
    was typed, with one row more or less."""
    if data is None:
        rows = [{"name": r.name, "function": r.function} for r in instance.representatives.all()] if instance else []
        return OrganisationForm(instance=instance), representatives_formset(rows=rows), False
    if ADD_ROW in data or REMOVE_ROW in data:
        rows = _typed_rows(data)
        if ADD_ROW in data and len(rows) < MAX_REPRESENTATIVES:
            rows.append({})
        elif REMOVE_ROW in data and 0 <= _number(data.get(REMOVE_ROW), -1) < len(rows):
            del rows[_number(data.get(REMOVE_ROW))]
        typed = {name: str(data.get(name, "")) for name in DETAILS}
        return OrganisationForm(instance=instance, initial=typed), representatives_formset(rows=rows), False
    return OrganisationForm(data, instance=instance), representatives_formset(_with_row_count(data)), True


def forms_valid(form, formset):
    """Validate both; the rows' problems are also listed in the form's summary, so the summary
    at the top names every problem on the page."""
    form_valid, rows_valid = form.is_valid(), formset.is_valid()
    for number, row in enumerate(formset.forms, start=1):
        for name, errors in row.errors.items():
            for error in errors:
                form.add_error(
                    None,
                    _("Authorised person %(number)s, %(field)s: %(error)s")
                    % {"number": number, "field": row.fields[name].label, "error": error},
                )
    return form_valid and rows_valid


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the person you invite"),
        max_length=254,
        error_messages={
            "required": _("Enter the e-mail address of the person you invite."),
            "invalid": _("Enter an e-mail address, e.g. anna@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MemberRole.choices,
        initial=MemberRole.EDITOR,
        help_text=_("Editors write and submit offers; administrators also manage the details and members."),
        error_messages={"invalid_choice": _("Choose a role from the list.")},
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MemberRole.choices,
        error_messages={"required": _("Choose a role."), "invalid_choice": _("Choose a role from the list.")},
    )
