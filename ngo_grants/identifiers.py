"""Checks of the numbers that identify an organisation and its bank account.

The check digits are python-stdnum's and schwifty's, not ours: they are the reference
implementations of the registers' algorithms. Each function takes what a person typed (spaces,
dashes and, for a NIP or an account, a "PL" prefix allowed), returns the number in its stored
form or raises `ValidationError` with a message for the field.

Only ASCII digits count: `str.isdigit()` also accepts "٣" and "３", which `int()` would read
as a number the person never saw; anything but digits, spaces and dashes is refused rather
than silently dropped, so "19-33/58…" is not read as a different number either.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from schwifty import IBAN
from schwifty.exceptions import InvalidLength, SchwiftyException
from stdnum import exceptions as stdnum_errors
from stdnum.pl import nip, regon

SEPARATORS = re.compile(r"[\s\-‐‑–]+")


def _compact(value, prefix=""):
    """`value` without separators and without `prefix`, upper-case."""
    text = SEPARATORS.sub("", str(value)).upper()
    if prefix:
        text = text.removeprefix(prefix)
    return text


def _ascii_digits(text, lengths):
    return text.isascii() and text.isdigit() and len(text) in lengths


def clean_nip(value):
    number = _compact(value, "PL")
    if not _ascii_digits(number, (10,)):
        raise ValidationError(_("A NIP has 10 digits, e.g. 123-456-32-18."), code="nip_length")
    try:
        if int(number) == 0:
            raise stdnum_errors.InvalidChecksum
        return nip.validate(number)
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This NIP is not valid: its check digit does not match."), code="nip") from None


def clean_regon(value):
    number = _compact(value)
    if not _ascii_digits(number, (9, 14)):
        raise ValidationError(_("A REGON has 9 or 14 digits."), code="regon_length")
    try:
        if int(number) == 0:
            raise stdnum_errors.InvalidChecksum
        return regon.validate(number)
    except stdnum_errors.ValidationError:
        raise ValidationError(_("This REGON is not valid: its check digit does not match."), code="regon") from None


def clean_krs(value):
    """The KRS number has no check digit: ten digits, leading zeros may be left out."""
    number = _compact(value)
    if not _ascii_digits(number, range(1, 11)) or int(number) == 0:
        raise ValidationError(_("A KRS number has 10 digits, e.g. 0000123456."), code="krs")
    return number.zfill(10)


def clean_iban(value):
    """A Polish account may be typed without its country code (26 digits, NRB). Besides the
    IBAN's own check digits, the bank's sort code has a check digit of its own (the national
    checksum), which catches a mistyped bank."""
    wrong_length = ValidationError(
        _("A Polish account number has 26 digits (with PL in front: PL and 26 digits)."), code="iban_length"
    )
    number = _compact(value)
    if _ascii_digits(number, range(1, 100)):
        if len(number) != 26:
            raise wrong_length
        number = "PL" + number
    if not (number.isascii() and number.isalnum()):
        raise ValidationError(_("An account number has only digits (and PL in front)."), code="iban_format")
    try:
        return IBAN(number, validate_bban=True).compact
    except InvalidLength:
        raise wrong_length from None
    except SchwiftyException:
        raise ValidationError(_("This account number is not valid: check the digits again."), code="iban") from None


def format_iban(value):
    """Groups of four, as on a bank statement."""
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if value else ""
