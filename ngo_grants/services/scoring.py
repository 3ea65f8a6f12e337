"""The committee's assessment of the offers that passed the formal review: who scores which
offer, the members' scores, the chair's ranking and recommended amounts, and the adoption of
the committee's opinion; each decided here, under a lock, with its audit entry.

Only voting members (not advisory experts, art. 15 ust. 2d) score, and only offers assigned to
them on which they declared no conflict. A score that does not count (its member declared a
conflict later, or it is still a draft) stays on record and is left out of every figure. The
committee only gives an opinion: the decision is the head of the centre's (Step 7, point 3).
"""

import hashlib
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.audit import record
from accounts.models import AuditKind
from ngo_grants import scoring
from ngo_grants.models import (
    Assignment,
    AssignmentMode,
    Committee,
    CriterionScore,
    MemberKind,
    Offer,
    Recommendation,
    Score,
)
from ngo_grants.money import format_zloty
from ngo_grants.services import committee as committee_service
from ngo_grants.workflow import COMMITTEE_READS, OfferStatus, can


@dataclass
class ScoringRefused(Exception):
    message: str
    field: str = ""

    def __str__(self):
        return self.message


def conflicts(committee):
    """(member id, offer id) of every conflict declared in `committee`."""
    from ngo_grants.models import Declaration

    return set(
        Declaration.objects.filter(member__committee=committee, conflict=True).values_list("member_id", "offer_id")
    )


def voting_members(committee):
    return list(committee.members.exclude(kind=MemberKind.EXPERT).select_related("user").order_by("pk"))


def scored_offers(committee):
    """The offers the committee assesses, in the order of their numbers."""
    return (
        Offer.objects.filter(call_id=committee.call_id, status__in=COMMITTEE_READS)
        .select_related("organisation", "task")
        .order_by("number")
    )


# --- Assignment ----------------------------------------------------------------------------


@dataclass
class Planned:
    offer: Offer
    kept: list = field(default_factory=list)
    added: list = field(default_factory=list)
    wanted: int = 0

    @property
    def short(self):
        return max(0, self.wanted - len(self.kept) - len(self.added))


def plan(committee, seed):
    """Who else scores each offer: enough voting members without a conflict to reach the
    call's number per offer (every such member when all score all). Members already assigned
    stay; the new ones are drawn with `seed` among those with the fewest offers so far, so the
    same seed on the same committee gives the same plan (the preview is what is confirmed)."""
    call = committee.call
    members = voting_members(committee)
    conflicted = conflicts(committee)
    existing = set(Assignment.objects.filter(member__committee=committee).values_list("member_id", "offer_id"))
    load = Counter(member for member, offer in existing if (member, offer) not in conflicted)
    # Reproducible on purpose: the seed (drawn with `secrets` by the view) makes the preview the plan.
    rng = random.Random(seed)  # noqa: S311
    planned = []
    for offer in scored_offers(committee).filter(status=OfferStatus.FORMALLY_ACCEPTED):
        able = [member for member in members if (member.pk, offer.pk) not in conflicted]
        wanted = len(able) if call.assignment == AssignmentMode.ALL else call.reviewers_per_offer
        entry = Planned(offer=offer, wanted=wanted)
        entry.kept = [member for member in able if (member.pk, offer.pk) in existing]
        candidates = [member for member in able if (member.pk, offer.pk) not in existing]
        rng.shuffle(candidates)
        candidates.sort(key=lambda member: load[member.pk])
        entry.added = candidates[: max(0, wanted - len(entry.kept))]
        for member in entry.added:
            load[member.pk] += 1
        planned.append(entry)
    return planned


def fingerprint(planned):
    """A short digest of what `planned` adds: the confirmation must match the preview."""
    pairs = sorted((entry.offer.pk, member.pk) for entry in planned for member in entry.added)
    return hashlib.sha256(repr(pairs).encode()).hexdigest()[:16]


def assign(committee, *, user, seed, expected, now=None):
    """Create the assignments `plan(committee, seed)` adds, when it is still the plan the
    officer previewed (`expected` is its fingerprint); returns how many were made."""
    if not committee_service.may_appoint(user, committee):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        committee = Committee.objects.select_for_update().select_related("call").get(pk=committee.pk)
        if committee.opinion_adopted_at:
            raise ScoringRefused(_("The committee has adopted its opinion; the assignments are final."))
        planned = plan(committee, seed)
        if fingerprint(planned) != expected:
            raise ScoringRefused(_("The committee or its offers changed since the preview; check the new preview."))
        made = Assignment.objects.bulk_create(
            Assignment(member=member, offer=entry.offer, assigned_by=user, assigned_at=now)
            for entry in planned
            for member in entry.added
        )
        if made:
            message = gettext_noop("Assignments in the call “%(call)s”: %(count)s")
            _audit(AuditKind.OFFERS_ASSIGNED, committee, user, message, made)
    return len(made)


