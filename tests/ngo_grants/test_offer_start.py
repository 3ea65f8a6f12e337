"""Starting an offer from a task of an open call: the member chooses the organisation, a draft
already begun is continued instead of doubled, an unverified organisation is warned, and a
person without an organisation is shown where to register one."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from core.models import Centre
from ngo_grants.models import Offer
from ngo_grants.views.start import ACTING_ORGANISATION
from ngo_grants.workflow import OfferStatus
from tests.factories import UserFactory
from tests.ngo_grants import add_member, in_days, make_call, make_call_index, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def task(jaslo):
    return make_call(make_call_index(jaslo)).tasks.get()


@pytest.fixture
def member(centre):
    """An administrator of a verified organisation and an editor of an unverified one."""
    user = UserFactory(email="prezes@pomocna.example.org")
    make_organisation(user, name="Stowarzyszenie Pomocna Dłoń", centres=[centre])
    unverified = make_organisation(name="Fundacja Nowy Start", number=1)
    add_member(unverified, user)
    return user


def page_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def url(task):
    return f"/oferty/nowa/{task.pk}/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_visitor_is_asked_to_sign_in(task, client):
    response = client.get(url(task))
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


def test_member_chooses_among_organisations_the_acting_one_chosen_first(task, member):
    client = signed_in(member)
    acting = member.ngo_memberships.get(organisation__name="Fundacja Nowy Start").organisation
    session = client.session
    session[ACTING_ORGANISATION] = acting.pk
    session.save()

    page = page_of(client.get(url(task)))
    options = page.select("select[name=organisation] option")
    assert [option.get_text() for option in options] == ["Fundacja Nowy Start", "Stowarzyszenie Pomocna Dłoń"]
    assert page.select_one("select[name=organisation] option[selected]").get_text() == "Fundacja Nowy Start"
    assert task.title in page.h1.get_text()
    assert "50 000,00 zł" in page.get_text()


def test_unverified_organisation_is_warned_that_submitting_waits_for_verification(task, member):
    warnings = page_of(signed_in(member).get(url(task))).select(".offer-unverified p")
    assert [" ".join(p.get_text().split()) for p in warnings] == [
        "Fundacja Nowy Start – organizacja nie została jeszcze zweryfikowana przez MOPS Jasło. Możesz już pisać "
        "ofertę; złożyć ją będzie można, gdy ośrodek zweryfikuje organizację."
    ]


def test_person_without_an_organisation_is_shown_where_to_register_one(task):
    page = page_of(signed_in(UserFactory()).get(url(task)))
    assert not page.select("form.offer-start-form")
    assert page.select_one("a[href='/organizacje/nowa/']").get_text() == "Zarejestruj organizację"


def test_starting_makes_a_draft_of_the_chosen_organisation_and_opens_it(task, member, centre):
    organisation = member.ngo_memberships.get(organisation__name="Stowarzyszenie Pomocna Dłoń").organisation
    client = signed_in(member)

    response = client.post(url(task), {"organisation": organisation.pk})

    offer = Offer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/oferty/{offer.pk}/"
    assert (offer.task, offer.organisation, offer.centre, offer.status) == (task, organisation, centre, "draft")
    assert offer.created_by == member
    assert client.session[ACTING_ORGANISATION] == organisation.pk


def test_a_draft_already_begun_is_offered_and_continued_instead_of_a_second(task, member):
    organisation = member.ngo_memberships.get(organisation__name="Stowarzyszenie Pomocna Dłoń").organisation
    client = signed_in(member)
    first = client.post(url(task), {"organisation": organisation.pk})
    draft = Offer.objects.get()

    page = page_of(client.get(url(task)))
    assert page.select_one(".offer-drafts a")["href"] == f"/oferty/{draft.pk}/"
    second = client.post(url(task), {"organisation": organisation.pk})

    assert first["Location"] == second["Location"] == f"/oferty/{draft.pk}/"
    assert Offer.objects.count() == 1


def test_only_a_draft_is_continued_a_withdrawn_offer_leaves_room_for_a_new_one(task, member):
    organisation = member.ngo_memberships.get(organisation__name="Stowarzyszenie Pomocna Dłoń").organisation
    client = signed_in(member)
    client.post(url(task), {"organisation": organisation.pk})
    Offer.objects.update(status=OfferStatus.WITHDRAWN)
    client.post(url(task), {"organisation": organisation.pk})
    assert sorted(Offer.objects.values_list("status", flat=True)) == ["draft", "withdrawn"]


def test_an_organisation_the_member_does_not_belong_to_is_refused(task, member):
    stranger = make_organisation(name="Obca Fundacja", number=2)
    page = page_of(signed_in(member).post(url(task), {"organisation": stranger.pk}))
    assert page.select_one("#id_organisation_error").get_text() == "Wybierz jedną ze swoich organizacji z listy."
    assert not Offer.objects.exists()


def test_a_closed_call_says_offers_are_not_accepted_and_starts_nothing(jaslo, member):
    closed = make_call(make_call_index(jaslo), opens_at=in_days(-40), closes_at=in_days(-1)).tasks.get()
    client = signed_in(member)
    page = page_of(client.get(url(closed)))
    assert "Oferty w tym konkursie nie są teraz przyjmowane." in page.get_text()
    assert not page.select("form.offer-start-form")

    organisation = member.ngo_memberships.first().organisation
    refused = page_of(client.post(url(closed), {"organisation": organisation.pk}))
    assert "Oferty w tym konkursie nie są teraz przyjmowane." in refused.select_one(".error-summary").get_text()
    assert not Offer.objects.exists()


def test_tasks_of_unpublished_calls_other_centres_and_impossible_ids_are_not_found(jaslo, pulawy, member):
    draft_call = make_call(make_call_index(jaslo), slug="szkic")
    draft_call.unpublish()
    other_centre = make_call(make_call_index(pulawy), slug="pulawy").tasks.get()
    client = signed_in(member)
    assert client.get(url(draft_call.tasks.get())).status_code == 404
    assert client.get(url(other_centre)).status_code == 404
    assert client.get("/oferty/nowa/" + "9" * 40 + "/").status_code == 404
