"""Turning a page into a SearchEntry, from the search_fields its model declares."""

from django.db.models import TextField
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from search.folding import fold
from search.models import SearchEntry

# Fields searched besides the title; other declared fields (tags, filters) are left out.
LEAD_FIELDS = ("lead", "intro", "search_description")


def _field_text(page, field_name):
    try:
        field = page._meta.get_field(field_name)
    except Exception:
        field = None
    value = getattr(page, field_name, None)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        return " ".join(strip_tags(str(chunk)) for chunk in field.get_searchable_content(value))
    if isinstance(field, RichTextField):
        return strip_tags(value)
    if isinstance(field, TextField) or isinstance(value, str):
        return str(value)
    return ""


def page_text(page):
    """Lead first (it makes the best excerpt), then the other declared search fields."""
    page = page.specific
    names = [f.field_name for f in page.search_fields if isinstance(f, index.SearchField)]
    ordered = [n for n in LEAD_FIELDS if n in names or hasattr(page, n)]
    ordered += [n for n in names if n not in ordered and n != "title"]
    parts = []
    for name in ordered:
        text = " ".join(_field_text(page, name).split())
        if text and text not in parts:
            parts.append(text)
    return "\n".join(parts)


def update_entry(page):
    if not page.live:
        remove_entry(page)
        return None
    text = page_text(page)
    entry, _ = SearchEntry.objects.update_or_create(
        page=page,
        defaults={"title_folded": fold(page.title), "text": text, "text_folded": fold(text)},
    )
    return entry


def remove_entry(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()
