"""Signing up, resetting and changing a password while the mail server is down: the action
completes, nothing is lost, and the mail arrives once the server is back."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from core.models import MailStatus, OutgoingMail
from tests.factories import UserFactory

PASSWORD = "haslo-mieszkanca-2026"
NEW_PASSWORD = "zupelnie-nowe-haslo-2026"

pytestmark = pytest.mark.django_db


def verified_user(email):
    user = UserFactory(email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def waiting_mail():
    [waiting] = OutgoingMail.objects.all()
    assert waiting.status == MailStatus.PENDING
    return waiting


def test_signup_completes_while_the_mail_server_is_down_and_the_mail_follows(client, jaslo, smtp_down):
    response = client.post(
        "/konto/signup/", {"email": "anna@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    assert get_user_model().objects.filter(email="anna@example.org").exists()
    assert mail.outbox == []
    waiting = waiting_mail()
    assert waiting.attempts == 1
    assert "ConnectionRefusedError" in waiting.last_error

    smtp_down.restore()
    smtp_down.run_retries()

    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.from_email == "MOPS Jasło <no-reply@localhost>"
    assert link_in(message).startswith("http://localhost/konto/confirm-email/")
    assert OutgoingMail.objects.get().status == MailStatus.SENT


def test_password_reset_completes_while_the_mail_server_is_down_and_the_link_follows(jaslo, smtp_down):
    verified_user("jan@example.org")

    response = Client().post("/konto/password/reset/", {"email": "jan@example.org"})

    assert response.status_code == 302
    assert response["Location"] == "/konto/password/reset/done/"
    assert waiting_mail().to == "jan@example.org"

    smtp_down.restore()
    smtp_down.run_retries()

    [message] = mail.outbox
    assert "/konto/password/reset/key/" in link_in(message)


def test_password_change_is_saved_while_the_mail_server_is_down_and_the_notice_follows(client, jaslo, smtp_down):
    user = verified_user("jan@example.org")
    client.post("/konto/login/", {"login": "jan@example.org", "password": PASSWORD})

    response = client.post(
        "/konto/password/change/", {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert waiting_mail().subject.startswith("[MOPS Jasło] ")

    smtp_down.restore()
    smtp_down.run_retries()

    [notice] = mail.outbox
    assert notice.to == ["jan@example.org"]
    assert notice.from_email == "MOPS Jasło <no-reply@localhost>"


def test_links_in_account_mail_use_the_centres_own_address_not_the_requests_host(jaslo):
    Client(HTTP_HOST="127.0.0.1").post(
        "/konto/signup/", {"email": "anna@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )

    [message] = mail.outbox
    assert link_in(message).startswith("http://localhost/konto/confirm-email/")
    assert "127.0.0.1" not in message.body
    assert "MOPS Jasło – localhost" in message.body
