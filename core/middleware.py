"""Middleware every app relies on: numbers no database can hold, and pages nobody may cache."""

import traceback

from django.core.handlers.exception import response_for_exception
from django.http import Http404
from django.utils.cache import patch_cache_control

# Everything under these paths shows the signed-in person's own data (or is the way to it):
# the volunteer's own pages, hours, documents and data export; the profile; the account pages.
PERSONAL_PREFIXES = ("/wolontariat/moje/", "/wolontariat/profil/", "/konto/")


class UnusableNumberMiddleware:
    """A number in the request that no database column can hold answers 404, not 500.

    The project's own filters and forms refuse such values at the field (core.forms,
    core.filters, core.numbers). This is the net under views the project does not own:
    Wagtail's choosers read `?id=` straight into a query, and on SQLite an id beyond 64 bits
    raises OverflowError, a word where a number belongs raises ValueError from the field's
    conversion. Neither can name an existing row, so "not found" is the truthful answer.
    Only errors raised inside Django's database layer are translated; any other
    OverflowError or ValueError is a bug and still fails loudly.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError | ValueError) and _raised_in_database_layer(exception):
            return response_for_exception(request, Http404("no such number"))
        return None


def _raised_in_database_layer(exception):
    frames = traceback.extract_tb(exception.__traceback__)
    return bool(frames) and "/django/db/" in frames[-1].filename


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on every page that shows a person's data.

    One middleware rather than a decorator per view: a decorator is forgotten on the next new
    view, and Wagtail pages (a task page shows the visitor their own application) have no view
    of ours to decorate. The rule: everything under PERSONAL_PREFIXES, whoever asks, and every
    answer given to a signed-in person unless the view declared it public (robots.txt).
    Residents use shared computers at libraries and at the centre: with no-store, neither a
    proxy nor the browser's cache keeps a copy for the next person. The Wagtail admin sends
    `never_cache` headers of its own, which already include both words.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        personal = request.path.startswith(PERSONAL_PREFIXES)
        signed_in = getattr(request, "user", None) is not None and request.user.is_authenticated
        declared_public = "public" in response.get("Cache-Control", "")
        if personal or (signed_in and not declared_public):
            patch_cache_control(response, private=True, no_store=True)
        return response
