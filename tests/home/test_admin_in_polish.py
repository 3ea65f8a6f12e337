"""The project's own admin screens speak Polish only, with data and without.

Wagtail's Polish catalogue has gaps ("There are no … to display", "Breadcrumb", "Actions
(footer)"), and an empty listing shows different wording from a full one, so every screen of
the project is rendered for a centre with volunteers, hours and audit entries and for a centre
with none. What a person reads is checked: text, and the labels screen readers announce.
"""

import re

import pytest
from bs4 import BeautifulSoup, Comment
from django.test import Client

from tests.factories import make_centre
from tests.security.access import OK
from tests.security.matrix import ROWS
from tests.security.urls_for import concrete
from tests.security.world import build_world, grant_role, make_user

PROJECT_SCREENS = (
    "admin/zgloszenia/",
    "admin/wolontariusze/",
    "admin/godziny/",
    "admin/wymiana-danych/",
    "admin/wolontariat-dokumenty/",
    "admin/team/",
    "admin/audit/",
)
SPOKEN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")
ENGLISH = re.compile(
    r"\b(There are no|to display|Why not|add one|No results|Breadcrumb|Actions|Go to the first error|"
    r"Filters?|Sort by|Select all|Search|Show|Clear|Apply|Download|Export|Edit|Delete|Inspect|Choose|"
    r"Cancel|Previous|Next|Page \d+ of|items?|results?|of \d+)\b"
)


def spoken_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    texts = [" ".join(text.split()) for text in soup.find_all(string=True) if not isinstance(text, Comment)]
    for tag in soup.find_all(True):
        texts += [" ".join(str(tag[attribute]).split()) for attribute in SPOKEN_ATTRIBUTES if tag.has_attr(attribute)]
    return [text for text in texts if text]


def english_on_project_screens(client, world, actor):
    """{url: [English phrases]} over every project screen `actor` may open with GET."""
    found, opened = {}, 0
    for row in ROWS:
        if row.method != "get" or row.expect[actor] != OK or not row.route.startswith(PROJECT_SCREENS):
            continue
        url = row.url(world) if callable(row.url) else (row.url or concrete(row.route, world))
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        opened += 1
        phrases = [text for text in spoken_text(response.content.decode()) if ENGLISH.search(text)]
        if phrases:
            found[url] = phrases
    return found, opened


@pytest.fixture
def world(clean_tree):
    world = build_world()
    empty_centre = make_centre(
        hostname="krosno.localhost", port=80, default=False, name="MOPS w Krośnie", short_name="MOPS Krosno"
    )
    for role in ("coordinator", "supervisor"):
        person = make_user(f"{role}.krosno@example.org", mfa=True)
        grant_role(person, empty_centre, role)
        world.users[f"{role}@empty"] = person
    return world


def signed_in(user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("role", ["coordinator", "supervisor"])
def test_project_admin_screens_with_data_show_no_english(world, role):
    found, opened = english_on_project_screens(signed_in(world.users[f"{role}@A"]), world, f"{role}@A")

    assert opened >= 5
    assert found == {}


@pytest.mark.parametrize("role", ["coordinator", "supervisor"])
def test_empty_project_admin_listings_show_no_english(world, role):
    client = signed_in(world.users[f"{role}@empty"])
    found, opened = english_on_project_screens(client, world, f"{role}@A")

    assert opened >= 4
    assert found == {}
    listing = client.get("/admin/zgloszenia/").content.decode()
    assert "Brak pozycji do wyświetlenia (zgłoszenia)." in listing


def test_wagtail_chrome_around_the_screens_is_translated(world):
    html = signed_in(world.users["coordinator@A"]).get("/admin/godziny/").content.decode()
    labels = BeautifulSoup(html, "html.parser").select("[aria-label]")
    spoken = {label["aria-label"] for label in labels}

    assert "Ścieżka nawigacji" in spoken
    assert "Akcje" in spoken
    assert not spoken & {"Breadcrumb", "Actions", "Actions (footer)"}
