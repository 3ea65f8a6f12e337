"""The beneficiaries' forms survive hostile input (see tests/security/hostile.py): the record,
a need with its week grid, the import upload's centre, the confirmation's token and the
access log's filters.

Staff sign in with an authenticator app (make_staff), as the admin demands."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Role
from core.models import Centre
from tests.accounts.helpers import make_staff
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers.matching_helpers import district, make_beneficiary
from volunteers.models import Beneficiary, BeneficiaryAccess, Need
from volunteers.services import access_log

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(jaslo):
    return make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def family(jaslo):
    return make_beneficiary(jaslo, "Nowakowie")


def test_beneficiary_form_survives_hostile_input(admin, jaslo):
    report = assert_form_survives_hostile_input(
        admin,
        "/admin/podopieczni/dodaj/",
        fields={
            "kind": "senior",
            "name": "Zofia Wiśniewska",
            "first_name": "Zofia",
            "phone": "600 300 400",
            "email": "zofia@example.org",
            "address": "ul. Mickiewicza 3, 38-200 Jasło",
            "meeting_place": "Świetlica przy ul. Kościuszki",
            "district": str(district(jaslo).pk),
            "household_note": "Mieszka sama.",
        },
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    centre = Centre.for_site(jaslo)
    for beneficiary in Beneficiary.objects.all():
        assert beneficiary.centre == centre and beneficiary.district.centre == centre
        assert len(beneficiary.name) <= 120 and "\x00" not in beneficiary.household_note


def test_need_form_survives_hostile_input(admin, family):
    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/podopieczni/{family.pk}/potrzeby/dodaj/",
        fields={
            "category": "tutoring",
            "times": "1-morning",
            "hours_per_week": "3",
            "start_date": timezone.localdate().isoformat(),
            "preferred_gender": "woman",
            "status": "open",
            "staff_note": "Prosi o telefon dzień wcześniej.",
        },
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    for need in Need.objects.all():
        assert need.beneficiary == family
        assert need.times == ["1-morning"] and 1 <= need.hours_per_week <= 40


def test_import_upload_survives_hostile_centre_values(admin, jaslo, pulawy):
    district(jaslo)
    content = "nazwa;rodzaj;imię dla wolontariusza;adres;dzielnica\nNowakowie;rodzina;Anna;ul. Polna 1;Śródmieście\n"

    def fresh_file():
        return SimpleUploadedFile("podopieczni.csv", content.encode())

    response = admin.post(
        "/admin/podopieczni/wymiana/", {"file": fresh_file(), "centre": str(Centre.for_site(pulawy).pk)}
    )
    assert response.status_code == 200 and response.context["form"].errors

    report = assert_form_survives_hostile_input(
        admin,
        "/admin/podopieczni/wymiana/",
        fields={"centre": str(Centre.for_site(jaslo).pk)},
        max_examples=15,
    )

    # Without a file every upload is refused at the field; nothing is imported.
    assert report["refused"] > 0
    assert not Beneficiary.objects.exists()


def test_import_confirmation_survives_hostile_tokens(admin):
    report = assert_form_survives_hostile_input(
        admin,
        "/admin/podopieczni/wymiana/zatwierdz/",
        fields={"token": "a" * 43},
        check_form_page=False,
        max_examples=15,
    )

    assert report["redirected"] == report.total()
    assert not Beneficiary.objects.exists()


def test_access_log_filters_survive_hostile_input(client, jaslo, family):
    supervisor = make_staff("kierowniczka@example.org", jaslo, Role.SUPERVISOR)
    access_log.record(supervisor, family, "viewed")
    client.force_login(supervisor)

    report = assert_form_survives_hostile_input(
        client,
        "/admin/rejestr-dostepu/",
        method="get",
        fields={
            "user": str(supervisor.pk),
            "beneficiary": str(family.pk),
            "action": "viewed",
            "at_from": timezone.localdate().isoformat(),
            "at_to": timezone.localdate().isoformat(),
            "q": "Nowak",
        },
        max_examples=20,
    )

    assert report["accepted"] > 0
    assert BeneficiaryAccess.objects.count() == 1


def test_beneficiary_listing_filters_survive_hostile_input(admin, family):
    report = assert_form_survives_hostile_input(
        admin,
        "/admin/podopieczni/",
        method="get",
        fields={"kind": "family", "district": str(family.district_id), "need_status": "open", "q": "Nowak"},
        max_examples=20,
    )

    assert report["accepted"] > 0
    assert not BeneficiaryAccess.objects.exists()
