"""Reports under a grant agreement (art. 18 of the Act; Step 7, point 6) and the settlement
they lead to; each decided here under a lock.

The centre calls for a partial report on at least 30 days' notice (or sets its date in the
agreement); the final report is due within 30 days of the task's end. The organisation sets the
actual costs of each cost line beside the agreed ones (the accepted annex, else the offer's own
lines): a line over the overrun the agreement allows must be explained, and the grant to return
is computed (`ngo_grants.settlement`) and frozen with the report. The grants officer accepts the
report or returns it with remarks; the accepted final report settles the grant, which later
committees see in the organisation's record. Reminders go out before and after each due date
(`send_report_reminders`, daily).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.audit import record
from accounts.models import AuditKind
from ngo_grants import settlement
from ngo_grants.budget import ZERO, line_split_problem
from ngo_grants.models import Agreement, Report, ReportKind, ReportReminder
from ngo_grants.money import format_zloty
from ngo_grants.permissions import can_write_offers
from ngo_grants.roles import is_grants_officer
from ngo_grants.services.agreements import AMOUNTS, amounts_of, partial_date_problem
from ngo_grants.workflow import OfferStatus, can

# The reminder before a due date goes out this many days ahead; the one after, the day after.
REMIND_BEFORE_DAYS = 7


@dataclass
class ReportRefused(Exception):
    message: str
    field: str = ""

    def __str__(self):
        return self.message


def agreed_lines(agreement):
    """The cost lines the agreement holds the organisation to: the accepted annex, else the
    offer's lines as submitted; name, category and the amounts as Decimals."""
    if agreement.budget_update_id:
        lines = agreement.budget_update.lines
    else:
        lines = agreement.offer.latest_version().content["sections"]["costs"]["lines"]
    return [{"name": line["name"], "category": line.get("category", ""), **amounts_of(line)} for line in lines]


def due_on(agreement, kind):
    return agreement.partial_report_on if kind == ReportKind.PARTIAL else agreement.final_report_on


def reports_of(agreement, kind):
    return [report for report in agreement.reports.all() if report.kind == kind]


def latest_report(agreement, kind):
    reports = reports_of(agreement, kind)
    return reports[-1] if reports else None


def filing_problem(agreement, kind, today=None):
    """Why the organisation cannot file a report of `kind` now, or None."""
    today = today or timezone.localdate()
    if agreement.settled or not can("report", agreement.offer.status):
        return _("The grant is settled; no more reports are filed under this agreement.")
    if kind == ReportKind.PARTIAL and agreement.partial_report_on is None:
        return _("The centre has not called for a partial report.")
    if kind == ReportKind.FINAL and today < agreement.ends_on:
        return _("The final report is filed once the task has ended, from %(day)s.") % {
            "day": formats.date_format(agreement.ends_on, "j E Y")
        }
    latest = latest_report(agreement, kind)
    if latest is not None and latest.accepted is None:
        return _("The report is with the centre; wait for its answer.")
    if latest is not None and latest.accepted:
        return _("This report has been accepted.")
    return None


def checks(agreement, actual):
    """One `LineCheck` per agreed line; `actual` is (total, from_grant, from_other) per line."""
    return [
        settlement.LineCheck(line["total"], line["from_grant"], total, grant, agreement.overrun_percent)
        for line, (total, grant, _other) in zip(agreed_lines(agreement), actual, strict=True)
    ]


def report_problems(agreement, actual, explanations):
    """Every rule the reported costs break, as (field, message); `actual` is (total,
    from_grant, from_other) per agreed line, `explanations` one text per line."""
    lines = agreed_lines(agreement)
    if len(actual) != len(lines) or len(explanations) != len(lines):
        return [("", _("The report must keep the agreement's cost lines."))]
    problems = []
    for index, (total, grant, other) in enumerate(actual):
        if None in (total, grant, other):
            continue
        problem = line_split_problem(total, grant, other)
        if problem:
            problems.append((f"line_{index}_total", problem))
    if problems or any(None in row for row in actual):
        return problems
    for index, check in enumerate(checks(agreement, actual)):
        if check.over and not explanations[index].strip():
            problems.append(
                (
                    f"line_{index}_explanation",
                    _("This line cost %(actual)s, more than the %(allowed)s the agreement allows; explain why.")
                    % {"actual": format_zloty(check.actual_total), "allowed": format_zloty(check.allowed_total)},
                )
            )
    spent = sum((grant for _total, grant, _other in actual), ZERO)
    if spent > agreement.amount:
        problems.append(
            (
                "",
                _("The lines take %(spent)s from the grant; the agreement gave %(grant)s.")
                % {"spent": format_zloty(spent), "grant": format_zloty(agreement.amount)},
            )
        )
    return problems


