"""Pages with a person's data carry `Cache-Control: private, no-store` (core.middleware).

Residents use shared computers (libraries, the centre's own): neither a proxy nor the browser
may keep a copy of someone's profile, hours, documents or account pages for the next person.
The URLs come from the project's URL patterns and the access matrix's rows, so a new page
under a personal prefix, or a new page that shows a volunteer's details anywhere, is checked
without touching this file.
"""

import pytest
from django.test import Client

from core.middleware import PERSONAL_PREFIXES
from tests.security.access import all_routes
from tests.security.matrix import ROWS
from tests.security.urls_for import concrete
from tests.security.world import build_world

# Routes whose GET signs the person out; visited last, or every later answer would be anonymous.
SIGNING_OUT = ("konto/logout/",)


def never_stored(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def personal_urls(world):
    rows = {row.route: row for row in ROWS}
    urls = []
    for route, _name in all_routes():
        if not f"/{route}".startswith(PERSONAL_PREFIXES):
            continue
        row = rows.get(route)
        url = row.build_url(world) if row and row.url else concrete(route, world)
        urls.append((route.startswith(SIGNING_OUT), url))
    return [url for _last, url in sorted(urls, key=lambda pair: pair[0])]


def signed_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def world(clean_tree):
    return build_world()


def test_the_personal_areas_are_found_among_the_url_patterns(world):
    urls = personal_urls(world)
    for expected in ("/wolontariat/moje/", "/wolontariat/profil/", "/wolontariat/moje/dane/pobierz/", "/konto/"):
        assert expected in urls
    assert len(urls) > 30


@pytest.mark.parametrize("actor", ["volunteer", "visitor"])
def test_every_page_under_a_personal_prefix_is_never_stored(world, actor):
    client = Client(raise_request_exception=False) if actor == "visitor" else signed_in(world.users[actor])
    cached = []
    for url in personal_urls(world):
        response = client.get(url)
        if not never_stored(response):
            cached.append(f"{url}: {response.status_code} Cache-Control={response.get('Cache-Control')!r}")
    assert not cached, "\n".join(cached)


@pytest.mark.parametrize("actor", ["volunteer", "coordinator@A"])
def test_every_page_showing_the_volunteers_details_is_never_stored(world, actor):
    """Wherever it is (a task page, the admin, a PDF): the volunteer's address gives it away."""
    client = signed_in(world.users[actor])
    address = world.profile_a.address
    cached = []
    for row in ROWS:
        if row.method != "get" or row.route.startswith(SIGNING_OUT) or "logout" in row.route:
            continue
        url = row.build_url(world) or concrete(row.route, world)
        response = client.get(url)
        if response.status_code != 200 or response.streaming:
            continue
        if address.encode() in response.content and not never_stored(response):
            cached.append(f"{url}: Cache-Control={response.get('Cache-Control')!r}")
    assert not cached, "\n".join(cached)


def test_a_public_page_stays_cacheable_for_visitors(world):
    response = Client().get(world.news_a.url)

    assert response.status_code == 200
    assert not never_stored(response)


def test_robots_txt_stays_public_for_a_signed_in_person(world):
    response = signed_in(world.users["volunteer"]).get("/robots.txt")

    assert "public" in response["Cache-Control"]
