"""Turning a page into a SearchEntry and its SearchTerms, from the search_fields its model declares."""

import unicodedata

from django.db import transaction
from django.db.models import TextField
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from search.models import Place, SearchEntry, SearchTerm
from search.terms import text_terms

# Fields that introduce a page: ranked below the title and above the rest of the text.
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


def _texts(page, names):
    parts = []
    for name in names:
        text = unicodedata.normalize("NFC", " ".join(_field_text(page, name).split()))
        if text and text not in parts:
            parts.append(text)
    return parts


def page_parts(page):
    """The lead and the rest of the declared search fields of `page`, as two lists of texts."""
    page = page.specific
    names = [f.field_name for f in page.search_fields if isinstance(f, index.SearchField)]
    lead_names = [n for n in LEAD_FIELDS if n in names or hasattr(page, n)]
    body_names = [n for n in names if n not in lead_names and n != "title"]
    lead = _texts(page, lead_names)
    body = [text for text in _texts(page, body_names) if text not in lead]
    return lead, body


def page_terms(title, lead, body):
    """Each term of the page with the most prominent place it stands in."""
    places = {}
    for place, texts in ((Place.BODY, body), (Place.LEAD, lead), (Place.TITLE, [title])):
        for text in texts:
            for term in text_terms(text):
                places[term] = place
    return places


def update_entry(page):
    if not page.live:
        remove_entry(page)
        return None
    lead, body = page_parts(page)
    places = page_terms(page.title, lead, body)
    with transaction.atomic():
        # Lead first: it makes the best excerpt.
        entry, _ = SearchEntry.objects.update_or_create(page_id=page.pk, defaults={"text": "\n".join(lead + body)})
        entry.terms.all().delete()
        SearchTerm.objects.bulk_create(
            [SearchTerm(entry=entry, term=term, place=place) for term, place in places.items()], batch_size=500
        )
    return entry


def remove_entry(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()
