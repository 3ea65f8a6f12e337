"""The same diacritic-free search on PostgreSQL, whose LIKE and collation differ from SQLite's."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests.factories import make_news_index, make_standard

pytestmark = pytest.mark.postgres


def test_search_runs_on_postgresql_and_folds_polish_letters(jaslo, client):
    assert connection.vendor == "postgresql"
    make_standard(jaslo.root_page, "Źródła finansowania", lead="Ośrodek Pomocy Społecznej w Jaśle, ŁÓDŹ.")

    for query in ["zrodla", "osrodek spolecznej", "LODZ", "jasle finansowanie"]:
        html = BeautifulSoup(client.get("/szukaj/", {"q": query}).content.decode(), "html.parser")
        assert [a.get_text() for a in html.select(".search-result-title a")] == ["Źródła finansowania"], query


def test_nul_and_control_characters_never_reach_postgresql(jaslo, client):
    # PostgreSQL rejects NUL in text; the form and the folding keep it out of every query.
    for query in ["\x00", "osrodek\x00", "\x00\x01\x02"]:
        assert client.get("/szukaj/", {"q": query}).status_code == 200
    make_news_index(jaslo)
    assert client.get("/aktualnosci/", {"page": "\x00", "year": "\x00", "category": "\x00"}).status_code == 200


def test_inflected_forms_and_whole_words_on_postgresql(jaslo, client):
    make_standard(jaslo.root_page, "Zajęcia dla młodzieży", lead="Młodzież spotyka się w klubie.")
    make_standard(jaslo.root_page, "Wyjazd do Łodzi", lead="O pomocy społecznej w innym mieście.")
    make_standard(jaslo.root_page, "Pomoc społeczna", lead="Ośrodek pomaga rodzinom.")

    def found(query):
        html = BeautifulSoup(client.get("/szukaj/", {"q": query}).content.decode(), "html.parser")
        return [a.get_text() for a in html.select(".search-result-title a")]

    assert found("lodz") == ["Wyjazd do Łodzi"]
    assert found("pomoc spoleczna") == found("pomocy społecznej") == ["Pomoc społeczna", "Wyjazd do Łodzi"]
