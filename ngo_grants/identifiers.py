"""Checks of the numbers that identify an organisation and its bank account.

The check digits are python-stdnum's and schwifty's, not ours: they are the reference
implementations of the registers' algorithms. Each function takes what a person typed (spaces,
dashes and a "PL" prefix allowed), returns the number in its stored form or raises
`ValidationError` with a message for the field.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum import exceptions as stdnum_errors
from stdnum.pl import nip, regon


def _digits(value):
    return "".join(ch for ch in str(value) if ch.isalnum()).upper()


def clean_nip(value):
    number = _digits(value).removeprefix("PL")
    if not number.isdigit() or len(number) != 10:
        raise ValidationError(_("A NIP has 10 digits."), code="nip_length")
    try:
        return nip.validate(number)
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This NIP is not valid: its check digit does not match."), code="nip") from None


def clean_regon(value):
    number = _digits(value)
    if not number.isdigit() or len(number) not in (9, 14):
        raise ValidationError(_("A REGON has 9 or 14 digits."), code="regon_length")
    try:
        return regon.validate(number)
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This REGON is not valid: its check digit does not match."), code="regon") from None


def clean_krs(value):
    """The KRS number has no check digit: ten digits, leading zeros written out."""
    number = _digits(value)
    if not number.isdigit() or len(number) > 10 or int(number) == 0:
        raise ValidationError(_("A KRS number has 10 digits, e.g. 0000123456."), code="krs")
    return number.zfill(10)


def clean_iban(value):
    """A Polish account may be typed without its country code (26 digits, NRB)."""
    number = _digits(value)
    if number.isdigit() and len(number) == 26:
        number = "PL" + number
    try:
        return IBAN(number).compact
    except SchwiftyException:
        raise ValidationError(_("This account number is not valid: check the digits again."), code="iban") from None


def format_iban(value):
    """Groups of four, as on a bank statement."""
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if value else ""
