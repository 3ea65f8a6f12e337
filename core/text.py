"""Polish-aware text helpers shared by slugs and search."""

import unicodedata

from django.utils.text import slugify

# Letters that Unicode does not decompose into a base letter plus a mark.
# Applied after case folding, so lower-case forms are enough.
_SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ħ": "h", "ı": "i"}


def _strip_marks(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold_char(char):
    """Lower-case `char` without diacritics; control and format characters become a space.

    Marks are stripped again after case folding ("İ" folds to "i" plus a dot), and the
    letters Unicode does not decompose are mapped last, so folding folded text changes
    nothing.
    """
    if unicodedata.category(char)[0] == "C":
        return " "
    folded = _strip_marks(_strip_marks(char).casefold())
    return "".join(_SPECIAL.get(c, c) for c in folded)


def fold(text):
    return "".join(fold_char(char) for char in text or "")


def polish_slugify(title):
    """ASCII slug from a Polish title: "Nagroda dla ośrodka" → "nagroda-dla-osrodka"."""
    return slugify(fold(title))
