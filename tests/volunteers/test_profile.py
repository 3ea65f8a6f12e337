"""The volunteer's own profile: steps, age rules, consents, clearances shown, who sees a profile."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from accounts.roles import grant_role
from core.models import Centre
from tests.factories import UserFactory
from tests.volunteers import make_task, make_task_index
from volunteers import services
from volunteers.consents import CONSENT_VERSION, STANDARDS_VERSION
from volunteers.models import (
    Application,
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    Consent,
    ConsentKind,
    DisabilityKind,
    District,
    Language,
    Skill,
    VolunteerProfile,
)
from volunteers.permissions import can_view_profile, profiles_visible_to

ABOUT, INTERESTS = "/wolontariat/profil/o-tobie/", "/wolontariat/profil/zainteresowania/"
AVAILABILITY, CONSENTS = "/wolontariat/profil/dostepnosc/", "/wolontariat/profil/zgody/"
OVERVIEW = "/wolontariat/profil/"
ADULT = {"first_name": "Łucja", "last_name": "Żak", "birth_date": "1990-05-01", "phone": "600 100 200"}
ALL_CONSENTS = {"data_processing": "on", "contact_email": "on", "contact_sms": "on", "standards": "on"}


def years_ago(years, days=0):
    today = timezone.localdate()
    return services.profile.birthday_at_age(today.replace(year=today.year - years), 0) + datetime.timedelta(days=days)


def control(response, name, value=None):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.find("input", attrs={"name": name, **({"value": value} if value else {})})


def make_resident(email=None):
    user = UserFactory(**({"email": email} if email else {}))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_volunteer(user=None, birth_date=datetime.date(1990, 5, 1), complete=True, phone="600 100 200", **fields):
    profile = VolunteerProfile.objects.create(
        user=user or make_resident(), birth_date=birth_date, phone=phone, **fields
    )
    if complete:
        services.profile.record_consents(profile, {ConsentKind.DATA_PROCESSING: True})
        services.profile.acknowledge_standards(profile)
    return profile


def apply(profile, site):
    task = make_task(make_task_index(site), "Zakupy dla seniorów")
    return Application.objects.create(task=task, volunteer=profile, centre=Centre.for_site(site))


@pytest.fixture
def resident(jaslo):
    return make_resident("wolontariuszka@example.org")


@pytest.fixture
def resident_client(client, resident):
    client.force_login(resident)
    return client


# --- Steps --------------------------------------------------------------------------------


def test_visitor_is_asked_to_sign_in_first(jaslo, client):
    response = client.get(ABOUT)

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_resident_without_a_profile_is_invited_to_become_a_volunteer(resident_client):
    response = resident_client.get(OVERVIEW)

    assert "Zostań wolontariuszem" in response.content.decode()
    assert not VolunteerProfile.objects.exists()


def test_later_steps_wait_until_the_first_is_saved(resident_client):
    for url in (INTERESTS, AVAILABILITY, CONSENTS):
        response = resident_client.get(url)
        assert response["Location"] == ABOUT


def test_first_step_creates_the_profile_and_leads_to_the_second(resident, resident_client):
    response = resident_client.post(ABOUT, ADULT)

    assert response["Location"] == INTERESTS
    profile = VolunteerProfile.objects.get(user=resident)
    assert profile.birth_date == datetime.date(1990, 5, 1)
    assert profile.phone == "600 100 200"


def test_first_step_stores_the_names_on_the_account_and_the_address_for_the_agreement(resident, resident_client):
    resident_client.post(ABOUT, {**ADULT, "address": "ul. Źródlana 5, 38-200 Jasło"})

    resident.refresh_from_db()
    assert (resident.first_name, resident.last_name) == ("Łucja", "Żak")
    assert VolunteerProfile.objects.get(user=resident).address == "ul. Źródlana 5, 38-200 Jasło"
    page = resident_client.get(ABOUT)
    assert control(page, "first_name")["value"] == "Łucja"
    assert control(page, "address")["value"] == "ul. Źródlana 5, 38-200 Jasło"


def test_first_step_needs_both_names_but_not_the_address(resident, resident_client):
    names = (resident.first_name, resident.last_name)

    response = resident_client.post(ABOUT, {**ADULT, "first_name": " ", "last_name": ""})

    assert set(response.context["form"].errors) == {"first_name", "last_name"}
    assert not VolunteerProfile.objects.filter(user=resident).exists()
    resident.refresh_from_db()
    assert (resident.first_name, resident.last_name) == names


def test_first_step_offers_the_names_the_account_already_has(resident, resident_client):
    resident.first_name, resident.last_name = "Anna", "Nowak"
    resident.save()

    page = resident_client.get(ABOUT)

    assert control(page, "first_name")["value"] == "Anna"
    assert control(page, "last_name")["value"] == "Nowak"


def test_resident_completes_every_step_and_the_overview_shows_what_was_typed(jaslo, resident, resident_client):
    skill = Skill.objects.create(name="Zakupy i sprawunki")
    district = District.objects.create(centre=Centre.for_site(jaslo), name="Gamrat")
    ukrainian, _new = Language.objects.get_or_create(name="ukraiński")
    autism, _new = DisabilityKind.objects.get_or_create(name="autyzm")
    resident_client.post(ABOUT, ADULT)

    response = resident_client.post(
        INTERESTS,
        {"skills": [skill.pk], "districts": [district.pk], "languages": [ukrainian.pk], "driving_licence": "on",
         "disability_experience": [autism.pk], "matching_note": "wózek inwalidzki", "gender": "woman",
         "regular_help": "on", "max_concurrent": "2"},
    )  # fmt: skip
    assert response["Location"] == AVAILABILITY
    response = resident_client.post(AVAILABILITY, {"availability": ["0-morning", "5-evening"]})
    assert response["Location"] == CONSENTS
    response = resident_client.post(CONSENTS, {"data_processing": "on", "contact_email": "on", "standards": "on"})
    assert response["Location"] == OVERVIEW

    page = resident_client.get(OVERVIEW).content.decode()
    for shown in ("600 100 200", "Zakupy i sprawunki", "Gamrat", "ukraiński", "autyzm", "wózek inwalidzki",
                  "kobieta", "Stała pomoc jednej osobie lub rodzinie", "Twój profil wolontariusza jest gotowy",
                  CONSENT_VERSION):  # fmt: skip
        assert shown in page
    profile = VolunteerProfile.objects.get(user=resident)
    assert profile.driving_licence and not profile.has_car and profile.max_concurrent == 2
    assert list(profile.languages.all()) == [ukrainian] and list(profile.disability_experience.all()) == [autism]
    assert (profile.gender, profile.regular_help, profile.matching_note) == ("woman", True, "wózek inwalidzki")
    assert {(slot.weekday, slot.part) for slot in profile.availability.all()} == {(0, "morning"), (5, "evening")}
    assert set(profile.consents.values_list("kind", flat=True)) == {"data_processing", "contact_email"}
    assert profile.standards_version == STANDARDS_VERSION and profile.standards_acknowledged_at is not None
    assert services.profile.is_profile_complete(profile)


def test_every_step_shows_what_is_stored_when_going_back(resident, resident_client):
    profile = make_volunteer(resident, matching_note="gwara śląska", gender="man", regular_help=True)
    english, _new = Language.objects.get_or_create(name="angielski")
    profile.languages.add(english)
    Availability.objects.create(profile=profile, weekday=2, part="afternoon")

    assert control(resident_client.get(ABOUT), "birth_date")["value"] == "1990-05-01"
    interests = resident_client.get(INTERESTS)
    assert control(interests, "languages", str(english.pk)).has_attr("checked")
    assert "gwara śląska" in interests.content.decode()
    page = BeautifulSoup(interests.content.decode(), "html.parser")
    assert page.find("select", attrs={"name": "gender"}).find("option", selected=True)["value"] == "man"
    assert control(interests, "regular_help").has_attr("checked")
    assert control(resident_client.get(AVAILABILITY), "availability", "2-afternoon").has_attr("checked")
    assert not control(resident_client.get(AVAILABILITY), "availability", "2-morning").has_attr("checked")
    assert control(resident_client.get(CONSENTS), "data_processing").has_attr("checked")
    assert not control(resident_client.get(CONSENTS), "contact_sms").has_attr("checked")


def test_editing_a_complete_profile_returns_to_the_overview(resident, resident_client):
    make_volunteer(resident)

    response = resident_client.post(ABOUT, {**ADULT, "phone": "+48 601 200 300"}, follow=True)

    assert response.redirect_chain[-1][0] == OVERVIEW
    assert "Zapisano." in response.content.decode()
    assert VolunteerProfile.objects.get(user=resident).phone == "+48 601 200 300"


def test_availability_grid_labels_each_box_with_day_and_part_of_day(resident, resident_client):
    make_volunteer(resident)

    page = resident_client.get(AVAILABILITY).content.decode()

    assert '<label for="id_availability_0" class="visually-hidden">poniedziałek, rano</label>' in page
    assert "<legend>Kiedy możesz pomagać" in page


# --- Age ----------------------------------------------------------------------------------


def test_younger_than_the_centre_minimum_is_refused_kindly(jaslo, resident, resident_client):
    Centre.objects.filter(site=jaslo).update(min_volunteer_age=16)

    response = resident_client.post(ABOUT, {**ADULT, "birth_date": years_ago(15).isoformat()})

    page = response.content.decode()
    assert "Wolontariat w MOPS Jasło jest możliwy od 16 lat" in page
    assert 'id="id_birth_date_error"' in page
    assert not VolunteerProfile.objects.exists()


def test_the_minimum_age_is_the_one_of_the_centre_whose_site_the_resident_uses(pulawy, resident, pulawy_client):
    Centre.objects.filter(site=pulawy).update(min_volunteer_age=16)
    pulawy_client.force_login(resident)
    fourteen = {**ADULT, "birth_date": years_ago(14).isoformat(), "guardian_name": "Jan Nowak",
                "guardian_email": "jan@example.org", "guardian_consent": "on"}  # fmt: skip

    refused = pulawy_client.post(ABOUT, fourteen)
    assert "Wolontariat w MOPS Puławy jest możliwy od 16 lat" in refused.content.decode()

    pulawy_client.logout()
    jaslo_client = Client()
    jaslo_client.force_login(resident)
    assert jaslo_client.post(ABOUT, fourteen)["Location"] == INTERESTS


def test_the_minimum_age_is_reached_on_the_birthday(jaslo, resident, resident_client):
    guardian = {"guardian_name": "Jan Nowak", "guardian_email": "jan@example.org", "guardian_consent": "on"}

    refused = resident_client.post(ABOUT, {**ADULT, "birth_date": years_ago(13, days=1).isoformat(), **guardian})
    assert refused.status_code == 200 and not VolunteerProfile.objects.exists()

    accepted = resident_client.post(ABOUT, {**ADULT, "birth_date": years_ago(13).isoformat(), **guardian})
    assert accepted["Location"] == INTERESTS


def test_a_minor_needs_the_guardian_and_their_consent_before_anything_else(resident, resident_client):
    response = resident_client.post(ABOUT, {**ADULT, "birth_date": years_ago(16).isoformat()})

    page = response.content.decode()
    assert 'id="id_guardian_name_error"' in page
    assert 'id="id_guardian_email_error"' in page
    assert 'id="id_guardian_consent_error"' in page
    assert not VolunteerProfile.objects.exists()


def test_guardian_consent_is_recorded_with_its_time(resident, resident_client):
    before = timezone.now()
    resident_client.post(
        ABOUT,
        {**ADULT, "birth_date": years_ago(16).isoformat(), "guardian_name": "Jan Nowak",
         "guardian_email": "jan@example.org", "guardian_consent": "on"},
    )  # fmt: skip

    profile = VolunteerProfile.objects.get(user=resident)
    assert profile.is_minor
    assert profile.guardian_name == "Jan Nowak"
    assert profile.guardian_consent_at >= before


def test_exactly_eighteen_today_needs_no_guardian(resident, resident_client):
    response = resident_client.post(ABOUT, {**ADULT, "birth_date": years_ago(18).isoformat()})

    assert response["Location"] == INTERESTS
    assert not VolunteerProfile.objects.get(user=resident).is_minor


def test_eighteen_tomorrow_still_needs_the_guardian(resident, resident_client):
    response = resident_client.post(ABOUT, {**ADULT, "birth_date": years_ago(18, days=1).isoformat()})

    assert response.status_code == 200
    assert 'id="id_guardian_consent_error"' in response.content.decode()


def test_limits_for_minors_lift_by_themselves_on_the_eighteenth_birthday(resident):
    profile = make_volunteer(resident, birth_date=years_ago(18, days=1), complete=False)

    assert profile.is_minor
    assert services.profile.guardian_consent_missing(profile)
    assert profile.age_on(profile.adult_on) == 18
    assert profile.age_on(profile.adult_on - datetime.timedelta(days=1)) == 17
    VolunteerProfile.objects.filter(pk=profile.pk).update(birth_date=years_ago(18))
    profile.refresh_from_db()
    assert not profile.is_minor
    assert not services.profile.guardian_consent_missing(profile)


def test_minor_without_recorded_guardian_consent_cannot_open_later_steps(resident, resident_client):
    make_volunteer(resident, birth_date=years_ago(15), complete=False)

    assert resident_client.get(INTERESTS)["Location"] == ABOUT
    assert resident_client.post(CONSENTS, ALL_CONSENTS)["Location"] == ABOUT
    assert not Consent.objects.exists()
    assert "potrzebujemy zgody Twojego rodzica" in resident_client.get(OVERVIEW).content.decode()


def test_adult_profile_keeps_no_guardian_details(resident, resident_client):
    resident_client.post(ABOUT, {**ADULT, "guardian_name": "Jan Nowak", "guardian_email": "jan@example.org"})

    profile = VolunteerProfile.objects.get(user=resident)
    assert profile.guardian_name == "" and profile.guardian_email == ""


# --- Consents -----------------------------------------------------------------------------


def test_consents_keep_their_date_and_a_withdrawal_is_dated(resident, resident_client):
    profile = make_volunteer(resident, complete=False)
    resident_client.post(CONSENTS, ALL_CONSENTS)
    first = {c.kind: c.given_at for c in profile.consents.all()}

    resident_client.post(CONSENTS, {"data_processing": "on", "contact_email": "on", "standards": "on"})

    assert {c.kind: c.given_at for c in profile.consents.all()} == first
    sms = profile.consents.get(kind=ConsentKind.CONTACT_SMS)
    assert sms.withdrawn_at is not None and sms.text_version == CONSENT_VERSION
    assert services.profile.active_consent(profile, ConsentKind.CONTACT_SMS) is None
    assert "wycofana" in resident_client.get(OVERVIEW).content.decode()


def test_data_processing_consent_and_standards_are_required(resident, resident_client):
    make_volunteer(resident, complete=False)

    page = resident_client.post(CONSENTS, {"contact_email": "on"}).content.decode()

    assert 'id="id_data_processing_error"' in page
    assert 'id="id_standards_error"' in page
    assert not Consent.objects.exists()


# --- Clearances ---------------------------------------------------------------------------


def clearance(profile, site, kind, result=ClearanceResult.CLEAR, expires=None):
    return Clearance.objects.create(
        profile=profile,
        centre=Centre.for_site(site),
        kind=kind,
        checked_on=datetime.date(2026, 1, 10),
        result=result,
        expires_on=expires or timezone.localdate() + datetime.timedelta(days=30),
    )


def test_overview_shows_each_check_per_centre_without_shaming_wording(jaslo, resident, resident_client):
    profile = make_volunteer(resident)
    valid_until = timezone.localdate() + datetime.timedelta(days=30)
    clearance(profile, jaslo, ClearanceKind.SEX_OFFENDERS_REGISTER, expires=valid_until)
    clearance(profile, jaslo, ClearanceKind.STATE_COMMISSION_REGISTER, expires=datetime.date(2025, 1, 1))
    clearance(profile, jaslo, ClearanceKind.CRIMINAL_RECORD, result=ClearanceResult.ENTRY_FOUND)

    page = resident_client.get(OVERVIEW).content.decode()

    assert "<caption>MOPS Jasło</caption>" in page
    assert "ważne do" in page
    assert "wygasło" in page
    assert "wymaga wyjaśnienia z koordynatorem" in page
    assert "jeszcze nie sprawdzono" in page
    assert "nigdy kopii dokumentu" in page
    assert "wpis" not in page.split("Sprawdzenia do pracy z dziećmi")[1].split("</table>")[0].lower()


def test_all_four_checks_valid_allow_work_with_minors_only_in_that_centre(jaslo, pulawy, resident):
    profile = make_volunteer(resident)
    for kind in ClearanceKind:
        clearance(profile, jaslo, kind, result=ClearanceResult.NOT_APPLICABLE if kind.value == "residence_statement"
                  else ClearanceResult.CLEAR)  # fmt: skip

    assert services.profile.has_valid_clearances(profile, Centre.for_site(jaslo))
    assert not services.profile.has_valid_clearances(profile, Centre.for_site(pulawy))
    tomorrow_after_expiry = timezone.localdate() + datetime.timedelta(days=31)
    assert not services.profile.has_valid_clearances(profile, Centre.for_site(jaslo), day=tomorrow_after_expiry)


def test_a_newer_entry_is_not_hidden_by_an_older_clear_check(jaslo, resident):
    profile = make_volunteer(resident)
    clearance(profile, jaslo, ClearanceKind.CRIMINAL_RECORD)
    newer = clearance(profile, jaslo, ClearanceKind.CRIMINAL_RECORD, result=ClearanceResult.ENTRY_FOUND)
    Clearance.objects.filter(pk=newer.pk).update(checked_on=datetime.date(2026, 2, 1))

    states = {s.kind: s.state for s in services.profile.clearance_state(profile, Centre.for_site(jaslo))}

    assert states[ClearanceKind.CRIMINAL_RECORD] == services.profile.NEEDS_CLARIFYING


def test_volunteer_cannot_set_clearances_through_any_step(jaslo, resident, resident_client):
    profile = make_volunteer(resident)
    forged = {"kind": "criminal_record", "result": "clear", "checked_on": "2026-01-01", "expires_on": "2099-01-01",
              "centre": Centre.for_site(jaslo).pk, "clearances": "1", "standards_version": "forged"}  # fmt: skip

    resident_client.post(ABOUT, {**ADULT, **forged})
    resident_client.post(INTERESTS, {"max_concurrent": "1", **forged})
    resident_client.post(AVAILABILITY, forged)
    resident_client.post(CONSENTS, {**ALL_CONSENTS, **forged})

    assert not Clearance.objects.exists()
    profile.refresh_from_db()
    assert profile.standards_version == STANDARDS_VERSION


# --- Who sees a profile -------------------------------------------------------------------


def staff(site, role):
    user = make_resident()
    grant_role(user, site, role)
    return user


def test_volunteer_sees_only_their_own_profile(jaslo, resident, resident_client):
    own = make_volunteer(resident)
    other = make_volunteer(phone="700 800 900")

    assert list(profiles_visible_to(resident)) == [own]
    assert not can_view_profile(resident, other)
    assert "700 800 900" not in resident_client.get(OVERVIEW).content.decode()


def test_coordinator_sees_volunteers_who_applied_to_their_centre_only(jaslo, pulawy):
    applied_in_jaslo = make_volunteer()
    apply(applied_in_jaslo, jaslo)
    never_applied = make_volunteer()

    pulawy_coordinator = staff(pulawy, "coordinator")
    jaslo_coordinator = staff(jaslo, "coordinator")
    jaslo_supervisor = staff(jaslo, "supervisor")
    jaslo_editor = staff(jaslo, "editor")

    assert not can_view_profile(pulawy_coordinator, applied_in_jaslo)
    assert list(profiles_visible_to(jaslo_coordinator)) == [applied_in_jaslo]
    assert list(profiles_visible_to(jaslo_supervisor)) == [applied_in_jaslo]
    assert not profiles_visible_to(jaslo_editor).exists()
    assert not can_view_profile(jaslo_coordinator, never_applied)


def test_superuser_sees_every_profile_and_anonymous_none(jaslo):
    from django.contrib.auth.models import AnonymousUser

    profiles = {make_volunteer(), make_volunteer()}
    superuser = UserFactory(is_superuser=True, is_staff=True)

    assert set(profiles_visible_to(superuser)) == profiles
    assert not profiles_visible_to(AnonymousUser()).exists()
