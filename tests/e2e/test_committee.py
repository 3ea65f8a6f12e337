"""Two committee members in Chromium: one declares no conflict and reads the offer, the other
declares a conflict with its ground and can no longer open it; axe-core on every page."""

from playwright.sync_api import expect

from core.models import Centre
from ngo_grants.models import MemberKind
from ngo_grants.services import committee as service
from tests.accounts.helpers import make_staff
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.review_helpers import accepted, offer_after_deadline
from tests.security.world import PASSWORD, make_user


def sign_in(page, email, url):
    page.goto(url)
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()


def test_members_declare_before_opening_an_offer(browser, demo, axe):
    centre = Centre.objects.get(site__hostname="localhost")
    call = make_call(make_call_index(centre.site, slug="konkursy-e2e"), "Konkurs e2e", slug="konkurs-e2e")
    officer = make_staff("dotacje.e2e@example.org", centre, "grants_officer")
    offer = accepted(offer_after_deadline(call, make_organisation(name="Fundacja e2e", centres=[centre])), officer)
    committee = service.committee_of(call)
    clear, conflicted = (make_user(f"{name}.e2e@example.org") for name in ("czysta", "brat"))
    for person in (clear, conflicted):
        service.appoint(committee, user=officer, person=person, kind=MemberKind.STAFF)

    for person, declare in ((clear, "none"), (conflicted, "conflict")):
        context = browser.new_context(base_url=demo.url, locale="pl-PL", timezone_id="Europe/Warsaw")
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page, person.email, "/komisja/")
        page.get_by_role("link", name="Konkurs e2e").click()
        expect(page.locator(".committee-offers")).to_contain_text("jeszcze nie złożone")
        axe(page)
        page.get_by_role("link", name=offer.number).click()
        axe(page)
        page.locator("#id_decision").select_option(declare)
        if declare == "conflict":
            page.locator("#id_ground").select_option("family")
            page.locator("#id_reason").fill("Mój brat jest prezesem fundacji.")
        page.get_by_role("button", name="Złóż oświadczenie").click()
        if declare == "none":
            expect(page.locator(".offer-content")).to_be_visible()
            expect(page.locator(".notice")).to_contain_text("brak konfliktu")
        else:
            expect(page.locator(".committee-offers")).to_contain_text("konflikt: nie oceniasz jej")
            expect(page.get_by_role("link", name=offer.number)).to_have_count(0)
            response = page.goto(f"/komisja/oferty/{offer.pk}/")
            assert response.status == 403
        axe(page)
        context.close()
