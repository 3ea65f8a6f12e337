"""Huge, negative and non-numeric numbers in URLs and query strings never end in a server error.

SQLite stores integers in 64 bits and raises OverflowError for anything larger, so an id of
9223372036854775808 in a filter (`?task=`), in a path (`/admin/zgloszenia/<pk>/`) or as a page
number once answered 500 there. Every URL pattern of the project is visited with its numeric
parts set to such values and every query parameter a listing reads set to them too, by the
superuser (who sees every filter of the admin) and by a volunteer (their own pages).
"""

import re

import pytest
from django.test import Client

from tests.security.access import all_routes
from tests.security.urls_for import concrete
from tests.security.world import build_world

HUGE = "9223372036854775808"  # one past the largest 64-bit integer
# Past 4,300 digits int() itself refuses; "²" passes str.isdigit() but not int().
NUMBERS = [HUGE, "9" * 5000, "-9223372036854775809", "abc", "²"]
# Every query parameter the project's listings, filters and pagers read as a number or an id.
NUMERIC_PARAMETERS = [
    "task",
    "volunteer",
    "skill",
    "district",
    "centre",
    "application",
    "id",
    "p",
    "page",
    "year",
    "month",
    "category",
    "created_at_after",
    "date_after",
]
# Dates at the ends of the calendar: the month after 9999-12 and UTC's 0001-01-01 do not exist.
EXTREME_DATES = ["9999-12", "9999-12-31", "0001-01-01", "0000-01"]
DATE_PARAMETERS = ["month", "date_after", "date_before", "created_at_after", "created_at_before", "from", "to"]
INT_PARAMETER = re.compile(r"<int:(\w+)>")
# Signing out would end the visit half-way; no number reaches a query there.
SKIPPED = {"konto/logout/", "admin/logout/"}


def urls_with_numbers(world, number):
    """Each route once, every `<int:…>` part set to `number` (others filled as the access matrix does)."""
    for route, _name in all_routes():
        if route in SKIPPED or not INT_PARAMETER.search(route) or not number.isdigit():
            continue
        with_number = INT_PARAMETER.sub(number, route)
        try:
            yield route, concrete(with_number, world)
        except KeyError:
            continue


def listing_urls(world):
    """Routes without parameters (listings, forms, the public pages of the tree)."""
    fixed = [route for route, _name in all_routes() if not set("<(^") & set(route) and route not in SKIPPED]
    pages = [world.task_index_a.url, world.news_index_a.url, world.volunteer_task_a.url]
    return [f"/{route}" for route in fixed] + pages


def query(number, names=NUMERIC_PARAMETERS):
    return "&".join(f"{name}={number}" for name in names) + "&q=x"


def signed_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def server_errors(client, urls):
    errors = []
    user_id = client.session["_auth_user_id"]
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url}: HTTP {response.status_code}")
        assert client.session.get("_auth_user_id") == user_id, f"{url} ended the session: the rest would go unchecked"
    return errors


@pytest.fixture
def world(clean_tree):
    return build_world()


@pytest.mark.parametrize("actor", ["superuser", "volunteer"])
def test_huge_ids_in_url_paths_never_cause_a_server_error(world, actor):
    client = signed_in(world.users[actor])
    errors = []
    for number in (HUGE, "9" * 5000):
        errors += server_errors(client, [url for _route, url in urls_with_numbers(world, number)])
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("actor", ["superuser", "volunteer"])
def test_hostile_numbers_in_query_strings_never_cause_a_server_error(world, actor):
    client = signed_in(world.users[actor])
    errors = []
    for number in NUMBERS:
        errors += server_errors(client, [f"{url}?{query(number)}" for url in listing_urls(world)])
    for date in EXTREME_DATES:
        errors += server_errors(client, [f"{url}?{query(date, DATE_PARAMETERS)}" for url in listing_urls(world)])
    assert not errors, "\n".join(errors)


def test_each_admin_listing_filter_alone_gives_a_normal_page(world):
    """One filter at a time, so a refusal of one cannot hide another's crash."""
    client = signed_in(world.users["coordinator@A"])
    wrong = []
    for url in ("/admin/zgloszenia/", "/admin/wolontariusze/", "/admin/godziny/"):
        for name in ("task", "volunteer", "skill", "district", "status", "month", "p"):
            for number in (HUGE, "-1", "abc", "9999-12"):
                response = client.get(f"{url}?{name}={number}")
                if response.status_code != 200:
                    wrong.append(f"{url}?{name}={number}: HTTP {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_a_task_filter_beyond_64_bits_shows_the_listing_with_the_filter_refused(world):
    client = signed_in(world.users["coordinator@A"])

    response = client.get(f"/admin/zgloszenia/?task={HUGE}")

    assert response.status_code == 200
    assert world.volunteer_task_a.title in response.content.decode()
