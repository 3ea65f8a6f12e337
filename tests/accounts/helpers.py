"""Staff for tests: verified accounts with an authenticator app, holding roles in centres."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model

from accounts.mfa import set_up_totp
from accounts.roles import grant_role

PASSWORD = "haslo-pracownika-2026"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_person(email, *, mfa=True, **extra):
    """A verified account; with `mfa` it also has an authenticator app, so the admin's
    two-factor requirement lets it in."""
    user = get_user_model().objects.create_user(email, PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if mfa:
        set_up_totp(user, TOTP_SECRET)
    return user


def make_staff(email, centre, *roles):
    """A person holding `roles` in `centre` (a Site or a Centre)."""
    user = make_person(email)
    for role in roles:
        grant_role(user, centre, role)
    return user


def totp_code(step=0):
    """The code an authenticator app with TOTP_SECRET shows now (or `step` periods away)."""
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30 + step))


def admin_client(client, user):
    client.force_login(user)
    return client
