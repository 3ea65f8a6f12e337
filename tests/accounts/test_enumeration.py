"""Nobody can find out from the site whether an address has an account: only its mailbox can."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def verified_user(email):
    user = UserFactory(email=email)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def comparable(response, email):
    """The page as a visitor sees it, with the per-request secrets and the typed address blanked."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', html)
    html = re.sub(r'nonce="[^"]+"', 'nonce=""', html)
    return html.replace(email, "ADDRESS")


def answer_and_next_page(url, data, email):
    """POST with a fresh browser, then follow the redirect, as a visitor would."""
    client = Client()
    answer = client.post(url, data)
    follow = client.get(answer["Location"]) if answer.status_code == 302 else None
    return answer.status_code, answer.get("Location"), comparable(follow or answer, email)


def signup_data(email):
    return {"email": email, "password1": "Bardzo-tajne-haslo-9", "password2": "Bardzo-tajne-haslo-9"}


def test_signup_with_a_taken_address_answers_exactly_like_a_new_signup(jaslo):
    verified_user("zajety@example.org")

    taken = answer_and_next_page("/konto/signup/", signup_data("zajety@example.org"), "zajety@example.org")
    new = answer_and_next_page("/konto/signup/", signup_data("wolny@example.org"), "wolny@example.org")

    assert taken == new
    assert taken[:2] == (302, "/konto/confirm-email/")
    assert get_user_model().objects.filter(email="zajety@example.org").count() == 1


def test_signup_with_a_taken_address_tells_the_owner_by_email(jaslo):
    verified_user("zajety@example.org")

    Client().post("/konto/signup/", signup_data("zajety@example.org"))

    [message] = mail.outbox
    assert message.to == ["zajety@example.org"]
    assert message.subject == "[MOPS Jasło] Ktoś próbował założyć konto z Twoim adresem e-mail"
    assert "Masz już konto z tym adresem" in message.body
    assert "http://localhost/konto/password/reset/" in message.body


def test_password_reset_for_an_unknown_address_answers_exactly_like_for_a_known_one(jaslo):
    verified_user("znany@example.org")

    known = answer_and_next_page("/konto/password/reset/", {"email": "znany@example.org"}, "znany@example.org")
    unknown = answer_and_next_page("/konto/password/reset/", {"email": "obcy@example.org"}, "obcy@example.org")

    assert known == unknown
    assert known[:2] == (302, "/konto/password/reset/done/")
    known_mail, unknown_mail = mail.outbox
    assert known_mail.to == ["znany@example.org"] and "/konto/password/reset/key/" in known_mail.body
    assert unknown_mail.to == ["obcy@example.org"]
    assert unknown_mail.subject == "[MOPS Jasło] Nie ma konta z tym adresem e-mail"
    assert "/konto/password/reset/key/" not in unknown_mail.body


def test_sign_in_says_the_same_for_an_unknown_address_and_a_wrong_password(jaslo):
    verified_user("znany@example.org")

    wrong_password = answer_and_next_page(
        "/konto/login/", {"login": "znany@example.org", "password": "nie-to-haslo"}, "znany@example.org"
    )
    unknown = answer_and_next_page(
        "/konto/login/", {"login": "obcy@example.org", "password": "nie-to-haslo"}, "obcy@example.org"
    )

    assert wrong_password == unknown
    assert "Podany adres e-mail i/lub hasło są niepoprawne." in unknown[2]
