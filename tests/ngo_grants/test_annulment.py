"""Annulment of a call (art. 18a): only after the deadline, only when no offer was submitted or
none is valid, only by the centre's grants officers; published on the call page and in the news
feed, and mailed to the organisations that applied."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import PermissionDenied

from accounts.models import AuditEntry, AuditKind, Role
from core.models import Centre
from home.models import NewsPage
from ngo_grants.models import Annulment, AnnulmentGround, CallPage, CallProgress, CallState
from ngo_grants.services import review
from ngo_grants.signals import call_outcome_published
from tests.accounts.helpers import make_staff
from tests.factories import make_news_index
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.review_helpers import accepted, close_call, offer_after_deadline

pytestmark = pytest.mark.django_db
STATEMENT = "Jedyna złożona oferta nie spełniła wymogów formalnych."


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def index(jaslo):
    return make_call_index(jaslo)


@pytest.fixture
def call(index):
    return make_call(index)


@pytest.fixture
def officer(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


@pytest.fixture
def news(jaslo):
    return make_news_index(jaslo)


def rejected_offer(call, centre, officer, number=0):
    offer = offer_after_deadline(call, make_organisation(name=f"Fundacja {number}", number=number, centres=[centre]))
    review.decide_formally(offer, user=officer, accepted=False, reason="Brak statutu.")
    return offer


def test_the_ground_follows_the_offers_after_the_deadline(call, centre, officer):
    assert review.annulment_ground(call) is None  # before the deadline

    close_call(call)
    assert review.annulment_ground(call) == AnnulmentGround.NO_OFFERS

    offer = rejected_offer(call, centre, officer)
    assert review.annulment_ground(call) == AnnulmentGround.NONE_VALID

    second = offer_after_deadline(call, make_organisation(name="Fundacja Druga", number=1, centres=[centre]))
    assert review.annulment_ground(call) is None  # an offer still under review
    accepted(second, officer)
    assert review.annulment_ground(call) is None  # a valid offer
    assert offer.pk != second.pk


def test_the_officer_annuls_and_everyone_learns_of_it(call, centre, officer, news):
    offer = rejected_offer(call, centre, officer)
    sent = len(mail.outbox)

    annulment = review.annul_call(call, user=officer, statement=STATEMENT)

    call.refresh_from_db()
    assert (call.progress, call.state()) == (CallProgress.ANNULLED, CallState.ANNULLED)
    assert annulment.ground == AnnulmentGround.NONE_VALID and annulment.decided_by == officer
    assert AuditEntry.objects.filter(kind=AuditKind.CALL_ANNULLED, actor=officer, centre=centre).exists()
    item = NewsPage.objects.child_of(news).live().get()
    assert item.title.startswith("Unieważnienie konkursu") and "art. 18a ust. 1 pkt 2" in item.lead
    assert [link.related_page.pk for link in item.related_links.all()] == [call.pk]
    annulled = mail.outbox[sent:]
    assert offer.organisation.email in {message.to[0] for message in annulled}
    assert all(STATEMENT in message.body for message in annulled)
    with pytest.raises(review.ReviewRefused):
        review.annul_call(call, user=officer, statement=STATEMENT)


def test_a_call_with_a_valid_offer_or_before_its_deadline_is_not_annulled(call, centre, officer):
    with pytest.raises(review.ReviewRefused, match="tylko po terminie"):
        review.annul_call(call, user=officer, statement=STATEMENT)
    accepted(offer_after_deadline(call, make_organisation(centres=[centre])), officer)
    with pytest.raises(review.ReviewRefused):
        review.annul_call(call, user=officer, statement=STATEMENT)
    with pytest.raises(review.ReviewRefused, match="uzasadnienie"):
        review.annul_call(close_call(make_call(call.get_parent(), slug="pusty")), user=officer, statement=" ")
    assert not Annulment.objects.exists()


def test_only_the_centres_grants_officers_annul(call, jaslo, pulawy):
    close_call(call)
    for user in (
        make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR),
        make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER),
    ):
        with pytest.raises(PermissionDenied):
            review.annul_call(call, user=user, statement=STATEMENT)
    assert CallPage.objects.get(pk=call.pk).progress == CallProgress.SUBMISSIONS


def test_a_retried_announcement_makes_one_news_item(call, officer, news):
    close_call(call)
    review.annul_call(call, user=officer, statement=STATEMENT)

    call_outcome_published.send(sender=CallPage, call=call, title="Unieważnienie konkursu: " + call.title, lead="x")

    assert NewsPage.objects.child_of(news).count() == 1


def test_the_officer_annuls_on_the_screen_and_the_call_page_shows_it(client, call, centre, officer, index):
    rejected_offer(call, centre, officer)
    client.force_login(officer)
    summary = BeautifulSoup(client.get("/admin/oferty/konkursy/").content.decode(), "html.parser")
    link = summary.find("a", string="Unieważnij konkurs (brak ważnej oferty)")
    url = f"/admin/oferty/konkursy/{call.pk}/uniewaznienie/"
    assert link["href"] == url

    refused = BeautifulSoup(client.post(url, {"statement": ""}).content.decode(), "html.parser")
    assert "uzasadnienie" in refused.select_one(".help-critical").get_text()
    response = client.post(url, {"statement": STATEMENT})

    assert response.status_code == 302
    client.logout()
    page = BeautifulSoup(client.get(call.url).content.decode(), "html.parser")
    assert STATEMENT in page.select_one(".call-annulment").get_text()
    archive = client.get(index.url).content.decode()
    assert call.title not in archive  # no longer among the current calls


def test_the_supervisor_reads_the_annulment_screen_without_the_form(client, call, centre, officer, jaslo):
    rejected_offer(call, centre, officer)
    client.force_login(make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR))

    page = BeautifulSoup(client.get(f"/admin/oferty/konkursy/{call.pk}/uniewaznienie/").content, "html.parser")

    assert page.select_one(".annulment-form") is None
    assert "odrzucona z przyczyn formalnych: 1" in page.select_one(".annulment-counts").get_text()
