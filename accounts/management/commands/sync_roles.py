from django.core.management.base import BaseCommand

from accounts.roles import sync_centre_roles
from core.models import Centre


class Command(BaseCommand):
    help = (
        "Create or update every centre's role groups, image and document collection and moderation "
        "workflow from accounts/roles.py. Safe to run at any time; `migrate` runs it too."
    )

    def handle(self, *args, **options):
        centres = list(Centre.objects.select_related("site"))
        for centre in centres:
            sync_centre_roles(centre)
            self.stdout.write(f"{centre}: {centre.roles.count()} role groups")
        if not centres:
            self.stdout.write("No centres yet.")
