"""Small grants in Chromium: a visitor goes from the calls to the small grants, opens the offer
in its comment period, sends a comment (a missing name is refused at the field, the comment kept)
and reads it published; an organisation member opens the filing form; axe-core on every page."""

from playwright.sync_api import expect

from accounts.demo.users import PASSWORD
from ngo_grants.models import SmallGrant
from ngo_grants.services import small_grants


def test_a_visitor_comments_on_a_small_grant_in_its_comment_period(demo_staff, page, axe):
    grant = next(grant for grant in SmallGrant.objects.all() if small_grants.comments_open(grant))

    page.goto("/male-granty/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Małe granty")
    axe(page)
    page.get_by_role("link", name=grant.title).click()
    expect(page.locator(".small-grant-meta")).to_contain_text(grant.number)
    axe(page)
    page.get_by_label("Uwaga", exact=True).fill("Proszę o zajęcia także w soboty.")
    page.get_by_role("button", name="Wyślij uwagę").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Uwaga", exact=True)).to_have_value("Proszę o zajęcia także w soboty.")
    axe(page)
    page.get_by_label("Twoje imię i nazwisko lub nazwa organizacji").fill("Jan z Gamratu")
    page.get_by_role("button", name="Wyślij uwagę").click()
    expect(page.locator(".small-grant-comment", has_text="Jan z Gamratu")).to_contain_text("także w soboty")
    axe(page)
    assert grant.comments.filter(name="Jan z Gamratu").exists()

    # A member of a verified organisation opens the filing form from the same page.
    page.goto("/male-granty/nowy/")
    page.get_by_label("Adres e-mail").fill("ngo@jaslo.demo.pomost.local")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Złóż ofertę na mały grant")
    page.get_by_label("Tytuł zadania").fill("Ferie w świetlicy")
    page.get_by_role("button", name="Złóż ofertę").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label("Tytuł zadania")).to_have_value("Ferie w świetlicy")
    axe(page)
