"""The committee of a call: who sits on it (art. 15 ust. 2a–2d) and the members' declarations of
impartiality (art. 24 KPA), decided here with their audit entries.

The grants officers of the call's centre appoint and remove members. An organisation that has
an offer in the call cannot have its nominee on the committee; a committee without NGO nominees
needs the art. 15 ust. 2da exception recorded. A member opens an offer only after declaring no
conflict for it; a declared conflict is final for that offer.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ngo_grants.models import Committee, CommitteeMember, Declaration, MemberKind, Offer
from ngo_grants.roles import is_grants_officer
from ngo_grants.workflow import COMMITTEE_READS


@dataclass
class CommitteeRefused(Exception):
    message: str
    field: str = ""

    def __str__(self):
        return self.message


def committee_of(call):
    """The call's committee, made on first use (it belongs to the call's centre)."""
    committee = Committee.objects.filter(call=call).first()
    if committee is None:
        committee, _created = Committee.objects.get_or_create(call=call, defaults={"centre": call.centre()})
    return committee


def may_appoint(user, committee):
    return is_grants_officer(user, committee.centre_id)


def _check_officer(user, committee):
    if not may_appoint(user, committee):
        raise PermissionDenied


def appoint(committee, *, user, person, kind, organisation=None, chair=False):
    """Add `person` to `committee` in seat `kind`; returns the CommitteeMember."""
    _check_officer(user, committee)
    if kind == MemberKind.NGO and organisation is None:
        raise CommitteeRefused(_("Say which organisation nominated this person."), "organisation")
    if kind != MemberKind.NGO:
        organisation = None
    if (
        organisation is not None
        and Offer.objects.filter(call=committee.call, organisation=organisation).received().exists()
    ):
        raise CommitteeRefused(
            _("%(organisation)s has an offer in this call; its nominee cannot sit on the committee (art. 15 ust. 2d).")
            % {"organisation": organisation.name},
            "organisation",
        )
    if chair and kind == MemberKind.EXPERT:
        raise CommitteeRefused(_("An advisory expert cannot chair the committee."), "chair")
    with transaction.atomic():
        if chair:
            committee.members.update(chair=False)
        try:
            with transaction.atomic():
                member = CommitteeMember.objects.create(
                    committee=committee,
                    user=person,
                    kind=kind,
                    organisation=organisation,
                    chair=chair,
                    appointed_by=user,
                )
        except IntegrityError:
            raise CommitteeRefused(_("This person already sits on the committee."), "email") from None
    return member


def remove(member, *, user):
    _check_officer(user, member.committee)
    if member.declarations.exists():
        raise CommitteeRefused(_("A member who has declared on offers stays on record; they cannot be removed."))
    member.delete()


def record_exception(committee, *, user, exception, note=""):
    _check_officer(user, committee)
    committee.no_ngo_exception = exception
    committee.exception_note = note.strip()
    committee.save(update_fields=["no_ngo_exception", "exception_note"])
    return committee


def composition_problems(committee):
    """What the composition still lacks, in words for the officer (empty: complete)."""
    members = list(committee.members.all())
    problems = []
    if not any(member.kind == MemberKind.STAFF for member in members):
        problems.append(_("No representative of the centre sits on the committee."))
    if not any(member.chair for member in members):
        problems.append(_("The committee has no chair."))
    if not any(member.kind == MemberKind.NGO for member in members) and not committee.no_ngo_exception:
        problems.append(
            _("No person nominated by an organisation sits on it: record which exception of art. 15 ust. 2da applies.")
        )
    return problems


# --- The members' side ---------------------------------------------------------------------


def seat(user, call):
    """`user`'s seat on `call`'s committee, or None."""
    return CommitteeMember.objects.of_user(user).filter(committee__call=call).select_related("committee").first()


def offers_for(member):
    return (
        Offer.objects.filter(call=member.committee.call, status__in=COMMITTEE_READS)
        .select_related("organisation", "task")
        .order_by("number")
    )


def declaration_of(member, offer):
    """The member's standing declaration on `offer`: a conflict once declared wins."""
    declarations = list(member.declarations.filter(offer=offer))
    conflicts = [item for item in declarations if item.conflict]
    return conflicts[0] if conflicts else (declarations[-1] if declarations else None)


def may_open(member, offer):
    declaration = declaration_of(member, offer)
    return declaration is not None and not declaration.conflict


def declare(member, offer, *, conflict, ground="", reason="", now=None):
    """Record `member`'s declaration on `offer`; returns it."""
    if offer.call_id != member.committee.call_id or offer.status not in COMMITTEE_READS:
        raise PermissionDenied
    reason = reason.strip()
    if conflict and not ground:
        raise CommitteeRefused(_("Choose the ground of the conflict."), "ground")
    if conflict and not reason:
        raise CommitteeRefused(_("Explain the conflict in a sentence; the chair reads it."), "reason")
    with transaction.atomic():
        standing = declaration_of(member, offer)
        if standing is not None and (standing.conflict or not conflict):
            raise CommitteeRefused(_("You have already declared on this offer."))
        return Declaration.objects.create(
            member=member,
            offer=offer,
            conflict=conflict,
            ground=ground if conflict else "",
            reason=reason if conflict else "",
            declared_at=now or timezone.now(),
        )
