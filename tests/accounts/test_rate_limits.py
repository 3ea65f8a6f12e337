"""Each rate limit is reached, and the answer is a Polish "too many attempts"."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.cache import cache

from accounts.mfa import set_up_totp
from tests.factories import UserFactory
from tests.support import totp_code, wrong_code

PASSWORD = "correct-horse-battery"
LOCKED_OUT = "Zbyt wiele nieudanych prób. Aby chronić Twoje konto, logowanie zostało wstrzymane na 15 minut."

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def verified_user(email="jan@example.org"):
    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def limit(action, per):
    """How many attempts the setting allows, e.g. limit("login_failed", "key") -> 5."""
    for rate in settings.ACCOUNT_RATE_LIMITS[action].split(","):
        amount, _period, scope = rate.split("/")
        if scope == per:
            return int(amount)
    raise LookupError(action)


def assert_too_many_requests_page(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "<h1>Zbyt wiele prób</h1>" in html
    assert 'class="site-header"' in html, "the 429 page is shown inside the site layout"


def test_failed_sign_ins_lock_the_account_even_for_the_right_password(client, jaslo):
    verified_user()
    for _attempt in range(limit("login_failed", "key")):
        response = client.post("/konto/login/", {"login": "jan@example.org", "password": "zgadywane"})
        assert LOCKED_OUT not in response.content.decode()

    response = client.post("/konto/login/", {"login": "jan@example.org", "password": PASSWORD})

    assert response.status_code == 200
    assert LOCKED_OUT in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_sign_ins_from_one_address_are_limited_across_accounts(client, jaslo):
    verified_user("ostatni@example.org")
    for attempt in range(limit("login_failed", "ip")):
        client.post("/konto/login/", {"login": f"osoba{attempt}@example.org", "password": "zgadywane"})

    blocked = client.post("/konto/login/", {"login": "ostatni@example.org", "password": PASSWORD})
    elsewhere = client.post(
        "/konto/login/", {"login": "ostatni@example.org", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3"
    )

    assert LOCKED_OUT in blocked.content.decode()
    assert elsewhere.status_code == 302, "another address is not affected"


def test_sign_in_attempts_per_address_end_in_the_429_page(client, jaslo):
    for _attempt in range(limit("login", "ip")):
        assert client.post("/konto/login/", {"login": "", "password": ""}).status_code == 200

    assert_too_many_requests_page(client.post("/konto/login/", {"login": "", "password": ""}))


def signup_data(email):
    return {"email": email, "password1": "Haslo-do-konta-5", "password2": "Haslo-do-konta-5"}


def test_signups_per_address_end_in_the_429_page(client, jaslo):
    for attempt in range(limit("signup", "ip")):
        client.post("/konto/signup/", signup_data(f"nowa{attempt}@example.org"))

    response = client.post("/konto/signup/", signup_data("jeszcze@example.org"))

    assert_too_many_requests_page(response)
    assert not EmailAddress.objects.filter(email="jeszcze@example.org").exists()


def test_password_resets_for_one_address_are_limited_so_the_mailbox_is_not_flooded(client, jaslo):
    verified_user()
    for _attempt in range(limit("reset_password", "key")):
        assert client.post("/konto/password/reset/", {"email": "jan@example.org"}).status_code == 302

    response = client.post("/konto/password/reset/", {"email": "jan@example.org"}, REMOTE_ADDR="10.9.9.9")

    assert_too_many_requests_page(response)
    assert len(mail.outbox) == limit("reset_password", "key")


def test_password_resets_from_one_address_are_limited_across_accounts(client, jaslo):
    for attempt in range(limit("reset_password", "ip")):
        client.post("/konto/password/reset/", {"email": f"ktos{attempt}@example.org"})

    assert_too_many_requests_page(client.post("/konto/password/reset/", {"email": "nowy@example.org"}))


def test_wrong_two_factor_codes_lock_the_second_step(client, jaslo):
    user = verified_user()
    secret = set_up_totp(user)
    client.post("/konto/login/", {"login": "jan@example.org", "password": PASSWORD})
    for _attempt in range(limit("login_failed", "key")):
        response = client.post("/konto/2fa/authenticate/", {"code": wrong_code(secret)})
        assert "Błędny kod." in response.content.decode()

    response = client.post("/konto/2fa/authenticate/", {"code": totp_code(secret)})

    assert LOCKED_OUT in response.content.decode()
    assert "_auth_user_id" not in client.session
