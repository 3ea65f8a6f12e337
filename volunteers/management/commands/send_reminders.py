"""Queue the day-before reminders; meant for cron once a day, e.g. at 17:00 Europe/Warsaw:

    0 17 * * *  cd /srv/pomost && .venv/bin/python manage.py send_reminders

Running it again the same day (a retry, a second server) queues nothing twice.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from volunteers.notices import queue_reminders


class Command(BaseCommand):
    help = "Queue e-mail reminders to volunteers accepted for a task that takes place tomorrow."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Remind about this day (YYYY-MM-DD) instead of tomorrow, e.g. to catch up after a missed run.",
        )

    def handle(self, *args, date=None, **options):
        if date:
            try:
                day = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}") from error
        else:
            day = timezone.localdate() + datetime.timedelta(days=1)
        queued = queue_reminders(day)
        self.stdout.write(f"Queued {queued} reminder{'' if queued == 1 else 's'} for {day.isoformat()}.")
