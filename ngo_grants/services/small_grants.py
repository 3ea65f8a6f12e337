"""Small grants (art. 19a; Step 7, point 7): an organisation files an offer outside any call, the
grants officer publishes it for 7 days of anyone's comments, then decides, and the agreement
follows. Each step is decided here under a lock.

The limits come from the rule set in force on the day the offer was filed
(ngo_grants.small_grant_rules): the most per task, the longest task, the most one organisation
may get from this centre's local government in a year, and the share of the year's planned grant
funds all small grants together may take. The organisation is told of every limit when it files;
the officer's decision checks them again against the grants awarded by then, and the year's
plan must be set for it.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from core.models import Centre
from ngo_grants.budget import ZERO, line_split_problem
from ngo_grants.deadlines import end_of_day_after
from ngo_grants.models import GrantPlan, SmallGrant, SmallGrantComment, SmallGrantStatus
from ngo_grants.money import format_zloty
from ngo_grants.permissions import can_write_offers
from ngo_grants.roles import is_grants_officer
from ngo_grants.small_grant_rules import rules_on

# Art. 19a ust. 5: anyone may comment within 7 days of the publication.
COMMENT_DAYS = 7
# A task starts no sooner than this many days after filing: the centre has up to 7 working days
# to publish the offer, and the comments take 7 more.
MIN_LEAD_DAYS = 14
AWARDED = (SmallGrantStatus.GRANTED, SmallGrantStatus.AGREEMENT)


@dataclass
class SmallGrantRefused(Exception):
    message: str
    field: str = ""

    def __str__(self):
        return self.message


def awarded_in(centre, year, organisation=None, exclude=None):
    """The small grants the centre awarded for tasks of `year` (to `organisation` only, if given)."""
    grants = SmallGrant.objects.filter(centre=centre, status__in=AWARDED, starts_on__year=year)
    if organisation is not None:
        grants = grants.filter(organisation=organisation)
    if exclude is not None:
        grants = grants.exclude(pk=exclude.pk)
    return grants.aggregate(total=Sum("amount_granted"))["total"] or ZERO


def cap_problems(*, centre, organisation, amount, starts_on, ends_on, filed_on, exclude=None, need_plan=False):
    """Every limit `amount` for a task from `starts_on` to `ends_on` would break, as (field,
    message), under the rules for an offer filed on `filed_on`. Without the year's plan the
    share cannot be counted: refused when `need_plan` (the decision), left out otherwise."""
    rules = rules_on(filed_on)
    values = {"citation": rules.citation}
    problems = []
    if amount > rules.per_task:
        message = _("A small grant is at most %(cap)s per task (%(citation)s).")
        problems.append(("", message % {**values, "cap": format_zloty(rules.per_task)}))
    if rules.max_days is not None and (ends_on - starts_on).days + 1 > rules.max_days:
        message = _("A task under a small grant lasts at most %(days)s days (%(citation)s).")
        problems.append(("ends_on", message % {**values, "days": rules.max_days}))
    year = starts_on.year
    received = awarded_in(centre, year, organisation, exclude)
    if received + amount > rules.per_organisation_year:
        message = _(
            "An organisation gets at most %(cap)s a year in small grants from this local government (%(citation)s); "
            "for %(year)s it has %(left)s left."
        )
        left = max(rules.per_organisation_year - received, ZERO)
        problems.append(("", message % {**values, "cap": format_zloty(rules.per_organisation_year), "year": year,
                                        "left": format_zloty(left)}))  # fmt: skip
    plan = GrantPlan.objects.filter(centre=centre, year=year).first()
    if plan is None:
        if need_plan:
            message = _("Set the grant funds planned for %(year)s first: small grants take at most a share of them.")
            problems.append(("", message % {"year": year}))
        return problems
    ceiling = (plan.planned_funds * rules.share_of_plan / 100).quantize(Decimal("0.01"))
    taken = awarded_in(centre, year, exclude=exclude)
    if taken + amount > ceiling:
        message = _(
            "Small grants for %(year)s may take at most %(share)s%% of the planned grant funds, %(ceiling)s "
            "(%(citation)s); %(left)s is left."
        )
        problems.append(("", message % {**values, "year": year, "share": f"{rules.share_of_plan:g}",
                                         "ceiling": format_zloty(ceiling),
                                         "left": format_zloty(max(ceiling - taken, ZERO))}))  # fmt: skip
    return problems


def line_problems(lines):
    """(field, message) for cost lines [(name, total, from_grant, from_other)] that do not add up."""
    problems = []
    for index, (name, total, grant, other) in enumerate(lines):
        if None in (total, grant, other):
            continue
        if not name:
            problems.append((f"line_{index}_name", _("Name the cost.")))
        problem = line_split_problem(total, grant, other)
        if problem:
            problems.append((f"line_{index}_total", problem))
    if not lines:
        problems.append(("", _("Give at least one cost line.")))
    return problems


def filing_problems(*, centre, organisation, starts_on, ends_on, lines, today):
    """Everything that stands in the way of filing, as (field, message)."""
    problems = line_problems(lines)
    if problems or any(None in line for line in lines):
        return problems
    if starts_on > ends_on:
        problems.append(("ends_on", _("The task cannot end before it starts.")))
    earliest = today + datetime.timedelta(days=MIN_LEAD_DAYS)
    if starts_on < earliest:
        message = _(
            "The task can start on %(day)s at the earliest: the offer is published for 7 days of comments first."
        )
        problems.append(("starts_on", message % {"day": formats.date_format(earliest, "j E Y")}))
    amount = sum((grant for _name, _total, grant, _other in lines), ZERO)
    if amount <= 0:
        problems.append(("", _("The cost lines take nothing from the grant.")))
    if problems:
        return problems
    return cap_problems(centre=centre, organisation=organisation, amount=amount, starts_on=starts_on,
                        ends_on=ends_on, filed_on=today)  # fmt: skip


def file_offer(*, user, organisation, centre, title, public_task, description, results, starts_on, ends_on, lines,
               now=None):  # fmt: skip
    """The organisation's small-grant offer to `centre`; returns it, numbered."""
    if not can_write_offers(user, organisation):
        raise PermissionDenied
    if not organisation.is_verified_by(centre):
        raise SmallGrantRefused(_("The centre has not verified your organisation yet; it must before you file."))
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        # The centre's row serialises numbering and the yearly limits between two filings.
        Centre.objects.select_for_update().get(pk=centre.pk)
        problems = filing_problems(centre=centre, organisation=organisation, starts_on=starts_on, ends_on=ends_on,
                                   lines=lines, today=today)  # fmt: skip
        if problems:
            raise SmallGrantRefused(problems[0][1], problems[0][0])
        count = SmallGrant.objects.filter(centre=centre, filed_at__year=today.year).count()
        return SmallGrant.objects.create(
            centre=centre,
            organisation=organisation,
            number=f"MG/{today.year}/{count + 1:03d}",
            title=title.strip(),
            public_task=public_task.strip(),
            description=description.strip(),
            results=results.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            lines=[
                {"name": name.strip(), "total": str(total), "from_grant": str(grant), "from_other": str(other)}
                for name, total, grant, other in lines
            ],
            amount_requested=sum((grant for _n, _t, grant, _o in lines), ZERO),
            own_contribution=sum((other for _n, _t, _g, other in lines), ZERO),
            filed_by=user,
            filed_at=now,
        )


