"""The volunteer's own-data forms survive hostile input (see tests/security/hostile.py)."""

import pytest

from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers.test_profile import make_resident, make_volunteer
from volunteers.models import HoursEntry, VolunteerProfile


@pytest.fixture
def volunteer_client(jaslo, client):
    user = make_resident("wolontariusz@example.org")
    client.force_login(user)
    client.user = user
    return client


def test_erase_confirmation_survives_hostile_input(volunteer_client):
    user = volunteer_client.user

    def profile_to_erase():
        # A successful erasure uses the profile up: each request gets one again.
        if not VolunteerProfile.objects.filter(user=user).exists():
            make_volunteer(user)

    report = assert_form_survives_hostile_input(
        volunteer_client, "/wolontariat/profil/usun/", fields={"confirm": "on"}, prepare=profile_to_erase
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    assert user.__class__.objects.filter(pk=user.pk).exists()
    assert VolunteerProfile.objects.filter(user=user).count() <= 1
    assert not HoursEntry.objects.exists()
