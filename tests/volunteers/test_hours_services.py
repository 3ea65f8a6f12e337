"""Hours services: every rule of logging, deciding and the totals (volunteers.services.hours)."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils.translation import gettext

from accounts.models import Role
from accounts.roles import grant_role
from core.models import Centre
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Agreement, Application, HoursEntry, HoursStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


@pytest.fixture
def short_task(index):
    """A one-off task three days ago, 9:00–17:00: no agreement needed."""
    return make_task(
        index,
        "Zbiórka darów",
        start_date=days_from_today(-3),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
    )


@pytest.fixture
def long_task(index):
    """Recurring work over 30 days, every day of the week: hours need a signed agreement."""
    return make_task(
        index,
        "Odrabianie lekcji",
        slug="odrabianie-lekcji",
        kind="recurring",
        start_date=days_from_today(-20),
        end_date=days_from_today(40),
        weekdays=list(range(7)),
    )


@pytest.fixture
def volunteer(short_task, long_task):
    profile = make_volunteer(make_resident("wolontariusz@example.org"))
    for task in (short_task, long_task):
        Application.objects.create(task=task, volunteer=profile, centre=task.centre, status="accepted")
    return profile


@pytest.fixture
def coordinator(jaslo):
    user = make_resident("koordynator.jaslo@example.org")
    grant_role(user, jaslo, Role.COORDINATOR)
    return user


@pytest.fixture
def coordinator_b(pulawy):
    user = make_resident("koordynator.pulawy@example.org")
    grant_role(user, pulawy, Role.COORDINATOR)
    return user


def sign_agreement(volunteer, task):
    return Agreement.objects.create(
        volunteer=volunteer,
        task=task,
        centre=task.centre,
        scope="Pomoc w nauce",
        starts_on=task.start_date,
        ends_on=task.last_date,
        signed_on=days_from_today(-20),
    )


def refusal(call, *args):
    with pytest.raises(services.hours.HoursRefused) as caught:
        call(*args)
    return caught.value


# --- Logging ---------------------------------------------------------------------------------


def test_logging_a_session_waits_for_approval_in_the_tasks_centre(volunteer, short_task):
    entry = services.hours.log_hours(volunteer, short_task, days_from_today(-3), Decimal("2.5"), "Sortowanie")

    assert entry.status == HoursStatus.SUBMITTED
    assert entry.centre == Centre.objects.get(site=short_task.get_site())
    assert entry.task_title == "Zbiórka darów"
    assert entry.hours == Decimal("2.5") and entry.note == "Sortowanie"


def test_hours_only_on_a_task_the_volunteer_was_accepted_for(index, volunteer):
    other = make_task(index, "Inne zadanie", start_date=days_from_today(-1))
    Application.objects.create(task=other, volunteer=volunteer, centre=other.centre, status="submitted")

    refused = refusal(services.hours.log_hours, volunteer, other, days_from_today(-1), Decimal("1"))

    assert refused.field == "task"
    assert not HoursEntry.objects.exists()


def test_no_hours_for_a_day_that_has_not_come(volunteer, long_task):
    sign_agreement(volunteer, long_task)

    refused = refusal(services.hours.log_hours, volunteer, long_task, days_from_today(1), Decimal("1"))

    assert refused.field == "date"


@pytest.mark.parametrize("day", [-4, -2])
def test_no_hours_outside_the_tasks_dates(volunteer, short_task, day):
    refused = refusal(services.hours.log_hours, volunteer, short_task, days_from_today(day), Decimal("1"))

    assert refused.field == "date"


@pytest.mark.parametrize("hours", ["0", "0.24", "24.25", "-1", "NaN"])
def test_hours_must_lie_between_a_quarter_and_a_whole_day(volunteer, short_task, hours):
    refused = refusal(services.hours.log_hours, volunteer, short_task, short_task.start_date, Decimal(hours))

    assert refused.field == "hours"


@pytest.mark.parametrize("hours", ["0.25", "24"])
def test_the_bounds_themselves_are_allowed(volunteer, long_task, hours):
    sign_agreement(volunteer, long_task)

    assert services.hours.log_hours(volunteer, long_task, days_from_today(-1), Decimal(hours)).pk


def test_work_over_30_days_needs_the_signed_agreement_first(volunteer, long_task):
    refused = refusal(services.hours.log_hours, volunteer, long_task, days_from_today(-1), Decimal("2"))
    assert refused.field == "task"

    unsigned = sign_agreement(volunteer, long_task)
    unsigned.signed_on = None
    unsigned.save()
    refusal(services.hours.log_hours, volunteer, long_task, days_from_today(-1), Decimal("2"))

    unsigned.signed_on = days_from_today(-5)
    unsigned.save()
    assert services.hours.log_hours(volunteer, long_task, days_from_today(-1), Decimal("2")).pk


# --- Taking back -----------------------------------------------------------------------------


def test_volunteer_takes_back_own_waiting_entry_only(volunteer, short_task, coordinator):
    entry = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1"))
    stranger = make_volunteer(make_resident("inna@example.org"))

    refusal(services.hours.delete_hours, entry, stranger)
    services.hours.delete_hours(entry, volunteer)
    assert not HoursEntry.objects.exists()

    decided = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1"))
    services.hours.approve_hours(decided, coordinator)
    refusal(services.hours.delete_hours, decided, volunteer)
    assert HoursEntry.objects.filter(pk=decided.pk).exists()


# --- Deciding --------------------------------------------------------------------------------


def test_coordinator_approves_and_the_volunteer_is_told(volunteer, short_task, coordinator):
    entry = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1.5"))

    services.hours.approve_hours(entry, coordinator)

    entry.refresh_from_db()
    assert entry.status == HoursStatus.APPROVED
    assert entry.decided_by == coordinator and entry.decided_at is not None
    assert [message.to for message in mail.outbox] == [["wolontariusz@example.org"]]
    assert "Zbiórka darów" in mail.outbox[0].subject
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    assert "/wolontariat/moje/godziny/" in mail.outbox[0].body


def test_reject_needs_a_reason_which_the_volunteer_gets(volunteer, short_task, coordinator):
    entry = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1.5"))

    assert refusal(services.hours.reject_hours, entry, coordinator, "   ").field == "reason"
    entry.refresh_from_db()
    assert entry.status == HoursStatus.SUBMITTED and not mail.outbox

    services.hours.reject_hours(entry, coordinator, "Tego dnia zbiórka była odwołana.")

    entry.refresh_from_db()
    assert entry.status == HoursStatus.REJECTED
    assert entry.reject_reason == "Tego dnia zbiórka była odwołana."
    assert "Tego dnia zbiórka była odwołana." in mail.outbox[0].body
    assert "Tego dnia zbiórka była odwołana." in mail.outbox[0].alternatives[0][0]


def test_another_centres_coordinator_cannot_decide(volunteer, short_task, coordinator_b):
    entry = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1"))

    refusal(services.hours.approve_hours, entry, coordinator_b)
    refusal(services.hours.reject_hours, entry, coordinator_b, "Nie nasze.")

    entry.refresh_from_db()
    assert entry.status == HoursStatus.SUBMITTED and entry.decided_by is None
    assert not mail.outbox


def test_a_volunteer_cannot_approve_own_hours(volunteer, short_task):
    entry = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1"))

    refusal(services.hours.approve_hours, entry, volunteer.user)


def test_decided_hours_cannot_be_decided_again(volunteer, short_task, coordinator):
    entry = services.hours.log_hours(volunteer, short_task, short_task.start_date, Decimal("1"))
    services.hours.approve_hours(entry, coordinator)

    refusal(services.hours.approve_hours, entry, coordinator)
    refusal(services.hours.reject_hours, entry, coordinator, "Pomyłka")

    entry.refresh_from_db()
    assert entry.status == HoursStatus.APPROVED and entry.reject_reason == ""
    assert len(mail.outbox) == 1


# --- Totals ----------------------------------------------------------------------------------


def entry(volunteer, task, date, hours, status=HoursStatus.APPROVED):
    return HoursEntry.objects.create(
        volunteer=volunteer,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=date,
        hours=Decimal(hours),
        status=status,
    )


def test_totals_count_approved_hours_per_volunteer_task_and_month(short_task, long_task):
    anna = make_volunteer(make_resident("anna@example.org"))
    anna.user.first_name, anna.user.last_name = "Anna", "Nowak"
    anna.user.save()
    jan = make_volunteer(make_resident("jan@example.org"))
    jan.user.first_name, jan.user.last_name = "", ""
    jan.user.save()
    may, june = datetime.date(2026, 5, 4), datetime.date(2026, 6, 8)
    entry(anna, short_task, may, "2")
    entry(anna, long_task, june, "1.5")
    entry(jan, long_task, june, "3")
    entry(jan, long_task, june, "7", HoursStatus.SUBMITTED)
    entry(jan, long_task, june, "5", HoursStatus.REJECTED)
    erased = entry(anna, long_task, may, "0.25")
    erased.volunteer = None
    erased.save()
    entries = HoursEntry.objects.all()

    by_volunteer = {
        row["label"]: (row["hours"], row["sessions"]) for row in services.hours.totals(entries, "volunteer")
    }
    by_task = {row["label"]: row["hours"] for row in services.hours.totals(entries, "task")}
    by_month = [(row["key"], row["hours"]) for row in services.hours.totals(entries, "month")]

    assert by_volunteer == {
        "Anna Nowak": (Decimal("3.5"), 2),
        "jan@example.org": (Decimal("3"), 1),
        gettext("(erased volunteer)"): (Decimal("0.25"), 1),
    }
    assert by_task == {"Zbiórka darów": Decimal("2"), "Odrabianie lekcji": Decimal("4.75")}
    assert by_month == [(datetime.date(2026, 5, 1), Decimal("2.25")), (datetime.date(2026, 6, 1), Decimal("4.5"))]
    erased_row = next(row for row in services.hours.totals(entries, "volunteer") if row["key"] is None)
    assert erased_row["hours"] == Decimal("0.25")
    assert services.hours.approved_total(entries) == Decimal("6.75")
    assert services.hours.approved_total(entries.filter(volunteer=jan)) == Decimal("3")
    assert services.hours.approved_total(HoursEntry.objects.none()) == Decimal("0")


def test_totals_take_one_query_whatever_the_number_of_entries(short_task, django_assert_num_queries):
    volunteers = [make_volunteer(make_resident(f"w{number}@example.org")) for number in range(5)]
    for number, volunteer in enumerate(volunteers):
        entry(volunteer, short_task, short_task.start_date, str(number + 1))

    for grouping in ("volunteer", "task", "month"):
        with django_assert_num_queries(1):
            services.hours.totals(HoursEntry.objects.all(), grouping)


def test_an_unknown_grouping_is_a_programming_error():
    with pytest.raises(ValueError):
        services.hours.totals(HoursEntry.objects.all(), "weather")
