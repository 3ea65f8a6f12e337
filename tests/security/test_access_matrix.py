"""Who may reach what: every URL pattern × every actor, checked with real objects.

One test per actor walks the whole table, so a failure lists every wrong answer for that
actor at once. MATRIX_OBSERVE=1 prints what each actor actually got, to help write new rows.
"""

import os

import pytest
from django.test import Client

from tests.security import matrix_report
from tests.security.access import ACTORS, ANONYMOUS, all_routes, classify
from tests.security.matrix import ROWS
from tests.security.urls_for import concrete
from tests.security.world import PASSWORD, build_world, marker


def test_every_url_pattern_has_a_row():
    routes = {route for route, _name in all_routes()}
    rows = [row.route for row in ROWS]
    duplicates = {route for route in rows if rows.count(route) > 1}
    assert not duplicates, f"routes with more than one row: {sorted(duplicates)}"
    missing = sorted(routes - set(rows))
    assert not missing, "URL patterns without a row in tests/security/matrix.py:\n" + "\n".join(missing)
    stale = sorted(set(rows) - routes)
    assert not stale, "rows for URL patterns that no longer exist:\n" + "\n".join(stale)


def test_every_row_states_an_outcome_for_every_actor():
    for row in ROWS:
        assert set(row.expect) == set(ACTORS), row.route


def leaks(actor, url, response):
    """Centre B's staff must not see centre A's pages, images or documents in the admin."""
    if not actor.endswith("@B") or not url.startswith("/admin/") or response.status_code != 200:
        return False
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return marker("a").encode() in body


def client_for(actor, world):
    client = Client(raise_request_exception=False)
    if actor == "visitor":
        return client
    user = world.users[actor]
    if actor == "unverified":
        # The real login: mandatory verification must leave this person signed out.
        client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
        assert "_auth_user_id" not in client.session, "an unverified address must not open a session"
        return client
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("actor", ACTORS)
def test_access_matrix(actor, clean_tree):
    world = build_world()
    wrong, observed = [], []
    client = client_for(actor, world)
    for row in ROWS:
        if actor not in ANONYMOUS and "_auth_user_id" not in client.session:
            # Some pages (a password-reset link, logout) end the session: sign in again.
            client = client_for(actor, world)
        url = row.url(world) if callable(row.url) else (row.url or concrete(row.route, world))
        response = getattr(client, row.method)(url, row.data)
        outcome = classify(response, actor, url.split("?")[0])
        observed.append((row.route, url, outcome, response.status_code))
        if leaks(actor, url, response):
            wrong.append(f"{url} [{row.route}]: shows centre A's objects to {actor}")
        if response.status_code >= 500:
            wrong.append(f"{url}: HTTP {response.status_code} (server error)")
        elif outcome != row.expect[actor]:
            wrong.append(f"{url} [{row.route}]: expected {row.expect[actor]}, got {outcome} ({response.status_code})")
    matrix_report.record(actor, len(ROWS))
    if os.environ.get("MATRIX_OBSERVE"):
        for route, url, outcome, status in observed:
            print(f"{actor:22} {outcome:12} {status} {url}  [{route}]")
    assert not wrong, f"{actor}: {len(wrong)} wrong answers\n" + "\n".join(wrong)
