"""Matches: one function per transition of `MatchStatus`.

    propose ──► PROPOSED ──accept──► ACTIVE ──end / leave──► ENDED
                   │                   │
                   ├─decline─► DECLINED └─cancel─► CANCELLED
                   └─cancel──► CANCELLED

Nothing is assigned without a person: `propose` is what a coordinator's "confirm" calls, and
the volunteer still accepts or declines. Every transition that takes or frees a place locks
the volunteer's profile row first and then the need's, always in that order (no deadlock),
so two coordinators confirming the same volunteer's last place are served one after the
other and the second is refused. The hard constraints are checked again under the locks:
a plan computed a minute ago cannot propose a volunteer whose check has since expired.
A partial unique index (one live match per need) backs the locks up in the database.

E-mails are queued as background jobs once the transaction commits.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import centres_for
from volunteers.models import (
    LIVE_STATES,
    Match,
    MatchOutcome,
    MatchStatus,
    Need,
    NeedStatus,
    VolunteerProfile,
)
from volunteers.reasons import describe, to_stored
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.services import matching


class MatchRefused(Exception):
    """A transition that is not allowed; `message` is shown to the person as it is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _check_staff(centre_id, actor):
    if not centres_for(actor, *VOLUNTEERING_STAFF).filter(pk=centre_id).exists():
        raise MatchRefused(_("Only the coordinators of the beneficiary's centre can do this."))


def _notify(match, kind):
    from volunteers.tasks import send_match_email

    transaction.on_commit(lambda: send_match_email.enqueue(match.pk, kind))


def live_matches(profile):
    """Proposed and active matches hold places in every centre alike."""
    return Match.objects.filter(volunteer=profile, status__in=LIVE_STATES).count()


def free_places(profile):
    return max(profile.max_concurrent - live_matches(profile), 0)


def _lock(match):
    """Lock a match's volunteer, then its need, then the match: the one order everywhere."""
    if match.volunteer_id:
        VolunteerProfile.objects.select_for_update().get(pk=match.volunteer_id)
    Need.objects.select_for_update().get(pk=match.need_id)
    return (
        Match.objects.select_for_update(of=("self",))
        .select_related("need__beneficiary", "volunteer__user")
        .get(pk=match.pk)
    )


def _reopen(need):
    """The need is looked for again, unless staff paused or closed it meanwhile."""
    if need.status == NeedStatus.MATCHED:
        need.status = NeedStatus.OPEN
        need.save(update_fields=["status", "updated_at"])


def propose(need, profile, actor, *, score=0, reasons=(), replaces=None):
    """A coordinator confirms a proposal: the volunteer is asked and the need waits for them.

    `score` and `reasons` are the engine's for this pair (reasons as `Reason`s); they are kept
    so the volunteer's answer can be read against why they were asked.
    """
    _check_staff(need.beneficiary.centre_id, actor)
    with transaction.atomic():
        profile = VolunteerProfile.objects.select_for_update().get(pk=profile.pk)
        need = Need.objects.select_for_update().select_related("beneficiary__centre").get(pk=need.pk)
        if need.status != NeedStatus.OPEN:
            raise MatchRefused(_("This need is no longer open: it has been matched, paused or closed meanwhile."))
        if Match.objects.filter(need=need, status__in=LIVE_STATES).exists():
            raise MatchRefused(_("This need already has a volunteer proposed or helping."))
        excluded = matching.check_pair(need, profile)
        if excluded:
            labels = matching.load_labels(need.beneficiary.centre)
            raise MatchRefused(
                _("This volunteer cannot be proposed now: %(reasons)s.")
                % {"reasons": "; ".join(describe(reason, labels) for reason in excluded)}
            )
        try:
            with transaction.atomic():
                match = Match.objects.create(
                    need=need,
                    volunteer=profile,
                    centre=need.beneficiary.centre,
                    score=score,
                    reasons=to_stored(reasons),
                    replaces=replaces,
                    proposed_by=actor,
                )
        except IntegrityError as error:  # the unique index caught what the lock let through
            raise MatchRefused(_("This need already has a volunteer proposed or helping.")) from error
        need.status = NeedStatus.MATCHED
        need.save(update_fields=["status", "updated_at"])
        _notify(match, MatchStatus.PROPOSED)
    return match


