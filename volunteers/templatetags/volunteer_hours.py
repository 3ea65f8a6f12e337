"""How hours read on every screen: "2,5" rather than "2,50", "10" rather than "10,00"."""

from django import template

from volunteers.services.hours import format_hours

register = template.Library()


@register.filter
def hours(value):
    """A Decimal number of hours without trailing zeros, with the locale's decimal separator."""
    if value in (None, ""):
        return ""
    return format_hours(value)
