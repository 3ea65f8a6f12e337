"""The site search: diacritic-free queries, highlighting, hostile input, one centre only."""

import pytest
from bs4 import BeautifulSoup

from search.models import SearchEntry
from tests.factories import make_news, make_news_index, make_standard


def results(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text() for a in html.select(".search-result-title a")]


@pytest.fixture
def pages(jaslo):
    make_standard(
        jaslo.root_page,
        "Ośrodek Pomocy Społecznej",
        lead="Pomoc społeczna dla mieszkańców Jasła.",
        body=[("paragraph", "<p>Źródło finansowania: budżet miasta i środki unijne.</p>")],
    )
    make_standard(jaslo.root_page, "Wolontariat", lead="Wolontariusze pomagają rodzinom.")
    index = make_news_index(jaslo)
    make_news(index, "Karta Dużej Rodziny", lead="Wydano 941 kart rodzinom wielodzietnym.")
    return jaslo


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("osrodek", "Ośrodek Pomocy Społecznej"),
        ("spoleczna", "Ośrodek Pomocy Społecznej"),
        ("zrodlo", "Ośrodek Pomocy Społecznej"),
        ("ZRÓDŁO", "Ośrodek Pomocy Społecznej"),
        ("941", "Karta Dużej Rodziny"),
        ("duzej rodziny", "Karta Dużej Rodziny"),
    ],
)
def test_words_typed_without_polish_letters_find_pages_that_have_them(pages, client, query, expected):
    assert results(client.get("/szukaj/", {"q": query})) == [expected]


def test_every_word_must_match(pages, client):
    assert results(client.get("/szukaj/", {"q": "wolontariusze rodzinom"})) == ["Wolontariat"]
    assert results(client.get("/szukaj/", {"q": "wolontariusze budzet"})) == []


def test_title_matches_rank_first(pages, client):
    found = results(client.get("/szukaj/", {"q": "rodzina"}))
    assert found[0] == "Karta Dużej Rodziny"
    assert set(found) == {"Karta Dużej Rodziny", "Wolontariat"}


def test_matched_words_are_highlighted_as_written(pages, client):
    html = BeautifulSoup(client.get("/szukaj/", {"q": "spoleczna jaslo"}).content.decode(), "html.parser")
    assert [m.get_text() for m in html.select(".search-result mark")] == ["Społecznej", "społeczna", "Jasła"]


def test_results_are_paginated(jaslo, client):
    for n in range(13):
        make_standard(jaslo.root_page, f"Program wsparcia {n}")
    first = results(client.get("/szukaj/", {"q": "program"}))
    second = results(client.get("/szukaj/", {"q": "program", "page": 2}))
    beyond = results(client.get("/szukaj/", {"q": "program", "page": 99}))
    assert len(first) == 10 and len(second) == 3
    assert beyond == second
    html = BeautifulSoup(client.get("/szukaj/", {"q": "program"}).content.decode(), "html.parser")
    assert "?q=program&page=2" in [a["href"] for a in html.select(".pagination a")]


def test_unpublished_pages_leave_the_index(pages, client):
    page = pages.root_page.get_children().get(title="Wolontariat")
    page.unpublish()
    assert results(client.get("/szukaj/", {"q": "wolontariat"})) == []
    assert not SearchEntry.objects.filter(page=page).exists()


def test_private_pages_are_not_found(pages, client):
    from wagtail.models import PageViewRestriction

    page = pages.root_page.get_children().get(title="Wolontariat")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="tajne")
    assert results(client.get("/szukaj/", {"q": "wolontariat"})) == []


def test_rebuild_command_restores_the_index(pages, client):
    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    call_command("rebuild_search_entries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert results(client.get("/szukaj/", {"q": "osrodek"})) == ["Ośrodek Pomocy Społecznej"]


HOSTILE = [
    "",
    " ",
    '"',
    "'",
    "\\",
    "x" * 10_000,
    "osrodek\x00",
    "\x00",
    "\x01\x02\x1b[31m",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "%",
    "_",
    "*",
    "AND OR NOT NEAR",
    "ąęłńóśźż" * 50,
    "\ud7ff\ufffe",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_break_the_page(pages, client, query):
    for page in ["1", "0", "-5", "999999", "abc", "\x00"]:
        response = client.get("/szukaj/", {"q": query, "page": page})

        assert response.status_code == 200
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "<img src=x" not in body


def test_too_long_query_is_explained_at_the_field_and_kept(pages, client):
    html = BeautifulSoup(client.get("/szukaj/", {"q": "x" * 10_000}).content.decode(), "html.parser")

    error = html.select_one("#id_q_error").get_text()
    assert "najwyżej 200 znaków" in error
    assert html.select_one("#id_q")["aria-invalid"] == "true"
    assert html.select_one("#id_q")["value"] == "x" * 10_000
    assert html.select_one(".error-summary a")["href"] == "#id_q"


def test_nul_character_gets_a_polish_message(pages, client):
    html = BeautifulSoup(client.get("/szukaj/", {"q": "osrodek\x00"}).content.decode(), "html.parser")
    assert "nie można wyszukać" in html.select_one("#id_q_error").get_text()


def test_a_lone_quote_is_searched_as_nothing(pages, client):
    html = BeautifulSoup(client.get("/szukaj/", {"q": '"'}).content.decode(), "html.parser")
    assert "co najmniej jedno słowo" in html.get_text()


def test_search_result_page_costs_a_fixed_number_of_queries(jaslo, client, django_assert_max_num_queries):
    for n in range(15):
        make_standard(jaslo.root_page, f"Program {n}")
    with django_assert_max_num_queries(20):
        response = client.get("/szukaj/", {"q": "program"})
    assert len(results(response)) == 10
