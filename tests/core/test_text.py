"""The words of a listing's search box: bounded so that no query becomes a database error."""

from core.text import SEARCH_WORD_LENGTH, SEARCH_WORDS, search_words


def test_words_are_split_on_any_whitespace():
    assert search_words("  Anna\tKowalska\n ") == ["Anna", "Kowalska"]


def test_a_pasted_page_is_cut_to_a_few_words():
    assert search_words(" ".join(f"w{n}" for n in range(100))) == [f"w{n}" for n in range(SEARCH_WORDS)]


def test_a_word_longer_than_any_stored_name_is_cut():
    # SQLite refuses a LIKE pattern over 50,000 characters with a server error.
    (word,) = search_words("x" * 60_000)
    assert word == "x" * SEARCH_WORD_LENGTH


def test_an_empty_box_gives_no_words():
    assert search_words("   ") == []
