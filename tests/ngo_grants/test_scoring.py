"""The committee's assessment (Step 7, point 2 assignment and point 3): who scores which offer,
the members' scores and their rules, conflicts that take a score out of every figure, the
chair's ranking and recommended amounts, the adoption of the opinion and the protocol."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import AuditEntry, AuditKind, Role
from ngo_grants.models import Assignment, AssignmentMode, ConflictGround, MemberKind, Recommendation
from ngo_grants.services import committee as committee_service
from ngo_grants.services import scoring
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.ngo_grants.scoring_helpers import assign_all, panel, score
from tests.security.world import make_user

pytestmark = pytest.mark.django_db


def pairs(committee):
    return set(Assignment.objects.filter(member__committee=committee).values_list("member_id", "offer_id"))


# --- Assignment ------------------------------------------------------------------------------


def test_all_to_all_assigns_every_voting_member_but_not_the_expert_nor_a_conflicted_one(call, officer, centre):
    board = panel(call, officer, centre, declare=False, assign=False)
    first, second = board.offers
    late = board.members[0]
    committee_service.declare(late, first, conflict=True, ground=ConflictGround.FAMILY, reason="Siostra w zarządzie.")

    made = assign_all(board.committee, officer)

    voting = [board.chair, *board.members]
    expected = {(member.pk, offer.pk) for member in voting for offer in board.offers} - {(late.pk, first.pk)}
    assert pairs(board.committee) == expected
    assert made == len(expected) == 5
    assert AuditEntry.objects.get(kind=AuditKind.OFFERS_ASSIGNED).actor == officer
    # A second run adds nothing: those assigned stay.
    assert assign_all(board.committee, officer) == 0


def test_a_random_draw_gives_each_offer_its_number_of_members_evenly_and_repeatably(call, officer, centre):
    call.assignment, call.reviewers_per_offer = AssignmentMode.RANDOM, 2
    call.save(update_fields=["assignment", "reviewers_per_offer"])
    board = panel(call, officer, centre, offers=5, members=3, assign=False)

    preview = scoring.plan(board.committee, seed=2026)
    assert scoring.fingerprint(scoring.plan(board.committee, seed=2026)) == scoring.fingerprint(preview)
    others = {scoring.fingerprint(scoring.plan(board.committee, seed=seed)) for seed in range(5)}
    assert others - {scoring.fingerprint(preview)}

    scoring.assign(board.committee, user=officer, seed=2026, expected=scoring.fingerprint(preview))

    made = pairs(board.committee)
    assert made == {(member.pk, entry.offer.pk) for entry in preview for member in entry.added}
    per_offer = [sum(1 for _member, offer in made if offer == each.pk) for each in board.offers]
    assert per_offer == [2] * 5
    load = [sum(1 for member, _offer in made if member == each.pk) for each in [board.chair, *board.members]]
    assert max(load) - min(load) <= 1 and sum(load) == 10
    assert board.expert.pk not in {member for member, _offer in made}


def test_the_confirmation_must_match_the_preview(call, officer, centre):
    board = panel(call, officer, centre, assign=False)
    preview = scoring.plan(board.committee, seed=1)
    newcomer = make_user("nowa@example.org")
    committee_service.appoint(board.committee, user=officer, person=newcomer, kind=MemberKind.STAFF)

    with pytest.raises(scoring.ScoringRefused, match="zmienił"):
        scoring.assign(board.committee, user=officer, seed=1, expected=scoring.fingerprint(preview))
    assert not pairs(board.committee)


def test_too_few_members_without_a_conflict_is_shown_as_missing(call, officer, centre):
    call.assignment, call.reviewers_per_offer = AssignmentMode.RANDOM, 3
    call.save(update_fields=["assignment", "reviewers_per_offer"])
    board = panel(call, officer, centre, offers=1, members=1, assign=False)

    [entry] = scoring.plan(board.committee, seed=3)

    assert (len(entry.added), entry.short) == (2, 1)


def test_only_the_centres_grants_officers_assign(call, officer, centre, jaslo, pulawy):
    board = panel(call, officer, centre, assign=False)
    expected = scoring.fingerprint(scoring.plan(board.committee, seed=1))
    for user in (
        make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR),
        make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER),
        board.members[0].user,
    ):
        with pytest.raises(PermissionDenied):
            scoring.assign(board.committee, user=user, seed=1, expected=expected)
    assert not pairs(board.committee)


# --- Scores ----------------------------------------------------------------------------------


def test_a_score_is_a_draft_until_submitted_and_final_after(call, officer, centre):
    board = panel(call, officer, centre)
    member, offer = board.members[0], board.offers[0]

    draft = score(member, offer, points=(6, 7), submit=False)
    assert not draft.submitted and draft.total == 13
    submitted = score(member, offer, points=(8, 9))
    assert submitted.pk == draft.pk and submitted.submitted and submitted.total == 17
    assert [item.criterion_name for item in submitted.points.all()] == [
        "Możliwość realizacji zadania",
        "Kalkulacja kosztów",
    ]

    with pytest.raises(scoring.ScoringRefused, match="nie można jej zmienić"):
        score(member, offer, points=(1, 1), justification="Słabo.")


def test_a_low_score_needs_a_justification_exactly_below_the_threshold(call, officer, centre):
    board = panel(call, officer, centre)
    member, offer = board.members[0], board.offers[0]
    [first, _second] = offer.call.criteria.all()

    with pytest.raises(scoring.ScoringRefused, match="Uzasadnij") as refused:
        score(member, offer, points=(4, 5))  # 4 of 10 is below 50%, 5 of 10 is not
    assert refused.value.field == f"justification_{first.pk}"
    assert score(member, offer, points=(4, 5), justification="Harmonogram nierealny.").submitted


def test_the_proposal_never_exceeds_the_request_and_a_cut_needs_its_reason(call, officer, centre):
    board = panel(call, officer, centre)
    member, offer = board.members[0], board.offers[0]

    with pytest.raises(scoring.ScoringRefused, match="więcej, niż organizacja wnioskowała") as refused:
        score(member, offer, amount=Decimal("9000.01"))
    assert refused.value.field == "proposed_amount"
    with pytest.raises(scoring.ScoringRefused, match="mniej") as refused:
        score(member, offer, amount=Decimal("8000"))
    assert refused.value.field == "cut_reason"
    assert score(member, offer, amount=Decimal("8000"), cut_reason="Koszty księgowości zawyżone.").submitted


@pytest.mark.parametrize("who", ["expert", "unassigned", "undeclared", "conflicted"])
def test_who_may_not_score(call, officer, centre, who):
    board = panel(call, officer, centre, declare=who != "undeclared", assign=who != "unassigned")
    member, offer = (board.expert if who == "expert" else board.members[0]), board.offers[0]
    if who == "conflicted":
        committee_service.declare(member, offer, conflict=True, ground=ConflictGround.DOUBT, reason="Znajomy.")

    assert scoring.scoring_problem(member, offer)
    with pytest.raises(PermissionDenied):
        score(member, offer)
    assert not member.scores.exists()


def test_members_read_the_others_scores_only_after_submitting_their_own(call, officer, centre):
    board = panel(call, officer, centre)
    first, second = board.members
    offer = board.offers[0]
    score(first, offer, points=(9, 9))

    assert not scoring.others_visible(second, offer)
    score(second, offer, points=(5, 5), submit=False)
    assert not scoring.others_visible(second, offer)
    score(second, offer, points=(6, 6))
    assert scoring.others_visible(second, offer)
    assert scoring.others_visible(board.expert, offer)  # advisory: reads once declared


def test_a_conflict_declared_after_scoring_takes_the_score_out_of_every_figure(call, officer, centre):
    board = panel(call, officer, centre)
    offer = board.offers[0]
    score(board.chair, offer, points=(10, 10))
    score(board.members[0], offer, points=(6, 6))
    late = board.members[1]
    score(late, offer, points=(0, 0), justification="Nie.")
    committee_service.declare(late, offer, conflict=True, ground=ConflictGround.FAMILY, reason="Szwagier skarbnikiem.")

    assert {item.member for item in scoring.counted_scores(offer)} == {board.chair, board.members[0]}
    [task] = scoring.ranking(board.committee)
    entry = next(item for item in task.entries if item.key == offer)
    assert entry.result == Decimal("16.00")  # mean of 20 and 12; the 0 does not count
    assert entry.extra["counted"] == 2 and entry.extra["expected"] == 2
    assert entry.extra["means"] == [Decimal("8.00"), Decimal("8.00")]
    assert not scoring.others_visible(late, offer)
    # Shown to the conflicted member (were they the chair) without a figure.
    [hidden] = scoring.ranking(board.committee, viewer=late)
    assert next(item for item in hidden.entries if item.key == offer).result is None


def test_the_ranking_flags_disagreement_and_sets_offers_against_the_funds(call, officer, centre):
    call.aggregation, call.disagreement = "sum", 5
    call.save(update_fields=["aggregation", "disagreement"])
    task = call.tasks.get()
    task.funds = Decimal("12000")
    task.save()
    board = panel(call, officer, centre)
    low, high = board.offers
    for member, points in zip([board.chair, *board.members], [(5, 5), (6, 5), (9, 9)], strict=True):
        score(member, low, points=points)
    for member in [board.chair, *board.members]:
        score(member, high, points=(9, 9))

    [ranking] = scoring.ranking(board.committee)

    assert [(entry.key, entry.result, entry.position, entry.within_funds) for entry in ranking.entries] == [
        (high, Decimal("54.00"), 1, True),
        (low, Decimal("39.00"), 2, False),
    ]
    assert [entry.extra["flagged"] for entry in ranking.entries] == [False, True]


# --- The chair, the opinion, the protocol ---------------------------------------------------


def scored(call, officer, centre):
    board = panel(call, officer, centre)
    for offer in board.offers:
        for member in [board.chair, *board.members]:
            score(member, offer)
    return board


def test_only_the_chair_recommends_and_never_above_the_request_or_the_funds(call, officer, centre):
    task = call.tasks.get()
    task.funds = Decimal("15000")
    task.save()
    board = scored(call, officer, centre)
    first, second = board.offers

    with pytest.raises(PermissionDenied):
        scoring.record_recommendations(board.committee, user=board.members[0].user, amounts={first: (Decimal("1"), "")})
    with pytest.raises(scoring.ScoringRefused, match="wnioskowała") as refused:
        scoring.record_recommendations(board.committee, user=officer, amounts={first: (Decimal("9000.01"), "")})
    assert refused.value.field == f"amount_{first.pk}"
    with pytest.raises(scoring.ScoringRefused, match="środki"):
        scoring.record_recommendations(
            board.committee, user=officer, amounts={first: (Decimal("9000"), ""), second: (Decimal("6000.01"), "")}
        )
    scoring.record_recommendations(
        board.committee, user=officer, amounts={first: (Decimal("9000"), ""), second: (Decimal("6000"), "Cięcie.")}
    )
    assert {item.offer: item.amount for item in Recommendation.objects.all()} == {
        first: Decimal("9000"),
        second: Decimal("6000"),
    }
    # A later change is checked against the amounts already recorded.
    with pytest.raises(scoring.ScoringRefused, match="środki"):
        scoring.record_recommendations(board.committee, user=officer, amounts={second: (Decimal("6500"), "")})


def test_a_chair_with_a_conflict_records_nothing_for_that_offer(call, officer, centre):
    board = scored(call, officer, centre)
    offer = board.offers[0]
    committee_service.declare(board.chair, offer, conflict=True, ground=ConflictGround.DOUBT, reason="Znajomy.")

    with pytest.raises(PermissionDenied):
        scoring.record_recommendations(board.committee, user=officer, amounts={offer: (Decimal("100"), "")})


def test_adopting_the_opinion_needs_every_score_and_amount_then_closes_the_work(call, officer, centre):
    board = panel(call, officer, centre)
    first, second = board.offers
    for member in [board.chair, *board.members]:
        score(member, first)
    score(board.chair, second)
    problems = scoring.adoption_problems(board.committee)
    assert any("brakujące oceny" in problem and problem.endswith(": 2.") for problem in problems), problems
    assert sum("kwoty" in problem for problem in problems) == 2
    with pytest.raises(scoring.ScoringRefused):
        scoring.adopt_opinion(board.committee, user=officer, present=[board.chair], meeting_on=call.results_on)

    for member in board.members:
        score(member, second)
    scoring.record_recommendations(
        board.committee, user=officer, amounts={first: (Decimal("9000"), ""), second: (Decimal("0"), "")}
    )
    with pytest.raises(PermissionDenied):
        scoring.adopt_opinion(board.committee, user=board.members[0].user, present=[], meeting_on=call.results_on)
    scoring.adopt_opinion(
        board.committee, user=officer, present=[board.chair, board.members[0]], meeting_on=call.results_on
    )

    board.committee.refresh_from_db()
    assert board.committee.opinion_adopted_at and board.committee.meeting_on == call.results_on
    assert {offer.status for offer in board.committee.call.offers.all()} == {OfferStatus.SCORED}
    assert [member.attended for member in board.committee.members.order_by("pk")] == [True, True, False, False]
    assert AuditEntry.objects.filter(kind=AuditKind.OPINION_ADOPTED, actor=officer).count() == 1
    with pytest.raises(scoring.ScoringRefused):
        scoring.record_recommendations(board.committee, user=officer, amounts={first: (Decimal("1"), "")})
    with pytest.raises(scoring.ScoringRefused, match="już"):
        scoring.adopt_opinion(board.committee, user=officer, present=[], meeting_on=call.results_on)
    with pytest.raises(PermissionDenied):
        score(board.members[0], first)
    with pytest.raises(scoring.ScoringRefused):
        assign_all(board.committee, officer)
