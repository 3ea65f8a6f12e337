"""The committee's assessment and the results in Chromium: two members declare and score an
offer (one of them the chair), the second reads the first's score only after submitting, the
chair records the recommended amount and adopts the opinion, the head of the centre decides in
the admin and a visitor reads the results on the call page; axe-core on every page."""

from playwright.sync_api import expect

from accounts.demo.staff import staff_email
from accounts.models import Role
from core.models import Centre
from ngo_grants.models import MemberKind, Recommendation
from ngo_grants.services import agreements
from ngo_grants.services import committee as service
from ngo_grants.workflow import OfferStatus
from tests.accounts.helpers import make_staff
from tests.e2e.test_committee import sign_in
from tests.e2e.test_editor_moderation import sign_in as sign_in_staff
from tests.e2e.test_grants_admin import check_main
from tests.ngo_grants import make_call, make_call_index, make_organisation
from tests.ngo_grants.review_helpers import accepted, offer_after_deadline
from tests.ngo_grants.scoring_helpers import assign_all
from tests.security.world import PASSWORD, make_user


def member_page(browser, demo, person):
    context = browser.new_context(base_url=demo.url, locale="pl-PL", timezone_id="Europe/Warsaw")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, person.email, "/komisja/")
    return context, page


def declare_and_score(page, axe, offer, points):
    page.get_by_role("link", name="Konkurs oceniany e2e").click()
    expect(page.locator(".committee-offers")).to_contain_text("do oceny")
    page.get_by_role("link", name=offer.number).click()
    page.locator("#id_decision").select_option("none")
    page.get_by_role("button", name="Złóż oświadczenie").click()
    expect(page.locator(".member-scores")).to_have_count(0)
    page.get_by_role("link", name="Oceń tę ofertę").click()
    axe(page)
    fields = page.locator(".criterion input")
    for index, value in enumerate(points):
        fields.nth(index).fill(str(value))
    # A low score without its justification is refused at the field, keeping the points.
    page.get_by_role("button", name="Prześlij ocenę").click()
    expect(page.locator(".field-error").first).to_contain_text("Uzasadnij")
    axe(page)
    page.locator(".criterion textarea").nth(1).fill("Kalkulacja kosztów niepełna.")
    page.get_by_role("button", name="Prześlij ocenę").click()
    expect(page.locator(".own-score")).to_contain_text(f"{sum(points)} pkt")
    expect(page.locator(".member-scores")).to_be_visible()
    axe(page)


