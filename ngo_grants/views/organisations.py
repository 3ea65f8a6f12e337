"""The NGO side of organisations: the dashboard, registering and editing an organisation, and
choosing which one a member acts for. Members and invitations: `members`.

An organisation's pages answer 404 to anyone who is not its member, as for an organisation
that does not exist: its details are nobody else's business.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.models import Centre
from ngo_grants import acting
from ngo_grants.identifiers import format_iban
from ngo_grants.models import CallPage, CallProgress, CommitteeMember, MemberRole, Membership, Offer, Organisation
from ngo_grants.organisation_forms import forms_valid, organisation_forms
from ngo_grants.permissions import can_manage_organisation
from ngo_grants.services import organisations as services
from ngo_grants.views import members
from ngo_grants.views.members import managed_organisation, member_organisation


def open_calls(now=None):
    """Calls of every centre that accept offers now, the nearest deadline first, each with its
    centre's name (an organisation applies to the calls of several centres)."""
    now = now or timezone.now()
    calls = list(
        CallPage.objects.live()
        .public()
        .filter(progress=CallProgress.SUBMISSIONS, opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "pk")
    )
    centres = {}
    for call in calls:
        site = call.get_site()
        if site is not None and site.pk not in centres:
            centres[site.pk] = Centre.for_site(site).display_name
        call.centre_name = centres.get(site.pk, "") if site else ""
    return calls


@login_required
def dashboard(request):
    """My organisations with my role and their members, their offers with states, and the
    deadlines ahead: the open calls of every centre."""
    roles = dict(request.user.ngo_memberships.values_list("organisation_id", "role"))
    memberships = Membership.objects.select_related("user").order_by("role", "joined_at", "pk")
    organisations = list(
        acting.member_organisations(request.user).prefetch_related(Prefetch("memberships", memberships))
    )
    offers = list(Offer.objects.of_member(request.user).select_related("call", "task").order_by("-created_at"))
    for organisation in organisations:
        organisation.role_label = MemberRole(roles[organisation.pk]).label
        organisation.is_admin = roles[organisation.pk] == MemberRole.ADMIN
        organisation.offer_list = [offer for offer in offers if offer.organisation_id == organisation.pk]
    context = {
        "organisations": organisations,
        "acting": acting.acting_organisation(request) if len(organisations) > 1 else None,
        "calls": open_calls(),
        # A nominee reaches the committee's pages from here (members need not be staff).
        "seats": CommitteeMember.objects.of_user(request.user).select_related("committee__call"),
    }
    return render(request, "ngo_grants/organisations/dashboard.html", context)


def _organisation_page(request, template, form, formset, **context):
    return render(request, f"ngo_grants/organisations/{template}.html", {"form": form, "formset": formset, **context})


@login_required
def organisation_new(request):
    form, formset, saving = organisation_forms(request.POST if request.method == "POST" else None)
    if saving and forms_valid(form, formset):
        try:
            organisation = services.register_organisation(
                user=request.user, details=form.cleaned_data, representatives=formset.rows()
            )
        except services.OrganisationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            acting.act_for(request, organisation)
            messages.success(
                request,
                _(
                    "The organisation is registered and you are its administrator. Before its offers to a "
                    "centre's call can be submitted, that centre verifies it."
                ),
            )
            return redirect("ngo_grants:organisation", organisation.pk)
    return _organisation_page(request, "form", form, formset)


@login_required
def organisation_detail(request, pk):
    organisation = member_organisation(request, pk)
    context = {
        "organisation": organisation,
        "iban": format_iban(organisation.iban),
        "representatives": organisation.representatives.all(),
        "verifications": organisation.verifications.filter(verified=True).select_related("centre__site"),
        "is_admin": can_manage_organisation(request.user, organisation),
        "role_label": MemberRole(organisation.role_of(request.user)).label,
    }
    return render(request, "ngo_grants/organisations/detail.html", context)


@login_required
def organisation_edit(request, pk):
    organisation = managed_organisation(request, pk)
    form, formset, saving = organisation_forms(
        request.POST if request.method == "POST" else None, instance=Organisation.objects.get(pk=organisation.pk)
    )
    if saving and forms_valid(form, formset):
        try:
            services.update_organisation(
                organisation, user=request.user, details=form.cleaned_data, representatives=formset.rows()
            )
        except services.OrganisationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("ngo_grants:organisation", organisation.pk)
    return _organisation_page(request, "form", form, formset, organisation=organisation)


@login_required
@require_POST
def act_for(request, pk):
    """Choose the organisation to act for; back to the page the choice was made on."""
    organisation = member_organisation(request, pk)
    acting.act_for(request, organisation)
    messages.success(request, _("You now act for %(organisation)s.") % {"organisation": organisation.name})
    back = request.POST.get("next", "")
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(back)
    return redirect("ngo_grants:dashboard")


urlpatterns = [
    path("organizacje/", dashboard, name="dashboard"),
    path("organizacje/nowa/", organisation_new, name="organisation_new"),
    path("organizacje/<int:pk>/", organisation_detail, name="organisation"),
    path("organizacje/<int:pk>/edycja/", organisation_edit, name="organisation_edit"),
    path("organizacje/<int:pk>/wybierz/", act_for, name="act_for"),
    *members.urlpatterns,
]
