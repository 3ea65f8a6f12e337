"""The formal review after the deadline: answers to the call's checklist, correction requests,
the formal decision and, when no offer is left valid, the call's annulment (art. 18a); each
decided here, under a lock, with its audit entry.

Only the grants officers of the offer's centre review (the supervisor reads). A correction
reopens only the sections it names until the end of the day the call's `correction_days` give;
an offer not corrected by then is rejected formally by `expire_corrections` (cron), with the
request's reason quoted. Mails to the organisation go through the queue after commit.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.audit import record
from accounts.models import AuditKind
from ngo_grants.deadlines import end_of_day_after
from ngo_grants.models import (
    Annulment,
    AnnulmentGround,
    CallPage,
    CallProgress,
    CorrectionRequest,
    FormalAnswer,
    FormalDecision,
    FormalOutcome,
    Offer,
)
from ngo_grants.roles import is_grants_officer
from ngo_grants.sections import SECTIONS_BY_KEY
from ngo_grants.workflow import COMMITTEE_READS, OfferStatus, can

ATTACHMENTS = "attachments"
# Sections whose rules read another section: reopening the first reopens the second, or the
# organisation could be stuck with a total it may not change.
REOPENED_WITH = {"costs": ("financing",)}


@dataclass
class ReviewRefused(Exception):
    message: str

    def __str__(self):
        return self.message


def may_review(user, offer):
    return is_grants_officer(user, offer.centre_id)


def _locked(offer, user):
    offer = (
        Offer.objects.select_for_update(of=("self",)).select_related("call", "centre", "organisation").get(pk=offer.pk)
    )
    if not may_review(user, offer):
        raise PermissionDenied
    return offer


def review_problem(offer, now=None):
    """Why the formal review cannot act on `offer` now, or None."""
    now = now or timezone.now()
    if now < offer.call.closes_at:
        return _("The formal review starts after the deadline for offers.")
    if offer.status == OfferStatus.CORRECTION:
        return _("A correction is requested; the offer is reviewed again once the organisation resubmits it.")
    if offer.status in COMMITTEE_READS or offer.status == OfferStatus.FORMALLY_REJECTED:
        return _("The formal review of this offer has ended: %(outcome)s.") % {"outcome": offer.get_status_display()}
    if offer.status != OfferStatus.SUBMITTED:
        return _("Only a submitted offer is reviewed.")
    return None


def _check_reviewable(offer, transition, now):
    problem = review_problem(offer, now)
    if problem or not can(transition, offer.status):
        raise ReviewRefused(problem or _("Only a submitted offer is reviewed."))


def record_answers(offer, answers, *, user, now=None):
    """Keep the officer's answers: `answers` maps a FormalCheck to (met: True/False/None, note)."""
    now = now or timezone.now()
    with transaction.atomic():
        offer = _locked(offer, user)
        _check_reviewable(offer, "decide_formally", now)
        version = offer.latest_version()
        for requirement, (met, note) in answers.items():
            FormalAnswer.objects.update_or_create(
                offer=offer,
                requirement=requirement,
                defaults={
                    "question": requirement.question,
                    "met": met,
                    "note": note,
                    "version": version,
                    "answered_by": user,
                    "answered_at": now,
                },
            )
    return offer


def unmet_requirements(offer):
    """The call's requirements not answered "met" for `offer`, in the checklist's order."""
    met = set(offer.formal_answers.filter(met=True).values_list("requirement", flat=True))
    return [requirement for requirement in offer.call.formal_checks.all() if requirement.pk not in met]


def correction_due(call, now):
    """The end of the day, Polish time, `call.correction_days` days after `now`."""
    return end_of_day_after(now, call.correction_days)


def reopenable():
    """(key, label) of every part of an offer a correction may reopen."""
    parts = [(section.key, f"{section.number}. {section.title}") for section in SECTIONS_BY_KEY.values()]
    return [*parts, (ATTACHMENTS, _("Attachments"))]


def request_correction(offer, *, user, sections, reason, now=None):
    """Reopen `sections` of `offer` for correction; returns the CorrectionRequest."""
    now = now or timezone.now()
    keys = {key for key, _label in reopenable()}
    chosen = [key for key in dict.fromkeys(sections) if key in keys]
    if not chosen:
        raise ReviewRefused(_("Choose at least one section to reopen."))
    if not reason.strip():
        raise ReviewRefused(_("Say what is to be corrected and why."))
    for key in list(chosen):
        chosen += [extra for extra in REOPENED_WITH.get(key, ()) if extra not in chosen]
    with transaction.atomic():
        offer = _locked(offer, user)
        _check_reviewable(offer, "request_correction", now)
        correction = CorrectionRequest.objects.create(
            offer=offer,
            version=offer.latest_version(),
            sections=chosen,
            reason=reason.strip(),
            due_at=correction_due(offer.call, now),
            requested_by=user,
            requested_at=now,
        )
        offer.status = OfferStatus.CORRECTION
        offer.reopened = chosen
        offer.save(update_fields=["status", "reopened"])
        _audit(AuditKind.OFFER_CORRECTION, offer, user, reason)
        transaction.on_commit(lambda: _queue("send_correction_request", correction.pk))
    return correction


def decide_formally(offer, *, user, accepted, reason="", now=None):
    """Accept `offer` formally (every requirement met) or reject it with `reason`."""
    now = now or timezone.now()
    reason = reason.strip()
    with transaction.atomic():
        offer = _locked(offer, user)
        _check_reviewable(offer, "decide_formally", now)
        if accepted and unmet_requirements(offer):
            raise ReviewRefused(_("An offer is accepted only when every requirement is answered as met."))
        if not accepted and not reason:
            raise ReviewRefused(_("Give the reason for the rejection; the organisation reads it."))
        decision = _decide(offer, user, accepted, reason, now)
    return decision


