"""The grants officer's offers screen: the centre's submitted offers with their filters, each
offer read-only as frozen (checksum recomputed, JSON to recompute it, attachments to download),
and drafts and other centres' offers kept out."""

import hashlib
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from accounts.models import Role
from core.models import Centre
from ngo_grants.models import Offer, OfferVersion
from ngo_grants.sections import checksum
from ngo_grants.services.submission import withdraw_offer
from tests.accounts.helpers import make_staff
from tests.ngo_grants import complete_draft, make_call, make_call_index, make_organisation
from tests.ngo_grants.staff_helpers import PDF, submitted_offer

pytestmark = pytest.mark.django_db

INDEX = "/admin/oferty/"


@pytest.fixture
def centre(jaslo):
    return Centre.for_site(jaslo)


@pytest.fixture
def call(jaslo):
    return make_call(
        make_call_index(jaslo),
        tasks=[{"title": "Usługi opiekuńcze dla seniorów"}, {"title": "Dożywianie dzieci"}],
    )


@pytest.fixture
def organisation(centre):
    return make_organisation(name="Stowarzyszenie Pomocna Dłoń", centres=[centre])


@pytest.fixture
def offer(call, organisation):
    return submitted_offer(call, organisation, title="Razem raźniej")


@pytest.fixture
def officer(client, jaslo):
    client.force_login(make_staff("dotacje@example.org", jaslo, Role.GRANTS_OFFICER))
    return client


def rows(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("table.listing tbody tr")
    ]


def numbers(response):
    return [row[0] for row in rows(response)]


def text(response):
    return BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)


# --- Listing ---------------------------------------------------------------------------------


def test_listing_shows_the_submitted_offer_with_its_amounts_and_polish_time(officer, offer):
    [row] = rows(officer.get(INDEX))

    assert row[0] == offer.number
    assert "Stowarzyszenie Pomocna Dłoń" in row[1] and "Razem raźniej" in row[2]
    assert row[3] == "Usługi opiekuńcze dla seniorów"
    assert row[4:7] == ["9\u00a0000,00\u00a0zł", "10\u00a0000,00\u00a0zł", "1\u00a0000,00\u00a0zł"]
    local = offer.submitted_at.astimezone(ZoneInfo("Europe/Warsaw"))
    assert local.strftime("%H:%M") in row[7]


def test_drafts_are_never_listed_and_their_page_is_not_found(officer, call, organisation, centre):
    draft = Offer.objects.create(
        call=call,
        task=call.tasks.first(),
        organisation=organisation,
        centre=centre,
        title="Szkic prywatny",
        draft=complete_draft(call.tasks.first()),
    )

    assert rows(officer.get(INDEX)) == []
    assert officer.get(f"{INDEX}{draft.pk}/").status_code == 404
    assert officer.get(f"{INDEX}{draft.pk}/tresc.json").status_code == 404


def test_another_centres_grants_officer_sees_none_of_the_offers(client, offer, pulawy):
    client.force_login(make_staff("dotacje.pulawy@example.org", pulawy, Role.GRANTS_OFFICER))

    assert rows(client.get(INDEX)) == []
    assert client.get(f"{INDEX}{offer.pk}/").status_code == 404
    attachment = offer.attachments.get()
    assert client.get(f"{INDEX}{offer.pk}/zalaczniki/{attachment.pk}/").status_code == 404
    assert client.get(f"{INDEX}eksport/{offer.call_id}/oferty/csv/").status_code == 404


