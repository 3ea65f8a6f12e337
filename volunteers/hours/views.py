"""The volunteer's own hours: logging a session, taking back one not yet decided, and the
hours section of the dashboard.

Only the signed-in person's own entries are ever reached (`volunteer__user=request.user`);
state changes go through `volunteers.services`, whose refusals are shown at the form's field.
"""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from volunteers import services
from volunteers.documents import pdfs
from volunteers.hours.forms import LogHoursForm
from volunteers.models import HoursEntry, HoursStatus

RECENT_ON_DASHBOARD = 5
ENTRIES_PER_PAGE = 25


def hours_totals(entries):
    """Approved and waiting hours of `entries`, as Decimals, in one query."""
    sums = entries.aggregate(
        approved=Sum("hours", filter=Q(status=HoursStatus.APPROVED)),
        waiting=Sum("hours", filter=Q(status=HoursStatus.SUBMITTED)),
    )
    return {key: value or Decimal("0") for key, value in sums.items()}


@login_required
def hours_page(request):
    profile = services.profile.own_profile(request.user)
    if profile is None:
        return render(request, "volunteers/hours/index.html", {"profile": None})
    task_list = list(services.hours.loggable_tasks(profile))
    matches = list(services.hours.loggable_matches(profile))
    form = LogHoursForm(
        request.POST if request.method == "POST" else None,
        tasks=task_list,
        matches=matches,
        # The match page's "log hours of this help" link chooses it already.
        initial={"task": request.GET.get("task", "")},
    )
    if request.method == "POST" and form.is_valid() and form.save(profile) is not None:
        messages.success(request, _("Thank you! Your hours have been sent to the coordinator for approval."))
        return redirect("volunteers:hours")
    entries = HoursEntry.objects.filter(volunteer=profile)
    page_obj = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "profile": profile,
        "form": form,
        "tasks": task_list,
        "matches": matches,
        # Said up front: the service refuses hours on these until the agreement is signed.
        "awaiting_agreement": [task for task in task_list if services.documents.agreement_missing(profile, task)],
        "page_obj": page_obj,
        "totals": hours_totals(entries),
        # A certificate only where some hours were approved: there is nothing else to certify.
        "certificate_centres": list(pdfs.certificate_centres(profile).select_related("site")),
    }
    return render(request, "volunteers/hours/index.html", context)


@login_required
@require_POST
def delete_entry(request, pk):
    entry = get_object_or_404(HoursEntry, pk=pk, volunteer__user=request.user)
    try:
        services.hours.delete_hours(entry, entry.volunteer)
    except services.applications.ApplicationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The entry has been removed."))
    return redirect("volunteers:hours")


urlpatterns = [
    path("moje/godziny/", hours_page, name="hours"),
    path("moje/godziny/<int:pk>/usun/", delete_entry, name="hours_delete"),
]


def dashboard_context(profile):
    """What the dashboard shows about hours: two queries, however many entries there are."""
    if profile is None:
        return {}
    entries = HoursEntry.objects.filter(volunteer=profile)
    return {"hours_totals": hours_totals(entries), "recent_hours": list(entries[:RECENT_ON_DASHBOARD])}
