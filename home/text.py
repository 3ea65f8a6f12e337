"""Polish-aware text helpers shared by slugs and search."""

import unicodedata

from django.utils.text import slugify

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe"}


def fold_char(char):
    """Lower-case `char` without diacritics; control and format characters become a space."""
    if char in _SPECIAL:
        return _SPECIAL[char]
    if unicodedata.category(char)[0] == "C":
        return " "
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text):
    return "".join(fold_char(char) for char in text or "")


def polish_slugify(title):
    """ASCII slug from a Polish title: "Nagroda dla ośrodka" → "nagroda-dla-osrodka"."""
    return slugify(fold(title))