def _locked(grant):
    return SmallGrant.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=grant.pk)


def publish(grant, *, user, now=None):
    """Publish the offer for 7 days of comments (art. 19a ust. 3–5)."""
    if not is_grants_officer(user, grant.centre_id):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        grant = _locked(grant)
        if grant.status != SmallGrantStatus.FILED:
            raise SmallGrantRefused(_("This offer has been published."))
        grant.status, grant.published_at = SmallGrantStatus.PUBLISHED, now
        grant.comments_until = end_of_day_after(now, COMMENT_DAYS)
        grant.save(update_fields=["status", "published_at", "comments_until"])
    return grant


def comments_open(grant, now=None):
    now = now or timezone.now()
    return (
        grant.status == SmallGrantStatus.PUBLISHED and grant.comments_until is not None and now <= grant.comments_until
    )


def comment(grant, *, name, email, text, now=None):
    """Anyone's comment while the offer is published for comments."""
    now = now or timezone.now()
    if not comments_open(grant, now):
        raise SmallGrantRefused(_("Comments on this offer are closed."))
    name, text = name.strip(), text.strip()
    if not name:
        raise SmallGrantRefused(_("Sign your comment: your name is published with it."), "name")
    if not text:
        raise SmallGrantRefused(_("Write your comment."), "text")
    return SmallGrantComment.objects.create(small_grant=grant, name=name, email=email.strip(), text=text, sent_at=now)


