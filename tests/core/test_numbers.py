"""Ids read from requests are bounded before they reach the database (core.numbers)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.numbers import MAX_ID, parse_id, plausible_id


@pytest.mark.parametrize("value", ["1", "42", str(MAX_ID), 7])
def test_an_id_that_fits_64_bits_is_read(value):
    assert parse_id(value) == int(value)


@pytest.mark.parametrize(
    "value", ["", "0", "-1", str(MAX_ID + 1), "9" * 5000, "1e9", "1.5", "abc", "²", "٣", "１２", " 1", None]
)
def test_anything_else_is_not_an_id(value):
    assert parse_id(value) is None
    assert not plausible_id(value)


@given(st.text())
def test_any_text_gives_an_id_in_range_or_none(text):
    number = parse_id(text)
    assert number is None or 1 <= number <= MAX_ID
