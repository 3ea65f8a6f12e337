"""The whole way of an offer in Chromium, as an NGO member takes it: registers the organisation,
opens Jasło's open call from its page, writes the offer over two visits (the draft is there on
return), adds cost lines, uploads the required attachments, submits, and downloads the
confirmation PDF, whose text carries the offer's number and checksum. axe finds nothing on the
call page and on every step of the offer."""

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader
from wagtail.models import Site

from core.models import Centre
from ngo_grants.models import CallPage, Offer, Organisation
from ngo_grants.services.verification import decide_verification
from ngo_grants.workflow import OfferStatus
from tests.e2e.test_volunteer_hours import signed_in
from tests.ngo_grants import IBANS
from tests.security.world import grant_role, make_user

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def open_call_of(site):
    calls = CallPage.objects.live().descendant_of(site.root_page).specific()
    return next(call for call in calls if call.is_open())


def register_organisation(page, axe):
    page.goto("/organizacje/nowa/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("organizac")
    axe(page)
    page.get_by_label("Nazwa").fill("Stowarzyszenie Razem w Jaśle")
    page.get_by_label("Forma prawna").select_option("association")
    page.get_by_label("Numer KRS").fill("0000654321")
    page.get_by_label("NIP").fill("741-247-20-19")
    page.get_by_label("REGON").fill("550299214")
    page.get_by_label("Ulica i numer").fill("ul. Floriańska 12")
    page.get_by_label("Kod pocztowy").fill("38-200")
    page.get_by_label("Miejscowość").fill("Jasło")
    page.get_by_label("E-mail").first.fill("biuro@razem.example.org")
    page.get_by_label("Telefon").fill("13 446 00 00")
    page.get_by_label("Rachunek bankowy (IBAN)").fill(IBANS[1])
    page.locator("#id_representatives-0-name").fill("Ewa Kowalska")
    page.locator("#id_representatives-0-function").fill("prezes zarządu")
    page.get_by_role("button", name="Zarejestruj organizację").click()
    expect(page.locator(".messages")).to_be_visible()
    return Organisation.objects.get(nip="7412472019")


def save_and_continue(page, axe, heading):
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    axe(page)
    page.get_by_role("button", name=re.compile("^Zapisz i przejdź")).click()


def fill_cost_line(page, index, values):
    prefix = f"#id_costs-lines-{index}-"
    page.locator(f"{prefix}category").select_option(values[0])
    for name, value in zip(
        ("name", "quantity", "unit", "unit_cost", "total", "from_grant", "from_other"), values[1:], strict=True
    ):
        page.locator(f"{prefix}{name}").fill(value)


def test_member_registers_writes_over_two_visits_uploads_submits_and_downloads_the_confirmation(page, demo, axe):
    site = Site.objects.get(root_page__url_path="/mops-jaslo/")
    centre = Centre.for_site(site)
    call = open_call_of(site)
    task = call.tasks.order_by("sort_order").first()
    member = make_user("prezeska.razem@example.org", first_name="Ewa", last_name="Kowalska")
    signed_in(page, member, demo.url)

    organisation = register_organisation(page, axe)
    # The centre's grants officer verifies the organisation in the admin (its own browser test:
    # test_grants_admin.py); here through the same service, so the member can submit.
    officer = make_user("urzedniczka.e2e@example.org")
    grant_role(officer, site, "grants_officer")
    decide_verification(organisation, centre, user=officer, verified=True)

    # First visit: from the call page to the first two sections, then away.
    page.goto(call.relative_url(site))
    expect(page.get_by_role("heading", level=1)).to_have_text(call.title)
    axe(page)
    page.get_by_role("article", name=task.title).get_by_role("link", name="Napisz ofertę").click()
    axe(page)
    page.get_by_role("button", name="Zacznij pisać").click()
    offer = Offer.objects.get(organisation=organisation)
    expect(page).to_have_url(f"{demo.url}/oferty/{offer.pk}/")
    axe(page)
    page.goto(f"/oferty/{offer.pk}/basic/")
    page.locator("#id_basic-title").fill("Razem raźniej – popołudnia dla dzieci")
    save_and_continue(page, axe, "I. Podstawowe informacje")
    page.locator("#id_offeror-contact_name").fill("Ewa Kowalska")
    page.locator("#id_offeror-contact_phone").fill("600 200 300")
    page.locator("#id_offeror-contact_email").fill("ewa@razem.example.org")
    save_and_continue(page, axe, "II. Oferent")
    page.goto("/")

    # Second visit: the draft is intact.
    page.goto(f"/oferty/{offer.pk}/")
    expect(page.locator(".offer-sections")).to_contain_text("I. Podstawowe informacje – kompletna")
    page.goto(f"/oferty/{offer.pk}/offeror/")
    expect(page.locator("#id_offeror-contact_name")).to_have_value("Ewa Kowalska")
    page.goto(f"/oferty/{offer.pk}/task/")
    page.locator("#id_task-starts_on").fill(task.starts_on.replace(day=max(task.starts_on.day, 2)).isoformat())
    page.locator("#id_task-ends_on").fill(task.ends_on.isoformat())
    page.locator("#id_task-synopsis").fill("Popołudniowe zajęcia i odrabianie lekcji dla 30 dzieci.")
    page.locator("#id_task-results_description").fill("Lepsze oceny, mniej dzieci samych w domu.")
    page.locator("#id_task-actions-0-name").fill("Zajęcia świetlicowe")
    page.locator("#id_task-actions-0-description").fill("Od poniedziałku do piątku, 14:00–18:00.")
    page.locator("#id_task-actions-0-target_group").fill("dzieci 7–12 lat")
    page.locator("#id_task-actions-0-period").fill("cały rok")
    page.locator("#id_task-results-0-name").fill("Dzieci objęte opieką")
    page.locator("#id_task-results-0-target").fill("30")
    page.locator("#id_task-results-0-measure").fill("listy obecności")
    save_and_continue(page, axe, "III. Zadanie publiczne")
    page.locator("#id_resources-experience").fill("Od 2015 r. prowadzimy świetlicę.")
    page.locator("#id_resources-resources").fill("Sala przy ul. Floriańskiej, dwie opiekunki.")
    save_and_continue(page, axe, "IV. Doświadczenie i zasoby")

    # Cost lines: one in the page, a second added in place; the own contribution is 5 000 zł
    # of 14 000 zł, above any of the demo tasks' minimum.
    fill_cost_line(page, 0, ("action", "Wynagrodzenie opiekunki", "200", "godzina", "45", "9 000,00", "9000", "0"))
    page.get_by_role("button", name="Dodaj wiersz").click()
    fill_cost_line(page, 1, ("admin", "Czynsz za salę", "10", "miesiąc", "500", "5000", "0", "5000"))
    expect(page.locator("output[data-total=total]")).to_have_text(re.compile(r"^14\s000,00\szł$"))
    save_and_continue(page, axe, "V.A. Kalkulacja przewidywanych kosztów")
    page.locator("#id_financing-own_funds").fill("5000")
    save_and_continue(page, axe, "V.B. Źródła finansowania")
    save_and_continue(page, axe, "VI. Inne informacje")
    for checkbox in page.locator("input[type=checkbox][name^=declarations-]").all():
        checkbox.check()
    save_and_continue(page, axe, "VII. Oświadczenia")

    # Attachments: each one the call requires, as a PDF.
    page.goto(f"/oferty/{offer.pk}/zalaczniki/")
    axe(page)
    for required in call.required_attachments.filter(mandatory=True):
        page.get_by_label("Który to załącznik wymagany w konkursie?").select_option(str(required.pk))
        page.get_by_label("Plik").set_input_files(
            files=[{"name": f"zalacznik-{required.pk}.pdf", "mimeType": "application/pdf", "buffer": PDF}]
        )
        page.get_by_role("button", name="Dodaj załącznik").click()
        expect(page.locator(".messages")).to_be_visible()
    axe(page)

    page.goto(f"/oferty/{offer.pk}/zloz/")
    axe(page)
    page.get_by_role("button", name="Złóż ofertę").click()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED
    expect(page.get_by_role("heading", level=1)).to_contain_text(offer.number)
    axe(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Potwierdzenie złożenia (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        text = " ".join(page_of.extract_text() for page_of in PdfReader(io.BytesIO(pdf.read())).pages)
    flat = re.sub(r"\s+", "", text)
    assert offer.number in flat
    assert offer.latest_version().checksum in flat
