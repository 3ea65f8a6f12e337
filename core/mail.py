"""The one e-mail sender: every mail of the project goes through the outbox.

`send()` (or `queue_message()` for a message another library rendered, such as allauth's)
writes an `OutgoingMail` row in the caller's transaction and, after the transaction commits,
queues the `deliver_mail` job. So a mail exists exactly when the action that caused it was
saved, and a mail server that is down never breaks the action: the job records the error and
tries again later, waiting longer each time, and after `MAIL_MAX_ATTEMPTS` gives up and marks
the mail failed for staff to see and send again (admin screen "Outgoing e-mails", or
`manage.py send_mail_queue`).

Retries are run by `manage.py send_mail_queue` (cron, every minute) and, where the task
backend can run a job later (django_tasks_db in production), by the job re-queuing itself.
Both claim a mail before sending it, so the two never send the same attempt twice.
"""

import logging
from datetime import timedelta
from email.headerregistry import Address
from email.utils import parseaddr
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from core.models import MailStatus, OutgoingMail

logger = logging.getLogger(__name__)

# While one worker sends a mail, others leave it alone for this long; a worker that died
# mid-send releases it when the time is up.
CLAIM_TIME = timedelta(minutes=5)


def max_attempts():
    return getattr(settings, "MAIL_MAX_ATTEMPTS", 8)


def retry_delay(attempts):
    """How long to wait after the `attempts`-th failure: 1, 2, 4, 8 … minutes, at most 6 hours."""
    base = timedelta(seconds=getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60))
    return min(base * 2 ** (attempts - 1), timedelta(hours=6))


def from_address(name):
    """The From header: the centre's name shown to people, the configured address behind it."""
    _default_name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return str(Address(display_name=name, addr_spec=address)) if name else settings.DEFAULT_FROM_EMAIL


def send(*, to, subject, text, html="", sender_name="", site_id=None):
    """Queue one mail to `to` from `sender_name` (the centre's name) on behalf of the Wagtail
    Site `site_id`."""
    mail = OutgoingMail.objects.create(
        site_id=site_id,
        sender=from_address(sender_name),
        to=to,
        subject=_one_line(subject),
        text=text,
        html=html,
    )
    _deliver_after_commit(mail.pk)
    return mail


def queue_message(message, *, site_id=None):
    """Queue an already rendered `EmailMessage` (one outbox row per recipient)."""
    html = next((content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), "")
    mails = []
    for recipient in [*message.to, *message.cc, *message.bcc]:
        mail = OutgoingMail.objects.create(
            site_id=site_id,
            sender=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=recipient,
            subject=_one_line(message.subject),
            text=message.body,
            html=html,
        )
        _deliver_after_commit(mail.pk)
        mails.append(mail)
    return mails


def send_again(mails, *, queue_jobs=True):
    """Put undelivered `mails` (a queryset) back in the queue with a fresh count of attempts;
    `queue_jobs=False` when the caller delivers them itself (`send_mail_queue`)."""
    ids = list(mails.undelivered().values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=ids).update(
        status=MailStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    if queue_jobs:
        for mail_id in ids:
            _deliver_after_commit(mail_id)
    return len(ids)


def deliver_due(now=None):
    """Try every mail whose next attempt has come; returns (sent, still waiting or failed)."""
    sent = not_sent = 0
    for mail_id in OutgoingMail.objects.due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True):
        status = deliver(mail_id)
        if status == MailStatus.SENT:
            sent += 1
        elif status is not None:
            not_sent += 1
    return sent, not_sent


@task()
def deliver_mail(mail_id):
    deliver(mail_id)


def deliver(mail_id):
    """One attempt at sending the mail; returns its new status, or None when it was not due
    (already sent, failed for good, waiting for its next attempt or claimed by another worker)."""
    now = timezone.now()
    # Claimed with one conditional UPDATE: no lock is held while the mail server is slow.
    claimed = OutgoingMail.objects.filter(pk=mail_id).due(now).update(next_attempt_at=now + CLAIM_TIME)
    if not claimed:
        return None
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        _message(mail).send()
    except Exception as error:  # noqa: BLE001 - whatever the transport raises is recorded and retried
        return _record_failure(mail, error)
    # The text may hold a password-reset or confirmation link: once delivered it is not kept.
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1, last_error="", text="", html=""
    )
    return MailStatus.SENT


def _record_failure(mail, error):
    attempts = mail.attempts + 1
    error_text = f"{type(error).__name__}: {error}"[:2000]
    if attempts >= max_attempts():
        status, next_attempt = MailStatus.FAILED, mail.next_attempt_at
        logger.error("E-mail %s to %s failed for good after %s attempts: %s", mail.pk, mail.to, attempts, error_text)
    else:
        status, next_attempt = MailStatus.PENDING, timezone.now() + retry_delay(attempts)
        logger.warning("E-mail %s not sent (attempt %s), next at %s: %s", mail.pk, attempts, next_attempt, error_text)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=status, attempts=attempts, last_error=error_text, next_attempt_at=next_attempt
    )
    if status == MailStatus.PENDING:
        _retry_later(mail.pk, next_attempt)
    return status


def _retry_later(mail_id, when):
    """Where the task backend can run a job later, the mail retries itself; elsewhere (the
    immediate backend of dev and tests) `send_mail_queue` picks it up when it is due."""
    if not deliver_mail.get_backend().supports_defer:
        return
    try:
        deliver_mail.using(run_after=when).enqueue(mail_id)
    except Exception:  # noqa: BLE001 - the mail stays due in the outbox; the cron command sends it
        logger.exception("Could not queue the retry of e-mail %s", mail_id)


def _deliver_after_commit(mail_id):
    # robust: a task queue that cannot take the job must not turn a saved action into an
    # error page; the mail waits in the outbox for `send_mail_queue`.
    transaction.on_commit(partial(deliver_mail.enqueue, mail_id), robust=True)


class OutboxBackend(BaseEmailBackend):
    """An EMAIL_BACKEND for mail sent by code we do not own (Wagtail's moderation notices):
    it opens no connection and puts each message in the outbox. Production uses it, with the
    real server in MAIL_DELIVERY_BACKEND, so no library can reach the mail server directly."""

    def send_messages(self, email_messages):
        try:
            for message in email_messages:
                queue_message(message)
        except Exception:
            # Error reports to admins ask for silence: a failing database must not hide the
            # error being reported.
            if self.fail_silently:
                return 0
            raise
        return len(email_messages)


def _message(mail):
    # The transport: MAIL_DELIVERY_BACKEND where EMAIL_BACKEND is the outbox (production),
    # else EMAIL_BACKEND itself (dev console, tests' memory).
    connection = get_connection(getattr(settings, "MAIL_DELIVERY_BACKEND", None))
    message = EmailMultiAlternatives(mail.subject, mail.text, mail.sender, [mail.to], connection=connection)
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


def _one_line(subject):
    # A header cannot hold line breaks; Django would refuse the whole message.
    return " ".join(str(subject).split())
