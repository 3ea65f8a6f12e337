import logging

from django.http import HttpResponse, HttpResponseRedirect
from django.template import loader
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from wagtail.models import Site

from home import display

logger = logging.getLogger(__name__)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    # The centre's own address, as in sitemap.xml, not whatever host the crawler asked for.
    site = Site.find_for_request(request)
    base = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    sitemap_url = base + reverse("sitemap")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /szukaj/",
        "Disallow: /wyglad/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page links; send them to the static file.

    Temporary, not permanent: the static file's hashed name changes when the icon does.
    """
    return HttpResponseRedirect(static("img/favicon.ico"))


@require_GET
def display_preferences(request):
    """Store the text size / contrast choice and go back where the visitor was."""
    prefs = display.parse(request.COOKIES.get(display.COOKIE_NAME))
    if request.GET.get("contrast") in display.CONTRAST_VALUES:
        prefs["contrast"] = request.GET["contrast"]
    if request.GET.get("text") in display.TEXT_VALUES:
        prefs["text"] = request.GET["text"]
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        display.COOKIE_NAME,
        display.serialise(prefs),
        max_age=display.COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def healthz(request):
    """For load balancers: answers without touching the database or sessions."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # The error page must not depend on the database or anything else that may be the
    # cause of the failure, so it renders a self-contained template without context
    # processors.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"request_path": request.path}), status=500)
