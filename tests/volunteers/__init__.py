"""Helpers that build volunteer tasks for the tests of this folder."""

import datetime

from django.utils import timezone

from core.models import Centre
from tests.factories import UserFactory, add_child
from volunteers.models import Application, TaskIndexPage, TaskPage, VolunteerProfile


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def make_task_index(site, title="Wolontariat – zadania", slug="zadania"):
    return add_child(site.root_page, TaskIndexPage(title=title, slug=slug, show_in_menus=True))


def make_task(index, title, **fields):
    """A published one-off task a week from today, unless `fields` say otherwise."""
    defaults = {
        "summary": "Krótki opis zadania.",
        "category": "seniors",
        "place": "ul. Kościuszki 26",
        "kind": "one_off",
        "start_date": days_from_today(7),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(12, 0),
        "places": 2,
        "coordinator_name": "Agnieszka Zielińska",
        "coordinator_email": "koordynator@example.org",
    }
    return add_child(index, TaskPage(title=title, **{**defaults, **fields}))


def accept_volunteers(task, count, status="accepted"):
    """`count` volunteers whose applications to `task` have `status`."""
    centre = Centre.for_site(task.get_site())
    for _ in range(count):
        profile = VolunteerProfile.objects.create(
            user=UserFactory(), birth_date=datetime.date(1990, 1, 1), phone="600 100 200"
        )
        Application.objects.create(task=task, volunteer=profile, centre=centre, status=status)
