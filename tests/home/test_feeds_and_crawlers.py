"""RSS/Atom, sitemap.xml and robots.txt."""

import datetime

import pytest
from defusedxml import ElementTree as ET

from tests.factories import make_news, make_news_index, make_standard


@pytest.fixture
def news(jaslo):
    index = make_news_index(jaslo)
    make_news(index, "Starsza", date=datetime.date(2014, 10, 14), lead="Wydano 941 kart.")
    make_news(index, "Nowsza", date=datetime.date(2014, 11, 21), category="awards", lead="Nagroda specjalna.")
    return index


def test_rss_feed_lists_news_newest_first_with_lead_link_and_category(news, client):
    response = client.get("/kanal/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Aktualności – MOPS Jasło"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Nowsza", "Starsza"]
    assert items[0].findtext("description") == "Nagroda specjalna."
    assert items[0].findtext("link") == "http://localhost/aktualnosci/nowsza/"
    assert items[0].findtext("category") == "Nagrody i wyróżnienia"
    assert items[0].findtext("pubDate").startswith("Fri, 21 Nov 2014 00:00:00 +0100")


def test_atom_feed_is_valid_atom(news, client):
    response = client.get("/kanal/atom/")

    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)] == ["Nowsza", "Starsza"]


def test_unpublished_news_leave_the_feed(news, client):
    news.get_children().get(title="Nowsza").unpublish()
    assert b"Nowsza" not in client.get("/kanal/rss/").content


def test_sitemap_lists_every_live_page_at_the_centres_address(news, client):
    make_standard(news.get_parent(), "Wolontariat")

    root = ET.fromstring(client.get("/sitemap.xml").content)
    locs = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locs == {
        "http://localhost/",
        "http://localhost/aktualnosci/",
        "http://localhost/aktualnosci/starsza/",
        "http://localhost/aktualnosci/nowsza/",
        "http://localhost/wolontariat/",
    }


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(jaslo, client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


def test_healthz_answers_without_the_database(client, django_assert_num_queries, db):
    with django_assert_num_queries(0):
        assert client.get("/healthz").content == b"ok"
