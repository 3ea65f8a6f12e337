"""Submitting an offer: once, inside the window, with every rule holding; the frozen version
and its checksum are what the organisation is told."""

import pytest
from django.core import mail

from ngo_grants.models import Attachment, Offer
from ngo_grants.sections import checksum
from ngo_grants.services.submission import AlreadySubmitted, SubmissionRefused, submit_offer, withdraw_offer
from ngo_grants.workflow import OfferStatus
from tests.ngo_grants import complete_draft, in_days, make_call, make_call_index, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(jaslo):
    from core.models import Centre

    centre = Centre.for_site(jaslo)
    call = make_call(make_call_index(jaslo))
    task = call.tasks.get()
    organisation = make_organisation(centres=[centre])
    offer = Offer.objects.create(
        call=call, task=task, organisation=organisation, centre=centre, draft=complete_draft(task)
    )
    Attachment.objects.create(
        offer=offer,
        required=call.required_attachments.get(),
        file="offers/statut.pdf",
        original_name="statut.pdf",
        size=1000,
        sha256="a" * 64,
        kind="pdf",
    )
    return offer


def admin_of(offer):
    return offer.organisation.memberships.get().user


def test_submission_numbers_freezes_and_confirms(offer):
    submitted = submit_offer(offer, user=admin_of(offer))
    version = submitted.versions.get()
    assert submitted.status == OfferStatus.SUBMITTED
    assert submitted.number == f"{offer.call.year}/{offer.call_id}/001"
    assert version.checksum == checksum(version.content)
    assert version.content["attachments"][0]["sha256"] == "a" * 64
    assert str(submitted.grant_requested) == "9000.00"
    assert {message.to[0] for message in mail.outbox} == {offer.organisation.email, admin_of(offer).email}
    assert version.checksum in mail.outbox[0].body


def test_second_submission_of_the_same_offer_is_refused_as_already_done(offer):
    submit_offer(offer, user=admin_of(offer))
    with pytest.raises(AlreadySubmitted):
        submit_offer(offer, user=admin_of(offer))
    assert offer.versions.count() == 1


def test_offer_cannot_be_submitted_after_deadline(offer):
    with pytest.raises(SubmissionRefused, match="Termin składania ofert minął"):
        submit_offer(offer, user=admin_of(offer), now=in_days(31))
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT and offer.number == ""


def test_missing_required_attachment_is_a_problem(offer):
    offer.attachments.all().delete()
    with pytest.raises(SubmissionRefused) as refused:
        submit_offer(offer, user=admin_of(offer))
    assert [problem.section for problem in refused.value.problems] == ["attachments"]


def test_withdrawn_offer_stays_withdrawn(offer):
    submit_offer(offer, user=admin_of(offer))
    withdrawn = withdraw_offer(offer, user=admin_of(offer))
    assert withdrawn.status == OfferStatus.WITHDRAWN
    with pytest.raises(SubmissionRefused):
        submit_offer(offer, user=admin_of(offer))