def _audit(kind, committee, user, message, items):
    """An audit entry for a step of the whole committee; `message` (marked with gettext_noop,
    with %(call)s and %(count)s) is worded in Polish whoever acts."""
    with translation.override(settings.LANGUAGE_CODE):
        summary = _(message) % {"count": len(items), "call": committee.call.title}
    record(kind, actor=user, centre=committee.centre, details={"call": committee.call_id, "summary": summary})


def assigned(member, offer):
    return Assignment.objects.filter(member=member, offer=offer).exists()


# --- Scores --------------------------------------------------------------------------------


def score_of(member, offer):
    return Score.objects.filter(member=member, offer=offer).prefetch_related("points").first()


def scoring_problem(member, offer):
    """Why `member` cannot score `offer` now, or None."""
    if not member.votes:
        return _("Advisory experts give their opinion but do not score (art. 15 ust. 2d).")
    if member.committee.opinion_adopted_at or offer.status != OfferStatus.FORMALLY_ACCEPTED:
        return _("The committee has adopted its opinion; scores are final.")
    if not committee_service.may_open(member, offer):
        return _("Declare first whether a ground of art. 24 KPA applies to you for this offer.")
    if not assigned(member, offer):
        return _("This offer is not assigned to you.")
    return None


def justification_needed(call, points, max_points):
    """Whether `points` out of `max_points` fall below the call's threshold for a justification
    (compared exactly: 4 of 9 with a 50% threshold needs one, 5 of 10 does not)."""
    return points * 100 < call.justify_below * max_points


def save_score(member, offer, *, points, proposed_amount, cut_reason="", remarks="", submit=False, now=None):
    """Keep `member`'s score of `offer` (`points`: criterion → (points, justification));
    `submit` makes it final. Returns the Score."""
    problem = scoring_problem(member, offer)
    if problem:
        raise PermissionDenied(problem)
    problems = score_problems(offer, points, proposed_amount, cut_reason)
    if problems:
        raise ScoringRefused(problems[0][1], problems[0][0])
    cut_reason, remarks = cut_reason.strip(), remarks.strip()
    criteria = list(offer.call.criteria.all())
    now = now or timezone.now()
    with transaction.atomic():
        score, _created = Score.objects.select_for_update().get_or_create(member=member, offer=offer)
        if score.submitted:
            raise ScoringRefused(_("You have submitted your score of this offer; it cannot be changed."))
        score.proposed_amount = proposed_amount
        score.cut_reason = cut_reason
        score.remarks = remarks
        score.updated_at = now
        score.submitted_at = now if submit else None
        score.save()
        score.points.all().delete()
        CriterionScore.objects.bulk_create(
            CriterionScore(
                score=score,
                criterion=criterion,
                criterion_name=criterion.name,
                max_points=criterion.max_points,
                points=points[criterion][0],
                justification=points[criterion][1].strip(),
            )
            for criterion in criteria
        )
    return score


def score_problems(offer, points, proposed_amount, cut_reason):
    """Every rule a score breaks, as (field, message): points within each criterion's range,
    a justification below the call's threshold, a proposal no higher than the request and a
    reason for a cut. The form shows them all at once; `save_score` refuses on the first."""
    call = offer.call
    problems = []
    for criterion in call.criteria.all():
        given, justification = points.get(criterion, (None, ""))
        if given is None or not 0 <= given <= criterion.max_points:
            problems.append(
                (f"points_{criterion.pk}", _("Give from 0 to %(max)s points.") % {"max": criterion.max_points})
            )
        elif justification_needed(call, given, criterion.max_points) and not justification.strip():
            problems.append(
                (
                    f"justification_{criterion.pk}",
                    _("Justify a score below %(share)s%% of the maximum.") % {"share": call.justify_below},
                )
            )
    requested = offer.grant_requested or Decimal("0")
    if proposed_amount is None or proposed_amount < 0:
        problems.append(("proposed_amount", _("Propose an amount; 0 means you do not recommend the offer.")))
    elif proposed_amount > requested:
        problems.append(
            (
                "proposed_amount",
                _("You cannot propose more than the organisation requested (%(amount)s).")
                % {"amount": format_zloty(requested)},
            )
        )
    elif proposed_amount < requested and not cut_reason.strip():
        problems.append(("cut_reason", _("Say why you propose less than requested.")))
    return problems


