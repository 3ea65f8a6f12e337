"""The head of the centre's decision on a call's grants and the publication of its results,
decided here under a lock with its audit entry (Step 7, points 3–4).

Only the supervisor of the call's centre decides, after the committee adopted its opinion, on
every offer it assessed at once. An amount is never above what the offer requested, nor the
amounts of a task above its funds, and an offer granted less than it requested (or nothing)
says why. Publishing moves the call to its results: the call page, the notice-board PDF and
the open data read the frozen `Grant` rows; the news feed gets an item and the organisations
a mail, both after the commit.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.audit import record
from accounts.models import AuditKind
from ngo_grants.deadlines import end_of_day_after
from ngo_grants.models import CallPage, CallProgress, Decision, Grant, Offer, ReasonsRequest
from ngo_grants.money import format_zloty
from ngo_grants.permissions import can_write_offers
from ngo_grants.roles import is_grants_officer, is_head
from ngo_grants.services import scoring
from ngo_grants.services.committee import committee_of
from ngo_grants.workflow import TRANSITIONS, OfferStatus


@dataclass
class DecisionRefused(Exception):
    message: str
    field: str = ""

    def __str__(self):
        return self.message


def may_decide(user, call):
    return is_head(user, call.centre().pk)


def decision_problem(call):
    """Why the head cannot decide on `call` now, or None."""
    if call.progress == CallProgress.RESULTS or Decision.objects.filter(call=call).exists():
        return _("The decision on this call is published.")
    if call.progress == CallProgress.ANNULLED:
        return _("The call was annulled.")
    committee = committee_of(call)
    if committee.opinion_adopted_at is None:
        return _("The committee has not adopted its opinion yet; the head decides after it.")
    return None


def to_decide(call):
    return Offer.objects.filter(call=call, status__in=TRANSITIONS["decide_grant"]).select_related(
        "organisation", "task"
    )


def amount_problems(offers, amounts):
    """Every rule the amounts break, as (field, message): each within what its offer requested,
    each task's total within its funds, a reason for less than requested."""
    problems = []
    totals = Counter()
    tasks = {}
    for offer in offers:
        amount, reason = amounts.get(offer.pk, (None, ""))
        key = f"amount_{offer.pk}"
        if amount is None or amount < 0:
            problems.append((key, _("Give the amount granted; 0 if no grant is awarded.")))
            continue
        if amount > (offer.grant_requested or 0):
            problems.append(
                (
                    key,
                    _("More than the organisation requested (%(amount)s).")
                    % {"amount": format_zloty(offer.grant_requested or 0)},
                )
            )
        elif amount < (offer.grant_requested or 0) and not reason.strip():
            problems.append((f"reason_{offer.pk}", _("Say why less than requested is granted; it is published.")))
        totals[offer.task_id] += amount
        tasks[offer.task_id] = offer.task
    for task_id, total in totals.items():
        task = tasks[task_id]
        if total > task.funds:
            problems.append(
                (
                    "",
                    _("The amounts granted for “%(task)s” come to %(total)s, more than its funds (%(funds)s).")
                    % {"task": task.title, "total": format_zloty(total), "funds": format_zloty(task.funds)},
                )
            )
    return problems


def decide(call, *, user, reference, decided_on, amounts, now=None):
    """Record and publish the head's decision (`amounts`: offer id → (amount, reason), for every
    offer the committee assessed); returns the Decision."""
    if not may_decide(user, call):
        raise PermissionDenied
    now = now or timezone.now()
    reference = reference.strip()
    if not reference:
        raise DecisionRefused(_("Give the reference of the decision, e.g. the number of the order."), "reference")
    with transaction.atomic():
        call = CallPage.objects.select_for_update().get(pk=call.pk)
        problem = decision_problem(call)
        if problem:
            raise DecisionRefused(problem)
        offers = list(to_decide(call).select_for_update(of=("self",)))
        if set(amounts) != {offer.pk for offer in offers}:
            raise DecisionRefused(_("The offers changed since the page was opened; open it again."))
        problems = amount_problems(offers, amounts)
        if problems:
            raise DecisionRefused(problems[0][1], problems[0][0])
        points = _points(call)
        decision = Decision.objects.create(
            call=call,
            centre=call.centre(),
            reference=reference,
            decided_on=decided_on,
            decided_by=user,
            published_at=now,
        )
        for offer in offers:
            amount, reason = amounts[offer.pk]
            Grant.objects.create(
                decision=decision, offer=offer, points=points.get(offer.pk), amount=amount, reason=reason.strip()
            )
            offer.status = OfferStatus.GRANTED if amount > 0 else OfferStatus.NOT_GRANTED
            offer.save(update_fields=["status"])
        CallPage.objects.filter(pk=call.pk).update(progress=CallProgress.RESULTS)
        with translation.override(settings.LANGUAGE_CODE):
            summary = _("Results of the call “%(call)s” published: %(reference)s") % {
                "call": call.title,
                "reference": reference,
            }
        record(
            AuditKind.RESULTS_PUBLISHED,
            actor=user,
            centre=decision.centre,
            details={"call": call.pk, "summary": summary},
        )
        transaction.on_commit(lambda: _announce(decision.pk), robust=True)
    return decision


def _points(call):
    """Offer id → the committee's result, as its ranking shows it."""
    return {entry.key.pk: entry.result for ranking in scoring.ranking(committee_of(call)) for entry in ranking.entries}


