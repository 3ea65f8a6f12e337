"""The published results of a call, for anyone: the notice-board PDF and the open data (CSV
for a spreadsheet, JSON for programs). A call without published results answers 404."""

import json

import tablib
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import translation

from core.downloads import content_disposition, private_download
from core.pdf import PDF_CONTENT_TYPE, pdf_view, render_pdf
from core.spreadsheets import SafeCSV
from ngo_grants.models import CallPage, CallProgress
from ngo_grants.services import results as service


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


urlpatterns = [
    path("konkursy-wyniki/<int:call_id>/ogloszenie.pdf", results_pdf, name="results_pdf"),
    path("konkursy-wyniki/<int:call_id>/wyniki.<slug:fmt>", results_data, name="results_data"),
]
