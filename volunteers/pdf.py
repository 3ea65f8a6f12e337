"""The one PDF renderer: a Django template rendered to HTML, then to PDF with WeasyPrint.

Each document's template carries its own print stylesheet (A4, margins, a font with Polish
glyphs), so a PDF looks the same wherever it is made. Nothing is fetched while rendering:
the fetcher accepts only `data:` URIs, so a template (or a value typed into it) can never
make the server reach out to the network or read a local file.
"""

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

PDF_CONTENT_TYPE = "application/pdf"


def offline_fetcher():
    """A fetcher that refuses every URL but inline `data:` ones (embedded images)."""
    return URLFetcher(allowed_protocols=("data",), allow_redirects=False, timeout=1)


def render_pdf(template_name, context, request=None):
    """The PDF (bytes) of `template_name` rendered with `context`."""
    html = render_to_string(template_name, context, request=request)
    # A fixed base URL: relative links resolve to it and are refused by the fetcher.
    document = HTML(string=html, base_url="about:blank", url_fetcher=offline_fetcher())
    return document.write_pdf()
