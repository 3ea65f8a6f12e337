"""Hours: a volunteer logs a session on a task or on an active match (one-to-one help), the
task's or the match's centre approves or rejects it, the same way for both.

One function per transition of `HoursStatus`; each checks the actor and the current state.
Refusals are `HoursRefused` (an `ApplicationRefused`) naming the form field they concern, so
the volunteer's form can show each one next to what must change. The volunteer is e-mailed
once a decision is committed, and each decision is written to the audit log. Totals count
approved hours only, also those whose volunteer has since erased their data.

What can never be true is refused here, for logging and approving alike: more than 24 hours
of one person on one day (all tasks, all centres; rejected entries do not count), more than
a one-off task lasts, a day the task does not take place. Both steps lock the volunteer's
profile row first, so two requests for the same person are checked one after the other
(PostgreSQL); the logging of another person is never held up.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.audit import record
from accounts.models import AuditKind
from accounts.permissions import centres_for
from volunteers.models import (
    Application,
    ApplicationStatus,
    HoursEntry,
    HoursStatus,
    Match,
    MatchStatus,
    TaskKind,
    VolunteerProfile,
)
from volunteers.models.hours import format_hours
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.services.applications import ApplicationRefused
from volunteers.services.documents import agreement_missing

# A day has 24 hours; more in one entry is a typing error, not a long shift.
MAX_HOURS = Decimal("24")
MIN_HOURS = Decimal("0.25")
# Hours are logged in quarters of an hour (the form says so; the model keeps two decimals).
QUARTER = Decimal("0.25")
# What counts towards the day's and the task's limits when logging: all but rejected entries.
COUNTED = (HoursStatus.SUBMITTED, HoursStatus.APPROVED)


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


def loggable_matches(volunteer):
    """Matches the volunteer may log hours on: their active ones."""
    return (
        Match.objects.filter(volunteer=volunteer, status=MatchStatus.ACTIVE)
        .select_related("need__beneficiary__district", "centre")
        .order_by("answered_at", "pk")
    )


def match_title(match):
    """How hours of one-to-one help are named wherever hours are shown, the certificate
    included: what and where, never who. Stored in the site's language, like a task's title."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Regular help: %(category)s, %(district)s") % {
            "category": match.need.get_category_display(),
            "district": match.need.beneficiary.district.name,
        }


