"""The grants staff's forms survive hostile input (see tests/security/hostile.py): the
verification of an organisation, and the filters of the offers and organisations listings.

Staff sign in with an authenticator app (make_staff), as the admin demands."""

import pytest

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import Verification
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.staff_helpers import submitted_offer
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def officer(client, jaslo):
    client.force_login(make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER))
    return client


@pytest.fixture
def offer(jaslo, centre):
    call = make_call(make_call_index(jaslo))
    return submitted_offer(call, make_organisation(name="Stowarzyszenie Pomocna Dłoń", centres=[centre]))


def test_verification_form_survives_hostile_input(officer, centre, pulawy):
    organisation = make_organisation(name="Fundacja Do Sprawdzenia", number=1)

    report = assert_form_survives_hostile_input(
        officer,
        f"/admin/organizacje/{organisation.pk}/",
        fields={"centre": str(centre.pk), "decision": "refused", "note": "Brak aktualnego odpisu z KRS."},
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    # Only the officer's own centre ever decided, and a refusal always says why.
    for verification in Verification.objects.all():
        assert verification.centre == centre and verification.organisation == organisation
        assert verification.verified or verification.note.strip()
        assert len(verification.note) <= 2000 and "\x00" not in verification.note


def test_offer_listing_filters_survive_hostile_input(officer, offer):
    report = assert_form_survives_hostile_input(
        officer,
        "/admin/oferty/",
        method="get",
        fields={"call": str(offer.call_id), "task": str(offer.task_id), "status": "submitted", "q": "Pomocna"},
        max_examples=20,
    )

    assert report["accepted"] > 0


def test_organisation_listing_filters_survive_hostile_input(officer, offer):
    report = assert_form_survives_hostile_input(
        officer,
        "/admin/organizacje/",
        method="get",
        fields={"verification": "verified", "q": offer.organisation.nip},
        max_examples=20,
    )

    assert report["accepted"] > 0
    assert Verification.objects.count() == 1
