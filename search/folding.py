"""Diacritic folding shared by the index and the query.

Residents often type without Polish letters ("osrodek", "spoleczna"). Databases disagree on
what they fold (SQLite's FTS5 folds "ś" and "ó" but not "ł"; PostgreSQL folds nothing
without the unaccent extension), so both sides of the comparison are folded here, the same
way, and the database only compares plain lower-case text.
"""

import re

from core.text import fold, fold_char

_WORD = re.compile(r"[^\W_]+")

MAX_TERMS = 8
MIN_TERM_LENGTH = 2

__all__ = ["fold", "fold_with_map", "query_terms"]


def fold_with_map(text):
    """Fold `text` and also return, for each folded character, its index in `text`.

    Folding may change lengths ("ß" → "ss"), so highlighting a match found in folded text
    needs this map to find the same words in the original.
    """
    folded, positions = [], []
    for index, char in enumerate(text):
        piece = fold_char(char)
        folded.append(piece)
        positions.extend([index] * len(piece))
    return "".join(folded), positions


def query_terms(query):
    """Split a query typed by anyone into at most MAX_TERMS safe, folded words.

    Punctuation, quotes, markup and control characters only separate words: no search
    syntax is exposed, so nothing a visitor types can make the query fail.
    """
    terms = []
    for word in _WORD.findall(fold(query)):
        if len(word) >= MIN_TERM_LENGTH and word not in terms:
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return terms
