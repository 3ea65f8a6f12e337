"""Words to search terms: Polish lemmas from Morfeusz 2, folded to plain letters.

A page is indexed by the lemmas of its words ("pomocy społecznej" → "pomoc", "społeczny"),
so any inflected form in a query finds any other. Every term is then folded ("spoleczny"),
because residents often type without Polish letters, and the word itself is kept too
(folded), so names, codes and numbers the dictionary does not know still match as written.

A query word typed with Polish letters is lemmatised directly. One typed without them
("spoleczna") is usually not a Polish word at all, so the dictionary cannot say which word
it is: its spellings with Polish letters put back ("społeczna", "spółeczna", …) are tried,
and the lemmas of those the dictionary knows are added. That is ambiguous on purpose:
"sad" looks for both "sad" and "sąd", as a person reading the query would. Putting the
letters back on the query side keeps the index small (one row per lemma a page uses, not
one per spelling) and needs no second dictionary.

Morfeusz 2 (morfeusz2 on PyPI, with the SGJP dictionary inside its wheel) is a full
morphological analyser, so nothing is guessed by suffix rules and nothing is downloaded
at run time.
"""

import functools
import itertools
import threading

import morfeusz2

from search.folding import MAX_TERM_LENGTH, MIN_TERM_LENGTH, WORD, fold, words_with_spans

# Polish letters a plain letter may stand for when typed without diacritics.
_POLISH_LETTERS = {"a": "ą", "c": "ć", "e": "ę", "l": "ł", "n": "ń", "o": "ó", "s": "ś", "z": "źż"}
# Polish words carry few diacritics ("żółć" has four); trying at most this many, and at
# most MAX_SPELLINGS spellings in all, bounds a long query word to a few milliseconds.
MAX_LETTERS_PUT_BACK = 4
MAX_SPELLINGS = 400

_local = threading.local()


def _analyser():
    # A Morfeusz instance keeps state between calls, so each thread gets its own.
    analyser = getattr(_local, "morfeusz", None)
    if analyser is None:
        analyser = _local.morfeusz = morfeusz2.Morfeusz(generate=False)
    return analyser


def _lemmas(word):
    """The lemmas of every reading of `word`, or none when the dictionary does not know it.

    Lemmas carry homonym labels ("zamek:Sm3~a"); the word before the colon is the lemma.
    """
    lemmas = set()
    for _start, _end, (_form, lemma, tag, *_rest) in _analyser().analyse(word):
        if tag == "ign":
            return set()
        lemmas.add(lemma.split(":", 1)[0])
    return lemmas


def _folded_terms(texts):
    return frozenset(
        term for text in texts for term in WORD.findall(fold(text)) if MIN_TERM_LENGTH <= len(term) <= MAX_TERM_LENGTH
    )


@functools.lru_cache(maxsize=100_000)
def word_terms(word):
    """Index terms of one word as written on a page: its folded lemmas and its folded self."""
    word = word.lower()
    if len(word) > MAX_TERM_LENGTH:
        return frozenset()
    return _folded_terms({word, *_lemmas(word)})


def _spellings_with_polish_letters(word):
    positions = [index for index, char in enumerate(word) if char in _POLISH_LETTERS]
    for count in range(1, min(MAX_LETTERS_PUT_BACK, len(positions)) + 1):
        for chosen in itertools.combinations(positions, count):
            for letters in itertools.product(*(_POLISH_LETTERS[word[index]] for index in chosen)):
                chars = list(word)
                for index, letter in zip(chosen, letters, strict=True):
                    chars[index] = letter
                yield "".join(chars)


@functools.lru_cache(maxsize=20_000)
def query_terms(word):
    """Terms that count as a match for one query word (see the module docstring)."""
    terms = set(word_terms(word))
    word = word.lower()
    if terms and word.isascii() and word.isalpha():
        for spelling in itertools.islice(_spellings_with_polish_letters(word), MAX_SPELLINGS):
            terms |= _folded_terms(_lemmas(spelling))
    return frozenset(terms)


def text_terms(text):
    """Every distinct index term of `text`."""
    terms = set()
    for word in {word for word, _start, _end in words_with_spans(text)[1]}:
        terms |= word_terms(word)
    return terms
