"""Every state of an offer and the transitions between them, in one place.

Services check a transition here before they change anything, so a state string is never typed
twice and the later review steps add their states and rows to this table rather than to views.
A submitted offer's content is frozen as an `OfferVersion`; a correction request reopens named
sections of the draft and its resubmission becomes the next version.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    WITHDRAWN = "withdrawn", _("withdrawn")
    CORRECTION = "correction", _("correction requested")
    FORMALLY_ACCEPTED = "formally_accepted", _("formally accepted")
    FORMALLY_REJECTED = "formally_rejected", _("formally rejected")
    SCORED = "scored", _("assessed by the committee")
    GRANTED = "granted", _("grant awarded")
    NOT_GRANTED = "not_granted", _("grant not awarded")
    AGREEMENT = "agreement", _("agreement concluded")
    SETTLED = "settled", _("grant settled")


# Which states a transition may start from.
TRANSITIONS = {
    "submit": (OfferStatus.DRAFT,),
    "withdraw": (OfferStatus.SUBMITTED,),
    "request_correction": (OfferStatus.SUBMITTED,),
    "resubmit": (OfferStatus.CORRECTION,),
    "decide_formally": (OfferStatus.SUBMITTED,),
    # A correction not made in time ends in a formal rejection (the reason says so).
    "expire_correction": (OfferStatus.CORRECTION,),
    # The committee adopts its opinion on every offer that passed the formal review at once.
    "adopt_opinion": (OfferStatus.FORMALLY_ACCEPTED,),
    # The head of the centre decides on every offer the committee assessed, in one decision.
    "decide_grant": (OfferStatus.SCORED,),
    # The organisation updates its budget (when less was granted) before the agreement.
    "conclude_agreement": (OfferStatus.GRANTED,),
    # Reports are filed under the agreement; the accepted final report settles the grant.
    "report": (OfferStatus.AGREEMENT,),
    "settle": (OfferStatus.AGREEMENT,),
}

# States in which the organisation may still change the draft: all of it while a draft, the
# reopened sections only while a correction is requested (`Offer.section_editable`).
EDITABLE = (OfferStatus.DRAFT, OfferStatus.CORRECTION)

# Offers the centre received and has to deal with: every state after submission but withdrawal.
RECEIVED = (
    OfferStatus.SUBMITTED,
    OfferStatus.CORRECTION,
    OfferStatus.FORMALLY_ACCEPTED,
    OfferStatus.FORMALLY_REJECTED,
    OfferStatus.SCORED,
    OfferStatus.GRANTED,
    OfferStatus.NOT_GRANTED,
    OfferStatus.AGREEMENT,
    OfferStatus.SETTLED,
)

# Offers the committee reads: those that passed the formal review, before and after its opinion
# and the head's decision (the committee's archive stays readable).
COMMITTEE_READS = (
    OfferStatus.FORMALLY_ACCEPTED,
    OfferStatus.SCORED,
    OfferStatus.GRANTED,
    OfferStatus.NOT_GRANTED,
    OfferStatus.AGREEMENT,
    OfferStatus.SETTLED,
)


def can(transition, status):
    return status in TRANSITIONS[transition]
