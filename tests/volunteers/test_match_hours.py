"""Hours of one-to-one help: logged against an active match, within the same limits as task
hours, approved like them, totalled per beneficiary for staff, counted on the certificate
and in the volunteer's own data, and never naming the person helped to the volunteer."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today
from tests.volunteers.hours_helpers import error_of, log, past_task, soup
from tests.volunteers.matching_helpers import make_beneficiary, make_need, pool_volunteer
from tests.volunteers.test_documents import pdf_text
from volunteers import services
from volunteers.documents import pdfs
from volunteers.models import Application, HoursEntry, HoursStatus, MatchStatus
from volunteers.services.hours import HoursRefused

pytestmark = pytest.mark.django_db

HOURS = "/wolontariat/moje/godziny/"
TOTALS = "/admin/godziny/podsumowanie/"
APPROVE = "/admin/bulk/volunteers/hoursentry/approve/"
TITLE = "Stała pomoc: Korepetycje, Śródmieście"


@pytest.fixture
def staff(jaslo):
    # With two-factor authentication, as the admin requires of staff.
    return make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def volunteer(jaslo):
    profile = pool_volunteer(jaslo, "pomocna@example.org")
    profile.user.first_name, profile.user.last_name = "Hanna", "Pomocna"
    profile.user.save()
    return profile


def accepted_days_ago(match, days):
    """The match as if accepted `days` ago, so there are past days to log."""
    match.answered_at = timezone.now() - datetime.timedelta(days=days)
    match.save(update_fields=["answered_at"])
    return match


@pytest.fixture
def match(jaslo, staff, volunteer):
    need = make_need(make_beneficiary(jaslo, "Nowakowie"))
    match = services.matches.accept(services.matches.propose(need, volunteer, staff), volunteer)
    return accepted_days_ago(match, 10)


def test_the_volunteer_logs_hours_on_an_active_match_without_the_persons_name(client, volunteer, match):
    client.force_login(volunteer.user)
    page = client.get(HOURS)
    option = soup(page).find("option", value=f"stala-{match.pk}")
    assert option is not None and option.get_text() == TITLE
    assert "Nowakowie" not in page.content.decode()

    response = client.post(
        HOURS, {"task": f"stala-{match.pk}", "date": days_from_today(-2).isoformat(), "hours": "1,5", "note": ""}
    )

    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert entry.match == match and entry.task is None and entry.centre_id == match.centre_id
    assert entry.task_title == TITLE and entry.hours == Decimal("1.5")
    assert entry.status == HoursStatus.SUBMITTED
    listing = client.get(HOURS).content.decode()
    assert TITLE in listing and "Nowakowie" not in listing


def test_the_match_page_links_to_logging_with_the_match_chosen(client, volunteer, match):
    client.force_login(volunteer.user)
    response = client.get(f"{HOURS}?task=stala-{match.pk}")
    assert soup(response).find("option", value=f"stala-{match.pk}").has_attr("selected")


def test_not_before_acceptance_nor_in_the_future(client, volunteer, match):
    client.force_login(volunteer.user)
    data = {"task": f"stala-{match.pk}", "hours": "2", "note": ""}

    before = client.post(HOURS, {**data, "date": days_from_today(-11).isoformat()})
    assert "od tego dnia" in error_of(before, "date")
    future = client.post(HOURS, {**data, "date": days_from_today(1).isoformat()})
    assert error_of(future, "date")
    assert not HoursEntry.objects.exists()


def test_the_day_limit_counts_task_and_match_hours_together(jaslo, volunteer, match):
    task = past_task(jaslo, days_ago=3)
    Application.objects.create(task=task, volunteer=volunteer, centre=task.centre, status="accepted")
    services.hours.log_hours(volunteer, task, task.start_date, Decimal("8"))
    services.hours.log_match_hours(volunteer, match, task.start_date, Decimal("16"))

    with pytest.raises(HoursRefused) as refused:
        services.hours.log_match_hours(volunteer, match, task.start_date, Decimal("0.25"))
    assert refused.value.field == "hours" and "24" in refused.value.message


def test_only_the_volunteers_own_active_match_takes_hours(jaslo, staff, volunteer, match):
    other = pool_volunteer(jaslo, "inna@example.org")
    with pytest.raises(HoursRefused):
        services.hours.log_match_hours(other, match, days_from_today(-1), Decimal("1"))

    services.matches.leave(match, volunteer, "Przeprowadzka.")
    with pytest.raises(HoursRefused) as refused:
        services.hours.log_match_hours(volunteer, match, days_from_today(-1), Decimal("1"))
    assert refused.value.field == "task"
    assert not HoursEntry.objects.exists()


def test_an_ended_match_is_not_offered_and_a_forged_choice_is_refused(client, volunteer, match):
    services.matches.leave(match, volunteer, "Przeprowadzka.")
    client.force_login(volunteer.user)

    assert soup(client.get(HOURS)).find("option", value=f"stala-{match.pk}") is None
    response = client.post(
        HOURS, {"task": f"stala-{match.pk}", "date": days_from_today(-1).isoformat(), "hours": "1", "note": "x"}
    )
    assert response.status_code == 200 and error_of(response, "task")
    assert not HoursEntry.objects.exists()


def test_coordinators_approve_match_hours_like_task_hours(staff, volunteer, match):
    entry = services.hours.log_match_hours(volunteer, match, days_from_today(-1), Decimal("2"), "Matematyka")
    client = Client()
    client.force_login(staff)

    listing = client.get("/admin/godziny/?status=submitted")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert TITLE in html and "Nowakowie" in html  # staff see whom the hours helped
    # The flags read the day across tasks and matches: 13 h that day is a long day.
    services.hours.log_match_hours(volunteer, match, days_from_today(-1), Decimal("11"))
    flagged = client.get(f"/admin/godziny/?beneficiary={match.need.beneficiary_id}&flag=long_day")
    assert entry.pk in {row.pk for row in flagged.context["object_list"]}
    response = client.post(f"{APPROVE}?id={entry.pk}&next=/admin/godziny/")

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == HoursStatus.APPROVED and entry.decided_by == staff
    assert "pomocna@example.org" in [message.to[0] for message in mail.outbox]


def test_the_beneficiary_filter_narrows_the_listing(jaslo, staff, volunteer, match):
    mine = services.hours.log_match_hours(volunteer, match, days_from_today(-1), Decimal("2"))
    task = past_task(jaslo, days_ago=3)
    Application.objects.create(task=task, volunteer=volunteer, centre=task.centre, status="accepted")
    other = log(volunteer, task)
    client = Client()
    client.force_login(staff)

    response = client.get(f"/admin/godziny/?beneficiary={match.need.beneficiary_id}")
    listed = {entry.pk for entry in response.context["object_list"]}
    assert listed == {mine.pk} and other.pk not in listed
    searched = client.get("/admin/godziny/?q=Nowakowie")
    assert {entry.pk for entry in searched.context["object_list"]} == {mine.pk}


def test_totals_per_beneficiary_for_staff_of_the_centre_only(jaslo, pulawy, staff, volunteer, match):
    for days in (1, 2):
        entry = services.hours.log_match_hours(volunteer, match, days_from_today(-days), Decimal("1.5"))
        services.hours.approve_hours(entry, staff)
    client = Client()
    client.force_login(staff)

    response = client.get(TOTALS)
    table = soup(response).find("table", class_="totals-by-beneficiary")
    assert table is not None
    assert "Nowakowie" in table.get_text() and "3" in table.get_text()
    rows = services.hours.totals(HoursEntry.objects.all(), by="beneficiary")
    assert rows == [{"key": match.need.beneficiary_id, "label": "Nowakowie", "hours": Decimal("3"), "sessions": 2}]

    outsider = make_staff("koordynator@pulawy.example.org", pulawy, Role.COORDINATOR)
    client.force_login(outsider)
    assert "Nowakowie" not in client.get(TOTALS).content.decode()


def test_the_volunteers_own_totals_include_match_hours(client, staff, volunteer, match):
    entry = services.hours.log_match_hours(volunteer, match, days_from_today(-1), Decimal("2.5"))
    services.hours.approve_hours(entry, staff)
    services.hours.log_match_hours(volunteer, match, days_from_today(-2), Decimal("1"))
    client.force_login(volunteer.user)

    response = client.get("/wolontariat/moje/")
    assert response.context["hours_totals"] == {"approved": Decimal("2.5"), "waiting": Decimal("1")}
    assert TITLE in response.content.decode() and "Nowakowie" not in response.content.decode()


def test_the_certificate_counts_match_hours_as_one_to_one_help(jaslo, staff, volunteer, match):
    entry = services.hours.log_match_hours(volunteer, match, days_from_today(-1), Decimal("3"))
    services.hours.approve_hours(entry, staff)
    centre = match.centre

    text = pdf_text(pdfs.certificate_pdf(volunteer, centre))

    assert TITLE in text and "Nowakowie" not in text and "Słoneczna" not in text
    assert "3" in text
    assert pdfs.certificate_context(volunteer, centre)["total"] == Decimal("3")


def test_own_data_lists_matches_with_the_permitted_contact_of_active_ones_only(jaslo, staff, volunteer, match):
    declined_need = make_need(make_beneficiary(jaslo, "Kowalscy", first_name="Ewa", phone="600 999 888"))
    volunteer.max_concurrent = 3
    volunteer.save()
    declined = services.matches.propose(declined_need, volunteer, staff)
    services.matches.decline(declined, volunteer, "Za daleko.")

    data = services.own_data.own_data(volunteer)

    rows = {row["status"]: row for row in data["matches"]}
    assert set(rows) == {MatchStatus.ACTIVE, MatchStatus.DECLINED}
    active = rows[MatchStatus.ACTIVE]
    assert active["help"] == TITLE and active["district"] == "Śródmieście" and active["category"] == "tutoring"
    assert active["contact"] == {"first_name": "Anna", "place": "ul. Słoneczna 4, 38-200 Jasło", "phone": "600 200 300"}
    assert rows[MatchStatus.DECLINED]["contact"] is None
    assert rows[MatchStatus.DECLINED]["decline_reason"] == "Za daleko."
    dumped = str(data)
    for private in ("Nowakowie", "Kowalscy", "Ewa", "600 999 888", "autyzmem", "tylko dla personelu"):
        assert private not in dumped


def test_erasing_the_profile_frees_the_volunteers_live_matches(jaslo, staff, volunteer, match):
    need = match.need
    services.own_data.erase_volunteer(volunteer)

    match.refresh_from_db()
    need.refresh_from_db()
    assert match.status == MatchStatus.ENDED and match.volunteer is None
    assert need.status == "open"
