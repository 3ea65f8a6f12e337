"""What a long form posts is not thrown away: not when it has more fields than Django parses,
and not when it arrives after the person's session ended.

`tolerate_many_fields(limit)`: Django refuses a POST with more than
DATA_UPLOAD_MAX_NUMBER_FIELDS fields (or a body over DATA_UPLOAD_MAX_MEMORY_SIZE) with a bare
400, before any view could say what happened; and its CSRF check reads the POST first, so a
view cannot catch it itself. The decorated view instead gets the first `limit` fields of an
URL-encoded body (the CSRF check then runs on them) and `request.fields_dropped` says whether
anything was left out, so it can keep what fits and tell the person.

`keep_post_through_login`: a POST from someone no longer signed in is kept in their
(anonymous) session under the path it was sent to, and they are sent to sign in with
`?next=` that path. Signing in keeps the session's data (Django cycles the key), so the view,
shown again, takes the kept POST (`take_kept_post`) and decides whether the person now
signed in may have it restored. A script's request (autosave) gets 401 with the login URL.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse, QueryDict
from django.shortcuts import resolve_url
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

KEPT = "kept_posts"
# Paths kept at once: one person rarely has more forms open when the session ends.
KEEP_PATHS = 5
# Never kept: the CSRF token is the old session's and would only be refused again.
NOT_KEPT = {"csrfmiddlewaretoken"}


def tolerate_many_fields(limit):
    def decorator(view):
        protected = csrf_protect(view)

        @csrf_exempt  # checked by `protected`, once the POST can be read
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            request.fields_dropped = False
            if request.method == "POST":
                read_post(request, limit)
            return protected(request, *args, **kwargs)

        return wrapper

    return decorator


def read_post(request, limit):
    """Parse request.POST, also when Django's limits refuse it: then `request.POST` holds the
    first `limit` fields of an URL-encoded body (none of a multipart one, whose stream is
    already read) and `request.fields_dropped` is True."""
    try:
        request.POST  # noqa: B018 (parsing is the point)
        return
    except TooManyFieldsSent:
        body = request.body if request.content_type == "application/x-www-form-urlencoded" else b""
    except RequestDataTooBig:
        # Refused before anything was read: read what the limit allows, up to the last whole field.
        readable = request.content_type == "application/x-www-form-urlencoded"
        body = request.read(settings.DATA_UPLOAD_MAX_MEMORY_SIZE).rpartition(b"&")[0] if readable else b""
    request.fields_dropped = True
    fields = body.split(b"&", limit)[:limit]
    request.POST = QueryDict(b"&".join(fields), encoding="utf-8")


def keep_post_through_login(view):
    """`login_required` that keeps a POST which came too late (see the module's docstring)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method != "POST":
            return redirect_to_login(request.get_full_path())
        keep_post(request)
        if is_script(request):
            login = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.path})}"
            return JsonResponse({"login": login}, status=401)
        messages.warning(
            request,
            _(
                "You were signed out before this was saved. Sign in again: what you typed is kept and "
                "will be put back into the form."
            ),
        )
        return redirect_to_login(request.path)

    return wrapper


def is_script(request):
    return bool(request.headers.get("X-Autosave")) or "application/json" in request.headers.get("Accept", "")


def keep_post(request):
    kept = request.session.get(KEPT, {})
    kept.pop(request.path, None)
    kept[request.path] = [[key, values] for key, values in request.POST.lists() if key not in NOT_KEPT]
    while len(kept) > KEEP_PATHS:
        kept.pop(next(iter(kept)))
    request.session[KEPT] = kept


def take_kept_post(request):
    """The POST kept for this path before the person signed in (a QueryDict), removed from the
    session; None when there is none."""
    kept = request.session.get(KEPT)
    if not kept or request.path not in kept:
        return None
    pairs = kept.pop(request.path)
    request.session[KEPT] = kept
    post = QueryDict(mutable=True)
    for key, values in pairs:
        post.setlist(key, [str(value) for value in values])
    return post