def _decide(offer, user, accepted, reason, now):
    decision = FormalDecision.objects.create(
        offer=offer,
        version=offer.latest_version(),
        outcome=FormalOutcome.ACCEPTED if accepted else FormalOutcome.REJECTED,
        reason=reason,
        decided_by=user,
        decided_at=now,
    )
    offer.status = OfferStatus.FORMALLY_ACCEPTED if accepted else OfferStatus.FORMALLY_REJECTED
    offer.reopened = []
    offer.save(update_fields=["status", "reopened"])
    _audit(AuditKind.OFFER_ACCEPTED if accepted else AuditKind.OFFER_REJECTED, offer, user, reason)
    transaction.on_commit(lambda: _queue("send_formal_decision", decision.pk))
    return decision


def expire_corrections(now=None):
    """Reject formally every offer whose correction was not resubmitted in time; returns how
    many. Safe to run twice: an offer already decided is skipped under its lock."""
    now = now or timezone.now()
    overdue = CorrectionRequest.objects.filter(
        offer__status=OfferStatus.CORRECTION,
        corrected_version__isnull=True,
        expired_at__isnull=True,
        due_at__lt=now,
    ).values_list("pk", flat=True)
    expired = 0
    for pk in list(overdue):
        with transaction.atomic():
            correction = CorrectionRequest.objects.select_for_update().select_related("offer").get(pk=pk)
            offer = (
                Offer.objects.select_for_update(of=("self",))
                .select_related("call", "centre")
                .get(pk=correction.offer_id)
            )
            if not correction.open or not can("expire_correction", offer.status):
                continue
            correction.expired_at = now
            correction.save(update_fields=["expired_at"])
            with translation.override(settings.LANGUAGE_CODE):
                due = formats.date_format(timezone.localtime(correction.due_at), "j E Y, H:i")
                reason = _("The offer was not corrected by %(due)s as requested: %(reason)s") % {
                    "due": due,
                    "reason": correction.reason,
                }
            _decide(offer, None, False, reason, now)
            expired += 1
    return expired


def _audit(kind, offer, user, reason):
    with translation.override(settings.LANGUAGE_CODE):
        summary = _("Offer no. %(number)s of %(organisation)s") % {
            "number": offer.number,
            "organisation": offer.organisation.name,
        }
        if reason:
            summary = _("%(summary)s – reason: %(reason)s") % {"summary": summary, "reason": reason}
    record(kind, actor=user, centre=offer.centre, details={"offer": offer.pk, "summary": summary})


def _queue(name, pk):
    from ngo_grants import tasks

    getattr(tasks, name).enqueue(pk)


# --- Annulment (art. 18a) ---------------------------------------------------------------------


def annulment_ground(call, now=None):
    """The ground on which `call` must be annulled now, or None while it may not (before the
    deadline, while an offer is still valid or under review, or when already annulled)."""
    now = now or timezone.now()
    if now < call.closes_at or call.progress == CallProgress.ANNULLED:
        return None
    statuses = set(Offer.objects.filter(call=call).received().values_list("status", flat=True))
    if not statuses:
        return AnnulmentGround.NO_OFFERS
    if statuses == {OfferStatus.FORMALLY_REJECTED}:
        return AnnulmentGround.NONE_VALID
    return None


def annul_call(call, *, user, statement, now=None):
    """Annul `call` (art. 18a) with the officer's `statement`; returns the Annulment. The call
    page shows it at once, the news feed gets an item and the organisations that applied a mail."""
    now = now or timezone.now()
    statement = statement.strip()
    if not is_grants_officer(user, call.centre().pk):
        raise PermissionDenied
    if not statement:
        raise ReviewRefused(_("Write the statement of reasons; it is published with the annulment."))
    with transaction.atomic():
        call = CallPage.objects.select_for_update().get(pk=call.pk)
        ground = annulment_ground(call, now)
        if ground is None:
            raise ReviewRefused(
                _(
                    "The call can be annulled only after the deadline, when no offer was submitted or none "
                    "met the requirements."
                )
            )
        annulment = Annulment.objects.create(
            call=call, ground=ground, statement=statement, decided_by=user, decided_at=now
        )
        CallPage.objects.filter(pk=call.pk).update(progress=CallProgress.ANNULLED)
        with translation.override(settings.LANGUAGE_CODE):
            summary = _("Call annulled: %(call)s – %(ground)s") % {
                "call": call.title,
                "ground": annulment.get_ground_display(),
            }
        record(AuditKind.CALL_ANNULLED, actor=user, centre=call.centre(), details={"call": call.pk, "summary": summary})
        transaction.on_commit(lambda: _announce_annulment(annulment.pk))
    return annulment


def _announce_annulment(annulment_pk):
    from ngo_grants import tasks
    from ngo_grants.signals import call_outcome_published

    annulment = Annulment.objects.select_related("call").get(pk=annulment_pk)
    call = annulment.call
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Annulment of the call: %(call)s") % {"call": call.title}
        lead = _("The centre annulled the open call for offers for %(year)s: %(ground)s.") % {
            "year": call.year,
            "ground": annulment.get_ground_display(),
        }
    call_outcome_published.send(sender=CallPage, call=call, title=title, lead=lead)
    tasks.send_annulment.enqueue(annulment.pk)