def accept(match, profile):
    """The volunteer agrees to help: from now on they see the permitted contact details."""
    if match.volunteer_id != profile.pk:
        raise MatchRefused(_("You can answer only proposals made to you."))
    with transaction.atomic():
        match = _lock(match)
        if match.status != MatchStatus.PROPOSED:
            raise MatchRefused(_("This proposal has already been answered or withdrawn."))
        match.status = MatchStatus.ACTIVE
        match.answered_at = timezone.now()
        match.save(update_fields=["status", "answered_at"])
        _notify(match, MatchStatus.ACTIVE)
    return match


def decline(match, profile, reason):
    """The reason is required: the coordinator reads it before proposing someone else."""
    if match.volunteer_id != profile.pk:
        raise MatchRefused(_("You can answer only proposals made to you."))
    reason = (reason or "").strip()
    if not reason:
        raise MatchRefused(_("Tell the coordinator why, in a few words."))
    with transaction.atomic():
        match = _lock(match)
        if match.status != MatchStatus.PROPOSED:
            raise MatchRefused(_("This proposal has already been answered or withdrawn."))
        match.status = MatchStatus.DECLINED
        match.answered_at = timezone.now()
        match.decline_reason = reason
        match.save(update_fields=["status", "answered_at", "decline_reason"])
        _reopen(match.need)
        _notify(match, MatchStatus.DECLINED)
    return match


def end(match, actor, outcome, note="", *, reopen=False):
    """Staff end an active match with its outcome; `reopen` looks for someone else for the
    need (the household still needs help), otherwise the need is closed."""
    _check_staff(match.centre_id, actor)
    if outcome not in MatchOutcome.values:
        raise MatchRefused(_("Choose the outcome of the match."))
    with transaction.atomic():
        match = _lock(match)
        if match.status != MatchStatus.ACTIVE:
            raise MatchRefused(_("Only an active match can be ended."))
        _finish(match, outcome, note, actor)
        if reopen:
            _reopen(match.need)
        else:
            match.need.status = NeedStatus.CLOSED
            match.need.save(update_fields=["status", "updated_at"])
        _notify(match, MatchStatus.ENDED)
    return match


def leave(match, profile, reason):
    """The volunteer stops helping: the match ends as not continued and the need reopens,
    so staff can propose a replacement at once."""
    if match.volunteer_id != profile.pk:
        raise MatchRefused(_("You can end only your own match."))
    reason = (reason or "").strip()
    if not reason:
        raise MatchRefused(_("Tell the coordinator why, in a few words."))
    with transaction.atomic():
        match = _lock(match)
        if match.status != MatchStatus.ACTIVE:
            raise MatchRefused(_("Only an active match can be ended."))
        _finish(match, MatchOutcome.NOT_CONTINUED, reason, None)
        _reopen(match.need)
        _notify(match, "left")
    return match


def _finish(match, outcome, note, actor):
    match.status = MatchStatus.ENDED
    match.outcome = outcome
    match.outcome_note = (note or "").strip()
    match.ended_at = timezone.now()
    match.ended_by = actor
    match.save(update_fields=["status", "outcome", "outcome_note", "ended_at", "ended_by"])


def cancel(match, actor, reason):
    """Staff withdraw a proposal or stop an active match (e.g. the family moved away)."""
    _check_staff(match.centre_id, actor)
    reason = (reason or "").strip()
    if not reason:
        raise MatchRefused(_("Give the reason for cancelling; the volunteer will see it."))
    with transaction.atomic():
        match = _lock(match)
        if match.status not in LIVE_STATES:
            raise MatchRefused(_("This match has already been closed."))
        match.status = MatchStatus.CANCELLED
        match.cancel_reason = reason
        match.ended_at = timezone.now()
        match.ended_by = actor
        match.save(update_fields=["status", "cancel_reason", "ended_at", "ended_by"])
        _reopen(match.need)
        _notify(match, MatchStatus.CANCELLED)
    return match


def replacement_candidates(match, today=None):
    """The best candidates to continue an ended or cancelled match's need, ranked with the
    continuity bonus for anyone who already helped the household well; the volunteer who
    left is not among them."""
    ranked, excluded, pool = matching.candidates_for(match.need, today)
    ranked = [proposal for proposal in ranked if proposal.volunteer_id != match.volunteer_id]
    return ranked, excluded, pool
