"""Złoty as people in Poland read them: "50 000,00 zł" (a no-break space groups thousands)."""

from decimal import Decimal, InvalidOperation

NBSP = "\u00a0"


def format_zloty(value, *, currency=True):
    """`value` (Decimal, int or a string such as "9000.00") to the grosz; "" for nothing."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(value)
    sign = "-" if amount < 0 else ""
    whole, grosze = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = f"{sign}{NBSP.join(groups)},{grosze}"
    return f"{text}{NBSP}zł" if currency else text
