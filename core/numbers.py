"""Ids and numbers read from URLs and query strings, bounded before they reach the database.

SQLite stores integers in 64 bits and raises OverflowError for a larger Python int, so
`?task=9223372036854775808` ended in a server error there (PostgreSQL compares it happily).
Every id the project takes from a request goes through `parse_id` or one of the fields in
core.forms, so it is refused like any other bad value.
"""

MAX_ID = 2**63 - 1


def parse_id(value):
    """`value` as an id (an int from 1 to MAX_ID), or None when it cannot name a row.

    Only ASCII digits count: `str.isdigit()` also accepts "²" and "٣", which int() refuses
    or reads as a different number than the one shown.
    """
    text = str(value)
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


def plausible_id(value):
    """Whether `value` can be an id at all (see parse_id)."""
    return parse_id(value) is not None
