"""The audit log's single writer, `record`, and how it learns who is acting.

Role changes are caught by a signal on the user–group relation, far from any view, so the
acting person comes from the request being served: `AuditRequestMiddleware` makes it known
for the whole request (settings: right after AuthenticationMiddleware), and `acting(request)`
does the same for a block of code.

The IP address is the one allauth's rate limits use: REMOTE_ADDR, or the X-Forwarded-For
entry that ALLAUTH_TRUSTED_PROXY_COUNT points at. Behind a reverse proxy the deployment must
set that count (or make the proxy set REMOTE_ADDR); otherwise every entry shows the proxy.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from allauth.account.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from wagtail.log_actions import get_active_log_context

from accounts.models import AuditEntry

USER_AGENT_LENGTH = AuditEntry._meta.get_field("user_agent").max_length

_current_request = ContextVar("pomost_audit_request", default=None)


def record(kind, *, request=None, actor=None, subject_user=None, centre=None, details=None):
    """Write one `AuditEntry`. Without `request`, the request being served (if any) is used;
    without `actor`, its signed-in user."""
    request = request or _current_request.get()
    if actor is None:
        actor = _acting_user(request)
    return AuditEntry.objects.create(
        kind=kind,
        actor=actor,
        subject_user=subject_user,
        centre=centre,
        ip=_client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH] if request is not None else "",
        details=details or {},
    )


@contextmanager
def acting(request):
    """Attribute everything recorded inside the block to `request` (its user and address)."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


class AuditRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting(request):
            return self.get_response(request)


def _acting_user(request):
    user = getattr(request, "user", None) if request is not None else None
    if user is None:
        # Wagtail's admin views name their user for its own history log, middleware or not.
        user = get_active_log_context().user
    return user if user is not None and user.is_authenticated else None


def _client_ip(request):
    if request is None:
        return None
    try:
        return get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        # No usable address (or a proxy count that does not match): the entry is still worth keeping.
        return None