def counted_scores(offer, committee=None):
    """The submitted scores of `offer` that count: not an advisory expert's, not of a member
    who declared a conflict on it (even one declared after scoring)."""
    conflicted = {member for member, offer_pk in conflicts(committee or offer.call.committee) if offer_pk == offer.pk}
    return [
        score
        for score in Score.objects.filter(offer=offer, submitted_at__isnull=False)
        .exclude(member__kind=MemberKind.EXPERT)
        .select_related("member__user")
        .prefetch_related("points")
        if score.member_id not in conflicted
    ]


def others_visible(member, offer):
    """A member reads the others' scores of an offer once their own is submitted (an expert,
    who does not score, once they declared no conflict)."""
    if not committee_service.may_open(member, offer):
        return False
    if not member.votes:
        return True
    own = Score.objects.filter(member=member, offer=offer, submitted_at__isnull=False)
    return own.exists()


def member_points(score):
    return scoring.MemberPoints(
        member=score.member_id, points={item.criterion_id: item.points for item in score.points.all()}
    )


def earlier_record(offer):
    """The organisation's offers to this system's earlier calls, for the members to weigh its
    record (art. 15 ust. 1 pkt 6): what it asked for and what became of it, and for a settled
    grant what it had to give back."""
    return (
        Offer.objects.received()
        .filter(organisation_id=offer.organisation_id, call__year__lte=offer.call.year)
        .exclude(call_id=offer.call_id)
        .select_related("call", "task", "recommendation", "agreement")
        .order_by("-call__year", "-submitted_at")
    )


# --- The chair: ranking, recommendations, the committee's opinion ----------------------------


def chair_seat(user, committee):
    member = committee_service.seat(user, committee.call)
    return member if member is not None and member.chair else None


@dataclass
class TaskRanking:
    task: object
    entries: list

    @property
    def recommended(self):
        return sum((entry.extra["recommended"] or Decimal("0") for entry in self.entries), Decimal("0"))


def ranking(committee, viewer=None):
    """Per public task, its offers ranked by their result against the task's funds, with the
    per-criterion means, the number of scores that count, the disagreement flag, the members'
    mean proposal and the recommendation. An offer on which `viewer` (a member) declared a
    conflict is listed without any figure."""
    call = committee.call
    conflicted = conflicts(committee)
    scores = {}
    for score in (
        Score.objects.filter(offer__call_id=call.pk, submitted_at__isnull=False)
        .exclude(member__kind=MemberKind.EXPERT)
        .prefetch_related("points")
    ):
        if (score.member_id, score.offer_id) not in conflicted:
            scores.setdefault(score.offer_id, []).append(score)
    expected = Counter(
        offer
        for member, offer in Assignment.objects.filter(member__committee=committee)
        .exclude(member__kind=MemberKind.EXPERT)
        .values_list("member_id", "offer_id")
        if (member, offer) not in conflicted
    )
    recommendations = {item.offer_id: item for item in Recommendation.objects.filter(offer__call_id=call.pk)}
    criteria = [criterion.pk for criterion in call.criteria.all()]
    tasks = {}
    for offer in scored_offers(committee):
        hidden = viewer is not None and (viewer.pk, offer.pk) in conflicted
        counted = [] if hidden else scores.get(offer.pk, [])
        points = [member_points(score) for score in counted]
        proposals = [score.proposed_amount for score in counted if score.proposed_amount is not None]
        means = scoring.criterion_means(points)
        recommendation = recommendations.get(offer.pk)
        entry = scoring.Ranked(
            key=offer,
            result=scoring.result(points, call.aggregation),
            requested=offer.grant_requested or Decimal("0"),
            extra={
                "hidden": hidden,
                "means": [means.get(criterion) for criterion in criteria],
                "counted": len(counted),
                "expected": expected.get(offer.pk, 0),
                "flagged": scoring.disagrees(points, call.disagreement),
                "spread": scoring.spread(points),
                "proposed": scoring.mean_amount(proposals),
                "recommendation": recommendation,
                "recommended": recommendation.amount if recommendation and not hidden else None,
            },
        )
        tasks.setdefault(offer.task_id, (offer.task, []))[1].append(entry)
    return [
        TaskRanking(task=task, entries=scoring.rank(entries, task.funds))
        for task, entries in sorted(tasks.values(), key=lambda item: item[0].sort_order or 0)
    ]


