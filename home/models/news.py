import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import ContentStreamBlock
from core.numbers import parse_id

NEWS_PER_PAGE = 10


class NewsCategory(models.TextChoices):
    NEWS = "news", _("News")
    AWARDS = "awards", _("Awards and distinctions")
    PROJECTS = "projects", _("Projects")


def warsaw_today():
    return timezone.localdate()


class NewsIndexPage(Page):
    """Lists the centre's news, newest first, filterable by category and year."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        # Unknown filter values are ignored rather than answered with an error page: links
        # to the index get shared and edited by hand.
        category = request.GET.get("category", "")
        if category not in NewsCategory.values:
            category = ""
        if category:
            news = news.filter(category=category)
        years = sorted({d.year for d in self.news().values_list("date", flat=True)}, reverse=True)
        year = parse_id(request.GET.get("year", ""))
        year = year if year in years else None
        if year:
            news = news.filter(date__year=year)
        paginator = Paginator(news, NEWS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            news_items=page_obj.object_list,
            categories=NewsCategory.choices,
            selected_category=category,
            years=years,
            selected_year=year,
            filter_query=_filter_query(category, year),
        )
        return context


def _filter_query(category, year):
    """The active filters as a query string, so pagination links keep them."""
    parts = []
    if category:
        parts.append(f"category={category}")
    if year:
        parts.append(f"year={year}")
    return "&".join(parts)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(Page):
    date = models.DateField(_("date"), default=warsaw_today)
    category = models.CharField(_("category"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NEWS)
    lead = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists, feeds and search."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")], _("Details")),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("related_links", heading=_("Related pages"), label=_("related page")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def published_datetime(self):
        """Midnight of the news date in Warsaw, for feeds that want a full timestamp."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))

    def related_pages(self):
        return [
            link.related_page for link in self.related_links.select_related("related_page") if link.related_page.live
        ]


class NewsPageRelatedLink(Orderable):
    page = ParentalKey(NewsPage, related_name="related_links", on_delete=models.CASCADE)
    related_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
