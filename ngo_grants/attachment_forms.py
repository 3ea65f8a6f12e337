"""The form that adds an attachment to an offer: the file, and which attachment of the call it
is or what it is."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelChoiceField
from core.uploads import UploadRefused
from ngo_grants.services.attachments import read_attachment


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, ODT, DOCX, JPG or PNG, at most 10 MB; all attachments of one offer together at most 50 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.odt,.docx,.jpg,.jpeg,.png"}),
    )
    required = ModelChoiceField(
        label=_("Which attachment of the call is it?"),
        queryset=None,
        required=False,
        empty_label=_("An additional attachment (describe it below)"),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=300,
        required=False,
        help_text=_("Required for an additional attachment, e.g. “Letter of support from the parish”."),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["required"].queryset = call.required_attachments.all()
        self.upload = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.upload = read_attachment(upload)
        except UploadRefused as refused:
            raise forms.ValidationError(refused.message) from refused
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("required") and not data.get("description", "").strip() and "required" not in self.errors:
            self.add_error(
                "description",
                _("Describe the additional attachment, or choose which attachment of the call it is."),
            )
        return data