def figures(agreement, kind, actual):
    """(grant used as agreed, grant to return) for these costs; a partial report returns nothing
    yet: the task goes on and the rest of the grant is still to be spent."""
    line_checks = checks(agreement, actual)
    used = settlement.grant_used(agreement.amount, line_checks)
    if kind == ReportKind.PARTIAL:
        return used, ZERO
    return used, settlement.to_return(agreement.amount, line_checks)


def _locked(agreement):
    # Every step on reports locks the agreement's row, so two tabs never file or decide twice.
    return (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("offer__organisation", "budget_update")
        .get(pk=agreement.pk)
    )


def submit_report(agreement, *, user, kind, actions, results, actual, explanations, now=None):
    """The organisation's report of `kind`; returns it."""
    if not can_write_offers(user, agreement.offer.organisation):
        raise PermissionDenied
    actions, results = actions.strip(), results.strip()
    if not actions:
        raise ReportRefused(_("Describe the actions carried out."), "actions")
    if not results:
        raise ReportRefused(_("Describe the results achieved against those planned."), "results")
    now = now or timezone.now()
    with transaction.atomic():
        agreement = _locked(agreement)
        problem = filing_problem(agreement, kind, timezone.localdate(now))
        if problem:
            raise ReportRefused(problem)
        problems = report_problems(agreement, actual, explanations)
        if problems:
            raise ReportRefused(problems[0][1], problems[0][0])
        used, back = figures(agreement, kind, actual)
        lines = [
            {
                "name": line["name"],
                "category": line["category"],
                "agreed": {key: str(line[key]) for key in AMOUNTS},
                "actual": dict(zip(AMOUNTS, (str(amount) for amount in amounts), strict=True)),
                "explanation": explanation.strip(),
            }
            for line, amounts, explanation in zip(agreed_lines(agreement), actual, explanations, strict=True)
        ]
        return Report.objects.create(
            agreement=agreement,
            kind=kind,
            actions=actions,
            results=results,
            lines=lines,
            grant_used=used,
            to_return=back,
            submitted_by=user,
            submitted_at=now,
        )


def decide_report(report, *, user, accepted, remarks="", now=None):
    """The grants officer accepts the report or returns it with remarks. The accepted final
    report settles the grant: the offer is settled and the amount to return is recorded."""
    if not is_grants_officer(user, report.agreement.centre_id):
        raise PermissionDenied
    remarks = remarks.strip()
    if not accepted and not remarks:
        raise ReportRefused(_("Say what to change; the organisation reads it."), "remarks")
    now = now or timezone.now()
    with transaction.atomic():
        agreement = _locked(report.agreement)
        report = Report.objects.get(pk=report.pk)
        if report.accepted is not None:
            raise ReportRefused(_("This report has been decided."))
        report.accepted, report.remarks, report.decided_by, report.decided_at = accepted, remarks, user, now
        report.save(update_fields=["accepted", "remarks", "decided_by", "decided_at"])
        if accepted and report.kind == ReportKind.FINAL:
            _settle(agreement, report, user, now)
        transaction.on_commit(lambda: _notify("send_report_decision", report.pk), robust=True)
    return report


def _settle(agreement, report, user, now):
    offer = agreement.offer
    if not can("settle", offer.status):
        raise ReportRefused(_("The grant is settled; no more reports are filed under this agreement."))
    agreement.settled_at, agreement.settled_by, agreement.returned = now, user, report.to_return
    agreement.save(update_fields=["settled_at", "settled_by", "returned"])
    offer.status = OfferStatus.SETTLED
    offer.save(update_fields=["status"])
    with translation.override(settings.LANGUAGE_CODE):
        summary = _("Grant under agreement no. %(number)s settled; to return: %(amount)s") % {
            "number": agreement.number,
            "amount": format_zloty(report.to_return),
        }
    record(
        AuditKind.GRANT_SETTLED,
        actor=user,
        centre=agreement.centre,
        details={"offer": offer.pk, "agreement": agreement.pk, "summary": summary},
    )


