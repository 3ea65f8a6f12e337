"""Hours: a volunteer logs a session, the task's centre approves or rejects it.

One function per transition of `HoursStatus`; each checks the actor and the current state.
Refusals are `HoursRefused` (an `ApplicationRefused`) naming the form field they concern, so
the volunteer's form can show each one next to what must change. The volunteer is e-mailed
once a decision is committed. Totals count approved hours only, also those whose volunteer
has since erased their data.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import centres_for
from volunteers.models import Application, ApplicationStatus, HoursEntry, HoursStatus
from volunteers.services.applications import DECIDING_ROLES, ApplicationRefused
from volunteers.services.documents import agreement_missing

# A day has 24 hours; more in one entry is a typing error, not a long shift.
MAX_HOURS = Decimal("24")
MIN_HOURS = Decimal("0.25")


class HoursRefused(ApplicationRefused):
    """A refused entry or decision; `field` names the form field to show it at ("" for none)."""

    def __init__(self, message, field=""):
        super().__init__(message)
        self.field = field


def loggable_tasks(volunteer):
    """Tasks the volunteer may log hours on: those they were accepted for."""
    from volunteers.models import TaskPage

    accepted = Application.objects.filter(volunteer=volunteer, status=ApplicationStatus.ACCEPTED).values("task")
    return TaskPage.objects.filter(pk__in=accepted).order_by("start_date", "title")


def log_hours(volunteer, task, date, hours, note=""):
    """Record a session; it waits for the coordinator's approval.

    Refused unless the volunteer was accepted for the task, the day lies within the task's
    period and not in the future, and, for work over 30 days, the agreement is signed
    (art. 44 (2) of the Act).
    """
    if not Application.objects.filter(volunteer=volunteer, task=task, status=ApplicationStatus.ACCEPTED).exists():
        raise HoursRefused(_("You can log hours only for a task you have been accepted for."), "task")
    if date > timezone.localdate():
        raise HoursRefused(_("You cannot log hours for a day that has not come yet."), "date")
    if date < task.start_date or date > task.last_date:
        raise HoursRefused(_("This day is outside the task's dates."), "date")
    hours = Decimal(hours)
    if not hours.is_finite() or not MIN_HOURS <= hours <= MAX_HOURS:
        raise HoursRefused(_("Enter between 0.25 and 24 hours."), "hours")
    if agreement_missing(volunteer, task):
        raise HoursRefused(
            _("This work lasts more than 30 days: it can start once your signed agreement is recorded by the centre."),
            "task",
        )
    return HoursEntry.objects.create(
        volunteer=volunteer,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=date,
        hours=hours,
        note=note,
    )


def delete_hours(entry, volunteer):
    """A volunteer takes back an entry that nobody has decided on yet."""
    if entry.volunteer_id != volunteer.pk:
        raise HoursRefused(_("You can remove only your own hours."))
    with transaction.atomic():
        entry = HoursEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.status != HoursStatus.SUBMITTED:
            raise HoursRefused(_("These hours have already been decided on."))
        entry.delete()


def _decide_hours(entry, actor, status, reason=""):
    if not centres_for(actor, *DECIDING_ROLES).filter(pk=entry.centre_id).exists():
        raise HoursRefused(_("Only the coordinators of the task's centre can decide on these hours."))
    with transaction.atomic():
        entry = HoursEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.status != HoursStatus.SUBMITTED:
            raise HoursRefused(_("These hours have already been decided on."))
        entry.status = status
        entry.reject_reason = reason
        entry.decided_at = timezone.now()
        entry.decided_by = actor
        entry.save(update_fields=["status", "reject_reason", "decided_at", "decided_by"])
        _notify(entry)
    return entry


def _notify(entry):
    """Queue the e-mail to the volunteer once the decision is committed: a failing mail server
    never undoes a decision, and a rolled-back decision sends nothing."""
    from volunteers.hours_tasks import send_hours_email

    if entry.volunteer_id is not None:
        transaction.on_commit(lambda: send_hours_email.enqueue(entry.pk))


def approve_hours(entry, actor):
    """The hours count towards the volunteer's totals and certificate from now on."""
    return _decide_hours(entry, actor, HoursStatus.APPROVED)


def reject_hours(entry, actor, reason):
    """The reason is required: the volunteer sees it next to the entry."""
    reason = (reason or "").strip()
    if not reason:
        raise HoursRefused(_("Give the reason for rejecting; the volunteer will see it."), "reason")
    return _decide_hours(entry, actor, HoursStatus.REJECTED, reason)


def approved_total(entries):
    """Sum of approved hours in `entries` (a queryset) as a Decimal, 0 when there are none."""
    return entries.filter(status=HoursStatus.APPROVED).aggregate(total=Sum("hours"))["total"] or Decimal("0")


def totals(entries, by):
    """Approved hours grouped `by` "volunteer", "task" or "month": a list of dicts with
    `key` (profile id, task id or first day of the month), `label`, `hours` and `sessions`,
    in one query whatever the number of rows."""
    approved = entries.filter(status=HoursStatus.APPROVED)
    if by == "volunteer":
        rows = approved.values(
            "volunteer", "volunteer__user__first_name", "volunteer__user__last_name", "volunteer__user__email"
        )
        rows = rows.annotate(hours=Sum("hours"), sessions=Count("pk")).order_by("-hours", "volunteer")
        return [
            {
                "key": row["volunteer"],
                "label": _full_name(row) if row["volunteer"] else _("(erased volunteer)"),
                "hours": row["hours"],
                "sessions": row["sessions"],
            }
            for row in rows
        ]
    if by == "task":
        rows = approved.values("task", "task_title").annotate(hours=Sum("hours"), sessions=Count("pk"))
        return [
            {"key": row["task"], "label": row["task_title"], "hours": row["hours"], "sessions": row["sessions"]}
            for row in rows.order_by("-hours", "task_title")
        ]
    if by == "month":
        rows = approved.annotate(month=TruncMonth("date")).values("month")
        rows = rows.annotate(hours=Sum("hours"), sessions=Count("pk")).order_by("month")
        return [
            {"key": _as_date(row["month"]), "label": "", "hours": row["hours"], "sessions": row["sessions"]}
            for row in rows
        ]
    raise ValueError(f"unknown grouping {by!r}")


def _full_name(row):
    name = f"{row['volunteer__user__first_name']} {row['volunteer__user__last_name']}".strip()
    return name or row["volunteer__user__email"]


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value