def log_hours(volunteer, task, date, hours, note=""):
    """Record a session; it waits for the coordinator's approval.

    Refused unless the volunteer was accepted for the task, the day is one of the task's days
    and not in the future, the hours fit the day and the task, and, for work over 30 days,
    the agreement is signed (art. 44 (2) of the Act).
    """
    if not Application.objects.filter(volunteer=volunteer, task=task, status=ApplicationStatus.ACCEPTED).exists():
        raise HoursRefused(_("You can log hours only for a task you have been accepted for."), "task")
    _check_not_future(date)
    _check_task_day(task, date)
    hours = _checked_hours(hours)
    if agreement_missing(volunteer, task):
        raise HoursRefused(
            _("This work lasts more than 30 days: it can start once your signed agreement is recorded by the centre."),
            "task",
        )
    with transaction.atomic():
        _lock_volunteer(volunteer.pk)
        _check_day_total(volunteer, date, hours)
        limit = task_duration(task)
        if limit is not None:
            on_task = _hours_on_task(volunteer.pk, task.pk, COUNTED)
            if on_task + hours > limit:
                raise HoursRefused(
                    _(
                        "This task lasts %(limit)s h in all and you have already logged %(logged)s h on it: "
                        "at most %(left)s h more can be logged."
                    )
                    % {
                        "limit": format_hours(limit),
                        "logged": format_hours(on_task),
                        "left": format_hours(max(limit - on_task, Decimal("0"))),
                    },
                    "hours",
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


def log_match_hours(volunteer, match, date, hours, note=""):
    """Record a session of one-to-one help; it waits for the match's centre to approve it.

    Refused unless the match is the volunteer's and active, the day is neither before they
    accepted it nor in the future, and the hours fit the day (24 h across everything). The
    entry names the help, not the person (`match_title`).
    """
    if match.volunteer_id != volunteer.pk:
        raise HoursRefused(_("You can log hours only of help you are giving."), "task")
    _check_not_future(date)
    hours = _checked_hours(hours)
    with transaction.atomic():
        # The volunteer's row first, as leaving a match locks it: an entry and a "leave"
        # at the same moment are served one after the other.
        _lock_volunteer(volunteer.pk)
        match = Match.objects.select_related("need__beneficiary__district").get(pk=match.pk)
        if match.status != MatchStatus.ACTIVE:
            raise HoursRefused(_("This help is no longer active: hours can be logged only on active help."), "task")
        if match.answered_at is not None and date < timezone.localdate(match.answered_at):
            raise HoursRefused(
                _("You accepted this help on %(date)s: log hours from that day on.")
                % {"date": date_format(timezone.localdate(match.answered_at), "SHORT_DATE_FORMAT")},
                "date",
            )
        _check_day_total(volunteer, date, hours)
        return HoursEntry.objects.create(
            volunteer=volunteer,
            match=match,
            task=None,
            task_title=match_title(match),
            centre_id=match.centre_id,
            date=date,
            hours=hours,
            note=note,
        )


def _check_not_future(date):
    if date > timezone.localdate():
        raise HoursRefused(_("You cannot log hours for a day that has not come yet."), "date")


def _checked_hours(hours):
    hours = Decimal(hours)
    if not hours.is_finite() or not MIN_HOURS <= hours <= MAX_HOURS:
        raise HoursRefused(_("Enter between 0.25 and 24 hours."), "hours")
    if hours % QUARTER:
        raise HoursRefused(_("Enter the hours in quarters of an hour, e.g. 1,25, 1,5 or 2."), "hours")
    return hours


def _check_day_total(volunteer, date, hours):
    """At most 24 hours of one person on one day, tasks and matches of every centre together;
    call with the volunteer's row locked."""
    logged = _hours_on(volunteer.pk, date, COUNTED)
    if logged + hours > MAX_HOURS:
        raise HoursRefused(
            _(
                "You have already logged %(logged)s h on this day; with these it would be more than 24 hours. "
                "Correct the number or take back an entry you logged twice."
            )
            % {"logged": format_hours(logged)},
            "hours",
        )


def task_duration(task):
    """How many hours a one-off task lasts in all: its daily time (start to end) times its
    days, rounded down to a quarter; None for a recurring task, whose sessions may run over
    their schedule (those are flagged, not refused)."""
    from volunteers.notices import task_dates

    if task.kind != TaskKind.ONE_OFF:
        return None
    start = datetime.datetime.combine(datetime.date.min, task.start_time)
    end = datetime.datetime.combine(datetime.date.min, task.end_time)
    minutes = int((end - start).total_seconds() // 60)
    if minutes <= 0:
        # The page's validation forbids it; an end past midnight is the only reading left.
        minutes += 24 * 60
    days = len(task_dates(task, task.start_date, task.last_date))
    return (Decimal(minutes * days) / 60 / QUARTER).to_integral_value(rounding="ROUND_FLOOR") * QUARTER


def _check_task_day(task, date):
    from volunteers.notices import task_dates

    if date < task.start_date or date > task.last_date:
        raise HoursRefused(_("This day is outside the task's dates."), "date")
    if not task_dates(task, date, date):
        raise HoursRefused(
            _("The task does not take place on this day of the week; it takes place %(days)s.")
            % {"days": task.weekday_names},
            "date",
        )


def _lock_volunteer(profile_id):
    """Hold the volunteer's profile row until the transaction ends: every check of their
    day's hours waits for the previous one to commit."""
    list(VolunteerProfile.objects.select_for_update().filter(pk=profile_id).values_list("pk", flat=True))


def _hours_on(profile_id, date, statuses, exclude=None):
    entries = HoursEntry.objects.filter(volunteer_id=profile_id, date=date, status__in=statuses)
    if exclude is not None:
        entries = entries.exclude(pk=exclude)
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal("0")


def _hours_on_task(profile_id, task_id, statuses, exclude=None):
    entries = HoursEntry.objects.filter(volunteer_id=profile_id, task_id=task_id, status__in=statuses)
    if exclude is not None:
        entries = entries.exclude(pk=exclude)
    return entries.aggregate(total=Sum("hours"))["total"] or Decimal("0")


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
    if not centres_for(actor, *VOLUNTEERING_STAFF).filter(pk=entry.centre_id).exists():
        raise HoursRefused(_("Only the coordinators of the task's centre can decide on these hours."))
    with transaction.atomic():
        # The profile first, then the entry: the same order as logging, so the two never deadlock.
        if entry.volunteer_id is not None:
            _lock_volunteer(entry.volunteer_id)
        entries = HoursEntry.objects.select_for_update(of=("self",)).select_related("task", "volunteer__user")
        entry = entries.get(pk=entry.pk)
        if entry.status != HoursStatus.SUBMITTED:
            raise HoursRefused(_("These hours have already been decided on."))
        if status == HoursStatus.APPROVED:
            _check_approval(entry)
        entry.status = status
        entry.reject_reason = reason
        entry.decided_at = timezone.now()
        entry.decided_by = actor
        entry.save(update_fields=["status", "reject_reason", "decided_at", "decided_by"])
        record(
            AuditKind.HOURS_APPROVED if status == HoursStatus.APPROVED else AuditKind.HOURS_REJECTED,
            actor=actor,
            subject_user=entry.volunteer.user if entry.volunteer_id is not None else None,
            centre=entry.centre,
            details={
                "entry": entry.pk,
                "task": entry.task_title,
                "date": entry.date.isoformat(),
                "hours": str(entry.hours),
            },
        )
        _notify(entry)
    return entry


def _check_approval(entry):
    """Approved hours stay possible, whatever was stored before these rules or past them:
    at most 24 approved hours on the day and no more than a one-off task lasts."""
    if entry.volunteer_id is None:
        return
    approved = _hours_on(entry.volunteer_id, entry.date, (HoursStatus.APPROVED,), exclude=entry.pk)
    if approved + entry.hours > MAX_HOURS:
        raise HoursRefused(
            _("%(approved)s h of this volunteer on this day are already approved; with these it would be more than 24.")
            % {"approved": format_hours(approved)}
        )
    limit = task_duration(entry.task) if entry.task is not None else None
    if limit is not None:
        approved = _hours_on_task(entry.volunteer_id, entry.task_id, (HoursStatus.APPROVED,), exclude=entry.pk)
        if approved + entry.hours > limit:
            raise HoursRefused(
                _("The task lasts %(limit)s h in all and %(approved)s h of this volunteer on it are already approved.")
                % {"limit": format_hours(limit), "approved": format_hours(approved)}
            )


def _notify(entry):
    """Queue the e-mail to the volunteer once the decision is committed: a failing mail server
    never undoes a decision, and a rolled-back decision sends nothing."""
    from volunteers.hours.tasks import send_hours_email

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
    """Approved hours grouped `by` "volunteer", "task", "beneficiary" or "month": a list of
    dicts with `key` (profile, task or beneficiary id, or first day of the month), `label`,
    `hours` and `sessions`, in one query whatever the number of rows. Per beneficiary counts
    the hours of matches only (tasks help no one person); it names people, so only staff
    screens, on their own centre's entries, ask for it."""
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
    if by == "beneficiary":
        rows = approved.filter(match__isnull=False).values("match__need__beneficiary", "match__need__beneficiary__name")
        rows = rows.annotate(hours=Sum("hours"), sessions=Count("pk")).order_by("-hours", "match__need__beneficiary")
        return [
            {
                "key": row["match__need__beneficiary"],
                "label": row["match__need__beneficiary__name"],
                "hours": row["hours"],
                "sessions": row["sessions"],
            }
            for row in rows
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
