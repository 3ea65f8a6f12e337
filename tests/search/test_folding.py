"""Folding and query parsing: pure functions, so checked with generated input too."""

from hypothesis import given
from hypothesis import strategies as st

from search.folding import fold, fold_with_map, query_terms
from search.query import highlight


def test_polish_letters_fold_to_ascii_including_l_with_stroke():
    assert fold("Ośrodek Pomocy Społecznej – źródło ŁÓDŹ żółć") == "osrodek pomocy spolecznej – zrodlo lodz zolc"


def test_query_terms_drop_syntax_markup_and_control_characters():
    assert query_terms('"osrodek" <b>spoleczna</b>\x00 OR zrodlo*') == ["osrodek", "spoleczna", "or", "zrodlo"]
    assert query_terms('"') == []
    assert query_terms("\x00\x01\x1f") == []
    assert query_terms("a") == []


def test_query_terms_are_capped():
    assert len(query_terms(" ".join(f"slowo{i}" for i in range(100)))) == 8


@given(st.text())
def test_folding_is_idempotent_and_terms_are_plain_words(text):
    assert fold(fold(text)) == fold(text)
    for term in query_terms(text):
        assert term.isalnum()
        assert term == fold(term)


@given(st.text(), st.lists(st.text(min_size=1), max_size=3))
def test_fold_map_points_into_the_original(text, _unused):
    folded, positions = fold_with_map(text)
    assert len(folded) == len(positions)
    assert all(0 <= p < len(text) for p in positions)


@given(st.text(), st.text())
def test_highlight_never_lets_markup_through(text, query):
    html = str(highlight(text, query_terms(query), length=80))
    stripped = html.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped


def test_highlight_marks_the_word_as_written():
    assert str(highlight("Pomoc społeczna w Jaśle", ["spoleczna", "jasle"])) == (
        "Pomoc <mark>społeczna</mark> w <mark>Jaśle</mark>"
    )


def test_excerpt_starts_near_the_first_match():
    text = "Wstęp. " * 100 + "Karta Dużej Rodziny daje ulgi."
    excerpt = str(highlight(text, ["karta"], length=60))
    assert excerpt.startswith("… ")
    assert "<mark>Karta</mark>" in excerpt
