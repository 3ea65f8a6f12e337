"""Queue the reminders of reports due under grant agreements; meant for cron once a day, e.g.
at 8:00 Europe/Warsaw:

    0 8 * * *  cd /srv/pomost && .venv/bin/python manage.py send_report_reminders

A week before a partial or final report is due the organisation is reminded, and once more
after the due date if it has not filed it. Running it twice the same day queues nothing twice.
"""

from django.core.management.base import BaseCommand

from ngo_grants.services.reports import queue_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders of reports due under grant agreements (a week before and after the due date)."

    def handle(self, *args, **options):
        queued = queue_reminders()
        self.stdout.write(f"Queued {queued} report reminder{'' if queued == 1 else 's'}.")
