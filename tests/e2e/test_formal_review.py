"""The formal review in Chromium: the grants officer marks a requirement unmet and asks for a
correction of section IV; the NGO's administrator finds the request, changes only that section
and submits the corrected offer; the officer sees version 2 and what changed, then accepts it.
axe-core checks every page both of them visit."""

import re

from playwright.sync_api import expect

from core.models import Centre
from ngo_grants.models import Offer
from ngo_grants.workflow import OfferStatus
from tests.e2e.test_editor_moderation import sign_in
from tests.e2e.test_grants_admin import check_main
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.review_helpers import offer_after_deadline
from tests.security.world import PASSWORD, make_user

EXPERIENCE = "Od 2015 r. prowadzimy klub seniora dla 40 osób, z dotacji miasta rozliczanych bez uwag."


def test_officer_requests_a_correction_and_the_ngo_corrects_only_the_reopened_section(browser, demo_staff, page, axe):
    centre = Centre.objects.get(site__hostname="localhost")
    call = make_call(make_call_index(centre.site, slug="konkursy-e2e"), "Konkurs e2e", slug="konkurs-e2e")
    writer = make_user("prezes.e2e@example.org")
    offer = offer_after_deadline(call, make_organisation(writer, centres=[centre], number=5))
    first, second = call.formal_checks.all()

    # The officer: one requirement unmet, section IV reopened with the reason.
    context, staff = sign_in(browser, demo_staff.url, "dotacje@jaslo.demo.pomost.local")
    staff.goto(f"/admin/oferty/{offer.pk}/")
    staff.get_by_role("link", name="Ocena formalna").click()
    expect(staff.get_by_role("heading", name="Wymogi formalne")).to_be_visible()
    check_main(staff)
    staff.locator(f"#id_met_{first.pk}").select_option("yes")
    staff.locator(f"#id_met_{second.pk}").select_option("no")
    staff.locator(f"#id_note_{second.pk}").fill("Doświadczenie opisane zbyt ogólnie.")
    staff.locator("#id_action").select_option("correct")
    staff.get_by_label("IV. Doświadczenie i zasoby").check()
    staff.locator("#id_reason").fill("Prosimy opisać doświadczenie w pracy z seniorami z ostatnich lat.")
    staff.get_by_role("button", name="Zapisz").click()
    expect(staff.locator("main")).to_contain_text("czeka na organizację")
    check_main(staff)

    # The NGO: the request on the offer's page, section I locked, section IV open.
    page.goto(f"/oferty/{offer.pk}/")
    page.get_by_label("Adres e-mail").fill(writer.email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(page.locator(".correction-request")).to_contain_text("doświadczenie w pracy z seniorami")
    axe(page)
    page.goto(f"/oferty/{offer.pk}/basic/")
    expect(page.locator(".notice")).to_contain_text("nie otworzyło tej części")
    axe(page)
    page.goto(f"/oferty/{offer.pk}/resources/")
    page.locator("#id_resources-experience").fill(EXPERIENCE)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".message-success, .messages").first).to_contain_text("Zapisano")
    axe(page)
    page.goto(f"/oferty/{offer.pk}/zloz/")
    expect(page.locator(".deadline")).to_contain_text("Termin poprawienia")
    axe(page)
    page.get_by_role("button", name="Złóż poprawioną ofertę").click()
    expect(page.locator(".offer-status")).to_have_text("złożone")
    assert Offer.objects.get(pk=offer.pk).versions.count() == 2

    # The officer: version 2 and only section IV changed; then the offer is accepted.
    staff.reload()
    staff.get_by_role("link", name="co się zmieniło").click()
    expect(staff).to_have_url(re.compile(r"/wersje/\?od=1&do=2$"))
    rows = staff.locator(".version-diff tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(EXPERIENCE)
    check_main(staff)
    staff.goto(f"/admin/oferty/{offer.pk}/ocena-formalna/")
    staff.locator(f"#id_met_{second.pk}").select_option("yes")
    staff.locator("#id_action").select_option("accept")
    staff.get_by_role("button", name="Zapisz").click()
    expect(staff.locator("main")).to_contain_text("Przyjęta formalnie")
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.FORMALLY_ACCEPTED
    context.close()
