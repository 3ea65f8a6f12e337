"""Rows for the account pages (django-allauth under /konto/)."""

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations

SIGNED_IN = expectations(OK, visitor=LOGIN, unverified=LOGIN)
ANONYMOUS_PAGE = expectations(REDIRECT, visitor=OK, unverified=OK)
# Staff (and the superuser) of the test world have TOTP; the resident has not set it up.
# Deleting the account or adding a second factor asks for the password again first.
RECENT_LOGIN = expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN)
WITH_TOTP = expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN, residents=DENIED)
# Nobody in the test world has generated recovery codes yet.
NO_RECOVERY_CODES = expectations(DENIED, visitor=LOGIN, unverified=LOGIN)

# People without TOTP are sent on to set it up.
NO_TOTP_REDIRECT = dict.fromkeys(
    ["resident", "volunteer", "volunteer2", "ngo_admin", "ngo_editor", "ngo_other"], REDIRECT
)

ROWS = [
    Row("konto/", None, SIGNED_IN),
    Row("konto/usun-konto/", None, RECENT_LOGIN),
    Row("konto/login/", None, ANONYMOUS_PAGE),
    Row("konto/signup/", None, ANONYMOUS_PAGE),
    Row("konto/logout/", None, SIGNED_IN),
    Row("konto/inactive/", None, expectations(OK)),
    Row("konto/reauthenticate/", None, SIGNED_IN),
    Row("konto/email/", None, SIGNED_IN),
    Row("konto/confirm-email/", None, expectations(OK)),
    Row("konto/password/change/", None, SIGNED_IN),
    Row("konto/password/set/", None, expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN)),
    Row("konto/password/reset/", None, expectations(OK)),
    Row("konto/password/reset/done/", None, expectations(OK)),
    Row("konto/password/reset/key/done/", None, expectations(OK)),
    Row("konto/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$", None, expectations(OK)),
    Row("konto/^confirm-email/(?P<key>[-:\\w]+)/$", None, expectations(OK)),
    Row("konto/login/code/confirm/", None, expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN)),
    Row("konto/2fa/", None, SIGNED_IN),
    Row("konto/2fa/authenticate/", None, expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN)),
    Row("konto/2fa/reauthenticate/", None, {**SIGNED_IN, **NO_TOTP_REDIRECT}),
    Row("konto/2fa/totp/activate/", None, RECENT_LOGIN),
    Row("konto/2fa/totp/deactivate/", None, WITH_TOTP),
    Row("konto/2fa/recovery-codes/", None, NO_RECOVERY_CODES),
    Row("konto/2fa/recovery-codes/generate/", None, expectations(REDIRECT, visitor=LOGIN, unverified=LOGIN)),
    Row("konto/2fa/recovery-codes/download/", None, NO_RECOVERY_CODES),
    Row("konto/sessions/", None, SIGNED_IN),
]
