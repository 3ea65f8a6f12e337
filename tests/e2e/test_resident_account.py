"""A resident creates an account, confirms the address, turns on two-factor and signs in with a code."""

from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.support import link_in, totp_code

EMAIL = "mieszkanka@example.org"
PASSWORD = "Moje-bezpieczne-haslo-42"


def test_resident_signs_up_confirms_sets_up_two_factor_and_signs_in_with_a_code(page, axe):
    heading = page.get_by_role("heading", level=1)

    page.goto("/konto/password/reset/")
    expect(heading).to_have_text("Ustaw nowe hasło")
    axe(page)

    page.goto("/")
    page.get_by_role("link", name="Zaloguj się").click()
    expect(heading).to_have_text("Zaloguj się")
    axe(page)
    page.get_by_role("link", name="Załóż je").click()
    expect(heading).to_have_text("Załóż konto")
    axe(page)

    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło", exact=True).fill(PASSWORD)
    page.get_by_label("Hasło (ponownie)").fill("literowka")
    page.get_by_role("button", name="Załóż konto").click()
    expect(page.locator(".error-summary")).to_contain_text("Musisz wpisać za każdym razem to samo hasło.")
    expect(page.get_by_label("Adres e-mail")).to_have_value(EMAIL)
    axe(page)

    page.get_by_label("Hasło", exact=True).fill(PASSWORD)
    page.get_by_label("Hasło (ponownie)").fill(PASSWORD)
    page.get_by_role("button", name="Załóż konto").click()
    expect(heading).to_have_text("Sprawdź pocztę e-mail")

    [message] = mail.outbox
    assert message.to == [EMAIL]
    # The link carries the centre's own address (the demo site, localhost:8000); the test
    # server listens elsewhere, so the browser follows its path.
    link = link_in(message)
    assert link.startswith("http://localhost:8000/")
    page.goto(urlsplit(link).path)
    page.get_by_role("button", name="Potwierdź").click()
    expect(heading).to_have_text("Moje konto")
    expect(page.get_by_role("status").first).to_contain_text("Adres mieszkanka@example.org został potwierdzony.")
    axe(page)

    page.get_by_role("link", name="Włącz uwierzytelnianie dwuskładnikowe").click()
    expect(heading).to_have_text("Potwierdź, że to Ty")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Potwierdź").click()
    expect(heading).to_have_text("Włącz uwierzytelnianie dwuskładnikowe")
    expect(page.get_by_role("img", name="Kod QR dla aplikacji uwierzytelniającej")).to_be_visible()
    axe(page)
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Kod uwierzytelniający").fill(totp_code(secret))
    page.get_by_role("button", name="Włącz uwierzytelnianie dwuskładnikowe").click()
    expect(heading).to_have_text("Kody odzyskiwania")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    axe(page)

    page.get_by_role("link", name="Moje konto").first.click()
    expect(page.get_by_text("Włączone: przy logowaniu prosimy też o kod")).to_be_visible()
    page.get_by_role("button", name="Wyloguj się").click()
    expect(heading).to_have_text("Zaloguj się")

    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(heading).to_have_text("Kod z aplikacji uwierzytelniającej")
    axe(page)
    page.get_by_label("Kod").fill(totp_code(secret))
    page.get_by_role("button", name="Zaloguj się").click()

    expect(heading).to_have_text("Moje konto")
    expect(page.get_by_text(f"Zalogowano jako {EMAIL}.").first).to_be_visible()

    for link, title in [
        ("Zmień adres e-mail", "Adres e-mail"),
        ("Zobacz aktywne sesje", "Aktywne sesje"),
        ("Zarządzaj uwierzytelnianiem dwuskładnikowym", "Uwierzytelnianie dwuskładnikowe"),
    ]:
        page.goto("/konto/")
        page.get_by_role("link", name=link).click()
        expect(heading).to_have_text(title)
        axe(page)


def test_signing_in_and_out_works_without_javascript(browser, demo):
    user = UserFactory(email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="pl-PL")
    page = context.new_page()
    heading = page.get_by_role("heading", level=1)

    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(heading).to_have_text("Moje konto")

    page.get_by_role("button", name="Wyloguj się").click()
    expect(heading).to_have_text("Zaloguj się")
    expect(page.get_by_role("status")).to_have_text("Wylogowano.")
    context.close()
