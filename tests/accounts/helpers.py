"""Staff for tests: verified accounts with an authenticator app, holding roles in centres."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.mfa import set_up_totp
from accounts.roles import grant_role
from tests.support import TOTP_SECRET

PASSWORD = "haslo-pracownika-2026"


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


def admin_client(client, user):
    client.force_login(user)
    return client
