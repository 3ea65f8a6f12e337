"""My account: e-mail, password, sessions, two-factor status and deleting the account."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory
from tests.support import link_in

PASSWORD = "correct-horse-battery"
NEW_PASSWORD = "Zupelnie-nowe-haslo-7"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def verified_user(email="jan@example.org", **extra):
    user = UserFactory(email=email, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in(client, email="jan@example.org", password=PASSWORD):
    response = client.post("/konto/login/", {"login": email, "password": password})
    assert response.status_code == 302, "signed in"
    return client


@pytest.fixture
def resident(jaslo):
    return verified_user()


@pytest.fixture
def resident_client(client, resident):
    return sign_in(client)


def test_account_page_needs_signing_in(client, jaslo):
    response = client.get("/konto/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/konto/"


def test_account_page_leads_to_every_setting(resident_client):
    html = resident_client.get("/konto/").content.decode()

    assert "<h1>Moje konto</h1>" in html
    assert "Zalogowano jako jan@example.org." in html
    assert "Liczba zalogowanych urządzeń lub przeglądarek: 1." in html
    assert "Wyłączone. Przy uwierzytelnianiu dwuskładnikowym" in html
    for url in ["/konto/email/", "/konto/password/change/", "/konto/2fa/totp/activate/", "/konto/sessions/"]:
        assert f'href="{url}"' in html
    assert 'href="/konto/usun-konto/"' in html


def test_changing_the_email_needs_the_password_and_the_new_address_verified(resident_client, resident):
    asked = resident_client.post("/konto/email/", {"email": "nowy@example.org", "action_add": ""})
    assert asked["Location"].startswith("/konto/reauthenticate/")

    resumed = resident_client.post(asked["Location"], {"password": PASSWORD})

    assert resumed.status_code == 302
    [message] = mail.outbox
    assert message.to == ["nowy@example.org"]
    assert message.subject == "[MOPS Jasło] Potwierdź adres e-mail"
    resident.refresh_from_db()
    assert resident.email == "jan@example.org", "the old address stays until the new one is verified"
    assert (
        "Poproszono o zmianę na <strong>nowy@example.org</strong>"
        in resident_client.get("/konto/email/").content.decode()
    )

    resident_client.post(link_in(message))

    resident.refresh_from_db()
    assert resident.email == "nowy@example.org"
    assert list(EmailAddress.objects.filter(user=resident).values_list("email", flat=True)) == ["nowy@example.org"]


def test_changing_the_password_keeps_the_session_and_sends_a_notice(resident_client, resident):
    response = resident_client.post(
        "/konto/password/change/", {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert resident_client.get("/konto/").status_code == 200
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    assert [message.to for message in mail.outbox] == [["jan@example.org"]]
    assert mail.outbox[0].subject.startswith("[MOPS Jasło] ")


def test_sessions_are_listed_and_other_sessions_can_be_signed_out(resident_client):
    phone = sign_in(Client(HTTP_USER_AGENT="Telefon Anny"))

    page = resident_client.get("/konto/sessions/").content.decode()
    assert "<h1>Aktywne sesje</h1>" in page
    assert "Telefon Anny" in page
    assert page.count("<tr>") == 3, "a header row and two sessions"

    resident_client.post("/konto/sessions/")

    assert phone.get("/konto/").status_code == 302, "the phone has been signed out"
    assert resident_client.get("/konto/").status_code == 200


def test_deleting_the_account_asks_for_the_password_first(resident_client):
    response = resident_client.get("/konto/usun-konto/")

    assert response["Location"] == "/konto/reauthenticate/?next=%2Fkonto%2Fusun-konto%2F"
    page = resident_client.get(response["Location"]).content.decode()
    assert "<h1>Potwierdź, że to Ty</h1>" in page


def test_deleting_the_account_explains_needs_the_box_ticked_and_removes_everything(resident_client, resident):
    resident_client.post("/konto/reauthenticate/?next=/konto/usun-konto/", {"password": PASSWORD})
    phone = sign_in(Client())
    page = resident_client.get("/konto/usun-konto/").content.decode()
    assert "Usunięcie konta usuwa na zawsze:" in page

    unticked = resident_client.post("/konto/usun-konto/", {})
    assert "Zaznacz pole, aby potwierdzić, że chcesz usunąć konto." in unticked.content.decode()
    assert get_user_model().objects.filter(pk=resident.pk).exists()

    deleted = resident_client.post("/konto/usun-konto/", {"confirm": "on"})

    assert "<h1>Konto usunięte</h1>" in deleted.content.decode()
    assert not get_user_model().objects.filter(pk=resident.pk).exists()
    assert not EmailAddress.objects.filter(email="jan@example.org").exists()
    assert "_auth_user_id" not in resident_client.session
    assert phone.get("/konto/").status_code == 302, "signed out on the other device too"


def test_staff_cannot_delete_their_own_account_here(client, jaslo):
    verified_user("kierownik@example.org", is_superuser=True, is_staff=True)
    sign_in(client, "kierownik@example.org")
    client.post("/konto/reauthenticate/", {"password": PASSWORD})

    page = client.get("/konto/usun-konto/").content.decode()
    response = client.post("/konto/usun-konto/", {"confirm": "on"})

    assert "To konto pracownika ośrodka." in page
    assert 'name="confirm"' not in page
    assert response.status_code == 403
    assert get_user_model().objects.filter(email="kierownik@example.org").exists()


@pytest.mark.parametrize(
    "url", ["/konto/", "/konto/email/", "/konto/password/change/", "/konto/sessions/", "/konto/2fa/", "/konto/logout/"]
)
def test_account_pages_are_polish_in_the_site_layout_without_inline_code(resident_client, url):
    response = resident_client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl"' in html and 'class="site-header"' in html
    assert 'href="/konto/">Moje konto</a>' in html
    assert " style=" not in html
    assert all(" src=" in tag for tag in re.findall(r"<script[^>]*>", html)), "no inline scripts"
    assert "script-src 'self' 'nonce-" in response["Content-Security-Policy"]
