"""Saving an offer's section, by every actor: the form's POST and the script's autosave change
the draft of "offer_a" only for its organisation's writers; everyone else is sent to sign in
(their POST kept in their own session, not in the draft) or finds nothing."""

import pytest

from ngo_grants.models import Offer
from tests.security.access import ACTORS, ANONYMOUS
from tests.security.test_access_matrix import client_for
from tests.security.world import build_world

WRITERS = {"ngo_admin", "ngo_editor"}


@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_organisations_writers_change_a_section(actor, clean_tree):
    world = build_world()
    offer = world.offer_a
    url = f"/oferty/{offer.pk}/basic/"
    client = client_for(actor, world)
    before = Offer.objects.get(pk=offer.pk).draft

    response = client.post(url, {"basic-title": f"Tytuł od {actor}"})
    autosave = client.post(url, {"basic-title": f"Autozapis od {actor}"}, HTTP_X_AUTOSAVE="1")

    after = Offer.objects.get(pk=offer.pk).draft
    if actor in WRITERS:
        assert response.status_code == 302 and response["Location"] == url
        assert autosave.status_code == 200 and autosave.json()["saved"] is True
        assert after["basic"]["title"] == f"Autozapis od {actor}"
    elif actor in ANONYMOUS:
        assert response.status_code == 302 and response["Location"].startswith("/konto/login/?next=")
        assert autosave.status_code == 401
        assert after == before
    else:
        assert (response.status_code, autosave.status_code) == (404, 404), actor
        assert after == before
