"""Submitting and withdrawing offers: decided on the server, once, under a lock.

Two clicks, two tabs or two members submitting the same offer give one submission: the offer
row is locked and its state checked under the lock. Whether the window is open is decided by
the server's clock, read after the lock is taken, and everything the submission writes (the
number, the frozen version, the state) commits together or not at all, so an offer racing the
deadline is either submitted with a time before it or refused with a message that says why.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ngo_grants.models import Offer, OfferCounter, OfferVersion
from ngo_grants.permissions import can_write_offers
from ngo_grants.sections import checksum, validate_draft
from ngo_grants.services.attachments import copy_attachments, files_removed_on_failure
from ngo_grants.workflow import OfferStatus, can


@dataclass
class SubmissionRefused(Exception):
    """The offer was not submitted; `message` says why and `problems` lists what to correct."""

    message: str
    problems: list = field(default_factory=list)

    def __str__(self):
        return self.message


class AlreadySubmitted(SubmissionRefused):
    """A second submission of the same offer (a double click): the first one stands."""


def _locked(offer):
    return (
        Offer.objects.select_for_update(of=("self",))
        .select_related("call", "task", "organisation", "centre")
        .get(pk=offer.pk)
    )


def window_problem(call, now):
    """Why `call` does not take offers at `now`, or None."""
    if call.is_open(now):
        return None
    moment = formats.date_format(timezone.localtime(call.closes_at), "j E Y, H:i")
    if now < call.opens_at:
        opens = formats.date_format(timezone.localtime(call.opens_at), "j E Y, H:i")
        return _("Offers to this call are accepted from %(opens)s.") % {"opens": opens}
    return _("The deadline for offers passed on %(deadline)s; the offer was not submitted.") % {"deadline": moment}


def submit_offer(offer, *, user, now=None):
    """Submit `offer` for `user`; returns the submitted offer or raises `SubmissionRefused`.

    `now` is for the demo data (offers submitted in the past) and the tests of the deadline;
    everyone else gets the server's time, read once the offer is locked, so a request that
    waited for the lock is judged by when it got it."""
    with transaction.atomic():
        offer = _locked(offer)
        if not can_write_offers(user, offer.organisation):
            raise PermissionDenied
        if offer.status == OfferStatus.WITHDRAWN:
            raise SubmissionRefused(
                _("A withdrawn offer cannot be submitted again; start a new one from it and submit that.")
            )
        now = now or timezone.now()
        correction = None
        if can("resubmit", offer.status):
            correction = _open_correction(offer, now)
        elif not can("submit", offer.status):
            # Submitted, or further on (review): the first submission stands.
            raise AlreadySubmitted(_("This offer was already submitted as no. %(number)s.") % {"number": offer.number})
        else:
            _check_window(offer, now)
        attachments = list(offer.attachments.select_related("required"))
        content, problems = validate_draft(offer, attachments=attachments)
        if problems:
            raise SubmissionRefused(_("The offer has things to correct before it can be submitted."), problems)
        previous = offer.latest_version()
        if correction is None:
            offer.number = _next_number(offer.call)
        else:
            # Only the reopened sections may differ from the version the officer reviewed.
            for key, kept in previous.content["sections"].items():
                if key not in offer.reopened:
                    content["sections"][key] = kept
            if "costs" not in offer.reopened:
                content["budget"] = previous.content["budget"]
        content.update(
            number=offer.number,
            submitted_at=now.isoformat(),
            attachments=[
                {
                    "name": attachment.original_name,
                    "required": attachment.required.name if attachment.required else "",
                    "description": attachment.description,
                    "size": attachment.size,
                    "sha256": attachment.sha256,
                }
                for attachment in attachments
            ],
        )
        version = OfferVersion.objects.create(
            offer=offer,
            number=previous.number + 1 if previous else 1,
            content=content,
            checksum=checksum(content),
            created_at=now,
            created_by=user,
        )
        if correction is not None:
            correction.corrected_version = version
            correction.save(update_fields=["corrected_version"])
            offer.reopened = []
        else:
            # A corrected offer keeps the time it first came in: that is what the deadline judged.
            offer.submitted_at = now
            offer.submitted_by = user
        offer.status = OfferStatus.SUBMITTED
        offer.title = content["sections"]["basic"]["title"]
        budget = content["budget"]
        offer.total_cost, offer.grant_requested, offer.own_contribution = (
            budget["total"],
            budget["grant"],
            budget["other"],
        )
        offer.save()
        transaction.on_commit(lambda: _confirm(offer.pk))
    offer.refresh_from_db()
    return offer


def _check_window(offer, now):
    problem = window_problem(offer.call, now)
    if problem:
        raise SubmissionRefused(problem)
    if not offer.organisation.is_verified_by(offer.centre):
        raise SubmissionRefused(
            _(
                "%(centre)s has not verified your organisation yet. The offer is saved; ask the centre "
                "to verify the organisation before the deadline."
            )
            % {"centre": offer.centre}
        )


def _open_correction(offer, now):
    """The correction request `offer` answers, while its time lasts; else SubmissionRefused."""
    correction = offer.open_correction()
    if correction is None or now > correction.due_at:
        raise SubmissionRefused(_("The time to correct this offer has ended; the centre decides on it as it stands."))
    return correction


def _next_number(call):
    """The call's next offer number, gapless: the counter row is locked until commit."""
    counter, _created = OfferCounter.objects.get_or_create(call=call)
    counter = OfferCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{call.year}/{call.pk}/{counter.last:03d}"


def _confirm(offer_id):
    from ngo_grants.tasks import send_submission_confirmation

    send_submission_confirmation.enqueue(offer_id)


def withdraw_offer(offer, *, user, now=None):
    """Withdraw a submitted offer before the deadline; the organisation may then write a new one."""
    with transaction.atomic():
        offer = _locked(offer)
        if not can_write_offers(user, offer.organisation):
            raise PermissionDenied
        if not can("withdraw", offer.status):
            raise SubmissionRefused(_("Only a submitted offer can be withdrawn."))
        now = now or timezone.now()
        if not offer.call.is_open(now):
            raise SubmissionRefused(
                _("After the deadline an offer can no longer be withdrawn here; write to the centre.")
            )
        offer.status = OfferStatus.WITHDRAWN
        offer.withdrawn_at = now
        offer.save(update_fields=["status", "withdrawn_at"])
    return offer


def copy_offer(offer, *, user, now=None):
    """A new draft of `offer`'s organisation to the same task, starting from `offer`'s draft
    with copies of its attachments: how an organisation writes again after withdrawing."""
    if not can_write_offers(user, offer.organisation):
        raise PermissionDenied
    now = now or timezone.now()
    if now >= offer.call.closes_at:
        raise SubmissionRefused(_("The deadline for offers to this call has passed; a new offer cannot be started."))
    with files_removed_on_failure() as saved, transaction.atomic():
        copy = Offer.objects.create(
            call=offer.call,
            task=offer.task,
            organisation=offer.organisation,
            centre=offer.centre,
            created_by=user,
            draft=offer.draft,
            title=offer.title,
        )
        copy_attachments(offer, copy, saved)
    return copy
