"""Two-factor authentication: anyone may turn it on; staff cannot enter the admin without it."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache

from accounts.mfa import set_up_totp
from tests.factories import UserFactory
from tests.support import totp_code, wrong_code

PASSWORD = "correct-horse-battery"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate limits and "code already used" marks live in the cache.
    cache.clear()


def verified_user(email="jan@example.org", **extra):
    user = UserFactory(email=email, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in_with_password(client, email="jan@example.org"):
    return client.post("/konto/login/", {"login": email, "password": PASSWORD})


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def editor(jaslo):
    """Staff who may enter the Wagtail admin through a group, as the centre roles do."""
    group = Group.objects.create(name="Dostęp do panelu")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user = verified_user("redaktor@example.org")
    user.groups.add(group)
    return user


def test_resident_sets_up_an_authenticator_app_from_the_secret_shown_as_text(client, jaslo):
    user = verified_user()
    sign_in_with_password(client)
    assert client.get("/konto/2fa/totp/activate/")["Location"].startswith("/konto/reauthenticate/")
    client.post("/konto/reauthenticate/", {"password": PASSWORD})

    page = client.get("/konto/2fa/totp/activate/").content.decode()
    secret = re.search(r'<code class="totp-secret" id="totp-secret">([A-Z2-7]+)</code>', page).group(1)
    assert 'alt="Kod QR dla aplikacji uwierzytelniającej"' in page
    response = client.post("/konto/2fa/totp/activate/", {"code": totp_code(secret)})

    assert response["Location"] == "/konto/2fa/recovery-codes/"
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    codes_page = client.get("/konto/2fa/recovery-codes/").content.decode()
    assert codes_page.count("<li><code>") == 10
    assert "Przejdź do panelu administracyjnego" not in codes_page


def test_a_wrong_code_does_not_turn_two_factor_on(client, jaslo):
    user = verified_user()
    sign_in_with_password(client)
    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    page = client.get("/konto/2fa/totp/activate/").content.decode()
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)

    response = client.post("/konto/2fa/totp/activate/", {"code": wrong_code(secret)})

    html = response.content.decode()
    assert '<p class="field-error" id="id_code_error">Błędny kod.</p>' in html
    assert 'class="error-summary"' in html
    assert not Authenticator.objects.filter(user=user).exists()


def test_sign_in_asks_for_the_code_after_the_password(client, jaslo):
    secret = set_up_totp(verified_user())

    response = sign_in_with_password(client)

    assert response["Location"] == "/konto/2fa/authenticate/"
    assert not signed_in(client)
    page = client.get("/konto/2fa/authenticate/").content.decode()
    assert "<h1>Kod z aplikacji uwierzytelniającej</h1>" in page
    assert "Błędny kod." in client.post("/konto/2fa/authenticate/", {"code": wrong_code(secret)}).content.decode()
    assert not signed_in(client)

    response = client.post("/konto/2fa/authenticate/", {"code": totp_code(secret)})

    assert response["Location"] == "/konto/"
    assert signed_in(client)


def test_a_recovery_code_signs_in_once(client, jaslo):
    user = verified_user()
    set_up_totp(user)
    code = RecoveryCodes(Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)).generate_codes()[
        0
    ]

    sign_in_with_password(client)
    client.post("/konto/2fa/authenticate/", {"code": code})
    assert signed_in(client)

    client.post("/konto/logout/")
    sign_in_with_password(client)
    reused = client.post("/konto/2fa/authenticate/", {"code": code})
    assert "Błędny kod." in reused.content.decode()
    assert not signed_in(client)


def test_staff_without_two_factor_are_sent_to_set_it_up_instead_of_the_admin(client, editor):
    sign_in_with_password(client, "redaktor@example.org")

    for url in ["/admin/", "/admin/pages/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/konto/2fa/totp/activate/"

    client.post("/konto/reauthenticate/", {"password": PASSWORD})
    page = client.get("/konto/2fa/totp/activate/").content.decode()
    assert "Pracownicy ośrodka muszą korzystać z uwierzytelniania dwuskładnikowego." in page


def test_superusers_are_held_to_the_same_rule(client, jaslo):
    verified_user("admin@example.org", is_superuser=True, is_staff=True)
    sign_in_with_password(client, "admin@example.org")

    assert client.get("/admin/")["Location"] == "/konto/2fa/totp/activate/"


def test_staff_reach_the_admin_once_two_factor_is_on(client, editor):
    secret = set_up_totp(editor)
    sign_in_with_password(client, "redaktor@example.org")
    assert client.get("/admin/").status_code == 302, "not before the code"

    client.post("/konto/2fa/authenticate/", {"code": totp_code(secret)})

    assert client.get("/admin/").status_code == 200


def test_staff_who_turn_two_factor_off_are_shut_out_of_the_admin_again(client, editor):
    secret = set_up_totp(editor)
    sign_in_with_password(client, "redaktor@example.org")
    client.post("/konto/2fa/authenticate/", {"code": totp_code(secret)})
    client.post("/konto/reauthenticate/", {"password": PASSWORD})

    client.post("/konto/2fa/totp/deactivate/")

    assert not Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    [notice] = mail.outbox
    assert notice.to == ["redaktor@example.org"]
    assert notice.subject == "[MOPS Jasło] Aplikacja uwierzytelniająca została dezaktywowana"
    assert "MOPS Jasło" in notice.body
    assert client.get("/admin/")["Location"] == "/konto/2fa/totp/activate/"


def test_recovery_codes_page_leads_staff_on_to_the_admin(client, editor):
    secret = set_up_totp(editor)
    sign_in_with_password(client, "redaktor@example.org")
    client.post("/konto/2fa/authenticate/", {"code": totp_code(secret)})
    client.post("/konto/reauthenticate/", {"password": PASSWORD})

    page = client.get("/konto/2fa/recovery-codes/").content.decode()

    assert 'href="/admin/">Przejdź do panelu administracyjnego</a>' in page


def test_residents_are_never_forced_to_use_two_factor(client, jaslo):
    verified_user()
    sign_in_with_password(client)

    assert signed_in(client)
    assert client.get("/konto/").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/admin/").get("Location") != "/konto/2fa/totp/activate/"
