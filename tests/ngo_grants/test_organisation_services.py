"""Organisations and their members: registering, inviting, roles, removing and leaving; the
organisation always keeps an administrator and an invitation link works once."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.models import MailStatus, OutgoingMail
from ngo_grants.models import Invitation, MemberRole, Membership, Organisation
from ngo_grants.services import organisations as services
from tests.ngo_grants import IBANS, NIPS, REGONS, add_member, make_organisation
from tests.volunteers.test_profile import make_resident

pytestmark = pytest.mark.django_db

PEOPLE = [{"name": "Maria Nowak", "function": "prezes zarządu"}, {"name": "Jan Kowal", "function": "skarbnik"}]


def details(number=2, **overrides):
    return {
        "name": "Fundacja Dobry Start",
        "legal_form": "foundation",
        "krs": f"{number + 500000:010d}",
        "nip": NIPS[number],
        "regon": REGONS[number],
        "street": "ul. Mickiewicza 3",
        "postcode": "24-100",
        "city": "Puławy",
        "email": "biuro@dobrystart.example.org",
        "phone": "81 886 10 10",
        "iban": IBANS[0],
        **overrides,
    }


def test_registering_user_becomes_the_administrator_with_the_representatives_in_order():
    user = make_resident()
    organisation = services.register_organisation(user=user, details=details(), representatives=PEOPLE)
    assert organisation.role_of(user) == MemberRole.ADMIN
    assert organisation.created_by == user
    assert [(p.name, p.function) for p in organisation.representatives.all()] == [
        ("Maria Nowak", "prezes zarządu"),
        ("Jan Kowal", "skarbnik"),
    ]


def test_one_user_may_belong_to_several_organisations():
    user = make_resident()
    services.register_organisation(user=user, details=details(2), representatives=PEOPLE)
    other = make_organisation(number=3)
    add_member(other, user)
    assert Organisation.objects.of_member(user).count() == 2


def test_registering_a_nip_already_registered_is_refused_with_the_invitation_advice():
    make_organisation(number=2)
    with pytest.raises(services.OrganisationRefused) as refusal:
        services.register_organisation(user=make_resident(), details=details(2, krs=""), representatives=PEOPLE)
    assert "zaproszenie" in refusal.value.message
    assert Organisation.objects.count() == 1


def test_update_replaces_the_details_and_the_representatives():
    organisation = make_organisation()
    admin = organisation.memberships.get().user
    services.update_organisation(
        organisation, user=admin, details=details(0, name="Nowa nazwa"), representatives=PEOPLE[1:]
    )
    organisation.refresh_from_db()
    assert organisation.name == "Nowa nazwa"
    assert [p.name for p in organisation.representatives.all()] == ["Jan Kowal"]


def test_an_editor_cannot_update_the_organisation():
    organisation = make_organisation()
    editor = add_member(organisation)
    with pytest.raises(PermissionDenied):
        services.update_organisation(organisation, user=editor, details=details(0), representatives=PEOPLE)


# --- Invitations ----------------------------------------------------------------------------


@pytest.fixture
def organisation(jaslo):
    return make_organisation()


def admin(organisation):
    return organisation.memberships.get(role=MemberRole.ADMIN).user


def invite(organisation, email="nowa@example.org", role=MemberRole.EDITOR):
    return services.invite_member(organisation, user=admin(organisation), email=email, role=role, site_id=None)


def test_invitation_is_mailed_with_its_link_after_commit(organisation):
    invitation = invite(organisation)
    [message] = mail.outbox
    assert message.to == ["nowa@example.org"]
    assert organisation.name in message.subject
    assert f"/organizacje/zaproszenie/{invitation.token}/" in message.body


def test_invitation_survives_a_mail_server_that_is_down_and_its_mail_follows(organisation, smtp_down):
    invitation = invite(organisation)
    assert Invitation.objects.filter(pk=invitation.pk).exists()
    assert mail.outbox == []
    assert OutgoingMail.objects.get(to="nowa@example.org").status == MailStatus.PENDING

    smtp_down.restore()
    smtp_down.run_retries()

    [message] = mail.outbox
    assert invitation.token in message.body


def test_inviting_someone_already_a_member_is_refused(organisation):
    member = add_member(organisation)
    with pytest.raises(services.OrganisationRefused):
        invite(organisation, email=member.email.upper())
    assert not organisation.invitations.exists()


def test_inviting_the_same_address_again_replaces_the_unused_link(organisation):
    first = invite(organisation)
    second = invite(organisation)
    assert list(organisation.invitations.all()) == [second]
    assert first.token != second.token


def test_an_editor_cannot_invite(organisation):
    editor = add_member(organisation)
    with pytest.raises(PermissionDenied):
        services.invite_member(organisation, user=editor, email="x@example.org", role="editor", site_id=None)


def test_invitation_is_accepted_with_the_signed_in_account_of_the_invited_address(organisation):
    invitation = invite(organisation, role=MemberRole.ADMIN)
    person = make_resident("nowa@example.org")
    membership = services.accept_invitation(invitation, user=person)
    assert membership.role == MemberRole.ADMIN
    invitation.refresh_from_db()
    assert invitation.accepted_by == person and invitation.accepted_at is not None


def test_invitation_works_once(organisation):
    invitation = invite(organisation)
    person = make_resident("nowa@example.org")
    services.accept_invitation(invitation, user=person)
    Membership.objects.filter(user=person).delete()
    with pytest.raises(services.OrganisationRefused) as refusal:
        services.accept_invitation(invitation, user=person)
    assert "już wykorzystane" in refusal.value.message
    assert not Membership.objects.filter(user=person).exists()


def test_invitation_expires_after_14_days(organisation):
    invitation = invite(organisation)
    person = make_resident("nowa@example.org")
    later = invitation.created_at + datetime.timedelta(days=14, seconds=1)
    with pytest.raises(services.OrganisationRefused) as refusal:
        services.accept_invitation(invitation, user=person, now=later)
    assert "wygasło" in refusal.value.message
    assert services.accept_invitation(invitation, user=person, now=later - datetime.timedelta(seconds=2))


def test_invitation_cannot_be_used_by_an_account_of_another_address(organisation):
    invitation = invite(organisation)
    stranger = make_resident("ktos.inny@example.org")
    with pytest.raises(services.OrganisationRefused) as refusal:
        services.accept_invitation(invitation, user=stranger)
    assert "inny adres e-mail" in refusal.value.message


def test_invitation_needs_the_address_verified_not_merely_added(organisation):
    invitation = invite(organisation)
    person = make_resident("osoba@example.org")
    EmailAddress.objects.create(user=person, email="nowa@example.org", verified=False)
    with pytest.raises(services.OrganisationRefused):
        services.accept_invitation(invitation, user=person)
    EmailAddress.objects.filter(email="nowa@example.org").update(verified=True)
    assert services.accept_invitation(invitation, user=person).organisation == organisation


def test_expired_invitations_are_not_listed_as_pending(organisation):
    old = invite(organisation, email="stara@example.org")
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))
    fresh = invite(organisation)
    assert list(services.pending_invitations(organisation)) == [fresh]


# --- Roles, removing, leaving ---------------------------------------------------------------


def test_the_last_administrator_cannot_be_demoted(organisation):
    membership = organisation.memberships.get()
    with pytest.raises(services.OrganisationRefused):
        services.change_member_role(membership, user=admin(organisation), role=MemberRole.EDITOR)
    membership.refresh_from_db()
    assert membership.role == MemberRole.ADMIN


def test_the_last_administrator_cannot_be_removed_nor_leave(organisation):
    first_admin = admin(organisation)
    add_member(organisation)
    with pytest.raises(services.OrganisationRefused):
        services.remove_member(organisation.memberships.get(user=first_admin), user=first_admin)
    with pytest.raises(services.OrganisationRefused):
        services.leave_organisation(organisation, user=first_admin)
    assert organisation.role_of(first_admin) == MemberRole.ADMIN


def test_with_a_second_administrator_the_first_may_step_down(organisation):
    first_admin = admin(organisation)
    second = add_member(organisation, role=MemberRole.ADMIN)
    services.change_member_role(organisation.memberships.get(user=first_admin), user=second, role=MemberRole.EDITOR)
    assert organisation.role_of(first_admin) == MemberRole.EDITOR
    with pytest.raises(services.OrganisationRefused):
        services.remove_member(organisation.memberships.get(user=second), user=second)


def test_an_administrator_promotes_and_removes_an_editor(organisation):
    boss = admin(organisation)
    editor = add_member(organisation)
    membership = organisation.memberships.get(user=editor)
    services.change_member_role(membership, user=boss, role=MemberRole.ADMIN)
    assert organisation.role_of(editor) == MemberRole.ADMIN
    services.remove_member(organisation.memberships.get(user=editor), user=boss)
    assert organisation.role_of(editor) is None


def test_an_editor_cannot_change_roles_or_remove(organisation):
    editor = add_member(organisation)
    other = organisation.memberships.get(user=admin(organisation))
    with pytest.raises(PermissionDenied):
        services.change_member_role(organisation.memberships.get(user=editor), user=editor, role=MemberRole.ADMIN)
    with pytest.raises(PermissionDenied):
        services.remove_member(other, user=editor)


def test_an_editor_may_leave(organisation):
    editor = add_member(organisation)
    services.leave_organisation(organisation, user=editor)
    assert organisation.role_of(editor) is None
