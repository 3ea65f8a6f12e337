"""The organisation's reports under its agreement (art. 18): the partial report the centre
called for and the final one, with the actual cost of each agreed line beside the agreed one;
earlier versions and the centre's remarks below."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from ngo_grants.models import Agreement, ReportKind
from ngo_grants.report_forms import ReportForm
from ngo_grants.services import reports as service
from ngo_grants.services.agreements import AMOUNTS
from ngo_grants.views.attachments import writers_offer

KINDS = {"czesciowe": ReportKind.PARTIAL, "koncowe": ReportKind.FINAL}
SLUGS = {kind: slug for slug, kind in KINDS.items()}


def report_url(offer, kind):
    return reverse("ngo_grants:report", args=[offer.pk, SLUGS[kind]])


@login_required
def report(request, pk, kind):
    if kind not in KINDS:
        raise Http404
    kind = KINDS[kind]
    offer = writers_offer(request, pk)
    agreement = get_object_or_404(
        Agreement.objects.select_related("offer__organisation", "budget_update").prefetch_related("reports"),
        offer=offer,
    )
    problem = service.filing_problem(agreement, kind)
    form = ReportForm(request.POST or None, agreement=agreement, initial=_initial(agreement, kind))
    if request.method == "POST" and problem is None and form.is_valid():
        data = form.cleaned_data
        try:
            service.submit_report(
                agreement,
                user=request.user,
                kind=kind,
                actions=data["actions"],
                results=data["results"],
                actual=form.actual(),
                explanations=form.explanations(),
            )
        except service.ReportRefused as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            messages.success(request, _("The report was sent to the centre."))
            return redirect(report_url(offer, kind))
    context = {
        "offer": offer,
        "agreement": agreement,
        "kind": kind,
        "kind_label": ReportKind(kind).label,
        "due": service.due_on(agreement, kind),
        "problem": problem,
        "form": form if problem is None else None,
        "reports": [(sent, service.report_rows(sent)) for sent in reversed(service.reports_of(agreement, kind))],
    }
    return render(request, "ngo_grants/report.html", context)


def _initial(agreement, kind):
    """A report sent back starts from what was sent; a first one from nothing, so the
    organisation writes its actual costs rather than confirming the agreed ones."""
    latest = service.latest_report(agreement, kind)
    if latest is None or latest.accepted is not False:
        return {}
    initial = {"actions": latest.actions, "results": latest.results}
    for index, line in enumerate(latest.lines):
        for key in AMOUNTS:
            initial[f"line_{index}_{key}"] = line["actual"][key]
        initial[f"line_{index}_explanation"] = line["explanation"]
    return initial


urlpatterns = [
    path("oferty/<int:pk>/sprawozdanie-<slug:kind>/", report, name="report"),
]
