"""Starting offers and keeping their drafts. Submission and withdrawal: `submission`."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from ngo_grants.models import Offer
from ngo_grants.permissions import can_edit_offer, can_write_offers


class OfferLocked(Exception):
    """The offer (or this section of it) cannot change now: submitted or withdrawn meanwhile,
    or not among the sections a correction reopened."""


def start_offer(*, user, organisation, task):
    """A new draft for `task` (a PublicTask of a live call) written by `organisation`."""
    if not can_write_offers(user, organisation):
        raise PermissionDenied
    call = task.call
    centre = call.centre()
    return Offer.objects.create(
        call=call,
        task=task,
        organisation=organisation,
        centre=centre,
        created_by=user,
        draft={"basic": {"title": task.title}},
        title=task.title,
    )


def save_section(offer, section, raw, *, user):
    """Keep `raw` (what was typed in `section`, see sections.raw_from_post) in the draft.

    The row is locked so an autosave and a submission never interleave: a save that arrives
    after the offer was submitted is refused (`OfferLocked`) rather than lost silently."""
    with transaction.atomic():
        offer = Offer.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=offer.pk)
        if not offer.section_editable(section.key):
            raise OfferLocked
        if not can_edit_offer(user, offer):
            raise PermissionDenied
        offer.draft[section.key] = raw
        if section.key == "basic":
            offer.title = str(raw.get("title", "")).strip()[:300]
        offer.updated_at = timezone.now()
        offer.save(update_fields=["draft", "title", "updated_at"])
    return offer
