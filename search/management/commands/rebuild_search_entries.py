from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from search.indexing import update_entry
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuild the site search entries from every live page (after imports or upgrades)."

    def handle(self, *args, **options):
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            count = 0
            for page in Page.objects.live().specific().iterator():
                if page.depth > 1:
                    update_entry(page)
                    count += 1
        self.stdout.write(f"Indexed {count} pages.")
