"""How hours read on every screen: "2,5" rather than "2,50", "10" rather than "10,00"."""

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def hours(value):
    """A Decimal number of hours without trailing zeros, with the locale's decimal separator."""
    if value in (None, ""):
        return ""
    return formats.number_format(Decimal(value).normalize())
