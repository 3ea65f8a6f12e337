"""Form fields for ids, shared by the forms and filters of every app (see core.numbers)."""

from django import forms
from django.db import models

from core.numbers import plausible_id


class IdChoiceMixin:
    """A model choice that refuses anything but a plausible id before asking the database, with
    the field's own "not one of the choices" message: a 400-digit "id" would otherwise overflow
    the integer column and end in a server error."""

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, models.Model) and not plausible_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelChoiceField(IdChoiceMixin, forms.ModelChoiceField):
    """Django's ModelChoiceField with the id bounded."""
