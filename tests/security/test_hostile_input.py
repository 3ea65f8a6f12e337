"""Every form of the site survives hostile input (see tests/security/hostile.py).

A later step that adds a form adds one test here (or next to its own tests) calling
`assert_form_survives_hostile_input` with the form's URL and a sane value for each field.
"""

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.test import Client

from tests.security.hostile import assert_form_survives_hostile_input

PASSWORD = "Sane-Passw0rd-91"
REAL_PASSWORD = "Prawdziwe-Haslo-2026"


def make_resident(email="anna.nowak@example.com"):
    """A verified resident whose password is never the sane value the harness types."""
    user = get_user_model().objects.create_user(email, REAL_PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(client, user):
    """Signs in and confirms the password again, as the pages that change the account require."""
    assert client.post("/konto/login/", {"login": user.email, "password": REAL_PASSWORD}).status_code == 302
    assert client.post("/konto/reauthenticate/", {"password": REAL_PASSWORD}).status_code == 302


@pytest.fixture
def resident(jaslo):
    return make_resident()


@pytest.fixture
def resident_client(resident):
    client = Client()
    sign_in(client, resident)
    return client


def test_site_search_survives_hostile_input(jaslo, client):
    report = assert_form_survives_hostile_input(client, "/szukaj/", method="get", fields={"q": "pomoc społeczna"})

    assert report["accepted"] > 0
    assert report["refused"] > 0


def test_display_preferences_survive_hostile_input_and_never_redirect_off_the_site(jaslo, client):
    report = assert_form_survives_hostile_input(
        client,
        "/wyglad/",
        method="get",
        fields={"contrast": "high", "text": "large", "next": "/szukaj/?q=pomoc"},
        check_form_page=False,
    )

    assert report["redirected"] == report.total()


def test_login_survives_hostile_input_and_lets_nobody_in(resident, client):
    report = assert_form_survives_hostile_input(
        client, "/konto/login/", fields={"login": resident.email, "password": PASSWORD}
    )

    assert report["refused"] == report.total()
    assert "_auth_user_id" not in client.session


def test_signup_survives_hostile_input(jaslo, client):
    report = assert_form_survives_hostile_input(
        client,
        "/konto/signup/",
        fields={"email": "jan.kowalski@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert report["refused"] > 0


def test_password_reset_request_survives_hostile_input(resident, client):
    report = assert_form_survives_hostile_input(client, "/konto/password/reset/", fields={"email": resident.email})

    assert report["refused"] > 0


def test_new_password_form_from_the_reset_link_survives_hostile_input(resident, client):
    def open_a_fresh_reset_link():
        # A successful reset uses the link up (and changes the password the key is made from).
        resident.refresh_from_db()
        key = default_token_generator.make_token(resident)
        client.get(f"/konto/password/reset/key/{user_pk_to_url_str(resident)}-{key}/")

    report = assert_form_survives_hostile_input(
        client,
        f"/konto/password/reset/key/{user_pk_to_url_str(resident)}-set-password/",
        fields={"password1": PASSWORD, "password2": PASSWORD},
        prepare=open_a_fresh_reset_link,
        max_examples=20,
    )

    assert report["refused"] > 0


def test_email_change_survives_hostile_input_and_never_changes_the_sign_in_address(resident, resident_client):
    report = assert_form_survives_hostile_input(
        resident_client, "/konto/email/", fields={"email": "nowy.adres@example.com"}, fixed_data={"action_add": ""}
    )

    assert report["refused"] > 0
    resident.refresh_from_db()
    assert resident.email == "anna.nowak@example.com"


def test_password_change_survives_hostile_input(resident_client):
    report = assert_form_survives_hostile_input(
        resident_client,
        "/konto/password/change/",
        fields={"oldpassword": REAL_PASSWORD, "password1": PASSWORD, "password2": PASSWORD},
        max_examples=20,
    )

    assert report["refused"] > 0


def test_cancelling_an_email_change_survives_hostile_input_and_keeps_the_sign_in_address(resident, resident_client):
    resident_client.post("/konto/email/", {"action_add": "", "email": "nowy.adres@example.com"})

    report = assert_form_survives_hostile_input(
        resident_client,
        "/konto/email/",
        fields={"email": "nowy.adres@example.com"},
        fixed_data={"action_remove": ""},
        max_examples=10,
    )

    assert report.total() > 0
    assert EmailAddress.objects.filter(user=resident, email=resident.email, primary=True, verified=True).exists()


def test_reauthentication_survives_hostile_input(resident_client):
    report = assert_form_survives_hostile_input(
        resident_client, "/konto/reauthenticate/", fields={"password": PASSWORD}, max_examples=20
    )

    assert report["refused"] == report.total()


def test_authenticator_app_activation_survives_hostile_input(resident_client):
    report = assert_form_survives_hostile_input(
        resident_client, "/konto/2fa/totp/activate/", fields={"code": "123456"}, max_examples=20
    )

    assert report["refused"] == report.total()


def test_two_factor_code_at_sign_in_survives_hostile_input(resident, client):
    TOTP.activate(resident, generate_totp_secret())
    response = client.post("/konto/login/", {"login": resident.email, "password": REAL_PASSWORD})
    assert response["Location"] == "/konto/2fa/authenticate/"

    report = assert_form_survives_hostile_input(
        client, "/konto/2fa/authenticate/", fields={"code": "123456"}, max_examples=20
    )

    assert report["refused"] > 0
    assert "_auth_user_id" not in client.session


def test_account_deletion_survives_hostile_input(resident, resident_client):
    def recreate_the_account_once_deleted():
        if not get_user_model().objects.filter(email=resident.email).exists():
            sign_in(resident_client, make_resident(resident.email))

    report = assert_form_survives_hostile_input(
        resident_client,
        "/konto/usun-konto/",
        fields={"confirm": "on"},
        prepare=recreate_the_account_once_deleted,
        max_examples=20,
    )

    assert report["accepted"] > 0
    assert report["refused"] > 0
