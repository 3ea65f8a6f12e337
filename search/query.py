"""Finding and presenting the current centre's pages for a query."""

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from search.folding import fold_with_map, query_terms
from search.models import SearchEntry

EXCERPT_LENGTH = 240


def search_entries(site, query):
    """Entries of live, public pages of `site` containing every term; title hits first."""
    terms = query_terms(query)
    if not terms or site is None:
        return SearchEntry.objects.none(), terms
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    entries = SearchEntry.objects.filter(page__in=pages)
    title_hits = Value(0)
    for term in terms:
        entries = entries.filter(_term_filter(term))
        title_hits = title_hits + Case(
            When(title_folded__contains=term, then=1), default=0, output_field=IntegerField()
        )
    entries = entries.annotate(title_hits=title_hits).order_by("-title_hits", "-page__first_published_at", "pk")
    return entries.select_related("page"), terms


def _term_filter(term):
    return Q(title_folded__contains=term) | Q(text_folded__contains=term)


def highlight(text, terms, length=None):
    """Escape `text`, wrap every term occurrence in <mark> and optionally cut an excerpt.

    The match is found in the folded text, so "spoleczna" marks "społeczna" as written.
    """
    folded, positions = fold_with_map(text)
    spans = []
    for term in terms:
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((positions[start], positions[end - 1] + 1))
            start = folded.find(term, end)
    spans = _merge(sorted(spans))
    window_start, window_end = 0, len(text)
    if length is not None and len(text) > length:
        first = spans[0][0] if spans else 0
        window_start = max(0, first - length // 4)
        # Start at a word boundary so the excerpt does not begin mid-word.
        if window_start:
            space = text.rfind(" ", 0, window_start)
            window_start = space + 1 if space != -1 else window_start
        window_end = min(len(text), window_start + length)
    out, cursor = [], window_start
    for start, end in spans:
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


def _merge(spans):
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
