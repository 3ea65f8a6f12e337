"""Every public page carries a strict CSP and the usual protective headers."""

import re

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_news, make_news_index, make_standard


@pytest.fixture
def public_urls(jaslo):
    index = make_news_index(jaslo)
    news = make_news(index, "Nagroda")
    page = make_standard(jaslo.root_page, "Wolontariat")
    return ["/", index.url, news.url, page.url, "/szukaj/?q=nagroda", "/nie-ma/"]


def directives(header):
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_public_pages_send_a_strict_content_security_policy(public_urls, client):
    for url in public_urls:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])

        assert policy["default-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in policy["script-src"], url
        assert "'unsafe-eval'" not in policy["script-src"], url
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["object-src"] == ["'none'"], url


def test_pages_have_no_inline_code_and_scripts_carry_the_nonce(public_urls, client):
    for url in public_urls:
        response = client.get(url)
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        html = BeautifulSoup(response.content.decode(), "html.parser")

        assert html.find("style") is None, url
        assert html.select("[style]") == [], url
        for element in html.find_all(True):
            assert not [a for a in element.attrs if a.startswith("on")], (url, element.name)
        scripts = html.find_all("script")
        assert scripts, url
        for script in scripts:
            assert script.get("src"), url
            assert script.get("nonce") == nonce, url


def test_protective_headers_are_set(public_urls, client):
    for url in public_urls:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_feeds_and_robots_also_carry_the_headers(jaslo, client):
    for url in ["/kanal/rss/", "/robots.txt", "/sitemap.xml"]:
        response = client.get(url)
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" in response
