"""An NGO editor writes the cost calculation with JavaScript: rows added and removed in place,
totals following what is typed, the section saving itself; the draft is intact on return."""

import re

from playwright.sync_api import expect
from wagtail.models import Site

from core.models import Centre
from ngo_grants.models import Offer
from ngo_grants.services.offers import start_offer
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.security.world import PASSWORD, make_user

LINES = [
    ("Wynagrodzenie opiekunki", "200", "godzina", "45", "9 000,00", "9000", "0"),
    ("Księgowość", "10", "miesiąc", "100", "1000", "0", "1000"),
]


def fill_line(page, index, line):
    prefix = f"#id_costs-lines-{index}-"
    page.locator(f"{prefix}category").select_option("action")
    for name, value in zip(
        ("name", "quantity", "unit", "unit_cost", "total", "from_grant", "from_other"), line, strict=True
    ):
        page.locator(f"{prefix}{name}").fill(value)


def test_editor_writes_cost_lines_in_place_and_finds_them_saved(page, axe):
    site = Site.objects.get(is_default_site=True)
    call = make_call(make_call_index(site, slug="konkursy-e2e"), slug="konkurs-e2e")
    user = make_user("redaktorka.e2e@example.org")
    organisation = make_organisation(user, centres=[Centre.for_site(site)], number=5)
    offer = start_offer(user=user, organisation=organisation, task=call.tasks.get())
    url = f"/oferty/{offer.pk}/costs/"
    heading = page.get_by_role("heading", level=1)

    page.goto(url)
    page.get_by_label("Adres e-mail").fill(user.email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(heading).to_have_text("V.A. Kalkulacja przewidywanych kosztów")
    axe(page)

    fill_line(page, 0, LINES[0])
    page.get_by_role("button", name="Dodaj wiersz").click()
    expect(page.locator("#id_costs-lines-1-category")).to_be_focused()
    assert page.url.endswith(url)
    fill_line(page, 1, LINES[1])
    expect(page.locator("output[data-total=total]")).to_have_text(re.compile(r"^10\s000,00\szł$"))
    expect(page.locator("output[data-total=from_other]")).to_have_text(re.compile(r"^1\s000,00\szł$"))
    expect(page.locator(".autosave-status")).to_contain_text("Zapisano o")
    axe(page)

    with page.expect_response(lambda response: response.url.endswith(url) and response.request.method == "POST"):
        page.get_by_role("button", name="Usuń ten wiersz").first.click()
    expect(page.locator("output[data-total=total]")).to_have_text(re.compile(r"^1\s000,00\szł$"))
    assert [line["name"] for line in Offer.objects.get(pk=offer.pk).draft["costs"]["lines"]] == ["Księgowość"]

    page.goto(f"/oferty/{offer.pk}/")
    expect(page.locator(".offer-sections")).to_contain_text("V.A. Kalkulacja przewidywanych kosztów – kompletna")
    axe(page)
    page.goto(url)
    expect(page.locator("#id_costs-lines-0-name")).to_have_value("Księgowość")
    expect(page.get_by_role("group", name="Wiersz 1")).to_be_visible()
