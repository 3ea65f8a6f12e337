"""The demo administrator, so a fresh `make run` can log in to the Wagtail admin."""

from django.conf import settings
from django.contrib.auth import get_user_model

EMAIL = "admin@pomost.local"
PASSWORD = "pomost-demo"  # noqa: S105 - published on purpose: it only exists in demo installations


def demo_users_allowed():
    """Demo accounts with a published password belong on developer machines only.

    Debug mode is the usual sign of one; POMOST_ALLOW_DEMO_USERS overrides it either way
    (e.g. for a public demo server, or for tests, which run without debug).
    """
    return bool(getattr(settings, "POMOST_ALLOW_DEMO_USERS", settings.DEBUG))


def build(builder):
    if builder.with_users:
        builder.superuser(EMAIL, PASSWORD)


def demo_login():
    """ "admin@pomost.local / pomost-demo" while that login works, so nobody is shown a
    password that doesn't."""
    if not demo_users_allowed():
        return None
    user = get_user_model().objects.filter(email=EMAIL, is_active=True).first()
    if user is None or not user.check_password(PASSWORD):
        return None
    return f"{EMAIL} / {PASSWORD}"
