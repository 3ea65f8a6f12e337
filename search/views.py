from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from search.forms import SearchForm
from search.query import EXCERPT_LENGTH, highlight, search_entries

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    form = SearchForm(request.GET)
    query, terms, page_obj, results = "", [], None, []
    if form.is_valid():
        query = form.cleaned_data["q"]
        entries, terms = search_entries(Site.find_for_request(request), query)
        if terms:
            page_obj = Paginator(entries, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            results = _results(list(page_obj.object_list), terms, request)
    pagination_query = QueryDict(mutable=True)
    pagination_query["q"] = query
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "search_query": form.data.get("q", ""),
            "query": query,
            "terms": terms,
            "page_obj": page_obj,
            "results": results,
            "pagination_query": pagination_query.urlencode(),
        },
    )


def _results(entries, terms, request):
    # One query for all specific pages of this result page instead of one per result.
    specific = Page.objects.filter(pk__in=[e.page_id for e in entries]).specific().in_bulk()
    results = []
    for entry in entries:
        page = specific[entry.page_id]
        results.append(
            {
                "page": page,
                "url": page.get_url(request),
                "title": highlight(page.title, terms),
                "excerpt": highlight(entry.text, terms, length=EXCERPT_LENGTH),
                "kind": page._meta.verbose_name,
                "date": getattr(page, "date", None),
            }
        )
    return results
