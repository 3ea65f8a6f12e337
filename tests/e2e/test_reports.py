"""The final report in Chromium: the organisation of one of last year's demo agreements files
its final report (a line over the allowed overrun is refused until explained), the grants
officer accepts it in the admin and the grant is settled; axe-core on every page."""

import datetime
from decimal import Decimal

from django.utils import timezone
from playwright.sync_api import expect

from accounts.demo.users import PASSWORD
from ngo_grants.models import Agreement, MemberRole
from ngo_grants.services import reports
from ngo_grants.workflow import OfferStatus
from tests.e2e.test_editor_moderation import sign_in as sign_in_staff
from tests.e2e.test_grants_admin import check_main


def waiting_agreement():
    """A demo agreement still waiting for its final report, its task ended yesterday (as the
    calendar will have it by the end of the year)."""
    agreement = next(
        agreement
        for agreement in Agreement.objects.filter(settled_at__isnull=True).order_by("offer__number")
        if not agreement.reports.filter(kind="final").exists()
    )
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Agreement.objects.filter(pk=agreement.pk).update(ends_on=min(agreement.ends_on, yesterday))
    return Agreement.objects.get(pk=agreement.pk)


def test_the_organisation_files_its_final_report_and_the_officer_settles_the_grant(browser, demo_staff, page, axe):
    agreement = waiting_agreement()
    offer = agreement.offer
    writer = offer.organisation.memberships.filter(role=MemberRole.ADMIN).first().user
    lines = reports.agreed_lines(agreement)

    page.goto(f"/oferty/{offer.pk}/")
    page.get_by_label("Adres e-mail").fill(writer.email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("link", name="Sprawozdanie końcowe").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sprawozdanie końcowe")
    axe(page)

    page.get_by_label("Zrealizowane działania").fill("Zajęcia od lutego do listopada, wyjazd jednodniowy.")
    page.get_by_label("Osiągnięte rezultaty w porównaniu z zakładanymi").fill("28 z 30 dzieci, 690 z 700 godzin.")
    for index, line in enumerate(lines):
        total, grant = line["total"], line["from_grant"]
        if index == 0:  # 20% over the agreed cost, the excess paid from other funds
            total = (total * Decimal("1.2")).quantize(Decimal("0.01"))
        page.locator(f"#id_line_{index}_total").fill(str(total).replace(".", ","))
        page.locator(f"#id_line_{index}_from_grant").fill(str(grant).replace(".", ","))
        page.locator(f"#id_line_{index}_from_other").fill(str(total - grant).replace(".", ","))
    page.get_by_role("button", name="Wyślij sprawozdanie do ośrodka").click()
    expect(page.locator("#id_line_0_explanation").locator("xpath=..")).to_contain_text("wyjaśnij dlaczego")
    axe(page)
    page.locator("#id_line_0_explanation").fill("Wzrost cen biletów na przejazdy; pokryty ze środków własnych.")
    page.get_by_role("button", name="Wyślij sprawozdanie do ośrodka").click()
    expect(page.locator(".report-sent")).to_contain_text("czeka na ośrodek")
    expect(page.locator(".report-sent .over-limit")).to_contain_text("ponad limit")
    axe(page)

    context, staff = sign_in_staff(browser, demo_staff.url, "dotacje@jaslo.demo.pomost.local")
    staff.goto(f"/admin/oferty/{offer.pk}/sprawozdania/")
    expect(staff.locator(".report-sent", has_text="Wzrost cen biletów")).to_contain_text("czeka na ośrodek")
    check_main(staff)
    staff.locator(".report-decision-form select").select_option("accept")
    staff.locator(".report-decision-form").get_by_role("button", name="Zapisz").click()
    expect(staff.locator("main")).to_contain_text("Dotację rozliczono")
    check_main(staff)
    context.close()

    page.reload()
    expect(page.locator("main")).to_contain_text("Rozliczono")
    axe(page)
    assert OfferStatus(type(offer).objects.get(pk=offer.pk).status) == OfferStatus.SETTLED
