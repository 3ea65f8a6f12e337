"""The committee's work on last year's call in Jasło, through the services its pages use: every
offer assigned to both members, scored by each member without a conflict (the coordinator
declared one on the meals offer, so only the chair scores it), amounts recommended within each
task's funds (one offer cut, with the reason) and the opinion adopted at the meeting, so the
ranking, the members' scores and the protocol all have something to show. What is already done
is left as it is: loading the demo twice changes nothing.
"""

import datetime
from decimal import Decimal

from ngo_grants.demo import call_texts
from ngo_grants.demo.calls import LAST_YEAR, find_call
from ngo_grants.services import scoring

SCORED_AFTER = datetime.timedelta(days=11, hours=3)
MEETING_AFTER = datetime.timedelta(days=14)
SEED = 2025
# Share of each criterion's maximum a member gives, per member (the chair first) and offer.
SHARES = {
    call_texts.SWIETLICA: (Decimal("0.9"), Decimal("0.8")),
    call_texts.POSILKI: (Decimal("0.75"), None),
}
DEFAULT_SHARES = (Decimal("0.8"), Decimal("0.7"))
JUSTIFICATION = "Plan działań ogólnikowy; brak harmonogramu zajęć w poszczególnych miesiącach."
CUT = Decimal("0.9")
CUT_REASON = "Koszty obsługi księgowej i materiałów biurowych wyższe niż w podobnych ofertach z poprzednich lat."


def build(builder):
    if not builder.with_users:
        return
    call = find_call(builder, LAST_YEAR)
    committee = getattr(call, "committee", None) if call is not None else None
    chair = committee.chair() if committee is not None else None
    if chair is None or committee.opinion_adopted_at:
        return
    deadline = call.closes_at
    officer = chair.user
    expected = scoring.fingerprint(scoring.plan(committee, SEED))
    scoring.assign(committee, user=officer, seed=SEED, expected=expected, now=deadline + SCORED_AFTER)
    members = list(committee.members.order_by("-chair", "pk"))
    for offer in scoring.scored_offers(committee):
        shares = SHARES.get(offer.task.title, DEFAULT_SHARES)
        for member, share in zip(members, shares, strict=False):
            if share is None or scoring.scoring_problem(member, offer):
                continue
            _score(member, offer, share, cut=not member.chair and offer.task.title == call_texts.SWIETLICA)
            builder.created["score"] += 1
    _recommend(committee, officer, deadline)
    scoring.adopt_opinion(
        committee,
        user=officer,
        present=members,
        meeting_on=(deadline + MEETING_AFTER).date(),
        now=deadline + MEETING_AFTER,
    )
    builder.created["committee opinion"] += 1


def _score(member, offer, share, *, cut):
    points = {}
    for number, criterion in enumerate(offer.call.criteria.all()):
        # The last criterion scores lower, under the justification threshold for a weaker offer.
        given = int((criterion.max_points * (share - Decimal("0.3") * (number == 3))).to_integral_value())
        needed = scoring.justification_needed(offer.call, given, criterion.max_points)
        points[criterion] = (given, JUSTIFICATION if needed else "")
    requested = offer.grant_requested
    proposed = (requested * CUT).quantize(Decimal("1")) if cut else requested
    scoring.save_score(
        member,
        offer,
        points=points,
        proposed_amount=proposed,
        cut_reason=CUT_REASON if cut else "",
        remarks="Oferta spójna z programem współpracy.",
        submit=True,
        now=member.committee.call.closes_at + SCORED_AFTER,
    )


def _recommend(committee, officer, deadline):
    """The members' mean proposal, as far as each task's funds go in the order of the ranking."""
    amounts = {}
    for task_ranking in scoring.ranking(committee):
        left = task_ranking.task.funds
        for entry in task_ranking.entries:
            amount = min(entry.extra["proposed"] or Decimal("0"), left)
            left -= amount
            note = "" if amount == entry.requested else "Kwota obniżona zgodnie z propozycją członków komisji."
            amounts[entry.key] = (amount, note)
    scoring.record_recommendations(committee, user=officer, amounts=amounts, now=deadline + MEETING_AFTER)
