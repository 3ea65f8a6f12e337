"""Organisations and their members: registering, editing, inviting, roles and leaving.

Every change of members locks the organisation's row first, so two administrators removing
each other at the same moment are served one after the other and the second finds that they
would leave the organisation without an administrator: the last administrator can never be
removed, demoted or leave. Invitation e-mails are queued once the transaction commits, so a
mail server that is down never loses an invitation (the outbox delivers it later).
"""

import datetime

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ngo_grants.models import Invitation, MemberRole, Membership, Organisation, Representative
from ngo_grants.permissions import can_manage_organisation

INVITATION_DAYS = 14

DETAILS = ("name", "legal_form", "krs", "nip", "regon", "street", "postcode", "city", "email", "phone", "iban")


class OrganisationRefused(Exception):
    """A change that is not allowed; `message` is shown to the person as it is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def already_registered_message():
    return _(
        "This organisation is already registered. Ask its administrator to invite you: "
        "they can do it on the organisation's members page."
    )


def _locked(organisation):
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


def _save_representatives(organisation, representatives):
    organisation.representatives.all().delete()
    Representative.objects.bulk_create(
        Representative(organisation=organisation, name=row["name"], function=row["function"], sort_order=number)
        for number, row in enumerate(representatives)
    )


def register_organisation(*, user, details, representatives):
    """A new organisation with `details` (the form's fields) and its authorised representatives;
    `user` becomes its administrator. A NIP or KRS registered meanwhile is refused."""
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(**{name: details[name] for name in DETAILS}, created_by=user)
            _save_representatives(organisation, representatives)
            Membership.objects.create(organisation=organisation, user=user, role=MemberRole.ADMIN)
    except IntegrityError:
        raise OrganisationRefused(already_registered_message()) from None
    return organisation


def update_organisation(organisation, *, user, details, representatives):
    try:
        with transaction.atomic():
            organisation = _locked(organisation)
            if not can_manage_organisation(user, organisation):
                raise PermissionDenied
            for name in DETAILS:
                setattr(organisation, name, details[name])
            organisation.save()
            _save_representatives(organisation, representatives)
    except IntegrityError:
        raise OrganisationRefused(already_registered_message()) from None
    return organisation


# --- Invitations ---------------------------------------------------------------------------


def invitation_expires_at(invitation):
    return invitation.created_at + datetime.timedelta(days=INVITATION_DAYS)


def is_expired(invitation, now=None):
    return (now or timezone.now()) >= invitation_expires_at(invitation)


def pending_invitations(organisation, now=None):
    """Invitations not yet accepted and not expired, newest first."""
    since = (now or timezone.now()) - datetime.timedelta(days=INVITATION_DAYS)
    return organisation.invitations.filter(accepted_at__isnull=True, created_at__gt=since).order_by("-created_at")


def _is_member_address(organisation, email):
    addresses = EmailAddress.objects.filter(email__iexact=email).values("user")
    return organisation.memberships.filter(Q(user__email__iexact=email) | Q(user__in=addresses)).exists()


def invite_member(organisation, *, user, email, role, site_id):
    """An invitation of `email` as `role`, e-mailed from the centre of the site `site_id` the
    administrator was using. Inviting the address again replaces the earlier, unused link."""
    from ngo_grants.tasks import send_invitation

    email = email.strip()
    with transaction.atomic():
        organisation = _locked(organisation)
        if not can_manage_organisation(user, organisation):
            raise PermissionDenied
        if _is_member_address(organisation, email):
            raise OrganisationRefused(_("A person with this e-mail address is already a member."))
        organisation.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(organisation=organisation, email=email, role=role, invited_by=user)
        transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk, site_id))
    return invitation


def cancel_invitation(invitation, *, user):
    with transaction.atomic():
        organisation = _locked(invitation.organisation)
        if not can_manage_organisation(user, organisation):
            raise PermissionDenied
        Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()


def verified_addresses(user):
    """The addresses `user` has proved they own (allauth's verified e-mail addresses)."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.lower() for address in addresses}


def invitation_problem(invitation, user, now=None):
    """Why `user` cannot accept `invitation` now, or None."""
    if invitation.accepted_at is not None:
        return _("This invitation has already been used. Ask the organisation's administrator for a new one.")
    if is_expired(invitation, now):
        return _("This invitation has expired. Ask the organisation's administrator to invite you again.")
    if invitation.organisation.memberships.filter(user=user).exists():
        return _("You are already a member of this organisation.")
    if invitation.email.lower() not in verified_addresses(user):
        return _(
            "This invitation was sent to another e-mail address. Sign in with the account of that address, "
            "or ask the administrator to invite the address of this account."
        )
    return None


def accept_invitation(invitation, *, user, now=None):
    """Join the invitation's organisation with the signed-in account; the link works once."""
    with transaction.atomic():
        _locked(invitation.organisation)
        invitation = Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
        problem = invitation_problem(invitation, user, now)
        if problem:
            raise OrganisationRefused(problem)
        membership = Membership.objects.create(organisation=invitation.organisation, user=user, role=invitation.role)
        invitation.accepted_at = now or timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


# --- Members ---------------------------------------------------------------------------------


def _last_admin_problem(organisation, membership):
    """Whether taking administration from `membership` would leave `organisation` without one."""
    if membership.role != MemberRole.ADMIN:
        return None
    if organisation.memberships.filter(role=MemberRole.ADMIN).exclude(pk=membership.pk).exists():
        return None
    return _("The organisation must keep at least one administrator: make another member an administrator first.")


def _managed_membership(membership, user):
    organisation = _locked(membership.organisation)
    if not can_manage_organisation(user, organisation):
        raise PermissionDenied
    membership = Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)
    return organisation, membership


def change_member_role(membership, *, user, role):
    with transaction.atomic():
        organisation, membership = _managed_membership(membership, user)
        if role == membership.role:
            return membership
        problem = role != MemberRole.ADMIN and _last_admin_problem(organisation, membership)
        if problem:
            raise OrganisationRefused(problem)
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def remove_member(membership, *, user):
    with transaction.atomic():
        organisation, membership = _managed_membership(membership, user)
        problem = _last_admin_problem(organisation, membership)
        if problem:
            raise OrganisationRefused(problem)
        membership.delete()


def leave_organisation(organisation, *, user):
    with transaction.atomic():
        organisation = _locked(organisation)
        membership = organisation.memberships.select_for_update().filter(user=user).first()
        if membership is None:
            raise PermissionDenied
        if _last_admin_problem(organisation, membership):
            raise OrganisationRefused(
                _(
                    "You are the organisation's only administrator: make another member an administrator "
                    "before you leave."
                )
            )
        membership.delete()