def partial_call_blocked(agreement, today=None):
    """Why the centre cannot call for a partial report at all now, or None. One partial report
    per agreement: the centre may set or move its date until the organisation has filed it, and
    while the task goes on (once it has ended, the final report covers it)."""
    today = today or timezone.localdate()
    if agreement.settled or not can("report", agreement.offer.status):
        return _("The grant is settled; no more reports are filed under this agreement.")
    if reports_of(agreement, ReportKind.PARTIAL):
        return _("The organisation has already filed its partial report.")
    if today > agreement.ends_on:
        return _("The task has ended; the final report covers it.")
    return None


def partial_call_problem(agreement, due, today=None):
    """Why the centre cannot call for a partial report due on `due`, or None."""
    today = today or timezone.localdate()
    blocked = partial_call_blocked(agreement, today)
    if blocked:
        return blocked
    return partial_date_problem(due, agreement.ends_on, today)


def call_partial_report(agreement, *, user, due, now=None):
    """The centre calls for a partial report due on `due` and the organisation is told."""
    if not is_grants_officer(user, agreement.centre_id):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        agreement = _locked(agreement)
        problem = partial_call_problem(agreement, due, timezone.localdate(now))
        if problem:
            raise ReportRefused(problem, "due")
        agreement.partial_report_on, agreement.partial_report_called_at = due, now
        agreement.save(update_fields=["partial_report_on", "partial_report_called_at"])
        transaction.on_commit(lambda: _notify("send_partial_report_call", agreement.pk), robust=True)
    return agreement


def report_rows(report):
    """Per line of a sent report: its name, the agreed and the actual amounts, the most the
    line could cost, whether it went over and the explanation."""
    rows = []
    for line in report.lines:
        agreed, actual = amounts_of(line["agreed"]), amounts_of(line["actual"])
        percent = report.agreement.overrun_percent
        check = settlement.LineCheck(
            agreed["total"], agreed["from_grant"], actual["total"], actual["from_grant"], percent
        )
        rows.append(
            {
                "name": line["name"],
                "agreed": agreed,
                "actual": actual,
                "allowed": check.allowed_total,
                "over": check.over,
                "explanation": line["explanation"],
            }
        )
    return rows


def late(report):
    """Whether the report came after its due date (Polish time)."""
    due = due_on(report.agreement, report.kind)
    return due is not None and timezone.localdate(report.submitted_at) > due


# --- Reminders ------------------------------------------------------------------------------


def reminders_due(today):
    """(agreement, kind, due date, stage) for every report not filed yet whose reminder is due
    `today`: one in the week before the due date, one once it has passed."""
    agreements = (
        Agreement.objects.filter(settled_at__isnull=True, offer__status=OfferStatus.AGREEMENT)
        .select_related("offer")
        .prefetch_related("reports")
    )
    due = []
    for agreement in agreements:
        for kind in ReportKind:
            day = due_on(agreement, kind)
            if day is None or reports_of(agreement, kind):
                continue
            if today > day:
                due.append((agreement, kind, day, ReportReminder.Stage.AFTER))
            elif today >= day - datetime.timedelta(days=REMIND_BEFORE_DAYS):
                due.append((agreement, kind, day, ReportReminder.Stage.BEFORE))
    return due


def queue_reminders(today=None):
    """Queue each reminder due today once; returns how many were queued."""
    today = today or timezone.localdate()
    queued = 0
    for agreement, kind, day, stage in reminders_due(today):
        try:
            with transaction.atomic():
                reminder = ReportReminder.objects.create(agreement=agreement, kind=kind, due_on=day, stage=stage)
                transaction.on_commit(lambda pk=reminder.pk: _notify("send_report_reminder", pk), robust=True)
        except IntegrityError:
            continue
        queued += 1
    return queued


def _notify(name, pk):
    from ngo_grants import tasks

    getattr(tasks, name).enqueue(pk)
