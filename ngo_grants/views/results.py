"""The published results of a call, for anyone: the notice-board PDF and the open data (CSV
for a spreadsheet, JSON for programs). A call without published results answers 404."""

import json

import tablib
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.downloads import content_disposition, private_download
from core.pdf import PDF_CONTENT_TYPE, pdf_view, render_pdf
from core.spreadsheets import SafeCSV
from ngo_grants.models import CallIndexPage, CallPage, CallProgress, Decision
from ngo_grants.models.calls import archive_year
from ngo_grants.results_forms import ReasonsRequestForm
from ngo_grants.services import results as service
from ngo_grants.statistics import year_statistics
from ngo_grants.views.attachments import writers_offer


def _published(call_id):
    call = get_object_or_404(CallPage.objects.live().public(), pk=call_id, progress=CallProgress.RESULTS)
    decision = getattr(call, "decision", None)
    if decision is None:
        raise Http404
    return call, decision


def _name(call, extension):
    return f"wyniki-{call.slug}.{extension}"


@pdf_view
def results_pdf(request, call_id):
    call, decision = _published(call_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"call": call, "decision": decision, "centre": decision.centre, "results": service.results(call)}
        pdf = render_pdf("ngo_grants/pdf/results.html", context)
    return private_download(pdf, _name(call, "pdf"), PDF_CONTENT_TYPE)


def results_data(request, call_id, fmt):
    if fmt not in ("csv", "json"):
        raise Http404
    call, decision = _published(call_id)
    with translation.override(settings.LANGUAGE_CODE):
        rows = service.open_data(call)
    if fmt == "json":
        document = {
            "call": call.title,
            "year": call.year,
            "decision": decision.reference,
            "decided_on": decision.decided_on.isoformat(),
            "results": rows,
        }
        response = HttpResponse(json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json")
    else:
        dataset = tablib.Dataset(headers=service.OPEN_DATA_COLUMNS)
        for row in rows:
            dataset.append([row[column] for column in service.OPEN_DATA_COLUMNS])
        response = HttpResponse(SafeCSV().export_data(dataset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition(_name(call, fmt))
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def offer_reasons(request, pk):
    """The organisation asks for the reasons of the choice or rejection of its offer, within 30
    days of the results, and reads the centre's answer here."""
    offer = writers_offer(request, pk)
    problem = service.reasons_problem(offer)
    form = ReasonsRequestForm(request.POST or None)
    if request.method == "POST" and problem is None and form.is_valid():
        try:
            service.request_reasons(offer, user=request.user, question=form.cleaned_data["question"])
        except service.DecisionRefused as refused:
            form.add_error(refused.field or None, refused.message)
        else:
            messages.success(request, _("Your request was sent to the centre; its answer will come by e-mail."))
            return redirect(reverse("ngo_grants:offer_reasons", args=[offer.pk]))
    decision = Decision.objects.filter(call_id=offer.call_id).first()
    context = {
        "offer": offer,
        "form": form,
        "problem": problem,
        "requests": offer.reasons_requests.all(),
        "due": service.reasons_due(decision) if decision else None,
    }
    return render(request, "ngo_grants/reasons.html", context)


def statistics_csv(request, index_id, year):
    """A year's figures per public task, for the report on the programme of cooperation."""
    index = get_object_or_404(CallIndexPage.objects.live().public(), pk=index_id)
    if archive_year(str(year)) is None:
        raise Http404
    rows, _totals = year_statistics(index.calls().filter(year=year))
    headers = ["rok", "konkurs", "zadanie publiczne", "forma", "środki (zł)", "oferty", "organizacje",
               "wnioskowano (zł)", "przyznane dotacje", "przyznano (zł)"]  # fmt: skip
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        dataset.append([year, row.call.title, row.task.title, row.task.get_form_display(), str(row.task.funds),
                        row.offers, row.organisations, str(row.requested), row.grants, str(row.granted)])  # fmt: skip
    response = HttpResponse(SafeCSV().export_data(dataset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition(f"konkursy-{year}.csv")
    return response


urlpatterns = [
    path("konkursy-statystyki/<int:index_id>/<int:year>.csv", statistics_csv, name="statistics_csv"),
    path("oferty/<int:pk>/uzasadnienie/", offer_reasons, name="offer_reasons"),
    path("konkursy-wyniki/<int:call_id>/ogloszenie.pdf", results_pdf, name="results_pdf"),
    path("konkursy-wyniki/<int:call_id>/wyniki.<slug:fmt>", results_data, name="results_data"),
]
