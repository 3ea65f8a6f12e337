"""Two administrators act at the same moment: the organisation's row lock keeps one of them,
and an invitation link opened twice at once makes one member."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from ngo_grants.models import Invitation, MemberRole, Membership
from ngo_grants.services import organisations as services
from tests.ngo_grants import add_member, make_organisation
from tests.volunteers.test_profile import make_resident

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(calls):
    """Run each (function, args, kwargs) at once in its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(function, args, kwargs):
        try:
            barrier.wait()
            function(*args, **kwargs)
            outcomes.append("done")
        except services.OrganisationRefused:
            outcomes.append("refused")
        except PermissionDenied:
            outcomes.append("denied")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_administrators_removing_each_other_at_once_leave_one_administrator(jaslo):
    organisation = make_organisation()
    first = organisation.memberships.get()
    second = organisation.memberships.get(user=add_member(organisation, role=MemberRole.ADMIN))

    outcomes = race(
        [
            (services.remove_member, (first,), {"user": second.user}),
            (services.remove_member, (second,), {"user": first.user}),
        ]
    )

    # Whoever comes second is no longer a member by then; without the lock both would go.
    assert outcomes == ["denied", "done"]
    assert Membership.objects.filter(organisation=organisation, role=MemberRole.ADMIN).count() == 1


def test_two_administrators_stepping_down_at_once_leave_one_administrator(jaslo):
    organisation = make_organisation()
    first = organisation.memberships.get()
    second = organisation.memberships.get(user=add_member(organisation, role=MemberRole.ADMIN))

    outcomes = race(
        [
            (services.change_member_role, (first,), {"user": first.user, "role": MemberRole.EDITOR}),
            (services.change_member_role, (second,), {"user": second.user, "role": MemberRole.EDITOR}),
        ]
    )

    assert outcomes == ["done", "refused"]
    assert Membership.objects.filter(organisation=organisation, role=MemberRole.ADMIN).count() == 1


def test_an_invitation_accepted_twice_at_once_makes_one_member(jaslo):
    organisation = make_organisation()
    person = make_resident("nowa@example.org")
    invitation = Invitation.objects.create(organisation=organisation, email=person.email)

    outcomes = race([(services.accept_invitation, (invitation,), {"user": person})] * 2)

    assert outcomes == ["done", "refused"]
    assert Membership.objects.filter(organisation=organisation, user=person).count() == 1
