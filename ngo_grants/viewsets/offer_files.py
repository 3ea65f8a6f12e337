"""Files of the offers screen: an offer's frozen content as JSON, its attachments, and the
spreadsheets of a call's offers and budgets.

Each checks the model permission, then finds the offer (or the call) among the person's own
centre's; anything else is not found. Every file is sent as a download (`attachment`,
`nosniff`, not cached), never shown in the browser.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy
from django.views import View

from core import downloads
from core.pdf import pdf_view
from core.spreadsheets import FORMATS, content_type
from core.text import polish_slugify
from ngo_grants.dossier import dossier, dossier_name
from ngo_grants.resources import (
    AgreementResource,
    BudgetResource,
    FormalResource,
    OfferResource,
    ReportResource,
    ResultResource,
    ScoreResource,
    spreadsheet,
)
from ngo_grants.sections import serialise
from ngo_grants.viewsets.common import centre_calls, private_download, staff_offers
from ngo_grants.workflow import RECEIVED

# The spreadsheets of a call: its slug in the URL → (resource, file name, label on the screen).
EXPORTS = {
    "oferty": (OfferResource, "oferty", gettext_lazy("Offers")),
    "budzety": (BudgetResource, "budzety", gettext_lazy("Budgets")),
    "ocena-formalna": (FormalResource, "ocena-formalna", gettext_lazy("Formal review")),
    "oceny": (ScoreResource, "oceny-komisji", gettext_lazy("Scores")),
    "wyniki": (ResultResource, "wyniki", gettext_lazy("Results")),
    "umowy": (AgreementResource, "umowy", gettext_lazy("Agreements")),
    "sprawozdania": (ReportResource, "sprawozdania", gettext_lazy("Reports")),
}


class StaffFileView(View):
    http_method_names = ["get"]
    permission = "ngo_grants.view_offer"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def offer(self, pk):
        return get_object_or_404(staff_offers(self.request.user), pk=pk)


def file_name(offer):
    return (offer.number or str(offer.pk)).replace("/", "-")


class VersionJSONView(StaffFileView):
    """The exact bytes whose SHA-256 is the offer's checksum, so anyone can recompute it."""

    def get(self, request, pk):
        offer = self.offer(pk)
        version = offer.latest_version()
        if version is None:
            raise Http404
        response = HttpResponse(serialise(version.content), content_type="application/json; charset=utf-8")
        name = f"oferta-{file_name(offer)}-wersja-{version.number}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return private_download(response)


class AttachmentDownloadView(StaffFileView):
    """An attachment of an offer the person may read, streamed from the private storage."""

    def get(self, request, pk, attachment_pk):
        offer = self.offer(pk)
        attachment = get_object_or_404(offer.attachments, pk=attachment_pk)
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, ValueError) as missing:
            raise Http404 from missing
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type="application/octet-stream",
        )
        return private_download(response)


class DossierView(StaffFileView):
    """The offer's dossier for auditors: every version, attachment, declaration, score, the
    agreement and the reports in one ZIP with a manifest of checksums (ngo_grants.dossier)."""

    @method_decorator(pdf_view)
    def get(self, request, pk):
        offer = self.offer(pk)
        if offer.status not in RECEIVED:
            raise Http404
        return downloads.private_download(dossier(offer), dossier_name(offer), "application/zip")


class ExportView(StaffFileView):
    """A call's submitted offers (one row each) or their cost lines, as XLSX or CSV."""

    def get(self, request, call_id, what, fmt):
        if fmt not in FORMATS or what not in EXPORTS:
            raise Http404
        call = get_object_or_404(centre_calls(request.user), pk=call_id)
        resource, title, _label = EXPORTS[what]
        offers = staff_offers(request.user).filter(call=call, status__in=RECEIVED)
        data = spreadsheet(resource, offers, fmt, title)
        name = f"{title}-{polish_slugify(call.title)[:60]}-{timezone.localdate().isoformat()}.{fmt}"
        response = HttpResponse(data, content_type=content_type(fmt))
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return private_download(response)
