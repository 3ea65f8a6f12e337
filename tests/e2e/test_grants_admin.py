"""The grants officer in Chromium: the centre's offers listed, one read as submitted with its
checksum confirmed, its content downloaded as JSON whose SHA-256 is that checksum, and an
organisation verified for the centre. axe-core checks the screens' own content."""

import hashlib
import re

from playwright.sync_api import expect

from core.models import Centre
from ngo_grants.models import Verification
from tests.e2e.test_editor_moderation import sign_in
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.staff_helpers import submitted_offer


def check_main(page):
    """axe-core on what these screens render. Wagtail's own frame is Wagtail's to answer for,
    and so are its messages, which fade in: axe measured their contrast mid-animation."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
    results = Axe().run(page, context={"include": [["main"]], "exclude": [[".messages"]]}, options=options)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def test_grants_officer_reads_an_offer_and_verifies_an_organisation(browser, demo_staff):  # noqa: F811
    centre = Centre.objects.get(site__hostname="localhost")
    index = make_call_index(centre.site, slug="konkursy-e2e")
    call = make_call(index, "Konkurs e2e na usługi opiekuńcze", slug="konkurs-e2e")
    offer = submitted_offer(call, make_organisation(name="Stowarzyszenie e2e", number=4, centres=[centre]))
    newcomer = make_organisation(name="Fundacja Nowa e2e", number=5)

    context, staff = sign_in(browser, demo_staff.url, "dotacje@jaslo.demo.pomost.local")
    staff.goto("/admin/oferty/")
    staff.get_by_role("link", name=offer.number).click()
    expect(staff.locator("main")).to_contain_text("zgadza się")
    check_main(staff)

    with staff.expect_download() as download:
        staff.get_by_role("link", name="Pobierz treść jako JSON").click()
    with open(download.value.path(), "rb") as saved:
        content = saved.read()
    assert hashlib.sha256(content).hexdigest() == offer.versions.get().checksum

    staff.goto("/admin/organizacje/?q=Nowa")
    staff.get_by_role("link", name="Fundacja Nowa e2e").click()
    # The click returns before the next page has loaded; axe needs the new page's <main>.
    expect(staff).to_have_url(re.compile(r"/admin/organizacje/\d+/$"))
    expect(staff.locator("main")).to_contain_text("Fundacja Nowa e2e")
    check_main(staff)
    staff.get_by_label(re.compile("^Decyzja ośrodka")).select_option(label=str(centre))
    staff.get_by_label(re.compile("^Decyzja\\*?$")).select_option(value="verified")
    staff.get_by_label(re.compile("^Uwagi")).fill("Odpis z KRS zgodny.")
    staff.get_by_role("button", name="Zapisz decyzję").click()
    expect(staff.locator("main")).to_contain_text("Odpis z KRS zgodny.")
    assert Verification.objects.get(organisation=newcomer, centre=centre).verified
    context.close()
