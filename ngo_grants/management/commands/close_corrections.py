"""Reject formally the offers whose correction was not resubmitted in time; meant for cron
shortly after midnight, Polish time (corrections are due at the end of a day):

    5 0 * * *  cd /srv/pomost && .venv/bin/python manage.py close_corrections

Running it twice rejects nothing twice; each rejection mails the organisation through the queue.
"""

from django.core.management.base import BaseCommand

from ngo_grants.services.review import expire_corrections


class Command(BaseCommand):
    help = "Reject formally the offers not corrected by the deadline of their correction request."

    def handle(self, *args, **options):
        rejected = expire_corrections()
        self.stdout.write(f"Rejected {rejected} offer{'' if rejected == 1 else 's'} not corrected in time.")
