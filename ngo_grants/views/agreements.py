"""The organisation's side after a grant: the updated budget when less was granted than it
asked for, and the agreement to download (also for the centre's grants staff)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from core.downloads import private_download
from core.pdf import PDF_CONTENT_TYPE, pdf_view
from ngo_grants.agreement_forms import BudgetUpdateForm
from ngo_grants.agreement_pdf import agreement_name, agreement_pdf
from ngo_grants.models import Agreement
from ngo_grants.services import agreements as service
from ngo_grants.views.attachments import readable_offer, writers_offer


@login_required
def budget_update(request, pk):
    """The updated cost calculation and schedule: the offer's cost lines with new amounts, which
    must take exactly the grant awarded; the centre's answer and earlier updates below."""
    offer = writers_offer(request, pk)
    if not service.needs_update(offer):
        raise Http404
    latest = service.latest_update(offer)
    open_for_update = offer.status in service.UPDATABLE and (latest is None or latest.accepted is False)
    initial = _initial(service.submitted_lines(offer), latest)
    form = BudgetUpdateForm(request.POST or None, offer=offer, initial=initial)
    if request.method == "POST" and open_for_update and form.is_valid():
        try:
            schedule = form.cleaned_data["schedule"]
            service.submit_update(offer, user=request.user, amounts=form.amounts(), schedule=schedule)
        except service.AgreementRefused as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            messages.success(request, _("The updated budget was sent to the centre."))
            return redirect(reverse("ngo_grants:budget_update", args=[offer.pk]))
    context = {
        "offer": offer,
        "grant": service.grant_of(offer),
        "form": form if open_for_update else None,
        "updates": [(update, service.line_diff(offer, update)) for update in offer.budget_updates.order_by("-pk")],
    }
    return render(request, "ngo_grants/budget_update.html", context)


def _initial(lines, latest):
    """The amounts to start from: the last update sent back, else the offer's own."""
    source = latest.lines if latest is not None else lines
    initial = {}
    for index, line in enumerate(source):
        for key in service.AMOUNTS:
            initial[f"line_{index}_{key}"] = line[key]
    if latest is not None:
        initial["schedule"] = latest.schedule
    return initial


@login_required
@pdf_view
def agreement_download(request, pk):
    offer = readable_offer(request, pk)
    agreement = get_object_or_404(Agreement.objects.select_related("centre", "budget_update"), offer=offer)
    return private_download(agreement_pdf(agreement), agreement_name(agreement), PDF_CONTENT_TYPE)


urlpatterns = [
    path("oferty/<int:pk>/aktualizacja-budzetu/", budget_update, name="budget_update"),
    path("oferty/<int:pk>/umowa.pdf", agreement_download, name="agreement_pdf"),
]
