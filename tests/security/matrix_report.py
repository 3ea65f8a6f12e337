"""Pytest plugin: the access matrix reports how many URL × actor cases it checked.

Like the hostile-input summary, it is listed in tests/conftest.py's `pytest_plugins`, so the
xdist controller (which prints the summary) collects the workers' counts.
"""

from collections import Counter

import pytest

CASES = Counter()  # actor → URL patterns checked for that actor
ACTIONS = Counter()  # actor → task subpaths and bulk actions checked for that actor (matrix_actions.py)


def record(actor, count):
    CASES[actor] += count


def record_actions(actor, count):
    ACTIONS[actor] += count


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["access_matrix"] = dict(CASES)
        workeroutput["access_actions"] = dict(ACTIONS)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    CASES.update(getattr(node, "workeroutput", {}).get("access_matrix", {}))
    ACTIONS.update(getattr(node, "workeroutput", {}).get("access_actions", {}))


def pytest_terminal_summary(terminalreporter):
    if CASES:
        patterns = max(CASES.values())
        terminalreporter.write_line(
            f"access matrix: {sum(CASES.values())} URL × role cases ({patterns} URL patterns × {len(CASES)} roles)"
        )
    if ACTIONS:
        terminalreporter.write_line(
            f"access matrix, actions: {sum(ACTIONS.values())} action × role cases "
            f"({max(ACTIONS.values())} task subpaths and bulk actions × {len(ACTIONS)} roles)"
        )
