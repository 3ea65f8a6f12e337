from django.db import models
from django.utils.translation import gettext_lazy as _

from search.folding import MAX_TERM_LENGTH


class SearchEntry(models.Model):
    """One published page in the site search: its text for excerpts, and its terms.

    Rows are written when a page is published and removed when it is unpublished or
    deleted; which centre a page belongs to is decided at query time from the page tree,
    so moving a page between sites needs no re-indexing.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entry", verbose_name=_("page")
    )
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return str(self.page)


class Place(models.IntegerChoices):
    """Where on a page a term stands; a lower value ranks higher."""

    TITLE = 1, _("title")
    LEAD = 2, _("lead")
    BODY = 3, _("body")


class SearchTerm(models.Model):
    """A folded lemma (see search.terms) that occurs on a page, at its most prominent place.

    Plain rows compared for equality work the same on SQLite and PostgreSQL and need no
    database extension; the (term, entry) index answers "which pages use this term".
    """

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms", verbose_name=_("entry"))
    term = models.CharField(_("term"), max_length=MAX_TERM_LENGTH)
    place = models.PositiveSmallIntegerField(_("place"), choices=Place.choices)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [models.UniqueConstraint(fields=["entry", "term"], name="search_term_once_per_entry")]
        indexes = [models.Index(fields=["term", "entry"], name="search_term_lookup")]

    def __str__(self):
        return self.term
