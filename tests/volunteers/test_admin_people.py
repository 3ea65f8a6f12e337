"""The coordinators' volunteers screen: the list, the profile on one screen, child-protection
checks recorded there (with their expiry) and agreements prepared and signed."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers import days_from_today, make_task, make_task_index
from tests.volunteers.test_admin_applications import applicant
from tests.volunteers.test_profile import years_ago
from volunteers import services
from volunteers.models import (
    Agreement,
    ApplicationStatus,
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    DisabilityKind,
    District,
    HoursEntry,
    HoursStatus,
    Language,
    Skill,
)

pytestmark = pytest.mark.django_db

INDEX = "/admin/wolontariusze/"


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def index(jaslo):
    return make_task_index(jaslo)


@pytest.fixture
def long_task(index):
    """Recurring for 70 days, so a written agreement is required."""
    return make_task(
        index,
        "Świetlica środowiskowa",
        kind="recurring",
        start_date=days_from_today(-10),
        end_date=days_from_today(60),
        weekdays=[1, 3],
        places=5,
    )


@pytest.fixture
def accepted(long_task):
    return applicant(long_task, "Anna", "Kowalska", status=ApplicationStatus.ACCEPTED)


@pytest.fixture
def profile(accepted):
    return accepted.volunteer


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynator@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def other_admin(client, pulawy):
    client.force_login(make_staff("koordynator.pulawy@example.org", pulawy, Role.COORDINATOR))
    return client


def detail(profile):
    return f"{INDEX}{profile.pk}/"


def names(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [row.select_one("td").get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


# --- List ------------------------------------------------------------------------------------


def test_list_shows_only_the_centres_volunteers(admin, long_task, accepted, pulawy):
    applicant(make_task(make_task_index(pulawy), "Zadanie w Puławach"), "Jan", "Nowak")

    assert names(admin.get(INDEX)) == ["Anna Kowalska"]


def test_search_by_name_email_and_phone_with_or_without_spaces(admin, long_task, profile):
    other = applicant(long_task, "Jan", "Nowak").volunteer
    other.phone = "501-222-333"
    other.save()

    assert names(admin.get(INDEX, {"q": "anna kowalska"})) == ["Anna Kowalska"]
    assert names(admin.get(INDEX, {"q": "jan.nowak@"})) == ["Jan Nowak"]
    assert names(admin.get(INDEX, {"q": "600 100 200"})) == ["Anna Kowalska"]
    assert names(admin.get(INDEX, {"q": "600100200"})) == ["Anna Kowalska"]
    assert names(admin.get(INDEX, {"q": "501222333"})) == ["Jan Nowak"]


def test_filter_by_skill_and_district(admin, centre, long_task, profile, pulawy):
    shopping = Skill.objects.create(name="Zakupy")
    district = District.objects.create(centre=centre, name="Śródmieście")
    foreign_district = District.objects.create(centre=Centre.for_site(pulawy), name="Włostowice")
    profile.skills.add(shopping)
    profile.districts.add(district)
    applicant(long_task, "Jan", "Nowak")

    assert names(admin.get(INDEX, {"skill": shopping.pk})) == ["Anna Kowalska"]
    assert names(admin.get(INDEX, {"district": district.pk})) == ["Anna Kowalska"]
    soup = BeautifulSoup(admin.get(INDEX).content.decode(), "html.parser")
    offered = [option.get_text(strip=True) for option in soup.select("select[name=district] option")]
    assert any("Śródmieście" in option for option in offered)
    assert not any(foreign_district.name in option for option in offered)


# --- The profile on one screen ------------------------------------------------------------------


def test_profile_screen_shows_everything_the_centre_may_see(admin, centre, profile, long_task, coordinator):
    profile.address = "ul. Kościuszki 5, 38-200 Jasło"
    profile.driving_licence = True
    profile.matching_note = "gwara śląska"
    profile.max_concurrent = 3
    profile.save()
    profile.skills.add(Skill.objects.create(name="Korepetycje"))
    profile.languages.add(Language.objects.get_or_create(name="ukraiński")[0])
    profile.disability_experience.add(DisabilityKind.objects.get_or_create(name="autyzm")[0])
    profile.districts.add(District.objects.create(centre=centre, name="Gamrat"))
    Availability.objects.create(profile=profile, weekday=2, part="evening")
    services.clearances.record_clearance(
        profile, centre, coordinator, ClearanceKind.CRIMINAL_RECORD, days_from_today(-5), ClearanceResult.CLEAR
    )
    HoursEntry.objects.create(
        volunteer=profile, task=long_task, task_title=long_task.title, centre=centre,
        date=days_from_today(-2), hours=Decimal("2.5"), status=HoursStatus.APPROVED,
    )  # fmt: skip
    HoursEntry.objects.create(
        volunteer=profile, task=long_task, task_title=long_task.title, centre=centre,
        date=days_from_today(-1), hours=Decimal("4"), status=HoursStatus.SUBMITTED,
    )  # fmt: skip

    response = admin.get(detail(profile))

    assert response.status_code == 200
    text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)
    for shown in ("Anna Kowalska", "anna.kowalska@example.org", "600 100 200", "ul. Kościuszki 5", "ukraiński",
                  "autyzm", "gwara śląska", "Korepetycje", "Gamrat", "Świetlica środowiskowa",
                  str(ClearanceKind.CRIMINAL_RECORD.label),
                  str(ApplicationStatus.ACCEPTED.label)):  # fmt: skip
        assert shown in text, shown
    hours = BeautifulSoup(response.content.decode(), "html.parser").find(id=f"hours-{centre.pk}").get_text()
    assert "2,5" in hours and "6,5" not in hours  # approved hours only
    sections = [section.get("aria-labelledby") for section in BeautifulSoup(response.content, "html.parser")("section")]
    assert f"centre-{centre.pk}" in sections
    grid = BeautifulSoup(response.content.decode(), "html.parser").select("table.listing")[0]
    wednesday = grid.select("tbody tr")[2].select("td")
    assert [cell.get_text(strip=True) for cell in wednesday] == ["—", "—", _("yes")]


def test_minor_is_marked_with_the_guardians_details(admin, long_task):
    application = applicant(long_task, "Ola", "Mała")
    minor = application.volunteer
    minor.birth_date = years_ago(15)
    minor.guardian_name = "Ewa Mała"
    minor.guardian_email = "ewa.mala@example.org"
    minor.save()

    text = admin.get(detail(minor)).content.decode()

    assert "Ewa Mała" in text and "ewa.mala@example.org" in text


def test_hours_and_documents_links_appear_once_those_screens_exist(admin, profile, accepted):
    HoursEntry.objects.create(
        volunteer=profile,
        task=accepted.task,
        task_title=accepted.task.title,
        centre=accepted.centre,
        date=accepted.task.start_date,
        hours=Decimal("2"),
        status=HoursStatus.APPROVED,
    )
    html = admin.get(detail(profile)).content.decode()

    for name, args, query in (
        ("volunteer_hours:index", [], f"?volunteer={profile.pk}"),
        ("volunteer_documents:certificate", [profile.pk], ""),
    ):
        try:
            url = reverse(name, args=args) + query
        except NoReverseMatch:
            continue
        assert f'href="{url.replace("&", "&amp;")}"' in html, name


def test_no_certificate_link_while_nothing_is_approved(admin, profile, accepted):
    HoursEntry.objects.create(
        volunteer=profile,
        task=accepted.task,
        task_title=accepted.task.title,
        centre=accepted.centre,
        date=accepted.task.start_date,
        hours=Decimal("2"),
        status=HoursStatus.SUBMITTED,
    )

    html = admin.get(detail(profile)).content.decode()

    assert "/admin/wolontariat-dokumenty/zaswiadczenie/" not in html


def test_coordinator_of_another_centre_gets_not_found(other_admin, profile, long_task):
    urls = [
        detail(profile),
        f"{detail(profile)}weryfikacja/",
        f"{detail(profile)}porozumienie/{long_task.pk}/",
        f"{detail(profile)}porozumienie/{long_task.pk}/podpisane/",
    ]
    for url in urls:
        assert other_admin.get(url).status_code == 404, url
    response = other_admin.post(
        urls[1], {"kind": ClearanceKind.CRIMINAL_RECORD, "checked_on": "2026-01-05", "result": ClearanceResult.CLEAR}
    )
    assert response.status_code == 404
    assert not Clearance.objects.exists()
    assert names(other_admin.get(INDEX)) == []


def test_editors_are_turned_away(client, jaslo, profile):
    client.force_login(make_staff("redaktor@example.org", jaslo, Role.EDITOR))

    for url in (INDEX, detail(profile), f"{detail(profile)}weryfikacja/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url


# --- Child-protection checks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("checked_on", "months", "expires_on"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2025, 8, 31), 6, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 11, 15), 14, datetime.date(2027, 1, 15)),
        (datetime.date(2025, 3, 10), 120, datetime.date(2035, 3, 10)),
    ],
)
def test_expiry_adds_calendar_months_and_clamps_the_day(checked_on, months, expires_on):
    assert services.clearances.add_months(checked_on, months) == expires_on


def test_recording_a_check_on_the_profile_screen(admin, centre, profile, coordinator):
    centre.clearance_valid_months = 6
    centre.save()
    checked_on = days_from_today(-3)

    response = admin.post(
        f"{detail(profile)}weryfikacja/",
        {"kind": ClearanceKind.SEX_OFFENDERS_REGISTER, "checked_on": checked_on.isoformat(), "result": "clear"},
    )

    assert response.status_code == 302 and response["Location"] == detail(profile)
    clearance = Clearance.objects.get()
    assert (clearance.profile, clearance.centre, clearance.checked_by) == (profile, centre, coordinator)
    assert clearance.expires_on == services.clearances.add_months(checked_on, 6)
    states = {status.kind: status.state for status in services.profile.clearance_state(profile, centre)}
    assert states[ClearanceKind.SEX_OFFENDERS_REGISTER] == services.profile.VALID


def test_check_form_keeps_no_document_and_says_why(admin, profile):
    soup = BeautifulSoup(admin.get(detail(profile)).content.decode(), "html.parser")

    form = soup.find("form", action=f"{detail(profile)}weryfikacja/")
    assert form is not None
    assert form.find("input", attrs={"type": "file"}) is None
    assert "RODO" in form.get_text()


def test_a_check_dated_in_the_future_is_refused(admin, profile):
    response = admin.post(
        f"{detail(profile)}weryfikacja/",
        {"kind": ClearanceKind.CRIMINAL_RECORD, "checked_on": days_from_today(1).isoformat(), "result": "clear"},
    )

    assert response.status_code == 200
    assert "checked_on" in response.context["form"].errors
    assert not Clearance.objects.exists()


def test_only_the_centres_coordinators_can_record_a_check(centre, profile, pulawy):
    stranger = make_staff("koordynator.pulawy@example.org", pulawy, Role.COORDINATOR)
    editor = make_staff("redaktor@example.org", centre, Role.EDITOR)

    for actor in (stranger, editor):
        with pytest.raises(services.applications.ApplicationRefused):
            services.clearances.record_clearance(
                profile, centre, actor, ClearanceKind.CRIMINAL_RECORD, days_from_today(-1), ClearanceResult.CLEAR
            )
    assert not Clearance.objects.exists()


def test_a_volunteer_unknown_to_the_centre_cannot_be_checked(coordinator, centre, pulawy):
    foreigner = applicant(make_task(make_task_index(pulawy), "Zadanie w Puławach"), "Jan", "Nowak").volunteer

    with pytest.raises(services.applications.ApplicationRefused):
        services.clearances.record_clearance(
            foreigner, centre, coordinator, ClearanceKind.CRIMINAL_RECORD, days_from_today(-1), ClearanceResult.CLEAR
        )


# --- Agreements -----------------------------------------------------------------------------------


def test_profile_shows_that_the_long_task_needs_an_agreement(admin, profile):
    html = admin.get(detail(profile)).content.decode()

    assert _("written agreement required (over 30 days)") in html
    assert _("not prepared yet") in html


def test_prepare_and_record_an_agreement_as_signed(admin, profile, long_task, coordinator):
    response = admin.post(
        f"{detail(profile)}porozumienie/{long_task.pk}/",
        {"scope": "Pomoc w odrabianiu lekcji.", "manner": "W świetlicy, pod opieką wychowawcy.", "costs_waived": "on"},
    )

    assert response.status_code == 302 and response["Location"] == detail(profile)
    agreement = Agreement.objects.get()
    assert (agreement.volunteer, agreement.task, agreement.scope) == (profile, long_task, "Pomoc w odrabianiu lekcji.")
    assert agreement.costs_waived and not agreement.is_signed
    assert services.documents.agreement_missing(profile, long_task)

    signed_on = days_from_today(-1)
    response = admin.post(f"{detail(profile)}porozumienie/{long_task.pk}/podpisane/", {"signed_on": signed_on})

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.signed_on, agreement.recorded_by) == (signed_on, coordinator)
    assert not services.documents.agreement_missing(profile, long_task)


def test_signing_in_the_future_or_twice_is_refused(admin, profile, long_task, coordinator):
    agreement = services.documents.prepare_agreement(profile, long_task, coordinator)
    sign = f"{detail(profile)}porozumienie/{long_task.pk}/podpisane/"

    future = admin.post(sign, {"signed_on": days_from_today(2).isoformat()})
    assert future.status_code == 200 and "signed_on" in future.context["form"].errors

    admin.post(sign, {"signed_on": days_from_today(0).isoformat()})
    again = admin.post(sign, {"signed_on": days_from_today(-3).isoformat()})
    assert again.status_code == 200
    assert _("This agreement has already been recorded as signed.") in again.content.decode()
    agreement.refresh_from_db()
    assert agreement.signed_on == days_from_today(0)

    changed = admin.post(f"{detail(profile)}porozumienie/{long_task.pk}/", {"scope": "Inny zakres"})
    assert changed.status_code == 200
    agreement.refresh_from_db()
    assert agreement.scope != "Inny zakres"


def test_no_agreement_for_a_task_the_volunteer_was_not_accepted_for(admin, index, profile):
    other = make_task(index, "Zakupy dla seniorów", slug="zakupy")
    applicant_for_other = applicant(other, "Jan", "Nowak")

    assert admin.get(f"{detail(profile)}porozumienie/{other.pk}/").status_code == 404
    assert admin.get(f"{INDEX}{applicant_for_other.volunteer_id}/porozumienie/{other.pk}/").status_code == 404
    assert admin.get(f"{detail(profile)}porozumienie/{other.pk}/podpisane/").status_code == 404
    assert not Agreement.objects.exists()
