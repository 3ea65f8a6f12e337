"""An organisation's members: the list, invitations by e-mail, roles, removing and leaving.

Administrators manage; editors see who is in. Every change goes through
services.organisations, which keeps the organisation with at least one administrator.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Site

from ngo_grants import acting
from ngo_grants.models import Invitation, Membership, Organisation
from ngo_grants.organisation_forms import InviteForm, RoleForm
from ngo_grants.permissions import can_manage_organisation
from ngo_grants.services import organisations as services


def member_organisation(request, pk):
    """The organisation `pk` of which the signed-in person is a member, or 404."""
    return get_object_or_404(Organisation.objects.of_member(request.user), pk=pk)


def managed_organisation(request, pk):
    """The organisation `pk` if the signed-in person administers it: 404 for non-members, 403
    for its editors."""
    organisation = member_organisation(request, pk)
    if not can_manage_organisation(request.user, organisation):
        raise PermissionDenied
    return organisation


def members_context(request, organisation, invite_form):
    is_admin = can_manage_organisation(request.user, organisation)
    memberships = organisation.memberships.select_related("user").order_by("role", "joined_at", "pk")
    return {
        "organisation": organisation,
        "memberships": memberships,
        "is_admin": is_admin,
        "invitations": services.pending_invitations(organisation) if is_admin else [],
        "invite_form": invite_form,
        "role_form": RoleForm(),
    }


@login_required
def members_page(request, pk):
    """The members; for administrators also the pending invitations and the invitation form."""
    organisation = member_organisation(request, pk)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not can_manage_organisation(request.user, organisation):
            raise PermissionDenied
        if form.is_valid():
            site = Site.find_for_request(request)
            try:
                invitation = services.invite_member(
                    organisation,
                    user=request.user,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    site_id=site.pk if site else None,
                )
            except services.OrganisationRefused as refusal:
                form.add_error("email", refusal.message)
            else:
                messages.success(request, _("The invitation has been sent to %(email)s.") % {"email": invitation.email})
                return redirect("ngo_grants:members", organisation.pk)
    return render(request, "ngo_grants/organisations/members.html", members_context(request, organisation, form))


def _membership(organisation, member_pk):
    return get_object_or_404(Membership, organisation=organisation, pk=member_pk)


@login_required
@require_POST
def change_role(request, pk, member_pk):
    organisation = managed_organisation(request, pk)
    membership = _membership(organisation, member_pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
        return redirect("ngo_grants:members", organisation.pk)
    try:
        membership = services.change_member_role(membership, user=request.user, role=form.cleaned_data["role"])
    except services.OrganisationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("%(person)s is now: %(role)s.")
            % {"person": membership.user.email, "role": membership.get_role_display()},
        )
    return redirect("ngo_grants:members", organisation.pk)


@login_required
@require_POST
def remove(request, pk, member_pk):
    organisation = managed_organisation(request, pk)
    membership = _membership(organisation, member_pk)
    try:
        services.remove_member(membership, user=request.user)
    except services.OrganisationRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("ngo_grants:members", organisation.pk)
    if membership.user_id == request.user.pk:
        return redirect("ngo_grants:dashboard")
    messages.success(request, _("%(person)s is no longer a member.") % {"person": membership.user.email})
    return redirect("ngo_grants:members", organisation.pk)


@login_required
@require_POST
def cancel_invitation(request, pk, invitation_pk):
    organisation = managed_organisation(request, pk)
    invitation = get_object_or_404(Invitation, organisation=organisation, pk=invitation_pk)
    services.cancel_invitation(invitation, user=request.user)
    messages.success(request, _("The invitation to %(email)s has been cancelled.") % {"email": invitation.email})
    return redirect("ngo_grants:members", organisation.pk)


@login_required
def leave(request, pk):
    """GET asks "are you sure?" on a page of its own (no JavaScript needed); POST leaves."""
    organisation = member_organisation(request, pk)
    if request.method == "POST":
        try:
            services.leave_organisation(organisation, user=request.user)
        except services.OrganisationRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("You have left %(organisation)s.") % {"organisation": organisation.name})
            return redirect("ngo_grants:dashboard")
    return render(request, "ngo_grants/organisations/leave.html", {"organisation": organisation})


def invitation(request, token):
    """The link in the invitation e-mail. Anonymous people sign in (or sign up) and come back
    here; the signed-in account joins when one of its verified addresses is the invited one."""
    invitation = get_object_or_404(Invitation.objects.select_related("organisation", "invited_by"), token=token)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    problem = services.invitation_problem(invitation, request.user)
    if request.method == "POST" and problem is None:
        try:
            services.accept_invitation(invitation, user=request.user)
        except services.OrganisationRefused as refusal:
            problem = refusal.message
        else:
            acting.act_for(request, invitation.organisation)
            messages.success(
                request, _("Welcome to %(organisation)s.") % {"organisation": invitation.organisation.name}
            )
            return redirect("ngo_grants:organisation", invitation.organisation_id)
    context = {
        "invitation": invitation,
        "problem": problem,
        "expires": services.invitation_expires_at(invitation),
        "organisation": invitation.organisation,
    }
    return render(request, "ngo_grants/organisations/invitation.html", context)


urlpatterns = [
    path("organizacje/zaproszenie/<str:token>/", invitation, name="invitation"),
    path("organizacje/<int:pk>/czlonkowie/", members_page, name="members"),
    path("organizacje/<int:pk>/czlonkowie/<int:member_pk>/rola/", change_role, name="member_role"),
    path("organizacje/<int:pk>/czlonkowie/<int:member_pk>/usun/", remove, name="member_remove"),
    path("organizacje/<int:pk>/zaproszenia/<int:invitation_pk>/anuluj/", cancel_invitation, name="invitation_cancel"),
    path("organizacje/<int:pk>/opusc/", leave, name="leave"),
]
