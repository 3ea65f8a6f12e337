"""A task as an iCalendar file, so volunteers can put it in their phone's calendar."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from volunteers.models.tasks import TaskKind, TaskStatus

ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def task_calendar(task, request=None):
    """One VEVENT: a single date, several days in a row, or a weekly schedule until the end date."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Pomost//Zadania wolontariuszy//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")

    event = Event()
    # Stable across downloads, so importing the file again updates the event instead of copying it.
    event.add("uid", f"task-{task.pk}@{_host(task, request)}")
    event.add("dtstamp", (task.last_published_at or timezone.now()).astimezone(datetime.UTC))
    event.add("summary", task.title)
    event.add("dtstart", datetime.datetime.combine(task.start_date, task.start_time, tzinfo=zone))
    event.add("dtend", datetime.datetime.combine(task.start_date, task.end_time, tzinfo=zone))
    until = datetime.datetime.combine(task.last_date, task.end_time, tzinfo=zone).astimezone(datetime.UTC)
    if task.kind == TaskKind.RECURRING and task.weekdays:
        days = [ICAL_DAYS[day] for day in sorted(set(task.weekdays)) if 0 <= day < len(ICAL_DAYS)]
        event.add("rrule", vRecur(freq="WEEKLY", byday=days, until=until))
    elif task.is_multi_day:
        event.add("rrule", vRecur(freq="DAILY", until=until))
    location = ", ".join(part for part in [task.place, task.district.name if task.district else ""] if part)
    event.add("location", location)
    event.add("description", task.summary)
    url = task.get_full_url(request)
    if url:
        event.add("url", url)
    if task.status == TaskStatus.CANCELLED:
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def task_calendar_response(task, request):
    response = HttpResponse(task_calendar(task, request).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{task.slug}.ics"'
    return response


def _host(task, request):
    site = task.get_site()
    return site.hostname if site else "pomost"
