"""Shared pieces of the hours tests (test_hours_views, test_hours_admin): tasks of both
centres, accepted volunteers and their entries, and a look at the page's HTML."""

import datetime
from decimal import Decimal

from bs4 import BeautifulSoup

from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Application, HoursEntry, HoursStatus


def past_task(site, title="Zbiórka darów", days_ago=10):
    """A published one-off task `days_ago` days ago, 9:00–17:00: up to 8 hours may be logged
    on its day."""
    return make_task(
        make_task_index(site),
        title,
        start_date=days_from_today(-days_ago),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
    )


def long_task_next_to(task):
    """Recurring work over 30 days under the same index, every day of the week: hours need a
    signed agreement."""
    return make_task(
        task.get_parent().specific,
        "Odrabianie lekcji",
        kind="recurring",
        start_date=days_from_today(-20),
        end_date=days_from_today(40),
        weekdays=list(range(7)),
    )


def accepted(task, email, first_name="", last_name=""):
    user = make_resident(email)
    user.first_name, user.last_name = first_name, last_name
    user.save()
    profile = make_volunteer(user)
    Application.objects.create(task=task, volunteer=profile, centre=task.centre, status="accepted")
    return profile


def log(profile, task, hours="2", days_ago=None, status=HoursStatus.SUBMITTED, note=""):
    date = task.start_date if days_ago is None else days_from_today(-days_ago)
    return HoursEntry.objects.create(
        volunteer=profile,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=date,
        hours=Decimal(hours),
        status=status,
        note=note,
    )


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def error_of(response, field):
    paragraph = soup(response).find(id=f"id_{field}_error")
    return paragraph and paragraph.get_text()
