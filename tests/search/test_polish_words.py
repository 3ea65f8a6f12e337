"""Whole words and their inflected forms, typed with or without Polish letters."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.factories import make_standard


def results(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text() for a in html.select(".search-result-title a")]


def found(client, query):
    return results(client.get("/szukaj/", {"q": query}))


@pytest.fixture
def welfare_pages(jaslo):
    root = jaslo.root_page
    make_standard(root, "Ośrodek Pomocy Społecznej", lead="Kim jesteśmy i gdzie nas znaleźć.")
    make_standard(root, "Pomoc społeczna w liczbach", lead="Sprawozdanie za 2025 rok.")
    make_standard(root, "Dla seniorów", lead="Seniorzy korzystają z pomocy społecznej na wiele sposobów.")
    make_standard(
        root,
        "Praca socjalna",
        body=[("paragraph", "<p>Pracownicy socjalni działają w systemie pomocy społecznej od lat.</p>")],
    )
    make_standard(root, "Pomoc sąsiedzka", lead="Sąsiedzi pomagają sobie nawzajem.")
    make_standard(root, "Zajęcia dla młodzieży", lead="Młodzież spotyka się w klubie w każdy piątek.")
    make_standard(root, "Wyjazd do Łodzi", lead="Łódź przyjęła naszych podopiecznych.")
    return jaslo


def test_a_word_does_not_match_inside_another_word(welfare_pages, client):
    assert found(client, "lodz") == ["Wyjazd do Łodzi"]
    assert found(client, "Łódź") == ["Wyjazd do Łodzi"]


def test_inflected_forms_find_each_other_with_and_without_polish_letters(welfare_pages, client):
    expected = {"Ośrodek Pomocy Społecznej", "Pomoc społeczna w liczbach", "Dla seniorów", "Praca socjalna"}

    for query in ["pomoc spoleczna", "pomocy społecznej", "POMOCY SPOLECZNEJ", "pomoc społeczną"]:
        assert set(found(client, query)) == expected, query


def test_a_word_typed_without_polish_letters_finds_its_inflected_forms(welfare_pages, client):
    assert found(client, "osrodka") == ["Ośrodek Pomocy Społecznej"]
    assert found(client, "mlodziez") == ["Zajęcia dla młodzieży"]
    assert found(client, "sasiad") == ["Pomoc sąsiedzka"]


def test_words_the_dictionary_does_not_know_are_matched_as_written(jaslo, client):
    make_standard(jaslo.root_page, "Projekt XJ-2041", lead="Kod naboru QWZ7 dla partnerów.")
    assert found(client, "qwz7") == ["Projekt XJ-2041"]
    assert found(client, "2041") == ["Projekt XJ-2041"]
    assert found(client, "qwz") == []


def _published(page, days_ago):
    Page.objects.filter(pk=page.pk).update(
        first_published_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC) - datetime.timedelta(days=days_ago)
    )


def test_title_matches_rank_before_lead_matches_before_body_matches(jaslo, client):
    root = jaslo.root_page
    body = make_standard(root, "Aktualne wydarzenia", body=[("paragraph", "<p>Wspieramy rodziny zastępcze.</p>")])
    lead = make_standard(root, "Nasze działania", lead="Rodzina zastępcza dostaje od nas wsparcie.")
    title = make_standard(root, "Rodziny zastępcze")
    # The newest page matches only in the body: date must not beat where the words stand.
    _published(body, 1)
    _published(lead, 2)
    _published(title, 3)

    assert found(client, "rodzina zastepcza") == ["Rodziny zastępcze", "Nasze działania", "Aktualne wydarzenia"]


def test_pages_with_more_query_words_in_the_title_rank_higher(jaslo, client):
    root = jaslo.root_page
    one = make_standard(root, "Karta seniora", lead="Karta dla rodziny wielodzietnej też jest.")
    both = make_standard(root, "Karta Dużej Rodziny")
    _published(one, 1)
    _published(both, 5)

    assert found(client, "karta rodzina") == ["Karta Dużej Rodziny", "Karta seniora"]


def test_only_live_public_pages_of_the_current_centre_are_found(jaslo, pulawy, client, pulawy_client):
    make_standard(jaslo.root_page, "Pomoc społeczna w Jaśle")
    make_standard(pulawy.root_page, "Pomoc społeczna w Puławach")
    draft = make_standard(jaslo.root_page, "Pomoc społeczna – szkic")
    draft.unpublish()

    assert found(client, "pomocy spolecznej") == ["Pomoc społeczna w Jaśle"]
    assert results(pulawy_client.get("/szukaj/", {"q": "pomocy spolecznej"})) == ["Pomoc społeczna w Puławach"]
