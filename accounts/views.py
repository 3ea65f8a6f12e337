from allauth.account.decorators import reauthentication_required
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from accounts.forms import DeleteAccountForm
from accounts.mfa import has_totp, requires_mfa


@login_required
def overview(request):
    """ "My account": one page that leads to every setting allauth manages."""
    user = request.user
    return render(
        request,
        "accounts/overview.html",
        {
            "email_addresses": EmailAddress.objects.filter(user=user).order_by("-primary", "email"),
            "has_totp": has_totp(user),
            "requires_mfa": requires_mfa(user),
            "session_count": UserSession.objects.filter(user=user).count(),
        },
    )


@login_required
@reauthentication_required
def delete_account(request):
    """Residents delete their own account after confirming who they are.

    Staff accounts are not deleted here: the centre's supervisor removes them in the admin,
    so that nobody locks a centre out of its own site by accident.
    """
    staff = requires_mfa(request.user)
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if staff:
            raise PermissionDenied
        if form.is_valid():
            form.delete_account(request)
            # Rendered, not redirected: the person is signed out and has nowhere to go back to.
            return render(request, "accounts/deleted.html")
    return render(request, "accounts/delete.html", {"form": form, "staff": staff})
