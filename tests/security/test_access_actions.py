"""Who may act where the URL-pattern table cannot say: task subpaths with GET and POST and the
admin's bulk decisions with real ids of both centres (rows in matrix_actions.py).

One test per actor; a failure lists every wrong answer and every change made by an actor
without the right. MATRIX_OBSERVE=1 prints what each actor actually got.
"""

import os

import pytest

from tests.security import matrix_report
from tests.security.access import ACTORS, ANONYMOUS, classify
from tests.security.matrix_actions import ACTIONS
from tests.security.test_access_matrix import client_for
from tests.security.world import build_world


def test_every_action_states_an_outcome_for_every_actor_and_changes_only_for_known_actors():
    for action in ACTIONS:
        assert set(action.expect) == set(ACTORS), action.label
        assert action.changes <= set(ACTORS), action.label


@pytest.mark.parametrize("actor", ACTORS)
def test_access_actions(actor, clean_tree):
    world = build_world()
    wrong, observed = [], []
    client = client_for(actor, world)
    for action in ACTIONS:
        if actor not in ANONYMOUS and "_auth_user_id" not in client.session:
            client = client_for(actor, world)
        prepared = action.prepare(world)
        before = prepared.state()
        response = getattr(client, action.method)(prepared.url, prepared.data, HTTP_HOST=action.host)
        after = prepared.state()
        outcome = classify(response, actor, prepared.url.split("?")[0])
        changed = before != after
        observed.append((action.label, outcome, response.status_code, changed))
        if response.status_code >= 500:
            wrong.append(f"{action.label}: HTTP {response.status_code} (server error)")
        elif outcome != action.expect[actor]:
            wrong.append(f"{action.label}: expected {action.expect[actor]}, got {outcome} ({response.status_code})")
        if changed and actor not in action.changes:
            wrong.append(f"{action.label}: {actor} changed what they have no right to ({before!r} → {after!r})")
        if not changed and actor in action.changes:
            wrong.append(f"{action.label}: {actor} may act here, but nothing changed ({before!r})")
    matrix_report.record_actions(actor, len(ACTIONS))
    if os.environ.get("MATRIX_OBSERVE"):
        for label, outcome, status, changed in observed:
            print(f"{actor:22} {outcome:12} {status} {'CHANGED' if changed else '-':8} {label}")
    assert not wrong, f"{actor}: {len(wrong)} wrong answers\n" + "\n".join(wrong)
