from django.apps import apps
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from search.forms import SearchForm
from search.query import EXCERPT_LENGTH, highlight, parse_query, search_entries

RESULTS_PER_PAGE = 10

# Sections suggested when nothing is found, named by model so search imports no app above it.
SUGGESTED_SECTIONS = {"news_page": ("home", "NewsIndexPage"), "tasks_page": ("volunteers", "TaskIndexPage")}


@require_GET
def search(request):
    form = SearchForm(request.GET)
    site = Site.find_for_request(request)
    query, words, page_obj, results, suggestions = "", [], None, [], {}
    if form.is_valid():
        query = form.cleaned_data["q"]
        words = parse_query(query)
        if words:
            entries = search_entries(site, words)
            page_obj = Paginator(entries, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            results = _results(list(page_obj.object_list), words, request)
            if not results:
                suggestions = _suggested_sections(site)
    pagination_query = QueryDict(mutable=True)
    pagination_query["q"] = query
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "search_query": form.data.get("q", ""),
            "query": query,
            "words": words,
            "page_obj": page_obj,
            "results": results,
            "pagination_query": pagination_query.urlencode(),
            **suggestions,
        },
    )


def _results(entries, words, request):
    # One query for all specific pages of this result page instead of one per result.
    specific = Page.objects.filter(pk__in=[e.page_id for e in entries]).specific().in_bulk()
    results = []
    for entry in entries:
        page = specific[entry.page_id]
        results.append(
            {
                "page": page,
                "url": page.get_url(request),
                "title": highlight(page.title, words),
                "excerpt": highlight(entry.text, words, length=EXCERPT_LENGTH),
                "kind": page._meta.verbose_name,
                "date": getattr(page, "date", None),
            }
        )
    return results


def _suggested_sections(site):
    """The centre's own news and task listings, where a visitor who found nothing may look."""
    if site is None:
        return {}
    pages = Page.objects.live().public().descendant_of(site.root_page)
    suggestions = {}
    for name, (app_label, model_name) in SUGGESTED_SECTIONS.items():
        model = apps.get_model(app_label, model_name)
        suggestions[name] = pages.type(model).order_by("path").first()
    return suggestions
