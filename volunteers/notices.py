"""Telling volunteers about their tasks: day-before reminders, changes and cancellations.

Reminders: `manage.py send_reminders` runs once a day and calls `queue_reminders(tomorrow)`;
a `Reminder` row per application and date makes a repeated run queue nothing twice.

Changes: `TaskSchedule` holds what volunteers were last told about a task (dates, times,
place, district, whether it is cancelled). Each publication is compared with it, so only a
real change of what matters to a volunteer sends mail, and an editor fixing a typo in the
description does not. Unpublishing or deleting a task tells them it is cancelled.

Every mail is a django-tasks job queued after the transaction commits; jobs get ids or
plain data (a deleted task has no id to look up later). Services are imported where used:
this module loads with the app registry, before the PDF and import libraries are needed.
"""

import datetime
from functools import partial

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from wagtail.signals import page_published, page_unpublished

from volunteers.models import Agreement, Application, ApplicationStatus, Reminder, TaskPage, TaskSchedule
from volunteers.models.tasks import SCHEDULE_DAYS, WORKING_DAYS, TaskKind, TaskStatus

# What a volunteer plans their day around; a change of any of these is announced.
WHEN_FIELDS = ("kind", "start_date", "end_date", "weekdays", "start_time", "end_time")
WHERE_FIELDS = ("place", "district")


# --- Dates of a task -----------------------------------------------------------------------


def task_dates(task, start, end):
    """The days from `start` to `end` (both included) on which `task` takes place.

    A one-off task takes place every day of its period (one day without an end date); a
    recurring one on the days of its period whose weekday (0 = Monday) is in `task.weekdays`.
    Pure: reads only the fields, so it works on unsaved pages and announced schedules alike.
    """
    first = max(start, task.start_date)
    last = min(end, task.end_date or task.start_date)
    weekdays = set(task.weekdays or ())
    days = []
    day = first
    while day <= last:
        if task.kind != TaskKind.RECURRING or day.weekday() in weekdays:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


# --- Reminders -----------------------------------------------------------------------------


def queue_reminders(day):
    """Queue a reminder to every accepted volunteer of every task that takes place on `day`;
    returns how many were queued (none for applications already reminded of that day).

    Cancelled tasks send none; closed ones do (closing only stops new applications). Work
    over 30 days without a signed agreement may not start, so its volunteers get no reminder.
    """
    from volunteers.services.documents import agreement_required
    from volunteers.tasks import send_reminder

    tasks = (
        TaskPage.objects.live()
        .exclude(status=TaskStatus.CANCELLED)
        .filter(start_date__lte=day)
        .filter(Q(end_date__gte=day) | Q(end_date__isnull=True, start_date=day))
    )
    taking_place = [task for task in tasks if task_dates(task, day, day)]
    accepted = Application.objects.filter(task__in=taking_place, status=ApplicationStatus.ACCEPTED)
    signed = _signed_agreements(taking_place)
    queued = 0
    for application in accepted.select_related("task"):
        # services.documents.agreement_missing, with the signed agreements read in one query.
        if agreement_required(application.task) and (application.volunteer_id, application.task_id) not in signed:
            continue
        with transaction.atomic():
            reminder, created = Reminder.objects.get_or_create(application=application, date=day)
            if created:
                transaction.on_commit(partial(send_reminder.enqueue, reminder.pk))
                queued += 1
    return queued


def _signed_agreements(tasks):
    rows = Agreement.objects.filter(task__in=tasks, signed_on__isnull=False).values_list("volunteer_id", "task_id")
    return set(rows)


def reminder_still_due(reminder):
    """Checked again when the job runs: the task may have moved or been cancelled since."""
    application = reminder.application
    task = application.task
    return (
        application.status == ApplicationStatus.ACCEPTED
        and task.live
        and task.status != TaskStatus.CANCELLED
        and bool(task_dates(task, reminder.date, reminder.date))
    )


# --- What volunteers were told, in words ---------------------------------------------------


def announced(task):
    """The schedule of `task` as stored in `TaskSchedule.fields` (JSON: dates in ISO form)."""
    recurring = task.kind == TaskKind.RECURRING
    return {
        "kind": task.kind,
        "start_date": task.start_date.isoformat(),
        "end_date": task.end_date.isoformat() if task.end_date else None,
        "weekdays": sorted(set(task.weekdays)) if recurring else [],
        "start_time": task.start_time.strftime("%H:%M"),
        "end_time": task.end_time.strftime("%H:%M"),
        "place": task.place,
        "district": task.district.name if task.district_id else "",
        "cancelled": task.status == TaskStatus.CANCELLED,
    }


