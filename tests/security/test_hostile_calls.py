"""Hostile input on the open calls: the form that starts an offer (the organisation is an id
anyone can tamper with) and the archive's year in the call index's query string."""

import pytest

from core.models import Centre
from ngo_grants.models import Offer
from tests.factories import UserFactory
from tests.ngo_grants import add_member, make_call, make_call_index, make_organisation
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(jaslo):
    return make_call_index(jaslo)


def test_offer_start_form_survives_hostile_input(jaslo, index, client):
    task = make_call(index).tasks.get()
    member = UserFactory(email="prezes@pomocna.example.org")
    organisation = make_organisation(member, centres=[Centre.for_site(jaslo)])
    add_member(make_organisation(name="Fundacja Druga", number=1), member)
    stranger = make_organisation(name="Obca Fundacja", number=2)
    client.force_login(member)

    report = assert_form_survives_hostile_input(
        client, f"/oferty/nowa/{task.pk}/", fields={"organisation": str(organisation.pk)}, max_examples=20
    )

    assert report["refused"] and report["redirected"] and not report["accepted"]
    # However often it was sent, one draft of the chosen organisation, none of a stranger's.
    assert list(Offer.objects.values_list("organisation", flat=True)) == [organisation.pk]
    assert not Offer.objects.filter(organisation=stranger).exists()


def test_call_archive_year_survives_hostile_input(index, client):
    make_call(index, "Konkurs bieżący", slug="biezacy")

    report = assert_form_survives_hostile_input(
        client, index.url, method="get", fields={"rok": "2026"}, check_form_page=False, max_examples=20
    )

    assert report["accepted"] == report.total()
