"""The committee of a call (art. 15 ust. 2a–2d): composition rules, the art. 15 ust. 2da
exception, declarations of impartiality before opening an offer, 403 for a member with a
conflict, and the chair reading every declaration."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from ngo_grants.models import ConflictGround, Declaration, MemberKind, NoNgoException
from ngo_grants.services import committee as service
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_organisation
from tests.ngo_grants.review_helpers import accepted, offer_after_deadline
from tests.security.world import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(call, centre, officer):
    return accepted(offer_after_deadline(call, make_organisation(name="Fundacja Oferentka", centres=[centre])), officer)


@pytest.fixture
def committee(call):
    return service.committee_of(call)


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_complete_committee_has_centre_staff_a_chair_and_an_ngo_nominee_or_the_exception(committee, officer):
    assert len(service.composition_problems(committee)) == 3

    service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
    nominee = make_organisation(name="Fundacja Wskazująca", number=2)
    service.appoint(
        committee, user=officer, person=make_user("nominat@example.org"), kind=MemberKind.NGO, organisation=nominee
    )

    assert service.composition_problems(committee) == []


def test_without_an_ngo_nominee_the_exception_is_recorded(committee, officer):
    service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
    assert ["art. 15 ust. 2da" in problem for problem in service.composition_problems(committee)] == [True]

    service.record_exception(
        committee, user=officer, exception=NoNgoException.NONE_NOMINATED, note="Zaproszenie z 3 marca."
    )

    assert service.composition_problems(committee) == []


def test_an_organisation_with_an_offer_in_the_call_cannot_nominate(committee, officer, offer):
    with pytest.raises(service.CommitteeRefused, match="ma ofertę w tym konkursie") as refused:
        service.appoint(
            committee, user=officer, person=make_user("nominat@example.org"), kind=MemberKind.NGO,
            organisation=offer.organisation,
        )  # fmt: skip
    assert refused.value.field == "organisation"
    with pytest.raises(service.CommitteeRefused, match="wskazała"):
        service.appoint(committee, user=officer, person=make_user("bez@example.org"), kind=MemberKind.NGO)
    assert not committee.members.exists()


def test_one_chair_no_expert_in_the_chair_and_nobody_twice(committee, officer):
    first = service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
    other = make_user("kierowniczka@example.org")
    second = service.appoint(committee, user=officer, person=other, kind=MemberKind.STAFF, chair=True)

    first.refresh_from_db()
    assert (first.chair, second.chair) == (False, True)
    with pytest.raises(service.CommitteeRefused, match="już zasiada"):
        service.appoint(committee, user=officer, person=other, kind=MemberKind.STAFF)
    with pytest.raises(service.CommitteeRefused, match="Ekspert"):
        service.appoint(
            committee, user=officer, person=make_user("ekspert@example.org"), kind=MemberKind.EXPERT, chair=True
        )


def test_only_the_centres_grants_officers_appoint(committee, jaslo, pulawy):
    for user in (
        make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR),
        make_staff("dotacje@pulawy.example.org", pulawy, Role.GRANTS_OFFICER),
    ):
        with pytest.raises(PermissionDenied):
            service.appoint(committee, user=user, person=user, kind=MemberKind.STAFF)
    assert not committee.members.exists()


def test_a_member_who_declared_stays_on_record(committee, officer, offer):
    member = service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF)
    service.declare(member, offer, conflict=False)

    with pytest.raises(service.CommitteeRefused):
        service.remove(member, user=officer)


def test_a_declared_conflict_is_final_and_needs_its_ground_and_reason(committee, officer, offer):
    member = service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF)

    with pytest.raises(service.CommitteeRefused, match="podstawę"):
        service.declare(member, offer, conflict=True, reason="Brat jest prezesem.")
    with pytest.raises(service.CommitteeRefused, match="Wyjaśnij"):
        service.declare(member, offer, conflict=True, ground=ConflictGround.FAMILY)
    service.declare(member, offer, conflict=False)
    assert service.may_open(member, offer)
    service.declare(member, offer, conflict=True, ground=ConflictGround.FAMILY, reason="Brat jest prezesem.")

    assert not service.may_open(member, offer)
    with pytest.raises(service.CommitteeRefused):
        service.declare(member, offer, conflict=False)
    assert Declaration.objects.filter(member=member).count() == 2


# --- The pages ------------------------------------------------------------------------------


def test_a_member_declares_before_opening_and_a_conflicted_one_gets_403(client, committee, officer, offer):
    clear = service.appoint(committee, user=officer, person=make_user("czysta@example.org"), kind=MemberKind.STAFF)
    conflicted = service.appoint(committee, user=officer, person=make_user("brat@example.org"), kind=MemberKind.STAFF)
    url = f"/komisja/oferty/{offer.pk}/"

    client.force_login(clear.user)
    form = page(client.get(url))
    assert form.select_one(".declaration-form") and not form.select_one(".offer-content")
    client.post(url, {"decision": "none"})
    assert page(client.get(url)).select_one(".offer-content")

    client.force_login(conflicted.user)
    response = client.post(url, {"decision": "conflict", "ground": "family", "reason": "Brat jest prezesem."})
    assert response.status_code == 302
    denied = client.get(url)
    assert denied.status_code == 403
    assert page(denied).select_one("h1").get_text() == "Brak dostępu"  # in Polish, in the site's layout
    listing = page(client.get(f"/komisja/konkursy/{offer.call_id}/"))
    assert listing.select_one(".committee-offers a") is None  # no link to an offer it may not open


def test_a_conflict_without_ground_is_refused_at_the_fields_keeping_the_text(client, committee, officer, offer):
    member = service.appoint(committee, user=officer, person=make_user("czlonek@example.org"), kind=MemberKind.STAFF)
    client.force_login(member.user)

    soup = page(client.post(f"/komisja/oferty/{offer.pk}/", {"decision": "conflict", "reason": "Znam prezesa."}))

    assert soup.select_one("#id_ground_error") and soup.select_one("#id_reason").get_text().strip() == "Znam prezesa."
    assert not Declaration.objects.exists()


def test_people_without_a_seat_find_nothing(client, committee, officer, offer):
    client.force_login(make_user("obcy@example.org"))

    assert client.get(f"/komisja/oferty/{offer.pk}/").status_code == 404
    assert client.get(f"/komisja/konkursy/{offer.call_id}/").status_code == 404


def test_the_chair_sees_every_declaration(client, committee, officer, offer):
    chair = service.appoint(
        committee, user=officer, person=make_user("przewodniczaca@example.org"), kind=MemberKind.STAFF, chair=True
    )
    member = service.appoint(committee, user=officer, person=make_user("czlonek@example.org"), kind=MemberKind.STAFF)
    service.declare(member, offer, conflict=True, ground=ConflictGround.DOUBT, reason="Byłam wolontariuszką fundacji.")

    client.force_login(chair.user)
    table = page(client.get(f"/komisja/konkursy/{offer.call_id}/")).select_one(".chair-declarations")
    assert "Byłam wolontariuszką fundacji." in table.get_text()

    client.force_login(member.user)
    assert page(client.get(f"/komisja/konkursy/{offer.call_id}/")).select_one(".chair-declarations") is None


def test_the_officer_appoints_on_the_committee_screen(client, committee, officer, offer):
    client.force_login(officer)
    person = make_user("nominat@example.org")
    nominee = make_organisation(name="Fundacja Wskazująca", number=2)
    url = f"/admin/oferty/konkursy/{offer.call_id}/komisja/"

    refused = page(client.post(url, {"form": "appoint", "appoint-email": person.email, "appoint-kind": "ngo",
                                     "appoint-organisation": str(offer.organisation_id)}))  # fmt: skip
    assert "ma ofertę w tym konkursie" in refused.select_one("#id_appoint-organisation_error").get_text()
    assert refused.select_one("#id_appoint-email")["value"] == person.email
    client.post(url, {"form": "appoint", "appoint-email": person.email, "appoint-kind": "ngo",
                      "appoint-organisation": str(nominee.pk)})  # fmt: skip
    client.post(
        url, {"form": "appoint", "appoint-email": officer.email, "appoint-kind": "staff", "appoint-chair": "on"}
    )

    soup = page(client.get(url))
    assert len(soup.select(".committee-members tbody tr")) == 2
    assert soup.select_one(".committee-problems") is None
    # The officer chairs: the screen leads to the members' pages on the site.
    assert soup.find("a", href=f"/komisja/konkursy/{offer.call_id}/")


def test_an_unknown_address_is_refused_at_the_field(client, officer, offer):
    client.force_login(officer)

    data = {"form": "appoint", "appoint-email": "nikt@example.org", "appoint-kind": "staff"}
    soup = page(client.post(f"/admin/oferty/konkursy/{offer.call_id}/komisja/", data))

    assert "nie ma konta" in soup.select_one("#id_appoint-email_error").get_text()