def describe_when(fields):
    """An announced schedule in one line, as the task page says it (same phrases)."""
    start, end = fields["start_time"], fields["end_time"]
    first = datetime.date.fromisoformat(fields["start_date"])
    last = datetime.date.fromisoformat(fields["end_date"]) if fields["end_date"] else first
    if fields["kind"] == TaskKind.RECURRING:
        return _("%(days)s, %(start)s–%(end)s, from %(first)s to %(last)s") % {
            "days": _weekday_names(fields["weekdays"]).capitalize(),
            "start": start,
            "end": end,
            "first": date_format(first, "j E Y"),
            "last": date_format(last, "j E Y"),
        }
    if last > first:
        return _("Every day from %(first)s to %(last)s, %(start)s–%(end)s") % {
            "first": date_format(first, "j E Y"),
            "last": date_format(last, "j E Y"),
            "start": start,
            "end": end,
        }
    return f"{date_format(first, 'l, j E Y')}, {start}–{end}"


def _weekday_names(weekdays):
    days = sorted(set(weekdays))
    if days == WORKING_DAYS:
        return str(_("on weekdays"))
    return str(get_text_list([str(SCHEDULE_DAYS[day]) for day in days if 0 <= day <= 6], _("and")))


def describe_changes(old, new):
    """[(what, before, now)] in words for everything a volunteer was told that has changed."""
    changes = []
    if any(old.get(name) != new.get(name) for name in WHEN_FIELDS):
        changes.append((_("When"), describe_when(old), describe_when(new)))
    if old.get("place") != new.get("place"):
        changes.append((_("Where"), old.get("place") or "—", new.get("place") or "—"))
    if old.get("district") != new.get("district"):
        changes.append((_("District"), old.get("district") or "—", new.get("district") or "—"))
    return changes


# --- Receivers -----------------------------------------------------------------------------


@receiver(page_published, sender=TaskPage)
def task_published(sender, instance, alias=False, **kwargs):
    """Compare the published task with what volunteers were told and tell them the news.

    The first publication only records the schedule: nobody has applied yet.
    """
    if alias:
        return
    new = announced(instance)
    with transaction.atomic():
        schedule = TaskSchedule.objects.select_for_update().filter(task=instance).first()
        if schedule is None:
            TaskSchedule.objects.create(task=instance, fields=new)
            return
        old = schedule.fields
        if old == new:
            return
        schedule.fields = new
        schedule.save(update_fields=["fields", "updated_at"])
        if new["cancelled"]:
            if not old.get("cancelled"):
                _announce_cancellation(instance, new)
        elif old.get("cancelled") or describe_changes(old, new):
            _announce_change(instance, old, new)


@receiver(page_unpublished, sender=TaskPage)
def task_unpublished(sender, instance, **kwargs):
    """A task taken off the site is cancelled for those who applied."""
    if TaskPage.objects.filter(pk=instance.pk, live=True).exists():
        # Wagtail unpublishes a live page in memory only, just before deleting it; the row
        # still says live. The pre_delete receiver below tells the volunteers then.
        return
    with transaction.atomic():
        schedule = TaskSchedule.objects.select_for_update().filter(task=instance).first()
        fields = announced(instance)
        if schedule is not None:
            if schedule.fields.get("cancelled"):
                return
            fields = {**schedule.fields, "cancelled": True}
            schedule.fields = fields
            schedule.save(update_fields=["fields", "updated_at"])
        _announce_cancellation(instance, fields)


@receiver(pre_delete, sender=TaskPage)
def task_deleted(sender, instance, **kwargs):
    """Recipients are read now: the applications are deleted together with the task."""
    if not TaskPage.objects.filter(pk=instance.pk, live=True).exists():
        return  # never published, or unpublished before (volunteers were told then)
    schedule = TaskSchedule.objects.filter(task=instance).first()
    fields = schedule.fields if schedule is not None else announced(instance)
    if not fields.get("cancelled"):
        _announce_cancellation(instance, fields)


def _recipients(task):
    """Everyone still counting on the task: accepted, applied or on the waiting list."""
    from volunteers.services.applications import ACTIVE_STATES

    return Application.objects.filter(task=task, status__in=ACTIVE_STATES)


def _announce_change(task, old, new):
    from volunteers.tasks import send_task_changed

    for application_id in _recipients(task).values_list("pk", flat=True):
        transaction.on_commit(partial(send_task_changed.enqueue, application_id, old, new))


def _announce_cancellation(task, fields):
    from volunteers.tasks import send_task_cancelled

    details = {
        "title": task.title,
        "fields": fields,
        "centre": task.centre.display_name if task.centre else "",
        "site_id": task.centre.site_id if task.centre else None,
        "coordinator_name": task.coordinator_name,
        "coordinator_email": task.coordinator_email,
        "coordinator_phone": task.coordinator_phone,
    }
    for email in _recipients(task).values_list("volunteer__user__email", flat=True):
        transaction.on_commit(partial(send_task_cancelled.enqueue, email, details))
