"""After the results: the organisation's updated budget when less was granted than requested,
the grants officer's answer to it, and the agreement (Step 7, point 5); each decided here under
a lock.

An update keeps the cost lines of the offer as submitted and changes only their amounts; the
grant they take must be exactly the amount awarded and the task's minimum own contribution
still holds. The officer prepares the agreement once the grant needs no update or its update
is accepted: instalments that add up to the grant, due within the task's period, the overrun
allowed per cost line and an optional partial report date.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ngo_grants.budget import ZERO, budget_of, line_split_problem, task_problems
from ngo_grants.models import Agreement, BudgetUpdate, Grant, Offer
from ngo_grants.models.agreements import FINAL_REPORT_DAYS
from ngo_grants.money import format_zloty
from ngo_grants.permissions import can_write_offers
from ngo_grants.roles import is_grants_officer
from ngo_grants.workflow import OfferStatus, can

AMOUNTS = ("total", "from_grant", "from_other")
# Offers whose organisation may still send an updated budget.
UPDATABLE = (OfferStatus.GRANTED,)
# Art. 18 ust. 2: a partial report is due no sooner than 30 days after the centre calls for it.
PARTIAL_NOTICE_DAYS = 30
# Instalments may be paid from a month before the task starts (the framework agreement's § 3).
EARLY_PAYMENT = datetime.timedelta(days=31)


@dataclass
class AgreementRefused(Exception):
    message: str
    field: str = ""

    def __str__(self):
        return self.message


def grant_of(offer):
    return Grant.objects.filter(offer=offer).first()


def needs_update(offer):
    """Whether the organisation must update its budget: it was granted less than it asked."""
    grant = grant_of(offer)
    return grant is not None and grant.awarded and grant.amount < (offer.grant_requested or ZERO)


def submitted_lines(offer):
    """The cost lines of the offer as submitted (the latest version), amounts as Decimals."""
    lines = offer.latest_version().content["sections"]["costs"]["lines"]
    return [{"name": line["name"], "category": line.get("category", ""), **amounts_of(line)} for line in lines]


def amounts_of(line):
    """A cost line's amounts (strings in the stored JSON) as Decimals."""
    return {key: Decimal(line[key]) for key in AMOUNTS}


def latest_update(offer):
    return offer.budget_updates.order_by("-submitted_at", "-pk").first()


def accepted_update(offer):
    return offer.budget_updates.filter(accepted=True).order_by("-decided_at").first()


def update_problems(offer, amounts):
    """Every rule an update breaks, as (field, message): `amounts` is one (total, from_grant,
    from_other) per submitted cost line, in order."""
    problems = []
    lines = submitted_lines(offer)
    if len(amounts) != len(lines):
        return [("", _("The update must keep the offer's cost lines."))]
    for index, (total, grant, other) in enumerate(amounts):
        if None in (total, grant, other):
            continue
        problem = line_split_problem(total, grant, other)
        if problem:
            problems.append((f"line_{index}_total", problem))
    if problems or any(None in row for row in amounts):
        return problems
    budget = budget_of([{"total": t, "from_grant": g, "from_other": o} for t, g, o in amounts])
    granted = grant_of(offer).amount
    if budget.grant != granted:
        problems.append(
            (
                "",
                _("The lines take %(grant)s from the grant; they must take exactly the %(granted)s awarded.")
                % {"grant": format_zloty(budget.grant), "granted": format_zloty(granted)},
            )
        )
    problems.extend(("", problem) for problem in task_problems(offer.task, budget) if budget.grant <= offer.task.funds)
    return problems


def submit_update(offer, *, user, amounts, schedule, now=None):
    """The organisation's updated cost calculation and schedule; returns the BudgetUpdate."""
    if not can_write_offers(user, offer.organisation):
        raise PermissionDenied
    schedule = schedule.strip()
    if not schedule:
        raise AgreementRefused(_("Describe the schedule of actions that fits the amount granted."), "schedule")
    with transaction.atomic():
        offer = Offer.objects.select_for_update(of=("self",)).select_related("task").get(pk=offer.pk)
        if offer.status not in UPDATABLE or not needs_update(offer):
            raise AgreementRefused(_("This offer needs no updated budget."))
        pending = latest_update(offer)
        if pending is not None and pending.accepted is not False:
            raise AgreementRefused(_("An updated budget is already with the centre."))
        problems = update_problems(offer, amounts)
        if problems:
            raise AgreementRefused(problems[0][1], problems[0][0])
        lines = [
            {**line, "total": str(total), "from_grant": str(grant), "from_other": str(other)}
            for line, (total, grant, other) in zip(submitted_lines(offer), amounts, strict=True)
        ]
        return BudgetUpdate.objects.create(
            offer=offer, lines=lines, schedule=schedule, submitted_by=user, submitted_at=now or timezone.now()
        )