def test_filters_by_call_task_status_and_search(officer, call, organisation, offer, jaslo):
    other_org = make_organisation(name="Fundacja Dzieciom", number=1, centres=[organisation.verifications.get().centre])
    children = call.tasks.get(title="Dożywianie dzieci")
    second = submitted_offer(call, other_org, title="Ciepły posiłek", task=children)
    later_call = make_call(call.get_parent(), "Konkurs uzupełniający", slug="uzupelniajacy")
    third = submitted_offer(later_call, organisation, title="Seniorzy razem")
    withdraw_offer(third, user=organisation.memberships.get().user)

    assert set(numbers(officer.get(INDEX))) == {offer.number, second.number, third.number}
    assert numbers(officer.get(INDEX, {"task": children.pk})) == [second.number]
    assert set(numbers(officer.get(INDEX, {"call": call.pk}))) == {offer.number, second.number}
    assert numbers(officer.get(INDEX, {"status": "withdrawn"})) == [third.number]
    assert numbers(officer.get(INDEX, {"q": "dzieciom"})) == [second.number]
    assert numbers(officer.get(INDEX, {"q": other_org.nip})) == [second.number]


@pytest.mark.parametrize("value", ["9" * 400, "-1", "abc", "1e309", "٣"])
def test_bad_filter_values_show_the_unfiltered_list_not_an_error(officer, offer, value):
    response = officer.get(INDEX, {"call": value, "task": value, "status": value})

    assert response.status_code == 200
    assert numbers(response) == [offer.number]


def test_people_without_the_grants_rights_are_turned_away(client, jaslo, offer):
    client.force_login(make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR))

    for url in (INDEX, f"{INDEX}{offer.pk}/", f"{INDEX}konkursy/"):
        response = client.get(url)
        # Wagtail answers a refused permission with a redirect to the dashboard.
        assert response.status_code == 302 and response["Location"] == "/admin/"


# --- The offer as submitted -------------------------------------------------------------------


def test_offer_page_shows_the_frozen_content_and_a_checksum_that_holds(officer, offer):
    version = offer.versions.get()

    page = text(officer.get(f"{INDEX}{offer.pk}/"))

    assert version.checksum in page
    assert "zgadza się" in page
    assert "Odwiedziny domowe" in page  # the plan of actions, as submitted
    assert "Wynagrodzenie opiekunki" in page  # a cost line
    assert "zweryfikowana" in page


def test_offer_page_says_when_the_stored_content_no_longer_matches_its_checksum(officer, offer):
    version = offer.versions.get()
    content = {**version.content, "number": "podmieniony"}
    OfferVersion.objects.filter(pk=version.pk).update(content=content)

    page = text(officer.get(f"{INDEX}{offer.pk}/"))

    assert "NIE zgadza się" in page


def test_the_json_download_is_the_exact_content_of_the_checksum(officer, offer):
    version = offer.versions.get()

    response = officer.get(f"{INDEX}{offer.pk}/tresc.json")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert hashlib.sha256(response.content).hexdigest() == version.checksum == checksum(version.content)


def test_attachments_download_from_the_private_storage_as_files(officer, offer):
    attachment = offer.attachments.get()
    page = officer.get(f"{INDEX}{offer.pk}/").content.decode()
    url = f"{INDEX}{offer.pk}/zalaczniki/{attachment.pk}/"
    assert url in page

    response = officer.get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;") and "statut.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_an_attachment_of_another_offer_is_not_found_through_this_one(officer, offer, call, centre):
    other = submitted_offer(call, make_organisation(name="Fundacja Inna", number=1, centres=[centre]))
    foreign = other.attachments.get()

    assert officer.get(f"{INDEX}{offer.pk}/zalaczniki/{foreign.pk}/").status_code == 404


def test_supervisor_reads_offers_too(client, jaslo, offer):
    client.force_login(make_staff("kierowniczka@example.org", jaslo, Role.SUPERVISOR))

    assert numbers(client.get(INDEX)) == [offer.number]
    assert client.get(f"{INDEX}{offer.pk}/").status_code == 200


def test_call_summary_counts_offers_per_task_and_links_the_exports(officer, call, offer):
    page = officer.get(f"{INDEX}konkursy/")
    body = page.content.decode()

    assert page.status_code == 200
    assert ["Usługi opiekuńcze dla seniorów", "50\u00a0000,00\u00a0zł", "1", "0"] in rows(page)
    for what in ("oferty", "budzety"):
        for fmt in ("xlsx", "csv"):
            assert f"{INDEX}eksport/{call.pk}/{what}/{fmt}/" in body
