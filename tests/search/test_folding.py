"""Folding, query parsing and the terms of words: pure functions, so checked with generated input too."""

from hypothesis import given
from hypothesis import strategies as st

from search.folding import fold, query_words, words_with_spans
from search.query import QueryWord, highlight, parse_query
from search.terms import query_terms, text_terms, word_terms


def test_polish_letters_fold_to_ascii_including_l_with_stroke():
    assert fold("Ośrodek Pomocy Społecznej – źródło ŁÓDŹ żółć") == "osrodek pomocy spolecznej – zrodlo lodz zolc"


def test_query_words_drop_syntax_markup_and_control_characters_but_keep_polish_letters():
    assert query_words('"Ośrodek" <b>spoleczna</b>\x00 OR zrodlo*') == ["ośrodek", "spoleczna", "or", "zrodlo"]
    assert query_words('"') == []
    assert query_words("\x00\x01\x1f") == []
    assert query_words("a") == []


def test_decomposed_letters_are_one_word():
    assert query_words("s\u0301rodek") == ["środek"]


def test_query_words_are_capped():
    assert len(query_words(" ".join(f"slowo{i}" for i in range(100)))) == 8


def test_a_word_is_indexed_by_its_folded_lemmas_and_itself():
    assert {"pomoc", "pomocy"} == word_terms("Pomocy")
    assert {"spoleczny", "spolecznej"} == word_terms("społecznej")
    assert "lodz" in word_terms("Łodzi")
    assert "lodz" not in text_terms("młodzież młodzieży")


def test_a_query_word_without_polish_letters_reaches_the_lemma_of_the_real_word():
    assert "spoleczny" in query_terms("spoleczna")
    assert "osrodek" in query_terms("osrodka")
    assert "lodz" in query_terms("lodz")


def test_unknown_words_are_terms_as_written():
    assert word_terms("XJ2041") == {"xj2041"}
    assert query_terms("qwz") == {"qwz"}


@given(st.text())
def test_folding_is_idempotent_and_terms_are_plain_words(text):
    assert fold(fold(text)) == fold(text)
    for word in query_words(text):
        assert word.lower() == word
        for term in query_terms(word):
            assert term.isalnum()
            assert term == fold(term)


@given(st.text())
def test_word_spans_point_at_words_of_the_composed_text(text):
    composed, spans = words_with_spans(text)
    for word, start, end in spans:
        assert composed[start:end] == word


@given(st.text(), st.text())
def test_highlight_never_lets_markup_through(text, query):
    html = str(highlight(text, parse_query(query), length=80))
    stripped = html.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_highlight_marks_the_words_as_written():
    assert str(highlight("Pomoc społecznej w Jaśle", parse_query("spoleczna jaslo"))) == (
        "Pomoc <mark>społecznej</mark> w <mark>Jaśle</mark>"
    )


def test_highlight_marks_whole_words_only():
    assert str(highlight("Młodzież z Łodzi", [QueryWord("lodz", query_terms("lodz"))])) == (
        "Młodzież z <mark>Łodzi</mark>"
    )


def test_excerpt_starts_near_the_first_match():
    text = "Wstęp. " * 100 + "Karta Dużej Rodziny daje ulgi."
    excerpt = str(highlight(text, parse_query("karta"), length=60))
    assert excerpt.startswith("… ")
    assert "<mark>Karta</mark>" in excerpt
