"""Two-factor authentication rules: who must use it, and setting it up outside the browser.

allauth.mfa does the work (authenticator apps, recovery codes, the sign-in step); this
module only says which accounts must have it and lets demo data and tests give an account
an authenticator with a known secret.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret


def requires_mfa(user):
    """Anyone who can enter the Wagtail admin must sign in with a second factor."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def has_totp(user):
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def set_up_totp(user, secret=None):
    """Give `user` an authenticator app (and recovery codes) as if set up on the site.

    Returns the base32 secret, which an authenticator app or `totp_code` turns into codes.
    """
    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret
