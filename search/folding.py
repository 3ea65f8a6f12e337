"""Splitting text into words, and diacritic folding shared by the index and the query.

Residents often type without Polish letters ("osrodek", "spoleczna"). Databases disagree on
what they fold (SQLite's FTS5 folds "ś" and "ó" but not "ł"; PostgreSQL folds nothing
without the unaccent extension), so every index term and every query term is folded here,
the same way, and the database only compares plain lower-case words for equality.
"""

import re
import unicodedata

from core.text import fold

# Letters and digits only: punctuation, quotes, markup and control characters separate words.
WORD = re.compile(r"[^\W_]+")

MAX_QUERY_WORDS = 8
MIN_TERM_LENGTH = 2
# Longer "words" are hashes, links or garbage; no one types them into a search box.
MAX_TERM_LENGTH = 60

__all__ = ["WORD", "fold", "query_words", "words_with_spans"]


def words_with_spans(text):
    """Each word of `text` with its start and end, after composing decomposed letters.

    "s" followed by a combining acute is one letter "ś" to a reader; composing first keeps
    such a word whole. Composition can shorten the text, so the spans refer to the
    composed text, which is returned too.
    """
    text = unicodedata.normalize("NFC", text or "")
    return text, [(match.group(), match.start(), match.end()) for match in WORD.finditer(text)]


def query_words(query):
    """Split a query typed by anyone into at most MAX_QUERY_WORDS lower-case words, as typed.

    No search syntax is exposed, so nothing a visitor types can make the query fail. The
    words keep their Polish letters: the lemmatiser needs them to recognise the word.
    """
    words = []
    for word, _start, _end in words_with_spans(query)[1]:
        word = word.lower()
        if len(word) >= MIN_TERM_LENGTH and word not in words:
            words.append(word)
        if len(words) == MAX_QUERY_WORDS:
            break
    return words