def test_two_members_score_the_chair_records_the_amount_and_a_visitor_sees_the_results(browser, demo_staff, page, axe):
    demo = demo_staff
    centre = Centre.objects.get(site__hostname="localhost")
    call = make_call(
        make_call_index(centre.site, slug="konkursy-ocena-e2e"), "Konkurs oceniany e2e", slug="konkurs-oceniany-e2e"
    )
    officer = make_staff("dotacje.ocena@example.org", centre, "grants_officer")
    writer = make_user("prezeska.e2e@example.org")
    organisation = make_organisation(writer, name="Fundacja Oceniana", centres=[centre], number=4)
    offer = accepted(offer_after_deadline(call, organisation), officer)
    committee = service.committee_of(call)
    chair, member = make_user("przewodniczaca.e2e@example.org"), make_user("czlonek.e2e@example.org")
    service.appoint(committee, user=officer, person=chair, kind=MemberKind.STAFF, chair=True)
    service.appoint(committee, user=officer, person=member, kind=MemberKind.STAFF)
    assign_all(committee, officer)

    context, tab = member_page(browser, demo, member)
    declare_and_score(tab, axe, offer, (7, 4))
    context.close()

    context, tab = member_page(browser, demo, chair)
    declare_and_score(tab, axe, offer, (9, 3))
    expect(tab.locator(".member-scores tbody tr")).to_have_count(2)
    tab.get_by_role("link", name="Wróć do ofert komisji").click()
    tab.get_by_role("link", name="Ranking i rekomendacje (przewodniczący)").click()
    expect(tab.locator(".ranking tbody tr").first).to_contain_text("11,50")
    axe(tab)
    tab.get_by_label(f"Rekomendowana dotacja dla oferty nr {offer.number} (zł)").fill("8 000,00")
    tab.get_by_label(f"Uwagi do oferty nr {offer.number}").fill("Obniżono koszty administracyjne.")
    tab.get_by_role("button", name="Zapisz kwoty").click()
    expect(tab.locator(".messages, [role=status]").first).to_contain_text("zapisane")
    tab.get_by_label("Data posiedzenia").fill("2026-12-03")
    tab.get_by_role("button", name="Przyjmij opinię").click()
    expect(tab.locator(".notice")).to_contain_text("Komisja przyjęła opinię")
    expect(tab.get_by_role("link", name="Protokół komisji (PDF)")).to_be_visible()
    axe(tab)
    context.close()

    offer.refresh_from_db()
    assert offer.status == OfferStatus.SCORED
    assert str(Recommendation.objects.get(offer=offer).amount) == "8000.00"

    # The head of the centre: the committee's amount and remark prefilled; the decision publishes.
    context, head = sign_in_staff(browser, demo.url, staff_email("jaslo", Role.SUPERVISOR))
    head.goto(f"/admin/oferty/konkursy/{call.pk}/decyzja/")
    expect(head.locator(".committee-opinion")).to_contain_text("Fundacja Oceniana")
    expect(head.locator(f"#id_amount_{offer.pk}")).to_have_value("8000.00")
    check_main(head)
    head.locator("#id_reference").fill("Zarządzenie nr 4/2026 Dyrektora MOPS w Jaśle")
    head.locator("#id_decided_on").fill("2026-12-04")
    head.get_by_role("button", name="Zapisz decyzję i opublikuj wyniki").click()
    expect(head.locator(".results-granted")).to_contain_text("Fundacja Oceniana")
    check_main(head)
    context.close()

    # A visitor: the results on the call page.
    page.goto(call.relative_url(centre.site))
    results = page.locator(".call-results")
    expect(results).to_contain_text("Zarządzenie nr 4/2026")
    expect(results.locator(".results-granted")).to_contain_text("8 000,00 zł")
    expect(page.locator(".call-meta")).to_contain_text("Wyniki ogłoszone")
    axe(page)
    assert OfferStatus(type(offer).objects.get(pk=offer.pk).status) == OfferStatus.GRANTED

    # The organisation: 8 000 of 9 000 zł granted, so it updates its budget first.
    page.goto(f"/oferty/{offer.pk}/")
    page.get_by_label("Adres e-mail").fill(writer.email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(page.locator(".offer-grant")).to_contain_text("8 000,00 zł")
    axe(page)
    page.get_by_role("link", name="Zaktualizuj budżet do przyznanej kwoty").click()
    page.locator("#id_line_0_total").fill("8000")
    page.locator("#id_line_0_from_grant").fill("8 000,00")
    page.get_by_role("button", name="Wyślij do ośrodka").click()
    expect(page.locator(".error-summary")).to_be_visible()  # the schedule is missing
    axe(page)
    page.get_by_label("Zaktualizowany harmonogram działań").fill("Wizyty od marca do listopada, co tydzień.")
    page.get_by_role("button", name="Wyślij do ośrodka").click()
    expect(page.locator(".budget-update-sent")).to_contain_text("czeka na ośrodek")
    axe(page)

    # The officer accepts it and prepares the agreement.
    context, staff = sign_in_staff(browser, demo.url, "dotacje@jaslo.demo.pomost.local")
    staff.goto(f"/admin/oferty/{offer.pk}/umowa/")
    expect(staff.locator(".budget-diff")).to_contain_text("8 000,00 zł")
    check_main(staff)
    staff.locator("#id_update-decision").select_option("accept")
    staff.locator(".update-decision-form").get_by_role("button", name="Zapisz").click()
    staff.locator("#id_agreement-number").fill("ZSS.526.7.2027")
    start = agreements.period_of(offer)[0]
    staff.locator("#id_agreement-due_1").fill(start.isoformat())
    staff.locator("#id_agreement-amount_1").fill("8000")
    staff.locator(".agreement-form").get_by_role("button", name="Przygotuj umowę").click()
    expect(staff.locator("main")).to_contain_text("Umowa nr ZSS.526.7.2027 jest przygotowana")
    check_main(staff)
    context.close()

    # The organisation downloads the agreement.
    page.goto(f"/oferty/{offer.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Umowa (PDF)").click()
    assert download.value.suggested_filename == "umowa-ZSS.526.7.2027.pdf"
    assert OfferStatus(type(offer).objects.get(pk=offer.pk).status) == OfferStatus.AGREEMENT
