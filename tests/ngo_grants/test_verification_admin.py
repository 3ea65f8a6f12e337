"""A centre's verification of organisations in the admin: the organisations that write to the
centre's calls, any other found by name, NIP or KRS, the registry data, and a decision that is
the deciding centre's alone, recorded with who decided and in the audit log."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied

from accounts.models import AuditEntry, AuditKind, Role
from core.models import Centre
from ngo_grants.models import Offer, Verification
from ngo_grants.services.verification import decide_verification
from tests.accounts.helpers import make_staff
from tests.ngo_grants import complete_draft, make_call, make_call_index, make_organisation

pytestmark = pytest.mark.django_db

INDEX = "/admin/organizacje/"


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def centre_b(pulawy):
    return Centre.for_site(pulawy)


@pytest.fixture
def call(jaslo):
    return make_call(make_call_index(jaslo))


@pytest.fixture
def writing(call, centre):
    """An organisation writing a draft to the centre's call, not verified by anyone yet."""
    organisation = make_organisation(name="Stowarzyszenie Pomocna Dłoń")
    Offer.objects.create(
        call=call,
        task=call.tasks.get(),
        organisation=organisation,
        centre=centre,
        draft=complete_draft(call.tasks.get()),
    )
    return organisation


@pytest.fixture
def officer_user(jaslo):
    return make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER)


@pytest.fixture
def officer(client, officer_user):
    client.force_login(officer_user)
    return client


def names(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [row.select_one("td").get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]


def text(response):
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


def decide(client, organisation, centre, decision, note=""):
    return client.post(f"{INDEX}{organisation.pk}/", {"centre": centre.pk, "decision": decision, "note": note})


def test_listing_shows_organisations_writing_to_the_centres_calls(officer, writing):
    make_organisation(name="Fundacja Daleka", number=1)

    response = officer.get(INDEX)

    assert names(response) == ["Stowarzyszenie Pomocna Dłoń"]
    assert "jeszcze niezweryfikowana" in text(response)


def test_search_finds_any_registered_organisation_by_name_nip_or_krs(officer, writing):
    far = make_organisation(name="Fundacja Daleka", number=1)

    assert names(officer.get(INDEX, {"q": "daleka"})) == ["Fundacja Daleka"]
    assert names(officer.get(INDEX, {"q": far.nip})) == ["Fundacja Daleka"]
    assert names(officer.get(INDEX, {"q": far.krs.lstrip("0")})) == ["Fundacja Daleka"]


def test_a_search_of_a_pasted_page_lists_nothing_instead_of_failing(officer, writing):
    # SQLite refuses a LIKE pattern over 50,000 characters; the words are cut before that.
    response = officer.get(INDEX, {"q": "Pomocna " + "x" * 60_000})
    assert response.status_code == 200
    assert names(response) == []


def test_filter_by_the_centres_decision(officer, writing, centre, call):
    verified = make_organisation(name="Fundacja Zweryfikowana", number=1, centres=[centre])
    Offer.objects.create(call=call, task=call.tasks.get(), organisation=verified, centre=centre)

    assert names(officer.get(INDEX, {"verification": "verified"})) == ["Fundacja Zweryfikowana"]
    assert names(officer.get(INDEX, {"verification": "none"})) == ["Stowarzyszenie Pomocna Dłoń"]
    assert names(officer.get(INDEX, {"verification": "refused"})) == []


def test_organisation_page_shows_its_registry_data(officer, writing):
    page = officer.get(f"{INDEX}{writing.pk}/")
    body = text(page)

    for value in (writing.nip, writing.regon, writing.krs, "Maria Nowak (prezes zarządu)", "stowarzyszenie"):
        assert value in body
    assert 'href="https://wyszukiwarka-krs.ms.gov.pl/"' in page.content.decode()
    assert "Członkowie z kontem 1" in body
    assert "Organizacja pisze 1 ofertę" in body


def test_officer_verifies_an_organisation_for_their_centre(officer, officer_user, writing, centre):
    response = decide(officer, writing, centre, "verified", "Odpis z KRS sprawdzony.")

    assert response.status_code == 302
    verification = Verification.objects.get(organisation=writing, centre=centre)
    assert verification.verified and verification.note == "Odpis z KRS sprawdzony."
    assert verification.decided_by == officer_user
    entry = AuditEntry.objects.get(kind=AuditKind.NGO_VERIFIED)
    assert entry.actor == officer_user and entry.centre == centre
    assert "Stowarzyszenie Pomocna Dłoń" in entry.description
    assert "zweryfikowana" in text(officer.get(f"{INDEX}{writing.pk}/"))


def test_refusing_needs_a_note_and_keeps_what_was_typed(officer, writing, centre):
    response = decide(officer, writing, centre, "refused")

    assert response.status_code == 200
    assert "Przy odmowie napisz, dlaczego" in text(response)
    assert not Verification.objects.exists()


def test_refusal_replaces_the_centres_earlier_decision(officer, writing, centre):
    decide(officer, writing, centre, "verified")
    decide(officer, writing, centre, "refused", "Statut nie obejmuje pomocy społecznej.")

    verification = Verification.objects.get(organisation=writing, centre=centre)
    assert not verification.verified
    assert AuditEntry.objects.filter(kind=AuditKind.NGO_REFUSED).count() == 1


def test_another_centres_decision_leaves_this_centres_alone(client, writing, centre, centre_b, pulawy):
    Verification.objects.create(organisation=writing, centre=centre, note="Notatka z Jasła")
    client.force_login(make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER))

    page = text(client.get(f"{INDEX}{writing.pk}/"))
    assert "Notatka z Jasła" not in page and "MOPS Jasło" not in page
    decide(client, writing, centre_b, "refused", "Brak dokumentów.")

    assert Verification.objects.get(organisation=writing, centre=centre).verified
    assert not Verification.objects.get(organisation=writing, centre=centre_b).verified


def test_an_officer_cannot_decide_for_another_centre(client, writing, centre, pulawy):
    client.force_login(make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER))

    response = decide(client, writing, centre, "verified")

    assert response.status_code == 200 and response.context["form"].errors["centre"]
    assert not Verification.objects.exists()


def test_only_the_centres_grants_officers_may_decide(writing, centre, jaslo, pulawy):
    supervisor = make_staff("kierowniczka@example.org", jaslo, Role.SUPERVISOR)
    elsewhere = make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER)

    for person in (supervisor, elsewhere):
        with pytest.raises(PermissionDenied):
            decide_verification(writing, centre, user=person, verified=True)

    assert not Verification.objects.exists()
    assert not AuditEntry.objects.filter(kind__in=[AuditKind.NGO_VERIFIED, AuditKind.NGO_REFUSED]).exists()


def test_another_centres_listing_does_not_show_organisations_writing_here(client, writing, pulawy):
    client.force_login(make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER))

    assert names(client.get(INDEX)) == []


def test_supervisor_reads_but_does_not_decide(client, jaslo, writing, centre):
    client.force_login(make_staff("kierowniczka@example.org", jaslo, Role.SUPERVISOR))

    page = client.get(f"{INDEX}{writing.pk}/")
    assert page.status_code == 200 and 'name="decision"' not in page.content.decode()
    response = decide(client, writing, centre, "verified")

    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not Verification.objects.exists()


def test_people_without_the_grants_rights_are_turned_away(client, jaslo, writing):
    client.force_login(make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR))

    for url in (INDEX, f"{INDEX}{writing.pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
