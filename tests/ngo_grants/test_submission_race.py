"""Submissions racing each other, the deadline and autosaves, on real PostgreSQL transactions
in real threads: one submission per offer, gapless numbers, and never a half-submitted offer
or a save lost silently."""

import datetime
import itertools
import threading
import types
from unittest import mock

import pytest
from django.utils import timezone

from ngo_grants.models import Offer, OfferVersion
from ngo_grants.sections import SECTIONS_BY_KEY
from ngo_grants.services.offers import OfferLocked, save_section
from ngo_grants.services.submission import AlreadySubmitted, SubmissionRefused, submit_offer
from ngo_grants.workflow import OfferStatus
from tests.ngo_grants.submitting import many_offers, ready_offer, writer_of
from tests.support import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_ten_parallel_submissions_of_one_offer_give_one_version_and_one_number(jaslo):
    offer = ready_offer(jaslo)
    user = writer_of(offer)

    outcomes = run_together([lambda: submit_offer(offer, user=user)] * 10)

    accepted = [outcome for outcome in outcomes if isinstance(outcome, Offer)]
    assert len(accepted) == 1
    assert all(isinstance(outcome, AlreadySubmitted) for outcome in outcomes if outcome not in accepted)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED and offer.number == accepted[0].number
    assert OfferVersion.objects.filter(offer=offer).count() == 1


def test_offers_of_many_organisations_submitted_at_once_get_unique_gapless_numbers(jaslo):
    offers = many_offers(jaslo, 16)

    outcomes = run_together([lambda offer=offer: submit_offer(offer, user=writer_of(offer)) for offer in offers])

    assert all(isinstance(outcome, Offer) for outcome in outcomes), outcomes
    numbers = sorted(Offer.objects.values_list("number", flat=True))
    call = offers[0].call
    assert numbers == [f"{call.year}/{call.pk}/{n:03d}" for n in range(1, 17)]
    assert OfferVersion.objects.count() == 16


def test_a_submission_racing_the_deadline_is_fully_accepted_or_refused_with_nothing_written(jaslo):
    offers = many_offers(jaslo, 12)
    call = offers[0].call
    # A clock that moves on a millisecond each time the service reads it, crossing the
    # deadline half-way: whoever gets the lock first reads a time before it.
    ticks = itertools.count()
    lock = threading.Lock()

    def now():
        with lock:
            return call.closes_at + datetime.timedelta(milliseconds=next(ticks) - 6)

    clock = types.SimpleNamespace(now=now, localtime=timezone.localtime)
    with mock.patch("ngo_grants.services.submission.timezone", clock):
        outcomes = run_together([lambda offer=offer: submit_offer(offer, user=writer_of(offer)) for offer in offers])

    accepted = [offer for offer, outcome in zip(offers, outcomes, strict=True) if isinstance(outcome, Offer)]
    refused = [offer for offer, outcome in zip(offers, outcomes, strict=True) if isinstance(outcome, SubmissionRefused)]
    assert len(accepted) == 6 and len(refused) == 6, outcomes
    for offer in accepted:
        offer.refresh_from_db()
        assert offer.status == OfferStatus.SUBMITTED and offer.number
        assert offer.submitted_at < call.closes_at
        assert offer.versions.get().created_at == offer.submitted_at
    for offer, outcome in zip(offers, outcomes, strict=True):
        if offer in refused:
            assert "Termin składania ofert minął" in outcome.message
            offer.refresh_from_db()
            assert (offer.status, offer.number, offer.submitted_at) == (OfferStatus.DRAFT, "", None)
            assert not offer.versions.exists()
    numbers = sorted(offer.number for offer in accepted)
    assert numbers == [f"{call.year}/{call.pk}/{n:03d}" for n in range(1, 7)]


def test_a_save_racing_the_submission_is_in_the_version_or_refused_never_lost(jaslo):
    section = SECTIONS_BY_KEY["other"]
    seen = set()
    for attempt, offer in enumerate(many_offers(jaslo, 8)):
        user = writer_of(offer)
        text = f"Dopisane w ostatniej chwili {attempt}"

        saved, submitted = run_together(
            [
                lambda offer=offer, user=user, text=text: save_section(
                    offer, section, {"other_information": text}, user=user
                ),
                lambda offer=offer, user=user: submit_offer(offer, user=user),
            ]
        )

        assert isinstance(submitted, Offer), submitted
        content = offer.versions.get().content["sections"]["other"]["other_information"]
        if isinstance(saved, OfferLocked):
            assert content == ""
            seen.add("refused")
        else:
            assert isinstance(saved, Offer), saved
            assert content == text
            seen.add("saved first")
    assert seen, "every round ends one of the two ways"