def decide(grant, *, user, granted, amount=None, reason="", now=None):
    """The officer's decision once the comments are closed: a grant of `amount` (at most the
    request, within every limit) or a refusal; a refusal or a cut needs its reason."""
    if not is_grants_officer(user, grant.centre_id):
        raise PermissionDenied
    now = now or timezone.now()
    reason = reason.strip()
    with transaction.atomic():
        Centre.objects.select_for_update().get(pk=grant.centre_id)
        grant = _locked(grant)
        if grant.status != SmallGrantStatus.PUBLISHED:
            raise SmallGrantRefused(_("Only an offer published for comments is decided."))
        if comments_open(grant, now):
            raise SmallGrantRefused(
                _("The comments are open until %(moment)s; decide after that.")
                % {"moment": formats.date_format(timezone.localtime(grant.comments_until), "j E Y, H:i")}
            )
        if granted:
            if amount is None or amount <= 0 or amount > grant.amount_requested:
                raise SmallGrantRefused(_("Grant more than 0 zł and no more than was requested."), "amount")
            if amount < grant.amount_requested and not reason:
                raise SmallGrantRefused(_("Give the reason for granting less than requested."), "reason")
            problems = cap_problems(centre=grant.centre, organisation=grant.organisation, amount=amount,
                                    starts_on=grant.starts_on, ends_on=grant.ends_on,
                                    filed_on=timezone.localdate(grant.filed_at), exclude=grant,
                                    need_plan=True)  # fmt: skip
            if problems:
                raise SmallGrantRefused(problems[0][1], problems[0][0] or "amount")
        elif not reason:
            raise SmallGrantRefused(_("Give the reason of the refusal; the organisation reads it."), "reason")
        grant.status = SmallGrantStatus.GRANTED if granted else SmallGrantStatus.REFUSED
        grant.amount_granted = amount if granted else None
        grant.reason, grant.decided_by, grant.decided_at = reason, user, now
        grant.save(update_fields=["status", "amount_granted", "reason", "decided_by", "decided_at"])
        transaction.on_commit(lambda: _notify(grant.pk), robust=True)
    return grant


def prepare_agreement(grant, *, user, number, now=None):
    """The agreement on the simplified template for a small grant awarded."""
    if not is_grants_officer(user, grant.centre_id):
        raise PermissionDenied
    number = number.strip()
    if not number:
        raise SmallGrantRefused(_("Give the agreement's number."), "number")
    with transaction.atomic():
        grant = _locked(grant)
        if grant.status != SmallGrantStatus.GRANTED:
            raise SmallGrantRefused(_("Only a small grant awarded gets an agreement, once."))
        grant.status, grant.agreement_number, grant.agreement_at = (
            SmallGrantStatus.AGREEMENT,
            number,
            now or timezone.now(),
        )
        grant.save(update_fields=["status", "agreement_number", "agreement_at"])
    return grant


def _notify(pk):
    from ngo_grants import tasks

    tasks.send_small_grant_decision.enqueue(pk)
