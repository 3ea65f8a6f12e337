"""Residents sign up with an e-mail address, verify it, sign in and reset their password."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from tests.factories import UserFactory
from tests.support import link_in

PASSWORD = "correct-horse-battery"
SIGNUP_PASSWORD = "Bardzo-tajne-haslo-9"
NEW_PASSWORD = "Zupelnie-nowe-haslo-7"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters live in the cache and would carry over from other tests.
    cache.clear()


def verified_user(email="jan@example.org"):
    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def signed_in(client):
    return "_auth_user_id" in client.session


def sign_up(client, email="anna@example.org", password=SIGNUP_PASSWORD, again=None):
    return client.post("/konto/signup/", {"email": email, "password1": password, "password2": again or password})


def test_signup_sends_a_polish_verification_email_in_the_centres_name(client, jaslo):
    response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert get_user_model().objects.filter(email="anna@example.org").exists()
    assert not signed_in(client)
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "[MOPS Jasło] Potwierdź adres e-mail, aby dokończyć zakładanie konta"
    assert message.from_email == "MOPS Jasło <no-reply@localhost>"
    assert message.body.startswith("Dzień dobry,")
    assert "założył konto na stronie MOPS Jasło" in message.body
    assert "sekretariat@mops.jaslo.example" in message.body
    assert link_in(message).startswith("http://localhost/konto/confirm-email/")
    assert "example.com" not in message.body


def test_signup_on_the_second_centre_speaks_for_that_centre(pulawy_client, pulawy):
    sign_up(pulawy_client)

    [message] = mail.outbox
    assert message.subject.startswith("[MOPS Puławy] ")
    assert "na stronie MOPS Puławy" in message.body
    assert link_in(message).startswith("http://pulawy.localhost/konto/confirm-email/")


def test_verification_sent_page_is_polish_inside_the_site_layout(client, jaslo):
    response = client.get(sign_up(client)["Location"])

    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "<h1>Sprawdź pocztę e-mail</h1>" in html
    assert "E-mail z potwierdzeniem został wysłany na adres anna@example.org." in html


def test_signup_asks_for_the_password_twice_and_keeps_the_address(client, jaslo):
    response = sign_up(client, again="Inne-haslo-123")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Musisz wpisać za każdym razem to samo hasło." in html
    assert 'value="anna@example.org"' in html
    assert SIGNUP_PASSWORD not in html
    assert not get_user_model().objects.filter(email="anna@example.org").exists()


def test_unverified_resident_cannot_sign_in(client, jaslo):
    sign_up(client)

    response = client.post("/konto/login/", {"login": "anna@example.org", "password": SIGNUP_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert not signed_in(client)


def test_verification_link_asks_for_a_click_then_verifies_and_signs_in(client, jaslo):
    sign_up(client)
    link = link_in(mail.outbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "Potwierdź, że <strong>anna@example.org</strong> to Twój adres e-mail." in page.content.decode()
    assert not EmailAddress.objects.get(email="anna@example.org").verified

    response = client.post(link)

    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert EmailAddress.objects.get(email="anna@example.org").verified
    assert signed_in(client)
    assert "Adres anna@example.org został potwierdzony." in client.get("/konto/").content.decode()


def test_verified_resident_signs_in_with_the_address_in_any_case(client, jaslo):
    verified_user("jan@example.org")

    response = client.post("/konto/login/", {"login": "Jan@Example.ORG", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert signed_in(client)


def test_wrong_password_is_explained_in_polish_and_the_address_kept(client, jaslo):
    verified_user("jan@example.org")

    response = client.post("/konto/login/", {"login": "jan@example.org", "password": "nie-to-haslo"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Podany adres e-mail i/lub hasło są niepoprawne." in html
    assert 'value="jan@example.org"' in html
    assert not signed_in(client)


def test_empty_login_form_shows_the_error_summary_and_field_errors(client, jaslo):
    html = client.post("/konto/login/", {"login": "", "password": ""}).content.decode()

    assert '<h2 id="error-summary-title">' in html
    assert '<a href="#id_login">Adres e-mail: To pole jest wymagane.</a>' in html
    assert 'aria-invalid="true"' in html
    assert '<p class="field-error" id="id_login_error">To pole jest wymagane.</p>' in html


def test_password_reset_by_email_sets_a_new_password(client, jaslo):
    verified_user("jan@example.org")

    response = client.post("/konto/password/reset/", {"email": "jan@example.org"})
    assert response["Location"] == "/konto/password/reset/done/"
    [message] = mail.outbox
    assert message.subject == "[MOPS Jasło] Ustaw nowe hasło"
    assert "ustawienie nowego hasła do Twojego konta na stronie MOPS Jasło" in message.body

    form_url = client.get(link_in(message))["Location"]
    assert "Zmień hasło" in client.get(form_url).content.decode()
    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done["Location"] == "/konto/password/reset/key/done/"

    assert client.post("/konto/login/", {"login": "jan@example.org", "password": NEW_PASSWORD}).status_code == 302
    assert signed_in(client)


def test_sign_out_ends_the_session_and_says_so(client, jaslo):
    client.force_login(verified_user())

    response = client.post("/konto/logout/")

    assert response["Location"] == "/konto/login/"
    assert not signed_in(client)
    assert "Wylogowano." in client.get("/konto/login/").content.decode()


def test_wagtail_admin_login_form_is_replaced_by_the_site_sign_in(client, jaslo):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/admin/pages/"


def test_header_links_to_sign_in_or_to_the_account(client, jaslo):
    assert 'href="/konto/login/">Zaloguj się</a>' in client.get("/").content.decode()

    client.force_login(verified_user())

    assert 'href="/konto/">Moje konto</a>' in client.get("/").content.decode()
