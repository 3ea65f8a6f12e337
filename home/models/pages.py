from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import ContentStreamBlock
from home.blocks import HomeStreamBlock
from ngo_grants.models import CallIndexPage, CallPage

# The home page shows the centre's calls for offers that are open or announced, whatever
# sections the editors chose: organisations must not miss a deadline.
OPEN_CALLS_SHOWN = 6


class HomePage(Page):
    """The start page of one centre; its sections are arranged by editors."""

    body = StreamField(HomeStreamBlock(), verbose_name=_("sections"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_calls"] = CallPage.accepting_or_announced().descendant_of(self)[:OPEN_CALLS_SHOWN]
        context["call_index"] = CallIndexPage.objects.live().public().descendant_of(self).first()
        return context


class StandardPage(Page):
    """A programme or information page: headings, text, images, documents, tables."""

    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One or two sentences shown under the title and in search.")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
