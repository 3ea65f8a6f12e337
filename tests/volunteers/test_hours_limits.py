"""Hours never lie: at most 24 hours of one person on one day, no more than a one-off task
lasts, only on the task's days — refused on logging and again on approval — and every hours
decision in the audit log."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import AuditEntry, AuditKind, Role
from accounts.roles import grant_role
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers import services
from volunteers.models import Application, HoursEntry, HoursStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


def one_off(index, title, days_ago=3, start=(9, 0), end=(14, 0), days=1, **fields):
    start_date = days_from_today(-days_ago)
    return make_task(
        index,
        title,
        start_date=start_date,
        end_date=start_date + datetime.timedelta(days=days - 1) if days > 1 else None,
        start_time=datetime.time(*start),
        end_time=datetime.time(*end),
        **fields,
    )


@pytest.fixture
def five_hours(index):
    """A one-off task of five hours (9:00–14:00) three days ago."""
    return one_off(index, "Festyn rodzinny")


@pytest.fixture
def all_day(index):
    """A one-off task lasting all day (0:00–23:45) on the same day: up to 23,75 h."""
    return one_off(index, "Całodobowy dyżur", start=(0, 0), end=(23, 45), slug="dyzur")


@pytest.fixture
def volunteer(five_hours, all_day):
    profile = make_volunteer(make_resident("wolontariusz@example.org"))
    for task in (five_hours, all_day):
        Application.objects.create(task=task, volunteer=profile, centre=task.centre, status="accepted")
    return profile


@pytest.fixture
def coordinator(jaslo):
    user = make_resident("koordynator@example.org")
    grant_role(user, jaslo, Role.COORDINATOR)
    return user


def refusal(call, *args):
    with pytest.raises(services.hours.HoursRefused) as caught:
        call(*args)
    return caught.value


def stored(volunteer, task, hours, status=HoursStatus.SUBMITTED, date=None):
    """An entry written past the services, as old data or a bug would."""
    return HoursEntry.objects.create(
        volunteer=volunteer,
        task=task,
        task_title=task.title,
        centre=task.centre,
        date=date or task.start_date,
        hours=Decimal(hours),
        status=status,
    )


# --- A one-off task's length --------------------------------------------------------------------


def test_a_five_hour_task_takes_no_more_than_five_hours(volunteer, five_hours):
    assert services.hours.task_duration(five_hours) == Decimal("5")

    refused = refusal(services.hours.log_hours, volunteer, five_hours, five_hours.start_date, Decimal("24"))

    assert refused.field == "hours" and "5" in refused.message
    assert not HoursEntry.objects.exists()


def test_the_task_length_counts_every_entry_on_it_but_rejected_ones(volunteer, five_hours):
    services.hours.log_hours(volunteer, five_hours, five_hours.start_date, Decimal("3"))
    stored(volunteer, five_hours, "2", HoursStatus.REJECTED)

    refusal(services.hours.log_hours, volunteer, five_hours, five_hours.start_date, Decimal("2.25"))
    assert services.hours.log_hours(volunteer, five_hours, five_hours.start_date, Decimal("2")).pk


def test_a_multi_day_task_lasts_its_daily_time_times_its_days(index):
    task = one_off(index, "Trzydniowy obóz", days_ago=5, start=(8, 0), end=(16, 30), days=3)

    assert services.hours.task_duration(task) == Decimal("25.5")


def test_the_task_length_is_rounded_down_to_a_quarter(index):
    assert services.hours.task_duration(one_off(index, "Krótko", start=(10, 0), end=(10, 50))) == Decimal("0.75")


def test_recurring_tasks_have_no_length_limit_but_only_their_weekdays(index, jaslo):
    today = days_from_today(0)
    task = make_task(
        index,
        "Zajęcia w świetlicy",
        kind="recurring",
        start_date=today - datetime.timedelta(days=14),
        end_date=today + datetime.timedelta(days=7),
        weekdays=[today.weekday()],
    )
    volunteer = make_volunteer(make_resident("w@example.org"))
    Application.objects.create(task=task, volunteer=volunteer, centre=task.centre, status="accepted")

    assert services.hours.task_duration(task) is None
    refused = refusal(services.hours.log_hours, volunteer, task, today - datetime.timedelta(days=1), Decimal("1"))
    assert refused.field == "date"
    assert services.hours.log_hours(volunteer, task, today - datetime.timedelta(days=7), Decimal("6")).pk


def test_no_hours_outside_a_one_off_tasks_dates(volunteer, five_hours):
    for day in (five_hours.start_date - datetime.timedelta(days=1), five_hours.start_date + datetime.timedelta(days=1)):
        assert refusal(services.hours.log_hours, volunteer, five_hours, day, Decimal("1")).field == "date"


# --- 24 hours a day --------------------------------------------------------------------------------


def test_three_times_24_hours_on_one_day_is_refused(volunteer, all_day, five_hours):
    services.hours.log_hours(volunteer, all_day, all_day.start_date, Decimal("20"))

    refused = refusal(services.hours.log_hours, volunteer, five_hours, five_hours.start_date, Decimal("4.25"))

    assert refused.field == "hours" and "20" in refused.message
    assert services.hours.log_hours(volunteer, five_hours, five_hours.start_date, Decimal("4")).pk
    assert refusal(services.hours.log_hours, volunteer, all_day, all_day.start_date, Decimal("0.25")).field == "hours"


def test_the_day_counts_every_centre_and_waiting_hours_but_not_rejected_ones(volunteer, all_day, pulawy):
    elsewhere = make_task(make_task_index(pulawy), "Zakupy w Puławach", start_date=all_day.start_date)
    stored(volunteer, elsewhere, "10", HoursStatus.APPROVED)
    stored(volunteer, elsewhere, "8", HoursStatus.SUBMITTED)
    stored(volunteer, elsewhere, "6", HoursStatus.REJECTED)

    refusal(services.hours.log_hours, volunteer, all_day, all_day.start_date, Decimal("6.25"))
    assert services.hours.log_hours(volunteer, all_day, all_day.start_date, Decimal("6")).pk


def test_approval_refuses_what_would_exceed_24_approved_hours(volunteer, all_day, five_hours, coordinator):
    """Three entries of 24 h stored before the rule: the first may be approved, not the rest."""
    entries = [stored(volunteer, all_day, "20"), stored(volunteer, five_hours, "5"), stored(volunteer, all_day, "3")]

    services.hours.approve_hours(entries[0], coordinator)
    refused = refusal(services.hours.approve_hours, entries[1], coordinator)
    services.hours.approve_hours(entries[2], coordinator)

    assert "20" in refused.message
    statuses = [HoursEntry.objects.get(pk=entry.pk).status for entry in entries]
    assert statuses == [HoursStatus.APPROVED, HoursStatus.SUBMITTED, HoursStatus.APPROVED]


def test_approval_refuses_more_than_a_one_off_task_lasts(volunteer, five_hours, coordinator):
    first, second = stored(volunteer, five_hours, "4"), stored(volunteer, five_hours, "4")

    services.hours.approve_hours(first, coordinator)

    refusal(services.hours.approve_hours, second, coordinator)
    services.hours.reject_hours(second, coordinator, "Zadanie trwało 5 godzin.")


def test_rejecting_is_never_refused_by_the_limits(volunteer, all_day, coordinator):
    entries = [stored(volunteer, all_day, "24") for _ in range(3)]

    for entry in entries:
        services.hours.reject_hours(entry, coordinator, "Wpisane trzy razy.")

    assert set(HoursEntry.objects.values_list("status", flat=True)) == {HoursStatus.REJECTED}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quarters=st.lists(st.integers(min_value=1, max_value=96), min_size=1, max_size=8))
def test_whatever_is_logged_a_day_never_holds_more_than_24_hours(volunteer, all_day, coordinator, quarters):
    HoursEntry.objects.all().delete()
    accepted_total = Decimal("0")
    for count in quarters:
        hours = Decimal(count) / 4
        try:
            entry = services.hours.log_hours(volunteer, all_day, all_day.start_date, hours)
        except services.hours.HoursRefused:
            assert accepted_total + hours > Decimal("23.75")
            continue
        accepted_total += hours
        services.hours.approve_hours(entry, coordinator)

    day = HoursEntry.objects.filter(volunteer=volunteer, date=all_day.start_date)
    assert services.hours.approved_total(day) == accepted_total <= Decimal("23.75")


# --- Bulk approval and the audit log -------------------------------------------------------------


def test_bulk_approve_reports_each_refused_entry_and_approves_the_rest(client, jaslo, volunteer, all_day):
    from tests.accounts.helpers import make_staff

    entries = [stored(volunteer, all_day, "23") for _ in range(3)]
    client.force_login(make_staff("koordynator@jaslo.example.org", jaslo, Role.COORDINATOR))

    ids = "&".join(f"id={entry.pk}" for entry in entries)
    response = client.post(f"/admin/bulk/volunteers/hoursentry/approve/?{ids}", follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert sum("ponad 24" in message for message in messages) == 2
    assert HoursEntry.objects.filter(status=HoursStatus.APPROVED).count() == 1
    assert services.hours.approved_total(HoursEntry.objects.all()) == Decimal("23")


def test_approving_and_rejecting_hours_are_in_the_audit_log(volunteer, five_hours, coordinator):
    approved = services.hours.log_hours(volunteer, five_hours, five_hours.start_date, Decimal("1.5"))
    rejected = services.hours.log_hours(volunteer, five_hours, five_hours.start_date, Decimal("2"))

    services.hours.approve_hours(approved, coordinator)
    services.hours.reject_hours(rejected, coordinator, "Pomyłka")

    entries = list(AuditEntry.objects.filter(kind__startswith="hours_").order_by("pk"))
    assert [entry.kind for entry in entries] == [AuditKind.HOURS_APPROVED, AuditKind.HOURS_REJECTED]
    assert {entry.actor for entry in entries} == {coordinator}
    assert {entry.subject_user for entry in entries} == {volunteer.user}
    assert {entry.centre for entry in entries} == {five_hours.centre}
    assert "Festyn rodzinny" in entries[0].description and "1,5 godz." in entries[0].description
    assert entries[0].get_kind_display() == "Zatwierdzenie godzin wolontariusza"


def test_a_refused_approval_leaves_no_audit_entry(volunteer, five_hours, coordinator):
    entry = stored(volunteer, five_hours, "6")

    refusal(services.hours.approve_hours, entry, coordinator)

    assert not AuditEntry.objects.filter(kind__startswith="hours_").exists()
