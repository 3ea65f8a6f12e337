"""The task page's own routes × every actor (see matrix_volunteers.TASK_ROUTE_ROWS): they are
served by the page, not by a URL pattern, so the pattern-based matrix cannot list them."""

import pytest

from tests.security.access import ACTORS, classify
from tests.security.matrix_volunteers import TASK_ROUTE_ROWS
from tests.security.test_access_matrix import client_for
from tests.security.world import build_world


def test_every_task_route_row_states_an_outcome_for_every_actor():
    for row in TASK_ROUTE_ROWS:
        assert set(row.expect) == set(ACTORS), row.route


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ACTORS)
def test_task_routes(actor, clean_tree):
    world = build_world()
    client = client_for(actor, world)
    wrong = []
    for row in TASK_ROUTE_ROWS:
        url = row.build_url(world)
        response = getattr(client, row.method)(url, row.data)
        outcome = classify(response, actor, url.split("?")[0])
        if response.status_code >= 500 or outcome != row.expect[actor]:
            wrong.append(f"{url} [{row.route}]: expected {row.expect[actor]}, got {outcome} ({response.status_code})")
    assert not wrong, f"{actor}: " + "\n".join(wrong)
