"""The outbox (core.mail): delivery after commit, retries with back-off, giving up, re-running."""

import datetime
import io
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core import mail as outbox
from core.models import MailStatus, OutgoingMail

pytestmark = pytest.mark.django_db


def queue(to="anna@example.org", **fields):
    return outbox.send(to=to, subject="Przypomnienie", text="Treść", html="<p>Treść</p>", **fields)


def at(minutes):
    """Run the block as if `minutes` had passed."""
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(minutes=minutes))


def test_mail_goes_out_at_once_when_the_server_is_up_and_its_text_is_not_kept():
    queued = queue(sender_name="MOPS Jasło")

    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.from_email == "MOPS Jasło <no-reply@localhost>"
    assert message.alternatives[0] == ("<p>Treść</p>", "text/html")
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.text, queued.html) == (MailStatus.SENT, 1, "", "")


def test_a_failed_mail_is_kept_with_its_error_and_retried_later_waiting_longer_each_time(smtp_down):
    queued = queue()
    queued.refresh_from_db()
    first_retry = queued.next_attempt_at

    assert (queued.status, queued.attempts) == (MailStatus.PENDING, 1)
    assert queued.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert outbox.deliver_due() == (0, 0), "not tried again before its time"

    delays = []
    for minutes in (1, 3, 7):
        with at(minutes):
            before = timezone.now()
            outbox.deliver_due()
        queued.refresh_from_db()
        delays.append(round((queued.next_attempt_at - before).total_seconds() / 60))

    assert delays == [2, 4, 8]
    assert queued.attempts == 4
    assert first_retry < queued.next_attempt_at
    assert mail.outbox == []


def test_every_kind_of_transport_error_is_recorded(smtp_down):
    smtp_down.fail_with(smtplib.SMTPServerDisconnected("Connection unexpectedly closed"))

    queued = queue()

    queued.refresh_from_db()
    assert queued.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"


def test_after_the_last_attempt_the_mail_is_marked_failed_and_left_alone(smtp_down, settings):
    settings.MAIL_MAX_ATTEMPTS = 2
    queued = queue()
    smtp_down.run_retries()
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (MailStatus.FAILED, 2)

    smtp_down.restore()
    smtp_down.run_retries()

    assert mail.outbox == []


def test_the_command_sends_failed_mail_again_when_asked(smtp_down, settings):
    settings.MAIL_MAX_ATTEMPTS = 1
    failed, other = queue(), queue("jan@example.org")
    smtp_down.restore()

    call_command("send_mail_queue", str(failed.pk), stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]

    call_command("send_mail_queue", "--retry-failed", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["anna@example.org"], ["jan@example.org"]]
    other.refresh_from_db()
    assert other.status == MailStatus.SENT


def test_a_mail_being_sent_is_not_sent_twice_by_a_second_worker():
    """Cron and the task queue may reach the same mail at once: the first claims it."""
    queued = OutgoingMail.objects.create(sender="x@example.org", to="anna@example.org", subject="S", text="T")
    second_attempt = []

    def send_and_race(self):
        second_attempt.append(outbox.deliver(queued.pk))
        return 1

    with mock.patch("django.core.mail.EmailMultiAlternatives.send", send_and_race):
        assert outbox.deliver(queued.pk) == MailStatus.SENT

    assert second_attempt == [None]


def test_a_subject_with_line_breaks_becomes_one_line():
    queue_with_break = outbox.send(to="anna@example.org", subject="Zadanie\r\nBcc: x@example.org", text="T")

    [message] = mail.outbox
    assert message.subject == "Zadanie Bcc: x@example.org"
    assert queue_with_break.subject == message.subject


def test_mail_sent_by_other_libraries_goes_through_the_outbox_too(settings, smtp_down):
    """Production's EMAIL_BACKEND: Wagtail's notices open no connection to a dead server."""
    settings.EMAIL_BACKEND = "core.mail.OutboxBackend"
    settings.MAIL_DELIVERY_BACKEND = "tests.conftest.MailServerDown"

    from wagtail.admin.mail import send_mail

    send_mail("Strona czeka na akceptację", "Treść", ["moderator@example.org"])

    queued = OutgoingMail.objects.get()
    assert (queued.to, queued.status) == ("moderator@example.org", MailStatus.PENDING)
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    smtp_down.run_retries()
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
