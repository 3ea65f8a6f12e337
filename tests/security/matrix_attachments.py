"""Rows for an offer's attachments, its submission, withdrawal, copy and confirmation.

On first use `ensure` adds to centre A's draft "offer_a" two attachments (one for the removal
row, so the download row still has its own) and a second offer of the same organisation,
submitted, for the withdrawal, copy and confirmation rows.

Members of the organisation and centre A's grants staff read the attachments and the
confirmation; only the organisation's writers (administrator, editor) change anything or
reach the submission screens. Anyone else gets 404, as for an offer that does not exist;
centre A's grants staff who try to remove an attachment are refused (403).
"""

from tests.security.access import DENIED, OK, REDIRECT, Row, expectations
from tests.security.matrix_offers import MEMBERS_AND_GRANTS_STAFF_A, SIGNED_IN


def ensure(world):
    """Centre A's attachments and submitted offer, made once per world."""
    if "attachment_a" not in world.objects:
        from ngo_grants.models import Offer
        from ngo_grants.services.submission import submit_offer
        from tests.ngo_grants import complete_draft
        from tests.ngo_grants.submitting import attach_statute

        offer = world.offer_a
        world.objects["attachment_a"] = attach_statute(offer)
        world.objects["attachment_to_remove_a"] = attach_statute(offer, name="Do usunięcia.pdf")
        submitted = Offer.objects.create(
            call=offer.call,
            task=offer.task,
            organisation=offer.organisation,
            centre=offer.centre,
            draft=complete_draft(offer.task),
        )
        attach_statute(submitted)
        world.objects["submitted_offer_a"] = submit_offer(submitted, user=world.users["ngo_admin"])
    return world


def offer_url(suffix, offer="offer_a"):
    return lambda w: f"/oferty/{getattr(ensure(w), offer).pk}/{suffix}"


def attachment_url(suffix, attachment="attachment_a"):
    return lambda w: f"/oferty/{ensure(w).offer_a.pk}/zalaczniki/{getattr(w, attachment).pk}/{suffix}"


WRITERS_ONLY = expectations(DENIED, **SIGNED_IN, ngo_admin=OK, ngo_editor=OK)
WRITERS_ACT = expectations(DENIED, **SIGNED_IN, ngo_admin=REDIRECT, ngo_editor=REDIRECT)

ROWS = [
    Row("oferty/<int:pk>/zalaczniki/", offer_url("zalaczniki/"), MEMBERS_AND_GRANTS_STAFF_A),
    Row("oferty/<int:pk>/zalaczniki/<int:attachment_pk>/", attachment_url(""), MEMBERS_AND_GRANTS_STAFF_A),
    Row(
        "oferty/<int:pk>/zalaczniki/<int:attachment_pk>/usun/",
        attachment_url("usun/", "attachment_to_remove_a"),
        WRITERS_ACT,
        method="post",
        note="grants staff of centre A read the offer but may not change it (403)",
    ),
    Row("oferty/<int:pk>/zloz/", offer_url("zloz/"), WRITERS_ONLY),
    Row("oferty/<int:pk>/wycofaj/", offer_url("wycofaj/", "submitted_offer_a"), WRITERS_ONLY),
    Row(
        "oferty/<int:pk>/nowa-z-tej/",
        offer_url("nowa-z-tej/", "submitted_offer_a"),
        WRITERS_ACT,
        method="post",
        note="starts a new draft from the submitted offer",
    ),
    Row(
        "oferty/<int:pk>/potwierdzenie.pdf",
        offer_url("potwierdzenie.pdf", "submitted_offer_a"),
        MEMBERS_AND_GRANTS_STAFF_A,
    ),
]
