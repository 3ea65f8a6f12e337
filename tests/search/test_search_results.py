"""What the results page shows: highlighted words, escaped text, the empty result, odd input."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_news_index, make_standard
from tests.volunteers import make_task_index


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_found_words_are_highlighted_as_written_and_only_whole(jaslo, client):
    make_standard(
        jaslo.root_page,
        "Ośrodek Pomocy Społecznej",
        lead="Pomoc społeczna dla młodzieży z Łodzi i okolic.",
    )
    html = soup(client.get("/szukaj/", {"q": "lodz pomoc"}))

    assert [m.get_text() for m in html.select(".search-result-title mark")] == ["Pomocy"]
    assert [m.get_text() for m in html.select(".search-result-excerpt mark")] == ["Pomoc", "Łodzi"]
    assert "m<mark>" not in str(html.select_one(".search-result-excerpt"))


def test_page_text_is_escaped_before_words_are_marked(jaslo, client):
    make_standard(jaslo.root_page, "<b>Pomoc</b> & wsparcie", lead='Pomoc <img src=x onerror="alert(1)">')
    response = client.get("/szukaj/", {"q": "pomoc"})
    title = soup(response).select_one(".search-result-title a")

    assert title.decode_contents() == "&lt;b&gt;<mark>Pomoc</mark>&lt;/b&gt; &amp; wsparcie"
    assert "<img src=x" not in response.content.decode()
    assert soup(response).select(".search-result img") == []


def test_an_empty_result_says_nothing_was_found_and_suggests_where_to_go(jaslo, client):
    make_news_index(jaslo)
    make_task_index(jaslo)
    make_standard(jaslo.root_page, "Wolontariat")
    html = soup(client.get("/szukaj/", {"q": "hipopotam"}))
    text = html.get_text(" ", strip=True)

    assert "Nic nie znaleziono" in text
    assert "Wpisz, czego szukasz" not in text
    links = {a.get_text(strip=True): a["href"] for a in html.select(".search-empty a")}
    assert links["Przejrzyj aktualności"] == "/aktualnosci/"
    assert links["Zobacz zadania dla wolontariuszy"] == "/zadania/"
    assert "Sprawdź pisownię" in html.select_one(".search-empty").get_text()


def test_the_empty_query_hint_is_not_the_empty_result(jaslo, client):
    text = soup(client.get("/szukaj/")).get_text(" ", strip=True)
    assert "Wpisz, czego szukasz" in text
    assert "Nic nie znaleziono" not in text


@pytest.fixture
def one_page(jaslo):
    make_standard(jaslo.root_page, "Ośrodek Pomocy Społecznej", lead="Pomoc społeczna w Jaśle.")
    return jaslo


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60), page=st.one_of(st.integers(), st.text(max_size=20)))
def test_no_query_or_page_number_breaks_the_results_page(one_page, client, query, page):
    response = client.get("/szukaj/", {"q": query, "page": str(page)})
    assert response.status_code == 200


@pytest.mark.parametrize("page", [str(10**30), "9" * 5000, "1e400", "-" + "9" * 40, "inf", "nan"])
def test_huge_page_numbers_show_the_last_page(one_page, client, page):
    response = client.get("/szukaj/", {"q": "pomoc", "page": page})
    assert response.status_code == 200
    assert soup(response).select_one(".search-result-title a").get_text() == "Ośrodek Pomocy Społecznej"


def test_a_word_too_long_to_index_finds_nothing_without_error(one_page, client):
    html = soup(client.get("/szukaj/", {"q": "pomoc " + "ab" * 60}))
    assert html.select(".search-result") == []
    assert "Nic nie znaleziono" in html.get_text()
