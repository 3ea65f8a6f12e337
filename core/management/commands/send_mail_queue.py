"""Deliver the outbox: every mail whose next attempt has come (run from cron every minute).

manage.py send_mail_queue                  # mails that are due
manage.py send_mail_queue --retry-failed   # also those marked failed, from attempt one
manage.py send_mail_queue 41 42            # these mails now, whatever their state
"""

from django.core.management.base import BaseCommand

from core import mail
from core.models import MailStatus, OutgoingMail


class Command(BaseCommand):
    help = "Send queued e-mails that are due; with --retry-failed or ids, send failed ones again."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Send these mails again now (not yet delivered ones).")
        parser.add_argument("--retry-failed", action="store_true", help="Put every failed mail back in the queue.")

    def handle(self, *args, ids, retry_failed, **options):
        again = OutgoingMail.objects.none()
        if ids:
            again = OutgoingMail.objects.filter(pk__in=ids)
        if retry_failed:
            again = again | OutgoingMail.objects.filter(status=MailStatus.FAILED)
        requeued = mail.send_again(again, queue_jobs=False)
        sent, not_sent = mail.deliver_due()
        self.stdout.write(f"requeued {requeued}, sent {sent}, not sent {not_sent}")
