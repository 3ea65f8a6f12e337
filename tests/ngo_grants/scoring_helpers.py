"""A committee ready to score, for the tests of the assessment (and the access matrix)."""

from dataclasses import dataclass

from ngo_grants.models import MemberKind
from ngo_grants.services import committee as committee_service
from ngo_grants.services import scoring
from tests.ngo_grants import in_days, make_organisation
from tests.ngo_grants.review_helpers import accepted, close_call
from tests.ngo_grants.staff_helpers import submitted_offer
from tests.security.world import make_user


@dataclass
class Panel:
    call: object
    committee: object
    chair: object
    members: list
    expert: object
    offers: list


def panel(call, officer, centre, *, offers=2, members=2, declare=True, assign=True):
    """`call` closed with `offers` offers accepted formally (9 000 zł requested each), a
    committee chaired by `officer` with `members` more staff and an advisory expert; every
    member declared no conflict on every offer and, with `assign`, all score all."""
    close_call(call)
    made = []
    for number in range(offers):
        organisation = make_organisation(name=f"Fundacja Oferentka {number + 1}", number=number, centres=[centre])
        offer = submitted_offer(call, organisation, title=f"Oferta {number + 1}", now=in_days(-5))
        made.append(accepted(offer, officer))
    committee = committee_service.committee_of(call)
    chair = committee_service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
    others = [
        committee_service.appoint(
            committee, user=officer, person=make_user(f"czlonek{index}@example.org"), kind=MemberKind.STAFF
        )
        for index in range(members)
    ]
    expert = committee_service.appoint(
        committee, user=officer, person=make_user("ekspertka@example.org"), kind=MemberKind.EXPERT
    )
    if declare:
        for member in [chair, *others, expert]:
            for offer in made:
                committee_service.declare(member, offer, conflict=False)
    if assign:
        assign_all(committee, officer)
    return Panel(call, committee, chair, others, expert, made)


def assign_all(committee, officer, seed=7):
    planned = scoring.plan(committee, seed)
    return scoring.assign(committee, user=officer, seed=seed, expected=scoring.fingerprint(planned))


def score(member, offer, points=(8, 7), amount=None, *, submit=True, cut_reason="", justification=""):
    """`member` scores `offer`: `points` per criterion in order, the requested amount unless
    `amount` is given."""
    criteria = list(offer.call.criteria.all())
    return scoring.save_score(
        member,
        offer,
        points={criterion: (value, justification) for criterion, value in zip(criteria, points, strict=True)},
        proposed_amount=offer.grant_requested if amount is None else amount,
        cut_reason=cut_reason,
        submit=submit,
    )


def adopted(board, officer, amounts=None, meeting_on=None):
    """Every voting member scores every offer, the chair (`officer`) recommends `amounts`
    (offer → amount; the request in full unless given) and adopts the opinion."""
    for offer in board.offers:
        for member in [board.chair, *board.members]:
            score(member, offer)
    amounts = amounts or {offer: offer.grant_requested for offer in board.offers}
    scoring.record_recommendations(
        board.committee, user=officer, amounts={offer: (amount, "") for offer, amount in amounts.items()}
    )
    scoring.adopt_opinion(
        board.committee,
        user=officer,
        present=[board.chair, *board.members],
        meeting_on=meeting_on or in_days(-1).date(),
    )
    for offer in board.offers:
        offer.refresh_from_db()
    return board
