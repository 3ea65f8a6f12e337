"""Absolute links and page titles come from the centre's own Site, whatever host the request named.

A crawler or feed reader that reached the centre under another name (a proxy's internal host,
the default-site fallback) must still be given the centre's public address, and one address
only: a feed whose channel link points at one host and its items at another is read as two
sites.
"""

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET
from django.test import Client

from tests.factories import make_centre, make_news, make_news_index, make_standard

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP_LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


@pytest.fixture
def both_centres(jaslo, pulawy):
    make_news(make_news_index(jaslo), "Nagroda dla Jasła")
    make_news(make_news_index(pulawy), "Aktywatorium w Puławach")
    return jaslo, pulawy


@pytest.fixture
def on_port(clean_tree, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "mops.example"]
    site = make_centre(
        hostname="mops.example", port=8443, name="Gminny Ośrodek Pomocy Społecznej w Dębicy", short_name="GOPS Dębica"
    )
    make_news(make_news_index(site), "Dzień otwarty")
    return site


def absolute_links(client, path="/"):
    """Every absolute URL the sitemap, both feeds and robots.txt hand out."""
    links = set()
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    links |= {e.text for e in sitemap.iter(SITEMAP_LOC)}
    rss = ET.fromstring(client.get("/kanal/rss/").content).find("channel")
    links |= {rss.findtext("link")}
    links |= {e.get("href") for e in rss.iter("{http://www.w3.org/2005/Atom}link")}
    links |= {item.findtext(tag) for item in rss.findall("item") for tag in ("link", "guid")}
    atom = ET.fromstring(client.get("/kanal/atom/").content)
    links |= {e.get("href") for e in atom.iter("{http://www.w3.org/2005/Atom}link")}
    links |= {e.text for e in atom.iter("{http://www.w3.org/2005/Atom}id")}
    robots = client.get("/robots.txt").content.decode().splitlines()
    links |= {line.removeprefix("Sitemap: ") for line in robots if line.startswith("Sitemap: ")}
    return links


def test_every_absolute_link_of_the_default_centre_uses_its_site_address_not_the_request_host(both_centres):
    # "testserver" matches no Site: Wagtail serves the default one (Jasło at localhost:80).
    links = absolute_links(Client())

    assert links
    assert all(link.startswith("http://localhost/") for link in links), sorted(links)
    assert "http://localhost/aktualnosci/nagroda-dla-jasla/" in links
    assert "http://localhost/sitemap.xml" in links


def test_every_absolute_link_of_the_second_centre_uses_its_own_address(both_centres, pulawy_client):
    links = absolute_links(pulawy_client)

    assert all(link.startswith("http://pulawy.localhost/") for link in links), sorted(links)
    assert "http://pulawy.localhost/aktualnosci/aktywatorium-w-pulawach/" in links
    assert "http://pulawy.localhost/sitemap.xml" in links


def test_a_centre_on_a_non_default_port_keeps_the_port_in_every_link(on_port):
    links = absolute_links(Client(HTTP_HOST="mops.example:8443"))

    assert all(link.startswith("http://mops.example:8443/") for link in links), sorted(links)
    assert "http://mops.example:8443/aktualnosci/dzien-otwarty/" in links
    assert "http://mops.example:8443/sitemap.xml" in links


def title(response):
    return BeautifulSoup(response.content.decode(), "html.parser").title.get_text()


def test_home_page_title_names_the_centre_in_full_and_ends_with_its_short_name(both_centres, client, pulawy_client):
    assert title(client.get("/")) == "Miejski Ośrodek Pomocy Społecznej w Jaśle – MOPS Jasło"
    assert title(pulawy_client.get("/")) == "Miejski Ośrodek Pomocy Społecznej w Puławach – MOPS Puławy"


def test_home_page_title_is_not_a_generic_page_name(jaslo, client):
    home = jaslo.root_page.specific
    home.title = "Strona główna"
    home.save_revision().publish()

    assert title(client.get("/")) == "Miejski Ośrodek Pomocy Społecznej w Jaśle – MOPS Jasło"


def test_every_other_page_title_ends_with_the_centres_short_name(both_centres, client, pulawy_client):
    make_standard(both_centres[0].root_page, "MOPS Jasło")

    assert title(client.get("/aktualnosci/")) == "Aktualności – MOPS Jasło"
    assert title(client.get("/aktualnosci/nagroda-dla-jasla/")) == "Nagroda dla Jasła – MOPS Jasło"
    assert title(client.get("/mops-jaslo/")) == "MOPS Jasło"
    assert title(pulawy_client.get("/aktualnosci/")) == "Aktualności – MOPS Puławy"
    assert title(client.get("/szukaj/")) == "Szukaj – MOPS Jasło"
    assert title(client.get("/nie-ma-takiej-strony/")) == "Nie znaleziono strony – MOPS Jasło"


def test_favicon_is_linked_from_every_page_and_answers_at_the_root_address(jaslo, client):
    html = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    icons = {link["type"] if link.has_attr("type") else link["href"] for link in html.select("link[rel~=icon]")}
    assert "image/svg+xml" in icons

    response = client.get("/favicon.ico", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith(".ico")
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
