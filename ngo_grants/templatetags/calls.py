"""How money and shares read on the call pages: "50 000,00 zł", "10 %" — Polish style,
whatever the number format settings of the request."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def group_thousands(digits):
    groups = []
    while len(digits) > 3:
        digits, tail = digits[:-3], digits[-3:]
        groups.insert(0, tail)
    return " ".join([digits, *groups])


def format_decimal(value, places):
    number = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _dot, fraction = f"{abs(number):f}".partition(".")
    return sign + group_thousands(whole) + (f",{fraction}" if fraction else "")


@register.filter
def zloty(value):
    """A Decimal amount in złoty to the grosz: "50 000,00 zł"."""
    if value in (None, ""):
        return ""
    try:
        return _("%(amount)s zł") % {"amount": format_decimal(value, 2)}
    except (InvalidOperation, ValueError, TypeError):
        return ""


@register.filter
def percent(value):
    """A share without needless zeros: "10%", "12,5%"."""
    if value in (None, ""):
        return ""
    try:
        text = format_decimal(value, 2).rstrip("0").rstrip(",")
    except (InvalidOperation, ValueError, TypeError):
        return ""
    return f"{text}%"
