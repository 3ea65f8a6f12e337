from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mfa import has_totp, requires_mfa


class StaffMFARequiredMiddleware:
    """Nobody enters the Wagtail admin without two-factor authentication.

    A staff member without an authenticator app is sent to set one up, with a word of
    explanation, on every request to the admin until they have; once they have, allauth
    asks for a code at each sign-in. Residents are never forced.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        if request.path.startswith(self._admin_prefix) and requires_mfa(request.user) and not has_totp(request.user):
            messages.warning(
                request,
                _(
                    "Centre staff must use two-factor authentication. Set up an authenticator app "
                    "on your phone to continue to the administration panel."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
