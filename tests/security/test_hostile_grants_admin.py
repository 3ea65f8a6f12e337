"""The grants staff's forms survive hostile input (see tests/security/hostile.py): the
verification of an organisation, and the filters of the offers and organisations listings.

Staff sign in with an authenticator app (make_staff), as the admin demands."""

import pytest

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import Verification
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.staff_helpers import submitted_offer
from tests.security.hostile import assert_form_survives_hostile_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def officer(client, jaslo):
    client.force_login(make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER))
    return client


@pytest.fixture
def offer(jaslo, centre):
    call = make_call(make_call_index(jaslo))
    return submitted_offer(call, make_organisation(name="Stowarzyszenie Pomocna Dłoń", centres=[centre]))


def test_verification_form_survives_hostile_input(officer, centre, pulawy):
    organisation = make_organisation(name="Fundacja Do Sprawdzenia", number=1)

    report = assert_form_survives_hostile_input(
        officer,
        f"/admin/organizacje/{organisation.pk}/",
        fields={"centre": str(centre.pk), "decision": "refused", "note": "Brak aktualnego odpisu z KRS."},
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    # Only the officer's own centre ever decided, and a refusal always says why.
    for verification in Verification.objects.all():
        assert verification.centre == centre and verification.organisation == organisation
        assert verification.verified or verification.note.strip()
        assert len(verification.note) <= 2000 and "\x00" not in verification.note


def test_offer_listing_filters_survive_hostile_input(officer, offer):
    report = assert_form_survives_hostile_input(
        officer,
        "/admin/oferty/",
        method="get",
        fields={"call": str(offer.call_id), "task": str(offer.task_id), "status": "submitted", "q": "Pomocna"},
        max_examples=20,
    )

    assert report["accepted"] > 0


def test_organisation_listing_filters_survive_hostile_input(officer, offer):
    report = assert_form_survives_hostile_input(
        officer,
        "/admin/organizacje/",
        method="get",
        fields={"verification": "verified", "q": offer.organisation.nip},
        max_examples=20,
    )

    assert report["accepted"] > 0
    assert Verification.objects.count() == 1


def test_formal_review_form_survives_hostile_input(officer, offer):
    from ngo_grants.models import CorrectionRequest, FormalAnswer, FormalDecision
    from tests.ngo_grants.review_helpers import close_call, review_data

    close_call(offer.call)
    fields = review_data(offer, action="save", sections="basic")
    first = offer.call.formal_checks.first()
    fields[f"note_{first.pk}"] = "Brak podpisu skarbnika."

    report = assert_form_survives_hostile_input(
        officer, f"/admin/oferty/{offer.pk}/ocena-formalna/", fields=fields, max_examples=20
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    # Whatever came in, what was stored is what the form allows: short notes without NUL, a
    # reason for every correction and rejection, answers only to this call's requirements.
    for answer in FormalAnswer.objects.all():
        assert answer.requirement.call_id == offer.call_id
        assert len(answer.note) <= 2000 and "\x00" not in answer.note
    for correction in CorrectionRequest.objects.all():
        assert correction.reason.strip() and correction.sections
    for decision in FormalDecision.objects.filter(outcome="rejected"):
        assert decision.reason.strip()


def test_annulment_form_survives_hostile_input(officer, jaslo):
    from ngo_grants.models import Annulment, CallPage, CallProgress
    from tests.ngo_grants.review_helpers import close_call

    call = close_call(make_call(make_call_index(jaslo), slug="bez-ofert"))
    stored = []

    def not_annulled_yet():
        """Each input meets the call before its annulment; what an accepted one stored is kept."""
        stored.extend(Annulment.objects.filter(call=call).values_list("statement", flat=True))
        Annulment.objects.filter(call=call).delete()
        CallPage.objects.filter(pk=call.pk).update(progress=CallProgress.SUBMISSIONS)

    report = assert_form_survives_hostile_input(
        officer,
        f"/admin/oferty/konkursy/{call.pk}/uniewaznienie/",
        fields={"statement": "Nie złożono żadnej oferty."},
        prepare=not_annulled_yet,
        max_examples=10,
    )

    not_annulled_yet()
    assert report["refused"] > 0 and report["redirected"] == len(stored) > 0
    assert all(text.strip() and len(text) <= 4000 and "\x00" not in text for text in stored)


@pytest.fixture
def committee_offer(jaslo, centre):
    from tests.ngo_grants.review_helpers import accepted, offer_after_deadline

    call = make_call(make_call_index(jaslo), slug="z-komisja")
    officer = make_staff("przewodniczaca@example.org", jaslo, Role.GRANTS_OFFICER)
    return accepted(offer_after_deadline(call, make_organisation(centres=[centre])), officer)


def test_committee_forms_survive_hostile_input(officer, committee_offer):
    from ngo_grants.models import CommitteeMember
    from ngo_grants.services.committee import committee_of
    from tests.security.world import make_user

    committee = committee_of(committee_offer.call)
    person = make_user("nominat@example.org")
    nominee = make_organisation(name="Fundacja Wskazująca", number=2)
    url = f"/admin/oferty/konkursy/{committee_offer.call_id}/komisja/"

    appointed = assert_form_survives_hostile_input(
        officer,
        url,
        fields={"appoint-email": person.email, "appoint-kind": "ngo", "appoint-organisation": str(nominee.pk)},
        fixed_data={"form": "appoint"},
        form_context_name="appoint_form",
        prepare=lambda: CommitteeMember.objects.filter(committee=committee).delete(),
        max_examples=10,
    )
    exception = assert_form_survives_hostile_input(
        officer,
        url,
        fields={"exception-no_ngo_exception": "none_nominated", "exception-exception_note": "Nikt nie odpowiedział."},
        fixed_data={"form": "exception"},
        form_context_name="exception_form",
        max_examples=10,
    )

    assert appointed["redirected"] > 0 and appointed["refused"] > 0
    assert exception["redirected"] > 0 and exception["refused"] > 0
    committee.refresh_from_db()
    assert committee.no_ngo_exception in ("", "none_nominated", "not_appointed", "all_excluded")
    assert len(committee.exception_note) <= 2000 and "\x00" not in committee.exception_note


def test_declaration_form_survives_hostile_input(client, committee_offer):
    from ngo_grants.models import Declaration, MemberKind
    from ngo_grants.services.committee import committee_of
    from tests.security.world import make_user

    committee = committee_of(committee_offer.call)
    person = make_user("czlonek@example.org")
    committee.members.create(user=person, kind=MemberKind.STAFF)
    client.force_login(person)

    report = assert_form_survives_hostile_input(
        client,
        f"/komisja/oferty/{committee_offer.pk}/",
        fields={"decision": "conflict", "ground": "family", "reason": "Brat jest prezesem."},
        prepare=lambda: Declaration.objects.all().delete(),
        max_examples=10,
    )

    assert report["redirected"] > 0 and report["refused"] > 0
    for declaration in Declaration.objects.all():
        assert not declaration.conflict or (declaration.ground and declaration.reason.strip())
