"""Day-before reminders: which volunteers get one, what it says, and that a repeated run sends
nothing twice. The dates of a task are checked with hypothesis."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import Role
from accounts.roles import grant_role
from core.models import Centre
from tests.support import recipients
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, ApplicationStatus, Reminder
from volunteers.notices import task_dates
from volunteers.tasks import send_reminder

# --- task_dates: pure date arithmetic ------------------------------------------------------

dates = st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2030, 12, 31))


def recurring(start, length, weekdays):
    return SimpleNamespace(
        kind="recurring", start_date=start, end_date=start + datetime.timedelta(days=length), weekdays=weekdays
    )


def every_day(start, end):
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


@given(
    start=dates,
    length=st.integers(0, 400),
    weekdays=st.lists(st.integers(0, 6), max_size=7),
    window_start=dates,
    window_length=st.integers(0, 60),
)
def test_a_recurring_task_takes_place_exactly_on_its_weekdays_within_its_period(
    start, length, weekdays, window_start, window_length
):
    task = recurring(start, length, weekdays)
    window_end = window_start + datetime.timedelta(days=window_length)

    days = task_dates(task, window_start, window_end)

    expected = [
        day
        for day in every_day(window_start, window_end)
        if task.start_date <= day <= task.end_date and day.weekday() in weekdays
    ]
    assert days == expected
    assert all(day.weekday() in weekdays and task.start_date <= day <= task.end_date for day in days)


@given(start=dates, length=st.integers(0, 30), window_start=dates, window_length=st.integers(0, 60))
def test_a_one_off_task_takes_place_every_day_of_its_period(start, length, window_start, window_length):
    end = start + datetime.timedelta(days=length)
    task = SimpleNamespace(kind="one_off", start_date=start, end_date=end if length else None, weekdays=[])
    window_end = window_start + datetime.timedelta(days=window_length)

    days = task_dates(task, window_start, window_end)

    assert days == [day for day in every_day(window_start, window_end) if start <= day <= end]


def test_a_one_off_task_without_end_date_is_one_day():
    day = datetime.date(2026, 3, 10)
    task = SimpleNamespace(kind="one_off", start_date=day, end_date=None, weekdays=[3])

    assert task_dates(task, day - datetime.timedelta(days=5), day + datetime.timedelta(days=5)) == [day]


# --- The daily command ---------------------------------------------------------------------

pytestmark = pytest.mark.django_db

TOMORROW = 1


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


def send_reminders(*args):
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def volunteer_on(task, email, status=ApplicationStatus.ACCEPTED):
    profile = make_volunteer(make_resident(email))
    Application.objects.create(task=task, volunteer=profile, centre=Centre.for_site(task.get_site()), status=status)
    return profile


def test_accepted_volunteer_of_tomorrows_task_gets_a_reminder_with_the_details(index):
    task = make_task(
        index,
        "Zbiórka darów",
        start_date=days_from_today(TOMORROW),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(14, 0),
        place="Supermarket przy ul. Floriańskiej",
        coordinator_phone="13 446 24 91",
    )
    volunteer_on(task, "anna@example.org")

    output = send_reminders()

    assert "Queued 1 reminder" in output
    assert recipients() == ["anna@example.org"]
    message = mail.outbox[0]
    assert "Zbiórka darów" in message.subject
    for detail in ["09:30", "14:00", "Supermarket przy ul. Floriańskiej", "koordynator@example.org", "13 446 24 91"]:
        assert detail in message.body
    assert task.get_full_url() in message.body
    html = message.alternatives[0][0]
    assert f'href="{task.get_full_url()}"' in html
    assert Reminder.objects.get().date == days_from_today(TOMORROW)


def test_running_twice_queues_nothing_twice(index):
    task = make_task(index, "Zbiórka darów", start_date=days_from_today(TOMORROW))
    volunteer_on(task, "anna@example.org")
    send_reminders()
    mail.outbox.clear()

    output = send_reminders()

    assert "Queued 0 reminders" in output
    assert mail.outbox == []
    assert Reminder.objects.count() == 1


def test_only_accepted_volunteers_are_reminded(index):
    task = make_task(index, "Zbiórka darów", start_date=days_from_today(TOMORROW), places=5)
    volunteer_on(task, "accepted@example.org")
    for status in ["submitted", "waiting", "declined", "withdrawn"]:
        volunteer_on(task, f"{status}@example.org", status=status)

    send_reminders()

    assert recipients() == ["accepted@example.org"]


def test_tasks_on_other_days_send_no_reminder(index):
    for days, title in [(0, "Dziś"), (2, "Pojutrze"), (-3, "Dawno")]:
        volunteer_on(make_task(index, title, start_date=days_from_today(days)), f"v{days}@example.org")

    assert "Queued 0 reminders" in send_reminders()
    assert mail.outbox == []


def test_each_day_of_a_multi_day_task_is_reminded_once(index):
    task = make_task(index, "Kolonie", start_date=days_from_today(0), end_date=days_from_today(3))
    volunteer_on(task, "anna@example.org")

    send_reminders("--date", days_from_today(1).isoformat())
    send_reminders("--date", days_from_today(2).isoformat())
    send_reminders("--date", days_from_today(2).isoformat())

    assert len(mail.outbox) == 2
    assert sorted(Reminder.objects.values_list("date", flat=True)) == [days_from_today(1), days_from_today(2)]


def test_recurring_task_reminds_only_before_its_weekdays(index):
    tomorrow = days_from_today(TOMORROW)
    fields = {"kind": "recurring", "start_date": days_from_today(-7), "end_date": days_from_today(20)}
    on_day = make_task(index, "W ten dzień", weekdays=[tomorrow.weekday()], **fields)
    other_day = make_task(index, "W inny dzień", weekdays=[(tomorrow.weekday() + 1) % 7], **fields)
    volunteer_on(on_day, "tak@example.org")
    volunteer_on(other_day, "nie@example.org")

    send_reminders()

    assert recipients() == ["tak@example.org"]


def test_cancelled_tasks_send_no_reminders_but_closed_ones_do(index):
    cancelled = make_task(index, "Odwołane", start_date=days_from_today(TOMORROW), status="cancelled")
    closed = make_task(index, "Zamknięte", start_date=days_from_today(TOMORROW), status="closed")
    volunteer_on(cancelled, "odwolane@example.org")
    volunteer_on(closed, "zamkniete@example.org")

    send_reminders()

    assert recipients() == ["zamkniete@example.org"]


def test_work_over_30_days_needs_a_signed_agreement_before_reminders(index, jaslo):
    fields = {"kind": "recurring", "start_date": days_from_today(-20), "end_date": days_from_today(40)}
    task = make_task(index, "Świetlica", weekdays=list(range(7)), **fields)
    unsigned = volunteer_on(task, "bez.porozumienia@example.org")
    signed = volunteer_on(task, "z.porozumieniem@example.org")
    coordinator = make_resident("koordynator.jaslo@example.org")
    grant_role(coordinator, jaslo, Role.COORDINATOR)
    services.documents.prepare_agreement(unsigned, task, coordinator)
    agreement = services.documents.prepare_agreement(signed, task, coordinator)
    services.documents.record_agreement_signed(agreement, coordinator)

    send_reminders()

    assert recipients() == ["z.porozumieniem@example.org"]


def test_a_reminder_queued_before_the_task_was_cancelled_is_not_sent(index):
    task = make_task(index, "Zbiórka darów", start_date=days_from_today(TOMORROW))
    profile = volunteer_on(task, "anna@example.org")
    reminder = Reminder.objects.create(application=profile.applications.get(), date=days_from_today(TOMORROW))
    task.status = "cancelled"
    task.save()

    send_reminder.call(reminder.pk)

    assert mail.outbox == []


def test_a_bad_date_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        send_reminders("--date", "jutro")
