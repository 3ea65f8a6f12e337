from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """The searchable text of one published page, kept both as written and folded.

    Rows are written when a page is published and removed when it is unpublished or
    deleted; which centre a page belongs to is decided at query time from the page tree,
    so moving a page between sites needs no re-indexing.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entry", verbose_name=_("page")
    )
    title_folded = models.TextField(_("folded title"))
    text = models.TextField(_("text"), blank=True)
    text_folded = models.TextField(_("folded text"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return str(self.page)
