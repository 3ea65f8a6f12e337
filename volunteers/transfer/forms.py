"""Forms of the data-exchange screen: uploading a list of volunteers and confirming its import."""

from django import forms
from django.utils.translation import gettext_lazy

from core.spreadsheets import read_spreadsheet_upload, read_table
from core.uploads import UploadRefused
from volunteers.transfer.importing import check_volunteers


class ImportForm(forms.Form):
    """A file and the centre it is for. A valid form has been read and checked row by row:
    `check` holds every bad row and the volunteers of the good ones, `content` the bytes
    that were checked (the confirmation imports exactly these)."""

    file = forms.FileField(
        label=gettext_lazy("File with volunteers (XLSX or CSV)"),
        help_text=gettext_lazy("At most 5 MB and 10,000 rows; the first row names the columns."),
    )
    centre = forms.ModelChoiceField(label=gettext_lazy("Centre"), queryset=None, empty_label=None)
    # What checks the rows: the volunteers' checker here, another list's in a subclass.
    check_table = staticmethod(check_volunteers)

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.table = self.check = self.content = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            content = read_spreadsheet_upload(upload)
            self.table = read_table(content)
        except UploadRefused as refused:
            raise forms.ValidationError(refused.message) from refused
        self.content = content
        return upload

    def clean(self):
        data = super().clean()
        centre = data.get("centre")
        if self.table is not None and centre is not None:
            try:
                self.check = self.check_table(self.table, centre)
            except UploadRefused as refused:
                self.add_error("file", refused.message)
        return data


class ConfirmImportForm(forms.Form):
    """Only the token that names the file kept on the server: the rows are never sent back."""

    token = forms.CharField(max_length=64, widget=forms.HiddenInput)
