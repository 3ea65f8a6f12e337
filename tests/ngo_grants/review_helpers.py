"""Offers after the deadline, for the tests of the formal review (and the access matrix)."""

from ngo_grants.models import CallPage
from ngo_grants.services import review
from tests.ngo_grants import in_days
from tests.ngo_grants.staff_helpers import submitted_offer


def close_call(call, days_ago=1):
    """Move `call`'s deadline into the past, as the calendar would (the page's publishing guard
    is about announcing, not about the clock moving on)."""
    CallPage.objects.filter(pk=call.pk).update(opens_at=in_days(-40), closes_at=in_days(-days_ago))
    call.refresh_from_db()
    return call


def offer_after_deadline(call, organisation, **kwargs):
    """An offer submitted while `call` was open (five days before its deadline, which passed
    yesterday), read after the deadline."""
    close_call(call)
    return submitted_offer(call, organisation, now=in_days(-6), **kwargs)


def accepted(offer, officer):
    """`offer`, every requirement answered as met and accepted formally by `officer`."""
    review.record_answers(offer, all_met(offer), user=officer)
    review.decide_formally(offer, user=officer, accepted=True)
    offer.refresh_from_db()
    return offer


def all_met(offer):
    return dict.fromkeys(offer.call.formal_checks.all(), (True, ""))


def review_data(offer, action="save", met="yes", **extra):
    """The formal review form as an officer sends it: every requirement answered `met`."""
    data = {"action": action, "reason": "", **extra}
    for requirement in offer.call.formal_checks.all():
        data[f"met_{requirement.pk}"] = met
        data[f"note_{requirement.pk}"] = ""
    return data


def correction_requested(offer, officer, sections=("basic",), reason="Brak podpisu skarbnika."):
    return review.request_correction(offer, user=officer, sections=list(sections), reason=reason)