def _announce(decision_pk):
    from ngo_grants import tasks
    from ngo_grants.signals import call_outcome_published

    decision = Decision.objects.select_related("call").get(pk=decision_pk)
    call = decision.call
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Results of the call: %(call)s") % {"call": call.title}
        granted = decision.grants.filter(amount__gt=0)
        lead = _("%(reference)s: grants for %(total)s awarded to the offers listed on the call's page.") % {
            "reference": decision.reference,
            "total": format_zloty(sum((grant.amount for grant in granted), Decimal("0"))),
        }
    call_outcome_published.send(sender=CallPage, call=call, title=title, lead=lead)
    tasks.send_results.enqueue(decision.pk)


# --- What is published ---------------------------------------------------------------------


@dataclass
class TaskResults:
    task: object
    granted: list = field(default_factory=list)
    not_granted: list = field(default_factory=list)
    rejected: list = field(default_factory=list)

    @property
    def total(self):
        return sum((grant.amount for grant in self.granted), Decimal("0"))


def results(call):
    """Per public task: the grants awarded (by points, the best first), the offers that got
    nothing, and those rejected formally; empty before the decision is published."""
    decision = Decision.objects.filter(call=call).first()
    if decision is None:
        return []
    by_task = {task.pk: TaskResults(task=task) for task in call.tasks.all()}
    grants = decision.grants.select_related("offer__organisation", "offer__task").order_by("-points", "offer__number")
    for grant in grants:
        entry = by_task[grant.offer.task_id]
        (entry.granted if grant.awarded else entry.not_granted).append(grant)
    rejected = Offer.objects.filter(call=call, status=OfferStatus.FORMALLY_REJECTED).select_related(
        "organisation", "formal_decision"
    )
    for offer in rejected.order_by("number"):
        by_task[offer.task_id].rejected.append(offer)
    return list(by_task.values())


# The open data's columns, in English as programs read them; the values are Polish.
OPEN_DATA_COLUMNS = (
    "task",
    "offer_number",
    "organisation",
    "krs",
    "title",
    "points",
    "requested",
    "granted",
    "outcome",
    "reason",
)


def open_data(call):
    """The results as rows for CSV and JSON: one per offer received, in the order of the page."""
    rows = []
    for entry in results(call):
        for grant in [*entry.granted, *entry.not_granted]:
            rows.append(
                _row(
                    entry.task,
                    grant.offer,
                    grant.points,
                    grant.amount,
                    _("granted") if grant.awarded else _("not granted"),
                    grant.reason,
                )
            )
        for offer in entry.rejected:
            rows.append(
                _row(entry.task, offer, None, Decimal("0"), _("rejected formally"), offer.formal_decision.reason)
            )
    return rows


def _row(task, offer, points, amount, outcome, reason):
    return {
        "task": task.title,
        "offer_number": offer.number,
        "organisation": offer.organisation.name,
        "krs": offer.organisation.krs,
        "title": offer.title,
        "points": str(points) if points is not None else "",
        "requested": str(offer.grant_requested or ""),
        "granted": str(amount),
        "outcome": outcome,
        "reason": reason,
    }


# --- The register of requests for reasons ---------------------------------------------------

REASONS_DAYS = 30


def reasons_due(decision):
    """The last moment an organisation may ask for the reasons: the end of the 30th day after
    the results were published, Polish time."""
    return end_of_day_after(decision.published_at, REASONS_DAYS)


def reasons_problem(offer, now=None):
    """Why the organisation cannot ask for the reasons on `offer` now, or None."""
    now = now or timezone.now()
    grant = Grant.objects.filter(offer=offer).select_related("decision").first()
    if grant is None and offer.status != OfferStatus.FORMALLY_REJECTED:
        return _("The results of the call are not published yet.")
    decision = grant.decision if grant else Decision.objects.filter(call_id=offer.call_id).first()
    if decision is None:
        return _("The results of the call are not published yet.")
    if now > reasons_due(decision):
        return _("The 30 days for asking for the reasons ended on %(day)s.") % {
            "day": formats.date_format(timezone.localtime(reasons_due(decision)), "j E Y")
        }
    if offer.reasons_requests.exists():
        return _("The organisation has already asked for the reasons on this offer.")
    return None


def request_reasons(offer, *, user, question, now=None):
    """Record the organisation's request for the reasons of the choice; returns it."""
    if not can_write_offers(user, offer.organisation):
        raise PermissionDenied
    now = now or timezone.now()
    question = question.strip()
    if not question:
        raise DecisionRefused(_("Write what you ask about."), "question")
    with transaction.atomic():
        offer = Offer.objects.select_for_update(of=("self",)).get(pk=offer.pk)
        problem = reasons_problem(offer, now)
        if problem:
            raise DecisionRefused(problem)
        request = ReasonsRequest.objects.create(
            offer=offer, centre_id=offer.centre_id, question=question, requested_by=user, requested_at=now
        )
    return request


def answer_reasons(request, *, user, answer, now=None):
    """The grants officer's answer, mailed to the organisation after the commit."""
    if not is_grants_officer(user, request.centre_id):
        raise PermissionDenied
    answer = answer.strip()
    if not answer:
        raise DecisionRefused(_("Write the answer; the organisation receives it by e-mail."), "answer")
    with transaction.atomic():
        request = ReasonsRequest.objects.select_for_update().get(pk=request.pk)
        if request.answered:
            raise DecisionRefused(_("This request has been answered."))
        request.answer = answer
        request.answered_by = user
        request.answered_at = now or timezone.now()
        request.save(update_fields=["answer", "answered_by", "answered_at"])
        transaction.on_commit(lambda: _queue_answer(request.pk))
    return request


def _queue_answer(request_pk):
    from ngo_grants import tasks

    tasks.send_reasons_answer.enqueue(request_pk)
