"""The whole volunteer journey in Chromium: a resident signs up, completes the profile and
applies; the Jasło coordinator accepts in the admin; the volunteer logs hours; the coordinator
approves them; the volunteer downloads the certificate, which states the approved total."""

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.demo.staff import TOTP_SECRET
from accounts.demo.users import PASSWORD as STAFF_PASSWORD
from tests.factories import add_child
from tests.support import link_in, mails_to, totp_code
from volunteers.models import TaskIndexPage, TaskPage

EMAIL = "jan.wolontariusz@example.org"
PASSWORD = "Pomagam-w-Jasle-2026"
TASK = "Spacery z seniorami z Dziennego Domu Pobytu"
COORDINATOR = "koordynator@jaslo.demo.pomost.local"


@pytest.fixture
def walks():
    """A task that started three days ago and runs for under 30 days, so hours can be logged
    today and no written agreement is needed first."""
    today = timezone.localdate()
    index = TaskIndexPage.objects.get(url_path__startswith="/mops-jaslo/")
    return add_child(
        index,
        TaskPage(
            title=TASK,
            slug="spacery-z-seniorami",
            summary="Wspólne spacery z podopiecznymi Dziennego Domu Pobytu po parku miejskim.",
            category="seniors",
            place="Park Miejski, ul. Kościuszki",
            kind="recurring",
            weekdays=[0, 1, 2, 3, 4, 5, 6],
            start_date=today - datetime.timedelta(days=3),
            end_date=today + datetime.timedelta(days=20),
            start_time=datetime.time(10, 0),
            end_time=datetime.time(12, 0),
            places=3,
            coordinator_name="Agnieszka Zielińska",
            coordinator_email=COORDINATOR,
        ),
    )


def sign_in_to_admin(browser, base_url):
    context = browser.new_context(base_url=base_url, locale="pl-PL", timezone_id="Europe/Warsaw")
    admin = context.new_page()
    admin.set_default_timeout(20_000)
    admin.goto("/admin/")
    admin.get_by_label("Adres e-mail").fill(COORDINATOR)
    admin.get_by_label("Hasło").fill(STAFF_PASSWORD)
    admin.get_by_role("button", name="Zaloguj się").click()
    admin.get_by_label("Kod").fill(totp_code(TOTP_SECRET))
    admin.get_by_role("button", name=re.compile("Potwierdź|Zaloguj")).click()
    expect(admin).to_have_url(re.compile(r"/admin/$"))
    return context, admin


def test_volunteer_journey_from_sign_up_to_certificate(browser, demo_staff, walks, page, axe):
    heading = page.get_by_role("heading", level=1)

    # Sign up and confirm the address.
    page.goto("/konto/signup/")
    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło", exact=True).fill(PASSWORD)
    page.get_by_label("Hasło (ponownie)").fill(PASSWORD)
    page.get_by_role("button", name="Załóż konto").click()
    expect(heading).to_have_text("Sprawdź pocztę e-mail")
    [message] = mails_to(EMAIL)
    # The link carries the centre's own address (the demo site, localhost:8000); the test
    # server listens elsewhere, so the browser follows its path.
    link = link_in(message)
    assert link.startswith("http://localhost:8000/")
    page.goto(urlsplit(link).path)
    page.get_by_role("button", name="Potwierdź").click()
    expect(heading).to_have_text("Moje konto")

    # The profile, step by step.
    page.goto("/wolontariat/profil/o-tobie/")
    expect(heading).to_have_text("O Tobie")
    axe(page)
    page.get_by_label("Imię", exact=True).fill("Jan")
    page.get_by_label("Nazwisko", exact=True).fill("Wolontariusz")
    page.get_by_label("Data urodzenia").fill("1988-03-14")
    page.get_by_label("Telefon").fill("600 200 300")
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()
    expect(heading).to_have_text("Co lubisz robić")
    axe(page)
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()
    expect(heading).to_have_text("Kiedy możesz pomagać")
    axe(page)
    page.get_by_label("wtorek, rano").check()
    page.get_by_role("button", name="Zapisz i przejdź dalej").click()
    expect(heading).to_have_text("Zgody")
    axe(page)
    page.get_by_label("Zgadzam się, aby ośrodki pomocy społecznej").check()
    page.get_by_label("e-mailem").check()
    page.get_by_label("Zapoznałam/zapoznałem się ze standardami").check()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(heading).to_have_text("Mój profil wolontariusza")

    # Find the task and apply.
    page.goto("/zadania/")
    expect(heading).to_have_text("Wolontariat – zadania")
    axe(page)
    page.get_by_role("link", name=TASK).click()
    expect(heading).to_have_text(TASK)
    axe(page)
    page.get_by_role("link", name="Zgłoś się do tego zadania").click()
    page.get_by_label("Wiadomość do koordynatora").fill("Chętnie pospaceruję we wtorki.")
    page.get_by_role("button", name="Wyślij zgłoszenie").click()
    expect(page.locator(".application-status")).to_contain_text("złożone")

    # The coordinator accepts it in the admin.
    admin_context, admin = sign_in_to_admin(browser, demo_staff.url)
    admin.goto("/admin/zgloszenia/?q=Wolontariusz")
    admin.get_by_label(re.compile("Zaznacz: Jan Wolontariusz")).check()
    admin.get_by_role("button", name="Przyjmij zaznaczone").click()
    expect(admin.locator(".messages")).to_contain_text(TASK)

    # The volunteer sees the acceptance and logs two and a half hours for today.
    page.goto("/wolontariat/moje/")
    expect(page.locator(".application-status").first).to_have_text("przyjęte")
    axe(page)
    page.get_by_role("link", name="Wpisz godziny i zobacz wszystkie wpisy").click()
    expect(heading).to_have_text("Moje godziny")
    axe(page)
    page.get_by_label("Zadanie").select_option(label=TASK)
    page.get_by_label("Data").fill(timezone.localdate().isoformat())
    page.get_by_label("Godziny", exact=True).fill("2.5")
    page.get_by_label("Twoja notatka").fill("Spacer po parku z panią Heleną.")
    page.get_by_role("button", name="Wyślij do zatwierdzenia").click()
    expect(page.get_by_role("status").first).to_contain_text("Dziękujemy")

    # The coordinator approves the hours.
    admin.goto("/admin/godziny/?status=submitted&q=Wolontariusz")
    admin.locator("input[data-bulk-action-checkbox]").first.check()
    admin.get_by_role("link", name="Zatwierdź zaznaczone godziny").click()
    admin.get_by_role("button", name="Tak, zatwierdź").click()
    expect(admin.locator(".messages")).to_be_visible()
    admin_context.close()

    # The volunteer downloads the certificate: it states the approved total.
    page.goto("/wolontariat/moje/")
    axe(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Zaświadczenie o wolontariacie")).click()
    reader = PdfReader(Path(download_info.value.path()))
    text = " ".join(" ".join(page_.extract_text() for page_ in reader.pages).split())
    assert "Jan Wolontariusz" in text
    assert "2,5 godz." in text
    assert TASK in text
