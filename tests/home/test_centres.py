"""Two centres on one installation: each sees only its own pages everywhere."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_news, make_news_index, make_standard


@pytest.fixture
def two_centres(jaslo, pulawy):
    make_standard(jaslo.root_page, "Karta Dużej Rodziny", lead="Program dla rodzin z Jasła.")
    make_news(make_news_index(jaslo), "Nagroda Ministra dla Jasła", lead="Wyróżnienie ośrodka.")
    make_standard(pulawy.root_page, "Klub Integracji Społecznej", lead="Wsparcie w Puławach.")
    make_news(make_news_index(pulawy), "Aktywatorium w Puławach", lead="Placówka wsparcia dziennego.")
    return jaslo, pulawy


def text(response):
    return response.content.decode()


def test_each_centre_has_its_own_menu_and_contact_details(two_centres, client, pulawy_client):
    jaslo_html = BeautifulSoup(text(client.get("/")), "html.parser")
    pulawy_html = BeautifulSoup(text(pulawy_client.get("/")), "html.parser")

    assert "Karta Dużej Rodziny" in jaslo_html.select_one("nav.main-nav").get_text()
    assert "Klub Integracji Społecznej" not in jaslo_html.select_one("nav.main-nav").get_text()
    assert "Klub Integracji Społecznej" in pulawy_html.select_one("nav.main-nav").get_text()
    assert "Karta Dużej Rodziny" not in pulawy_html.select_one("nav.main-nav").get_text()
    assert pulawy_html.select_one(".brand-short").get_text() == "MOPS Puławy"
    assert "Puławy" in pulawy_html.select_one(".site-footer").get_text()
    assert "Puławach" not in jaslo_html.select_one(".site-footer").get_text()


def test_feeds_list_only_the_centres_own_news(two_centres, client, pulawy_client):
    for url in ["/kanal/rss/", "/kanal/atom/"]:
        jaslo_feed, pulawy_feed = text(client.get(url)), text(pulawy_client.get(url))
        assert "Nagroda Ministra dla Jasła" in jaslo_feed and "Aktywatorium" not in jaslo_feed
        assert "Aktywatorium w Puławach" in pulawy_feed and "Nagroda Ministra" not in pulawy_feed
        assert "MOPS Puławy" in pulawy_feed


def test_sitemaps_list_only_the_centres_own_pages(two_centres, client, pulawy_client):
    jaslo_map, pulawy_map = text(client.get("/sitemap.xml")), text(pulawy_client.get("/sitemap.xml"))

    assert "karta-duzej-rodziny" in jaslo_map and "klub-integracji" not in jaslo_map
    assert "klub-integracji-spolecznej" in pulawy_map and "karta-duzej" not in pulawy_map
    assert "http://pulawy.localhost/" in pulawy_map


def found(response):
    html = BeautifulSoup(text(response), "html.parser")
    return [a.get_text() for a in html.select(".search-result-title a")]


def test_search_finds_only_the_centres_own_pages(two_centres, client, pulawy_client):
    assert found(pulawy_client.get("/szukaj/", {"q": "aktywatorium"})) == ["Aktywatorium w Puławach"]
    assert found(client.get("/szukaj/", {"q": "aktywatorium"})) == []
    assert found(client.get("/szukaj/", {"q": "karta"})) == ["Karta Dużej Rodziny"]
    assert found(pulawy_client.get("/szukaj/", {"q": "karta"})) == []


def test_a_page_of_one_centre_is_not_served_on_the_other(two_centres, client, pulawy_client):
    assert client.get("/karta-duzej-rodziny/").status_code == 200
    assert pulawy_client.get("/karta-duzej-rodziny/").status_code == 404
