"""The social workers' beneficiaries screen: the list scoped to the centre, registering a
family with its needs on the volunteers' week grid, the record's page with its matches, and
another centre's staff kept out of all of it."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.volunteers.matching_helpers import district, make_beneficiary, make_need, pool_volunteer
from volunteers.models import (
    Beneficiary,
    BeneficiaryAccess,
    BeneficiaryKind,
    DisabilityKind,
    Language,
    Match,
    MatchStatus,
    Need,
    NeedStatus,
    Skill,
)

pytestmark = pytest.mark.django_db

INDEX = "/admin/podopieczni/"


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def other_admin(client, pulawy):
    client.force_login(make_staff("koordynator.pulawy@example.org", pulawy, Role.COORDINATOR))
    return client


@pytest.fixture
def family(jaslo):
    return make_beneficiary(jaslo, "Nowakowie")


def names(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [row.select_one("td").get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def beneficiary_data(jaslo, **changes):
    return {
        "kind": BeneficiaryKind.SENIOR,
        "name": "Zofia Wiśniewska",
        "first_name": "Zofia",
        "phone": "600 300 400",
        "email": "",
        "address": "ul. Mickiewicza 3, 38-200 Jasło",
        "meeting_place": "",
        "district": district(jaslo).pk,
        "household_note": "Mieszka sama, porusza się o kulach.",
        **changes,
    }


def need_data(**changes):
    return {
        "category": "seniors",
        "times": ["1-morning", "3-morning"],
        "hours_per_week": "3",
        "start_date": timezone.localdate().isoformat(),
        "status": NeedStatus.OPEN,
        "staff_note": "Prosi o telefon dzień wcześniej.",
        **changes,
    }


# --- List ------------------------------------------------------------------------------------


def test_list_shows_only_the_centres_beneficiaries(admin, family, pulawy):
    make_beneficiary(pulawy, "Kowalscy z Puław", district_name="Włostowice")

    assert names(admin.get(INDEX)) == ["Nowakowie"]


def test_search_and_filters_by_kind_district_and_need_status(admin, jaslo, family):
    senior = make_beneficiary(jaslo, "Jan Zieliński", kind=BeneficiaryKind.SENIOR, district_name="Kopaliny")
    make_need(family, status=NeedStatus.OPEN)
    make_need(senior, status=NeedStatus.PAUSED)

    assert names(admin.get(INDEX, {"q": "zieli"})) == ["Jan Zieliński"]
    assert names(admin.get(INDEX, {"kind": BeneficiaryKind.FAMILY})) == ["Nowakowie"]
    assert names(admin.get(INDEX, {"district": senior.district_id})) == ["Jan Zieliński"]
    assert names(admin.get(INDEX, {"need_status": NeedStatus.PAUSED})) == ["Jan Zieliński"]


def test_district_filter_offers_only_the_centres_districts(admin, family, pulawy):
    district(pulawy, "Włostowice")

    soup = BeautifulSoup(admin.get(INDEX).content.decode(), "html.parser")
    offered = [option.get_text(strip=True) for option in soup.select("select[name=district] option")]
    assert "Śródmieście" in " ".join(offered)
    assert "Włostowice" not in " ".join(offered)


def test_people_without_the_role_are_turned_away(client, jaslo, family):
    client.force_login(make_staff("redaktorka@example.org", jaslo, Role.EDITOR))

    # Wagtail answers a refused permission with a redirect to the dashboard.
    for url in (INDEX, f"{INDEX}{family.pk}/", f"{INDEX}dodaj/", f"{INDEX}wymiana/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not BeneficiaryAccess.objects.exists()


# --- Registering and editing -----------------------------------------------------------------


def test_coordinator_registers_a_beneficiary_for_her_own_centre(admin, jaslo, coordinator):
    response = admin.post(f"{INDEX}dodaj/", beneficiary_data(jaslo))

    beneficiary = Beneficiary.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{INDEX}{beneficiary.pk}/"
    assert beneficiary.centre == Centre.for_site(jaslo)
    assert beneficiary.name == "Zofia Wiśniewska"


def test_the_centre_cannot_be_swapped_by_a_tampered_request(admin, jaslo, pulawy):
    other = Centre.for_site(pulawy)

    admin.post(f"{INDEX}dodaj/", beneficiary_data(jaslo, centre=other.pk))

    assert Beneficiary.objects.get().centre == Centre.for_site(jaslo)


def test_another_centres_district_is_refused_at_the_field_and_nothing_is_lost(admin, jaslo, pulawy):
    foreign = district(pulawy, "Włostowice")

    response = admin.post(f"{INDEX}dodaj/", beneficiary_data(jaslo, district=foreign.pk))

    assert response.status_code == 200
    assert not Beneficiary.objects.exists()
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("#id_district_error")
    assert soup.find("input", attrs={"name": "name"})["value"] == "Zofia Wiśniewska"


def test_editing_saves_the_changes(admin, jaslo, family):
    response = admin.post(f"{INDEX}{family.pk}/edycja/", beneficiary_data(jaslo, name="Nowakowie-Kowalscy"))

    assert response.status_code == 302
    family.refresh_from_db()
    assert family.name == "Nowakowie-Kowalscy"


def test_need_is_added_with_the_week_grid_and_requirements(admin, family):
    reading = Skill.objects.create(name="Czytanie")
    ukrainian = Language.objects.get_or_create(name="ukraiński")[0]
    autism = DisabilityKind.objects.get_or_create(name="autyzm")[0]

    page = admin.get(f"{INDEX}{family.pk}/potrzeby/dodaj/")
    soup = BeautifulSoup(page.content.decode(), "html.parser")
    assert len(soup.select("table.availability-grid input[name=times]")) == 21

    response = admin.post(
        f"{INDEX}{family.pk}/potrzeby/dodaj/",
        need_data(
            skills=[reading.pk],
            language=ukrainian.pk,
            disability=autism.pk,
            child_involved="on",
            preferred_gender="woman",
        ),
    )

    assert response.status_code == 302
    need = Need.objects.get()
    assert need.beneficiary == family
    assert need.times == ["1-morning", "3-morning"]
    assert list(need.skills.all()) == [reading]
    assert (need.language, need.disability, need.child_involved, need.preferred_gender) == (
        ukrainian,
        autism,
        True,
        "woman",
    )


def test_need_without_times_is_refused_in_polish(admin, family):
    response = admin.post(f"{INDEX}{family.pk}/potrzeby/dodaj/", need_data(times=[]))

    assert response.status_code == 200
    assert not Need.objects.exists()
    error = BeautifulSoup(response.content.decode(), "html.parser").select_one("#id_times_error")
    assert "Zaznacz" in error.get_text()


def test_need_status_is_changed_on_its_form(admin, family):
    need = make_need(family)

    admin.post(f"{INDEX}{family.pk}/potrzeby/{need.pk}/", need_data(status=NeedStatus.PAUSED))

    need.refresh_from_db()
    assert need.status == NeedStatus.PAUSED


def test_a_need_of_another_beneficiary_is_not_found_through_this_one(admin, jaslo, family):
    other_need = make_need(make_beneficiary(jaslo, "Lisowie"))

    assert admin.get(f"{INDEX}{family.pk}/potrzeby/{other_need.pk}/").status_code == 404


# --- The record's page -----------------------------------------------------------------------


def test_record_page_shows_needs_and_their_matches(admin, jaslo, family, coordinator):
    need = make_need(family, staff_note="Tylko popołudnia.")
    volunteer = pool_volunteer(jaslo, "ewa@example.org")
    volunteer.user.first_name, volunteer.user.last_name = "Ewa", "Malinowska"
    volunteer.user.save()
    Match.objects.create(need=need, volunteer=volunteer, centre=need.centre, status=MatchStatus.ACTIVE)

    text = BeautifulSoup(admin.get(f"{INDEX}{family.pk}/").content.decode(), "html.parser").get_text(" ")

    assert "Nowakowie" in text and "Tylko popołudnia." in text
    assert "Ewa Malinowska" in text
    assert "poniedziałek, po południu" in text


def test_deleting_removes_the_record_and_its_needs(admin, family):
    make_need(family)

    response = admin.post(f"{INDEX}{family.pk}/usun/")

    assert response.status_code == 302
    assert not Beneficiary.objects.exists() and not Need.objects.exists()


def test_a_record_with_matches_is_kept(admin, jaslo, family):
    need = make_need(family)
    Match.objects.create(need=need, volunteer=pool_volunteer(jaslo), centre=need.centre)

    admin.post(f"{INDEX}{family.pk}/usun/")

    assert Beneficiary.objects.filter(pk=family.pk).exists()


# --- Another centre --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix", ["", "edycja/", "usun/", "potrzeby/dodaj/"], ids=["record", "edit", "delete", "add-need"]
)
def test_another_centres_staff_get_not_found(other_admin, family, suffix):
    assert other_admin.get(f"{INDEX}{family.pk}/{suffix}").status_code == 404
    assert other_admin.post(f"{INDEX}{family.pk}/{suffix}", {"name": "X"}).status_code == 404


def test_another_centres_staff_cannot_edit_a_need(other_admin, family):
    need = make_need(family)

    assert other_admin.post(f"{INDEX}{family.pk}/potrzeby/{need.pk}/", need_data()).status_code == 404
    need.refresh_from_db()
    assert need.staff_note == "Uwaga: tylko dla personelu."
