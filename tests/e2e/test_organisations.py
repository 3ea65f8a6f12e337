"""An NGO member registers an organisation in Chromium, adds a second representative with
the "add a person" button (no script needed), invites a colleague, and finds it all on the
dashboard; axe-core checks every page on the way."""

from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from ngo_grants.models import Invitation, MemberRole, Organisation
from tests.volunteers.test_profile import make_resident


def signed_in(page, user, base_url):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def test_ngo_member_registers_an_organisation_and_invites_a_colleague(page, demo, axe):
    person = make_resident("prezeska@example.org")
    signed_in(page, person, demo.url)

    page.goto("/")
    page.get_by_role("link", name="Moje organizacje").click()
    axe(page)
    page.get_by_role("link", name="Zarejestruj organizację").click()
    axe(page)
    page.get_by_label("Nazwa", exact=True).fill("Fundacja Dobry Start")
    page.get_by_label("Forma prawna").select_option(label="fundacja")
    page.get_by_label("Numer KRS").fill("0000500002")
    page.get_by_label("NIP").fill("252-064-27-92")
    page.get_by_label("REGON").fill("223760126")
    page.get_by_label("Ulica i numer").fill("ul. Mickiewicza 3")
    page.get_by_label("Kod pocztowy").fill("24100")
    page.get_by_label("Miejscowość").fill("Puławy")
    page.get_by_label("E-mail", exact=True).fill("biuro@dobrystart.example.org")
    page.locator("#id_phone").fill("81 886 10 10")
    page.locator("#id_iban").fill("61 1090 1014 0000 0712 1981 2875")
    page.locator("#id_representatives-0-name").fill("Maria Nowak")
    page.locator("#id_representatives-0-function").fill("prezes zarządu")
    page.get_by_role("button", name="Dodaj osobę").click()
    expect(page.locator("#id_representatives-0-name")).to_have_value("Maria Nowak")
    page.locator("#id_representatives-1-name").fill("Jan Kowal")
    page.locator("#id_representatives-1-function").fill("skarbnik")
    page.get_by_role("button", name="Zarejestruj organizację").click()

    # One digit of the account was wrong: the message stands at the field, nothing is lost.
    expect(page.locator("#id_iban_error")).to_contain_text("nieprawidłowy")
    expect(page.locator("#id_representatives-1-name")).to_have_value("Jan Kowal")
    axe(page)
    page.locator("#id_iban").fill("61 1090 1014 0000 0712 1981 2874")
    page.get_by_role("button", name="Zarejestruj organizację").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Fundacja Dobry Start")
    axe(page)
    organisation = Organisation.objects.get(name="Fundacja Dobry Start")
    assert organisation.role_of(person) == MemberRole.ADMIN
    assert [p.name for p in organisation.representatives.all()] == ["Maria Nowak", "Jan Kowal"]

    page.get_by_role("link", name="Członkowie").click()
    page.get_by_label("Adres e-mail osoby, którą zapraszasz").fill("redaktorka@example.org")
    page.get_by_role("button", name="Wyślij zaproszenie").click()
    expect(page.locator(".invitations")).to_contain_text("redaktorka@example.org")
    axe(page)
    assert Invitation.objects.filter(organisation=organisation, email="redaktorka@example.org").exists()

    page.goto("/organizacje/")
    expect(page.locator(".organisation-panel h2")).to_have_text("Fundacja Dobry Start")
    axe(page)
