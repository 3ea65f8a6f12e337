"""Labels in sentence case and one form of address across the Polish catalogue."""

import re
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings

from volunteers.models import ClearanceKind


def catalogue():
    with open(Path(settings.BASE_DIR) / "locale/pl/LC_MESSAGES/django.po", "rb") as handle:
        return read_po(handle)


def translations():
    for message in catalogue():
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        yield from (text for text in strings if text)


def test_the_reader_is_addressed_with_a_capital_letter_everywhere():
    # "Ty", "Cię", "Twój" as in a letter; a mix of both forms reads as carelessness.
    lowercase = re.compile(r"\b(cię|ciebie|tobie|tobą|twój|twoja|twoje|twojego|twojej|twoim|twoich|twoimi)\b")

    assert [text for text in translations() if lowercase.search(text)] == []


def test_clearance_kinds_are_labelled_alike():
    from django.utils import translation

    with translation.override("pl"):
        labels = [str(label) for label in ClearanceKind.labels]

    assert all(label[0].isupper() for label in labels), labels


def test_column_headings_start_with_a_capital_letter():
    from django.utils import translation

    with translation.override("pl"):
        assert translation.gettext("IP address") == "Adres IP"
