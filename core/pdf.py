"""The one PDF renderer: a Django template rendered to HTML, then to PDF with WeasyPrint.

Each document's template carries its own print stylesheet (A4, margins, a font with Polish
glyphs), so a PDF looks the same wherever it is made. Nothing is fetched while rendering:
the fetcher accepts only `data:` URIs, so a template (or a value typed into it) can never
make the server reach out to the network or read a local file.

When WeasyPrint itself fails (a missing font or library, a bug in a new version), callers get
`PdfUnavailable` and answer with `pdf_unavailable_response`: the person sees a page that
says so in plain words and what to do, never an error 500.
"""

import functools
import logging

from django.shortcuts import render
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

PDF_CONTENT_TYPE = "application/pdf"

logger = logging.getLogger(__name__)


class PdfUnavailable(Exception):
    """The PDF renderer failed; the document can be made again once it works."""


def offline_fetcher():
    """A fetcher that refuses every URL but inline `data:` ones (embedded images)."""
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def render_pdf(template_name, context, request=None):
    """The PDF (bytes) of `template_name` rendered with `context`; `PdfUnavailable` when
    WeasyPrint fails. Errors in our own template still raise as they are: they are bugs."""
    html = render_to_string(template_name, context, request=request)
    try:
        # A fixed base URL: relative links resolve to it and are refused by the fetcher.
        document = HTML(string=html, base_url="about:blank", url_fetcher=offline_fetcher())
        return document.write_pdf()
    except Exception as error:
        logger.exception("WeasyPrint could not render %s", template_name)
        raise PdfUnavailable(template_name) from error


def pdf_unavailable_response(request):
    """The page shown instead of a PDF that could not be made (503: try again later)."""
    return render(request, "core/pdf_unavailable.html", status=503)


def pdf_view(view):
    """Decorate a view that answers with a PDF: a renderer failure shows the friendly page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PdfUnavailable:
            return pdf_unavailable_response(request)

    return wrapper