def _chair(user, committee):
    member = chair_seat(user, committee)
    if member is None:
        raise PermissionDenied
    return member


def record_recommendations(committee, *, user, amounts, now=None):
    """Keep the chair's recommended amounts (`amounts`: offer → (amount, note)). An amount is
    never above what the offer requested, nor the amounts of a task above its funds; the chair
    records none for an offer on which they declared a conflict."""
    chair = _chair(user, committee)
    now = now or timezone.now()
    with transaction.atomic():
        committee = Committee.objects.select_for_update().select_related("call").get(pk=committee.pk)
        if committee.opinion_adopted_at:
            raise ScoringRefused(_("The committee has adopted its opinion; the recommendations are final."))
        conflicted = conflicts(committee)
        offers = {offer.pk: offer for offer in scored_offers(committee).filter(status=OfferStatus.FORMALLY_ACCEPTED)}
        for offer, (amount, _note) in amounts.items():
            if offer.pk not in offers or (chair.pk, offer.pk) in conflicted:
                raise PermissionDenied
            if amount < 0:
                raise ScoringRefused(_("An amount cannot be negative."), f"amount_{offer.pk}")
            if amount > (offer.grant_requested or 0):
                raise ScoringRefused(
                    _("More than the organisation requested (%(amount)s).")
                    % {"amount": format_zloty(offer.grant_requested or 0)},
                    f"amount_{offer.pk}",
                )
        totals = Counter()
        current = {item.offer_id: item.amount for item in Recommendation.objects.filter(offer_id__in=offers)}
        current.update({offer.pk: amount for offer, (amount, _note) in amounts.items()})
        for offer_pk, amount in current.items():
            totals[offers[offer_pk].task_id] += amount
        for offer in offers.values():
            if totals[offer.task_id] > offer.task.funds:
                raise ScoringRefused(
                    _("The amounts recommended for “%(task)s” come to %(total)s, more than its funds (%(funds)s).")
                    % {
                        "task": offer.task.title,
                        "total": format_zloty(totals[offer.task_id]),
                        "funds": format_zloty(offer.task.funds),
                    }
                )
        for offer, (amount, note) in amounts.items():
            Recommendation.objects.update_or_create(
                offer=offer, defaults={"amount": amount, "note": note.strip(), "recorded_by": user, "recorded_at": now}
            )


def adoption_problems(committee):
    """What stands between the committee and its opinion, in words for the chair."""
    problems = []
    rankings = ranking(committee)
    for task_ranking in rankings:
        for entry in task_ranking.entries:
            offer = entry.key
            if entry.extra["counted"] == 0:
                problems.append(_("Offer no. %(number)s has no score that counts.") % {"number": offer.number})
            elif entry.extra["counted"] < entry.extra["expected"]:
                problems.append(
                    _("Offer no. %(number)s: scores still missing from assigned members: %(missing)s.")
                    % {"number": offer.number, "missing": entry.extra["expected"] - entry.extra["counted"]}
                )
            if entry.extra["recommendation"] is None:
                problems.append(_("Offer no. %(number)s has no recommended amount.") % {"number": offer.number})
    return problems


def adopt_opinion(committee, *, user, present, meeting_on, now=None):
    """Close the committee's work: attendance (`present`: members who were at the meeting),
    the meeting's date, and every assessed offer moves on to the head's decision."""
    _chair(user, committee)
    now = now or timezone.now()
    with transaction.atomic():
        committee = Committee.objects.select_for_update().select_related("call").get(pk=committee.pk)
        if committee.opinion_adopted_at:
            raise ScoringRefused(_("The committee has already adopted its opinion."))
        problems = adoption_problems(committee)
        if problems:
            raise ScoringRefused(problems[0])
        present = {member.pk for member in present}
        for member in committee.members.all():
            member.attended = member.pk in present
            member.save(update_fields=["attended"])
        offers = list(scored_offers(committee).select_for_update(of=("self",)))
        for offer in offers:
            if can("adopt_opinion", offer.status):
                offer.status = OfferStatus.SCORED
                offer.save(update_fields=["status"])
        committee.meeting_on = meeting_on
        committee.opinion_adopted_at = now
        committee.opinion_adopted_by = user
        committee.save(update_fields=["meeting_on", "opinion_adopted_at", "opinion_adopted_by"])
        _audit(
            AuditKind.OPINION_ADOPTED,
            committee,
            user,
            gettext_noop("Opinion on the offers of the call “%(call)s” (offers: %(count)s)"),
            offers,
        )
    return committee
