"""RSS and Atom feeds of the current centre's news.

Every link in a feed is built from the centre's own Site (hostname and port), not from the
host the request named: Django's Feed would otherwise prefix relative links with the request
host while Wagtail's full page URLs use the Site, and one feed would point at two addresses.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.models import Centre
from home.models import NewsPage

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def title(self, site):
        return _("News – %(centre)s") % {"centre": Centre.for_site(site).display_name}

    def link(self, site):
        return site.root_page.get_full_url(self.request) if site else self.request.build_absolute_uri("/")

    def feed_url(self, site):
        if site is None:
            return self.request.build_absolute_uri()
        return site.root_url + self.request.path

    def description(self, site):
        return _("News, awards and projects of %(centre)s") % {"centre": Centre.for_site(site).name}

    def items(self, site):
        if site is None:
            return NewsPage.objects.none()
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(site.root_page)
            .order_by("-date", "-first_published_at")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_datetime

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_category_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
