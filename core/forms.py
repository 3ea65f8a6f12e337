"""Form fields for ids, shared by the forms and filters of every app (see core.numbers)."""

from decimal import Decimal

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


class OfferedChoicesOnly:
    """Tick boxes can only send the values the page offered: anything else comes from a
    tampered request, and is dropped rather than reported, as nobody could correct it."""

    def clean(self, value):
        if value is None:
            value = []
        elif not isinstance(value, list | tuple):
            value = [value]
        offered = self.offered_values()
        return super().clean([item for item in value if str(item) in offered])


class TickedChoices(OfferedChoicesOnly, forms.MultipleChoiceField):
    def offered_values(self):
        return {str(value) for value, _label in self.choices}


class ModelChoiceField(IdChoiceMixin, forms.ModelChoiceField):
    """Django's ModelChoiceField with the id bounded."""


class PolishDecimalField(forms.DecimalField):
    """A number as people in Poland write it: "1 234,56" as well as "1234.56".

    Spaces (also the non-breaking ones a copied table brings) group thousands and a comma is
    the decimal mark; the value is a Decimal, never a float. Too many digits or decimals is a
    message at the field, not an error further on."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
            value = value.removesuffix("zł").removesuffix("%")
        return super().to_python(value)


class MoneyField(PolishDecimalField):
    """Złoty to the grosz, up to ten million złoty a line."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def clean(self, value):
        # "9000" and "9000,00" are the same amount and must give the same checksum.
        value = super().clean(value)
        return value.quantize(Decimal("0.01")) if value is not None else None
