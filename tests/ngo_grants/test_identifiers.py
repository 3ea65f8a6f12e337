"""The numbers that identify an organisation, checked with real numbers: valid ones of
existing institutions and the same numbers with one digit changed."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from stdnum.pl import nip as stdnum_nip

from ngo_grants.identifiers import clean_iban, clean_krs, clean_nip, clean_regon, format_iban

# ORLEN S.A. and PZU S.A. (public registers), the example of the Ministry of Finance.
VALID_NIPS = {"774-000-14-54": "7740001454", "5260251049": "5260251049", "PL 123 456 32 18": "1234563218"}
VALID_REGONS_9 = {"610188201": "610188201", "012100784": "012100784", "123-456-785": "123456785"}
# A 14-digit REGON (a local unit): its own check digit and that of its 9-digit base.
VALID_REGONS_14 = {"12345678512347": "12345678512347", "6101 8820 1000 10": "61018820100010"}
VALID_IBANS = {
    "PL61 1090 1014 0000 0712 1981 2874": "PL61109010140000071219812874",
    "pl27114020040000300201355387": "PL27114020040000300201355387",
    # A Polish NRB typed without the country code.
    "61 1090 1014 0000 0712 1981 2874": "PL61109010140000071219812874",
    "27-1140-2004-0000-3002-0135-5387": "PL27114020040000300201355387",
}


def refused(check, value):
    with pytest.raises(ValidationError) as error:
        check(value)
    return error.value.messages[0]


@pytest.mark.parametrize(("typed", "stored"), VALID_NIPS.items())
def test_valid_nip_is_stored_as_ten_digits(typed, stored):
    assert clean_nip(typed) == stored


@pytest.mark.parametrize("typed", ["7740001455", "5260251048", "1234563219"])
def test_nip_with_a_changed_digit_is_refused_for_its_check_digit(typed):
    assert "cyfra kontrolna" in refused(clean_nip, typed)


@pytest.mark.parametrize("typed", ["774000145", "77400014540", "", "NIP7740001454", "١٢٣٤٥٦٣٢١٨", "0000000000"])
def test_nip_of_wrong_length_or_characters_is_refused(typed):
    refused(clean_nip, typed)


@pytest.mark.parametrize(("typed", "stored"), {**VALID_REGONS_9, **VALID_REGONS_14}.items())
def test_valid_regon_of_9_or_14_digits_is_accepted(typed, stored):
    assert clean_regon(typed) == stored


@pytest.mark.parametrize("typed", ["610188202", "012100785", "12345678512348"])
def test_regon_with_a_changed_digit_is_refused(typed):
    assert "cyfra kontrolna" in refused(clean_regon, typed)


def test_14_digit_regon_whose_9_digit_base_is_wrong_is_refused():
    # The last digit is right for all 13 before it; the 9th is not right for the first 8.
    assert "cyfra kontrolna" in refused(clean_regon, "61018820200016")


@pytest.mark.parametrize("typed", ["61018820", "6101882011", "610188201000101", "６１０１８８２０１"])
def test_regon_of_another_length_is_refused(typed):
    assert "9 albo 14" in refused(clean_regon, typed)


@pytest.mark.parametrize(
    ("typed", "stored"), [("0000028860", "0000028860"), ("28860", "0000028860"), ("0000 136 833", "0000136833")]
)
def test_krs_is_stored_with_its_leading_zeros(typed, stored):
    assert clean_krs(typed) == stored


@pytest.mark.parametrize("typed", ["00000288601", "0000000000", "KRS28860", "²8860", ""])
def test_krs_of_wrong_length_or_characters_is_refused(typed):
    assert "10 cyfr" in refused(clean_krs, typed)


@pytest.mark.parametrize(("typed", "stored"), VALID_IBANS.items())
def test_valid_account_number_is_stored_as_compact_iban(typed, stored):
    assert clean_iban(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "PL61109010140000071219812875",  # last digit changed
        "61109010140000071219812875",  # the same as an NRB without PL
        "PL62109010140000071219812874",  # IBAN check digits changed
        # IBAN check digits recomputed, but the bank's sort code has a wrong check digit.
        "PL36109010150000071219812874",
    ],
)
def test_account_number_with_a_wrong_check_digit_is_refused(typed):
    assert "nieprawidłowy" in refused(clean_iban, typed)


@pytest.mark.parametrize(
    "typed", ["PL6110901014", "6110901014000007121981287", "PL61 1090 1014 0000 0712 1981 2874 00"]
)
def test_polish_account_of_wrong_length_says_it_has_26_digits(typed):
    assert "26 cyfr" in refused(clean_iban, typed)


@pytest.mark.parametrize("typed", ["PL61/1090/1014", "PL61 1090 ١٠١٤ 0000 0712 1981 2874"])
def test_account_with_other_characters_is_refused(typed):
    refused(clean_iban, typed)


def test_iban_is_shown_in_groups_of_four():
    assert format_iban("PL61109010140000071219812874") == "PL61 1090 1014 0000 0712 1981 2874"


@given(st.text(alphabet="0123456789", min_size=9, max_size=9).filter(lambda s: int(s) > 0))
def test_every_nip_stdnum_accepts_is_accepted_and_every_other_refused(first_nine):
    for last in "0123456789":
        number = first_nine + last
        try:
            stored = clean_nip(number)
        except ValidationError:
            assert not stdnum_nip.is_valid(number)
        else:
            assert stored == number and stdnum_nip.is_valid(number)


@given(st.text(min_size=0, max_size=40))
def test_any_text_gives_a_number_or_a_field_error_never_a_crash(text):
    for check in (clean_nip, clean_regon, clean_krs, clean_iban):
        try:
            stored = check(text)
        except ValidationError:
            continue
        assert stored.isascii() and stored.isalnum()
