"""The organisation's forms survive hostile input (see tests/security/hostile.py): registering
and editing (with the representatives' rows), inviting a member, changing a role, and the
bare buttons (remove, cancel an invitation, leave, act for, accept an invitation)."""

import pytest
from django.test import Client

from ngo_grants.models import Invitation, MemberRole, Membership, Organisation
from tests.ngo_grants import ORGANISATION_FORM, add_member, make_organisation
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers.test_profile import make_resident

pytestmark = pytest.mark.django_db

DETAILS = ORGANISATION_FORM
SAVE = {"representatives-INITIAL_FORMS": "0", "save": "1"}


@pytest.fixture
def organisation(jaslo):
    return make_organisation(make_resident("prezes@example.org"))


@pytest.fixture
def admin_client(organisation):
    client = Client()
    client.force_login(organisation.memberships.get().user)
    return client


def test_registering_an_organisation_survives_hostile_input(jaslo):
    client = Client()
    client.force_login(make_resident("anna@example.org"))

    report = assert_form_survives_hostile_input(
        client,
        "/organizacje/nowa/",
        fields=DETAILS,
        fixed_data=SAVE,
        prepare=lambda: Organisation.objects.all().delete(),
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    for organisation in Organisation.objects.all():
        assert organisation.representatives.exists()
        assert organisation.nip.isdigit() and len(organisation.nip) == 10


def test_editing_an_organisation_survives_hostile_input(organisation, admin_client):
    own = {**DETAILS, "nip": organisation.nip, "krs": organisation.krs, "regon": organisation.regon}

    report = assert_form_survives_hostile_input(
        admin_client, f"/organizacje/{organisation.pk}/edycja/", fields=own, fixed_data=SAVE
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    organisation.refresh_from_db()
    assert organisation.iban.startswith("PL") and organisation.representatives.exists()


def test_inviting_a_member_survives_hostile_input(organisation, admin_client):
    report = assert_form_survives_hostile_input(
        admin_client,
        f"/organizacje/{organisation.pk}/czlonkowie/",
        fields={"email": "nowa@example.org", "role": "editor"},
        form_context_name="invite_form",
        prepare=lambda: Invitation.objects.all().delete(),
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    assert all(invitation.role in MemberRole.values for invitation in Invitation.objects.all())


def test_changing_a_role_survives_hostile_input(organisation, admin_client):
    membership = organisation.memberships.get(user=add_member(organisation))

    report = assert_form_survives_hostile_input(
        admin_client,
        f"/organizacje/{organisation.pk}/czlonkowie/{membership.pk}/rola/",
        fields={"role": "admin"},
        check_form_page=False,
        prepare=lambda: Membership.objects.filter(pk=membership.pk).update(role=MemberRole.EDITOR),
    )

    assert report["redirected"] > 0
    membership.refresh_from_db()
    assert membership.role in MemberRole.values


def test_removing_a_member_survives_hostile_input(organisation, admin_client):
    person = add_member(organisation)
    pk = organisation.memberships.get(user=person).pk

    def member_again():
        Membership.objects.get_or_create(pk=pk, defaults={"organisation": organisation, "user": person})

    report = assert_form_survives_hostile_input(
        admin_client,
        f"/organizacje/{organisation.pk}/czlonkowie/{pk}/usun/",
        fields={},
        check_form_page=False,
        prepare=member_again,
    )

    assert report["redirected"] > 0
    assert organisation.role_of(organisation.created_by) == MemberRole.ADMIN


def test_cancelling_an_invitation_survives_hostile_input(organisation, admin_client):
    invitation = Invitation.objects.create(organisation=organisation, email="nowa@example.org")

    def invitation_again():
        Invitation.objects.get_or_create(
            pk=invitation.pk, defaults={"organisation": organisation, "email": invitation.email}
        )

    report = assert_form_survives_hostile_input(
        admin_client,
        f"/organizacje/{organisation.pk}/zaproszenia/{invitation.pk}/anuluj/",
        fields={},
        check_form_page=False,
        prepare=invitation_again,
    )

    assert report["redirected"] > 0


def test_leaving_survives_hostile_input(organisation):
    person = add_member(organisation)
    client = Client()
    client.force_login(person)

    report = assert_form_survives_hostile_input(
        client,
        f"/organizacje/{organisation.pk}/opusc/",
        fields={},
        prepare=lambda: Membership.objects.get_or_create(organisation=organisation, user=person),
    )

    assert report["redirected"] > 0


def test_acting_for_an_organisation_survives_hostile_input_and_never_leaves_the_site(organisation, admin_client):
    report = assert_form_survives_hostile_input(
        admin_client,
        f"/organizacje/{organisation.pk}/wybierz/",
        fields={"next": "/organizacje/"},
        check_form_page=False,
    )

    assert report["redirected"] > 0
    assert admin_client.session["ngo_acting_organisation"] == organisation.pk


def test_accepting_an_invitation_survives_hostile_input(organisation):
    person = make_resident("nowa@example.org")
    invitation = Invitation.objects.create(organisation=organisation, email=person.email)
    client = Client()
    client.force_login(person)

    def unused_again():
        Membership.objects.filter(user=person).delete()
        Invitation.objects.filter(pk=invitation.pk).update(accepted_at=None, accepted_by=None)

    report = assert_form_survives_hostile_input(
        client, f"/organizacje/zaproszenie/{invitation.token}/", fields={}, prepare=unused_again
    )

    assert report["redirected"] > 0
