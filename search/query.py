"""Finding and presenting the current centre's pages for a query."""

from dataclasses import dataclass

from django.db.models import Case, Exists, IntegerField, OuterRef, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from search.folding import query_words, words_with_spans
from search.models import Place, SearchEntry, SearchTerm
from search.terms import query_terms, word_terms

EXCERPT_LENGTH = 240


@dataclass(frozen=True)
class QueryWord:
    """A word as the visitor typed it, and the index terms that count as finding it."""

    text: str
    terms: frozenset


def parse_query(query):
    return [QueryWord(word, query_terms(word)) for word in query_words(query)]


def search_entries(site, words):
    """Entries of live, public pages of `site` that contain every query word.

    Ranked by how many query words stand in the title, then in the lead, then newest
    first: a page that is about the words beats one that mentions them in passing.
    """
    if not words or site is None:
        return SearchEntry.objects.none()
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    # A correlated check rather than `page__in`: SQLite would otherwise cross the list of the
    # centre's pages with each word's list of entries (a million probes at 1,000 pages).
    entries = SearchEntry.objects.filter(Exists(pages.filter(pk=OuterRef("page_id"))))
    title_hits, lead_hits = Value(0), Value(0)
    for word in words:
        matching = SearchTerm.objects.filter(term__in=sorted(word.terms))
        entries = entries.filter(pk__in=matching.values("entry_id"))
        title_hits = title_hits + _found_in(matching, Place.TITLE)
        lead_hits = lead_hits + _found_in(matching, Place.LEAD)
    entries = entries.annotate(title_hits=title_hits, lead_hits=lead_hits)
    entries = entries.order_by("-title_hits", "-lead_hits", "-page__first_published_at", "pk")
    return entries.select_related("page")


def _found_in(matching, place):
    found = Exists(matching.filter(entry=OuterRef("pk"), place=place))
    return Case(When(found, then=1), default=0, output_field=IntegerField())


def highlight(text, words, length=None):
    """Escape `text`, wrap every word that matched the query in <mark>, optionally cut an excerpt.

    A word is marked when its own terms meet a query word's terms, so "spoleczna" marks
    "społecznej" as written, and "lodz" marks "Łodzi" but nothing inside "młodzieży".
    """
    wanted = frozenset().union(*(word.terms for word in words))
    text, spans = words_with_spans(text)
    marks = [(start, end) for word, start, end in spans if word_terms(word) & wanted]
    window_start, window_end = 0, len(text)
    if length is not None and len(text) > length:
        first = marks[0][0] if marks else 0
        window_start = max(0, first - length // 4)
        # Start at a word boundary so the excerpt does not begin mid-word.
        if window_start:
            space = text.rfind(" ", 0, window_start)
            window_start = space + 1 if space != -1 else window_start
        window_end = min(len(text), window_start + length)
    out, cursor = [], window_start
    for start, end in marks:
        if end <= window_start or start >= window_end:
            continue
        start, end = max(start, window_start), min(end, window_end)
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:window_end]))
    prefix = "… " if window_start > 0 else ""
    suffix = " …" if window_end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308 - every piece is escaped above
