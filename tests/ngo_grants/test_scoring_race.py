"""The committee's steps racing each other on real PostgreSQL transactions in real threads: the
chair's amounts recorded from two tabs never pass a task's funds together, a score submitted
twice at once is stored once, and one confirmation of an assignment makes it once."""

from decimal import Decimal

import pytest

from ngo_grants.models import Assignment, Recommendation, Score
from ngo_grants.services import scoring
from tests.ngo_grants.scoring_helpers import panel, score
from tests.support import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_tabs_recommending_never_pass_the_funds_together(call, officer, centre):
    task = call.tasks.get()
    task.funds = Decimal("10000")
    task.save()
    board = panel(call, officer, centre, members=1)
    first, second = board.offers

    def recommend(offer):
        amounts = {offer: (Decimal(6000), "")}
        return lambda: scoring.record_recommendations(board.committee, user=officer, amounts=amounts)

    outcomes = run_together([recommend(first), recommend(second)])

    assert sum(isinstance(outcome, scoring.ScoringRefused) for outcome in outcomes) == 1, outcomes
    assert Recommendation.objects.count() == 1


def test_a_score_submitted_twice_at_once_is_stored_once(call, officer, centre):
    board = panel(call, officer, centre, offers=1, members=1)
    member, offer = board.members[0], board.offers[0]

    outcomes = run_together([lambda: score(member, offer)] * 4)

    assert sum(isinstance(outcome, Score) for outcome in outcomes) == 1, outcomes
    assert all(isinstance(outcome, scoring.ScoringRefused) for outcome in outcomes if not isinstance(outcome, Score))
    assert Score.objects.filter(member=member, offer=offer, submitted_at__isnull=False).count() == 1


def test_one_confirmation_sent_twice_assigns_once(call, officer, centre):
    board = panel(call, officer, centre, offers=2, members=2, assign=False)
    expected = scoring.fingerprint(scoring.plan(board.committee, 9))

    outcomes = run_together([lambda: scoring.assign(board.committee, user=officer, seed=9, expected=expected)] * 2)

    assert sorted(str(outcome) if isinstance(outcome, int) else "refused" for outcome in outcomes) == ["6", "refused"]
    assert Assignment.objects.count() == 6
