"""Volunteers are told when a task they applied to changes or is cancelled, and only then.

Tasks change the way editors change them: a revision is saved and published, unpublished or
the page deleted, so Wagtail's own signals drive the notices.
"""

import datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.formats import date_format

from core.models import Centre
from tests.support import recipients
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import Application, ApplicationStatus, District, TaskPage, TaskSchedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


@pytest.fixture
def task(index):
    """A task with one volunteer in each state; those accepted, applied or waiting are told."""
    task = make_task(index, "Zakupy dla seniorów", places=1, start_date=days_from_today(10))
    centre = Centre.for_site(task.get_site())
    for status in ApplicationStatus.values:
        profile = make_volunteer(make_resident(f"{status}@example.org"))
        Application.objects.create(task=task, volunteer=profile, centre=centre, status=status)
    mail.outbox.clear()
    return task


TOLD = ["accepted@example.org", "submitted@example.org", "waiting@example.org"]


def edit(task, **fields):
    """Publish a new revision of the task as an editor would in the admin."""
    page = TaskPage.objects.get(pk=task.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def polish_date(day):
    with translation.override("pl"):
        return date_format(day, "j E Y")


def test_first_publication_records_the_schedule_without_mail(index):
    task = make_task(index, "Nowe zadanie", place="Świetlica")

    assert mail.outbox == []
    assert TaskSchedule.objects.get(task=task).fields["place"] == "Świetlica"


def test_a_new_date_is_mailed_to_everyone_still_on_the_task_with_old_and_new(task):
    old_day, new_day = task.start_date, days_from_today(12)

    edit(task, start_date=new_day)

    assert recipients() == TOLD
    message = mail.outbox[0]
    assert "Zakupy dla seniorów" in message.subject
    assert polish_date(old_day) in message.body and polish_date(new_day) in message.body
    assert message.body.index(polish_date(old_day)) < message.body.index(polish_date(new_day))
    assert task.get_full_url() in message.body
    assert "<del>" in message.alternatives[0][0]
    assert TaskSchedule.objects.get(task=task).fields["start_date"] == new_day.isoformat()


def test_time_place_and_district_changes_are_described(task, jaslo):
    district = District.objects.create(centre=Centre.for_site(jaslo), name="Gamrat")

    edit(task, start_time=datetime.time(11, 0), end_time=datetime.time(13, 30), place="Klub Seniora", district=district)

    body = mail.outbox[0].body
    for words in ["10:00–12:00", "11:00–13:30", "ul. Kościuszki 26", "Klub Seniora", "Gamrat"]:
        assert words in body
    assert len(mail.outbox) == len(TOLD)


def test_a_recurring_schedule_change_names_the_days(index):
    task = make_task(
        index, "Świetlica", kind="recurring", start_date=days_from_today(3), end_date=days_from_today(60), weekdays=[1]
    )
    profile = make_volunteer(make_resident("anna@example.org"))
    Application.objects.create(task=task, volunteer=profile, centre=Centre.for_site(task.get_site()), status="accepted")

    edit(task, weekdays=[1, 3])

    body = mail.outbox[0].body
    assert "We wtorki, " in body  # before
    assert "We wtorki i w czwartki" in body  # now


def test_edits_that_do_not_touch_the_schedule_send_nothing(task):
    edit(task, summary="Nowy opis zadania.", places=3, status="closed", title="Zakupy dla seniorów z Hankówki")

    assert mail.outbox == []


def test_saving_a_draft_sends_nothing(task):
    page = TaskPage.objects.get(pk=task.pk)
    page.start_date = days_from_today(20)
    page.save_revision()

    assert mail.outbox == []


def test_cancelling_tells_everyone_once(task):
    edit(task, status="cancelled")

    assert recipients() == TOLD
    assert "Zakupy dla seniorów" in mail.outbox[0].subject
    assert polish_date(task.start_date) in mail.outbox[0].body
    assert "koordynator@example.org" in mail.outbox[0].body
    mail.outbox.clear()

    edit(task, status="cancelled", place="Inne miejsce")

    assert mail.outbox == []


def test_unpublishing_cancels_and_publishing_again_says_the_task_is_back(task):
    TaskPage.objects.get(pk=task.pk).unpublish()

    assert recipients() == TOLD
    cancelled_subject = mail.outbox[0].subject
    mail.outbox.clear()

    edit(task)

    assert recipients() == TOLD
    assert mail.outbox[0].subject != cancelled_subject
    assert TaskSchedule.objects.get(task=task).fields["cancelled"] is False


def test_deleting_a_live_task_tells_everyone_once_although_its_applications_go(task):
    title_date = polish_date(task.start_date)

    TaskPage.objects.get(pk=task.pk).delete()

    assert recipients() == TOLD
    assert "Zakupy dla seniorów" in mail.outbox[0].subject
    assert title_date in mail.outbox[0].body
    assert not Application.objects.exists()


def test_deleting_the_whole_task_index_tells_the_volunteers_of_each_task(task, index):
    index.delete()

    assert recipients() == TOLD


def test_deleting_a_task_unpublished_before_sends_nothing_more(task):
    TaskPage.objects.get(pk=task.pk).unpublish()
    mail.outbox.clear()

    TaskPage.objects.get(pk=task.pk).delete()

    assert mail.outbox == []


def test_deleting_a_cancelled_task_sends_nothing_more(task):
    edit(task, status="cancelled")
    mail.outbox.clear()

    TaskPage.objects.get(pk=task.pk).delete()

    assert mail.outbox == []
