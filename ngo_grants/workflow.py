"""Every state of an offer and the transitions between them, in one place.

Services check a transition here before they change anything, so a state string is never typed
twice and the review steps after the deadline (Step 7) add their states and rows to this table
rather than to views. A submitted offer's content is frozen as an `OfferVersion`; a correction
(Step 7) reopens named sections of the draft and its resubmission becomes the next version.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Which states a transition may start from.
TRANSITIONS = {
    "submit": (OfferStatus.DRAFT,),
    "withdraw": (OfferStatus.SUBMITTED,),
}

# States in which the organisation may still change the draft.
EDITABLE = (OfferStatus.DRAFT,)


def can(transition, status):
    return status in TRANSITIONS[transition]