def decide_update(update, *, user, accepted, remarks="", now=None):
    """The grants officer accepts the update (it becomes the agreement's annex) or returns it
    with remarks (the organisation submits another)."""
    if not is_grants_officer(user, update.offer.centre_id):
        raise PermissionDenied
    remarks = remarks.strip()
    if not accepted and not remarks:
        raise AgreementRefused(_("Say what to change; the organisation reads it."), "remarks")
    with transaction.atomic():
        update = BudgetUpdate.objects.select_for_update().get(pk=update.pk)
        if update.accepted is not None:
            raise AgreementRefused(_("This update has been decided."))
        update.accepted, update.remarks = accepted, remarks
        update.decided_by, update.decided_at = user, now or timezone.now()
        update.save(update_fields=["accepted", "remarks", "decided_by", "decided_at"])
    return update


def line_diff(offer, update):
    """Per cost line: its name and the amounts as submitted beside those of `update`."""
    return [
        {"name": old["name"], "before": old, "after": amounts_of(new)}
        for old, new in zip(submitted_lines(offer), update.lines, strict=True)
    ]


# --- The agreement -------------------------------------------------------------------------


def agreement_problem(offer):
    """Why the officer cannot prepare `offer`'s agreement now, or None."""
    if hasattr(offer, "agreement"):
        return _("The agreement has been prepared.")
    if not can("conclude_agreement", offer.status):
        return _("Only an offer awarded a grant gets an agreement.")
    if needs_update(offer) and accepted_update(offer) is None:
        return _("Less was granted than requested: the organisation's updated budget must be accepted first.")
    return None


def instalment_problems(offer, instalments):
    """(field, message) for instalments that do not add up to the grant or fall outside the
    task's period; `instalments` is [(due date, amount)] in order."""
    grant = grant_of(offer)
    problems = []
    starts_on, ends_on = period_of(offer)
    for index, (due, amount) in enumerate(instalments, start=1):
        if due < starts_on - EARLY_PAYMENT or due > ends_on:
            problems.append(
                (f"due_{index}", _("An instalment is paid within the task's period (or up to a month before it)."))
            )
        if amount <= 0:
            problems.append((f"amount_{index}", _("An instalment must be more than 0 zł.")))
    total = sum((amount for _due, amount in instalments), ZERO)
    if not instalments or total != grant.amount:
        problems.append(
            (
                "",
                _("The instalments add up to %(total)s; they must add up to the grant of %(grant)s.")
                % {"total": format_zloty(total), "grant": format_zloty(grant.amount)},
            )
        )
    return problems


def partial_date_problem(due, ends_on, today=None):
    """Why a partial report cannot be due on `due` for a task ending on `ends_on`, or None: the
    organisation gets at least 30 days, and the partial report comes before the final one."""
    today = today or timezone.localdate()
    earliest = today + datetime.timedelta(days=PARTIAL_NOTICE_DAYS)
    if due < earliest:
        return _("The organisation gets at least 30 days: the earliest due date is %(day)s.") % {
            "day": formats.date_format(earliest, "j E Y")
        }
    final = ends_on + datetime.timedelta(days=FINAL_REPORT_DAYS)
    if due >= final:
        return _("A partial report is due before the final report (%(day)s).") % {
            "day": formats.date_format(final, "j E Y")
        }
    return None


def period_of(offer):
    """The first and the last day of the task as the offer plans it."""
    task = offer.latest_version().content["sections"]["task"]
    return datetime.date.fromisoformat(task["starts_on"]), datetime.date.fromisoformat(task["ends_on"])


def prepare_agreement(offer, *, user, number, instalments, overrun_percent, partial_report_on=None, now=None):
    """The agreement for `offer`, from the framework template; returns it."""
    if not is_grants_officer(user, offer.centre_id):
        raise PermissionDenied
    with transaction.atomic():
        offer = Offer.objects.select_for_update(of=("self",)).select_related("task", "centre").get(pk=offer.pk)
        problem = agreement_problem(offer)
        if problem:
            raise AgreementRefused(problem)
        problems = instalment_problems(offer, instalments)
        if problems:
            raise AgreementRefused(problems[0][1], problems[0][0])
        if partial_report_on is not None:
            problem = partial_date_problem(partial_report_on, period_of(offer)[1], timezone.localdate(now))
            if problem:
                raise AgreementRefused(problem, "partial_report_on")
        update = accepted_update(offer)
        lines = update.lines if update else offer.latest_version().content["sections"]["costs"]["lines"]
        starts_on, ends_on = period_of(offer)
        own = budget_of([amounts_of(line) for line in lines]).other
        agreement = Agreement.objects.create(
            offer=offer,
            centre=offer.centre,
            number=number.strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            amount=grant_of(offer).amount,
            own_contribution=own,
            overrun_percent=overrun_percent,
            instalments=[{"due": due.isoformat(), "amount": str(amount)} for due, amount in instalments],
            partial_report_on=partial_report_on,
            budget_update=update,
            created_by=user,
            created_at=now or timezone.now(),
        )
        offer.status = OfferStatus.AGREEMENT
        offer.save(update_fields=["status"])
    return agreement
