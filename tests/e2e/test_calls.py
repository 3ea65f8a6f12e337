"""An organisation's member finds Jasło's open call from the home page, reads it and starts an
offer for one of its tasks in Chromium; axe finds nothing on the way."""

from playwright.sync_api import expect
from wagtail.models import Site

from core.models import Centre
from tests.e2e.test_volunteer_hours import signed_in
from tests.factories import UserFactory
from tests.ngo_grants import make_call, make_call_index, make_organisation


def test_member_goes_from_the_home_page_to_a_call_and_starts_an_offer(page, demo, axe):
    site = Site.objects.get(root_page__url_path="/mops-jaslo/")
    call = make_call(
        make_call_index(site, slug="konkursy-ofert"),
        "Otwarty konkurs ofert na wsparcie seniorów",
        tasks=[{"title": "Usługi opiekuńcze dla seniorów"}, {"title": "Posiłki dla potrzebujących"}],
    )
    member = UserFactory(email="prezes@pomocna.example.org")
    make_organisation(member, centres=[Centre.for_site(site)])
    signed_in(page, member, demo.url)

    page.goto("/")
    calls = page.get_by_role("region", name="Otwarte konkursy ofert")
    expect(calls).to_contain_text("Przyjmuje oferty")
    axe(page)
    calls.get_by_role("link", name=call.title).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(call.title)
    expect(page.locator(".call-task").first).to_contain_text("50 000,00 zł")
    axe(page)
    meals = page.get_by_role("article", name="Posiłki dla potrzebujących")
    meals.get_by_role("link", name="Napisz ofertę").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Posiłki dla potrzebujących")
    axe(page)
    page.get_by_role("button", name="Zacznij pisać").click()
    expect(page).to_have_url(f"{demo.url}/oferty/{call.offers.get().pk}/")

    page.goto("/konkursy-ofert/")
    axe(page)
