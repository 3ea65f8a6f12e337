"""The news item that publishes a call's outcome (annulment, later results) on the centre's site.

Open calls announce the outcome through `ngo_grants.signals.call_outcome_published`; the
website, which composes the apps, turns it into a news item under the centre's news index,
linked to the call page, so it reaches the feed, the home page and the RSS like any news.
A centre without a news index gets no item (the call page itself still shows the outcome).
"""

import logging

from django.dispatch import receiver
from django.utils import timezone

from core.text import polish_slugify
from home.models import NewsIndexPage, NewsPage, NewsPageRelatedLink
from ngo_grants.signals import call_outcome_published

logger = logging.getLogger(__name__)


@receiver(call_outcome_published, dispatch_uid="home.news_item_for_call_outcome")
def news_item_for_call_outcome(sender, call, title, lead, **kwargs):
    site = call.get_site()
    index = NewsIndexPage.objects.live().descendant_of(site.root_page).first()
    if index is None:
        logger.warning("No news index on %s: the outcome of call %s is shown on the call page only.", site, call.pk)
        return None
    slug = polish_slugify(title)[:80].strip("-") or f"konkurs-{call.pk}"
    if index.get_children().filter(slug=slug).exists():
        return None  # announced before (a retried job): one item is enough
    item = NewsPage(title=title, slug=slug, lead=lead, date=timezone.localdate())
    item.related_links.add(NewsPageRelatedLink(related_page=call, sort_order=0))
    index.add_child(instance=item)
    item.save_revision().publish()
    return item
