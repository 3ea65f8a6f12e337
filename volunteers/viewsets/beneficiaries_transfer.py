"""Import and export of beneficiaries with their needs, on the beneficiaries' screen.

The same exchange as the volunteers' ("Data exchange", volunteers.transfer.admin), whose
pieces this reuses: an upload is checked and imports nothing; a clean file is kept on the
server under a token in the session and imported only by "Confirm import", after one more
check. The import goes into one of the person's own centres; an export is of one of them
only, and writes an EXPORTED entry to the access log for every record in the file.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.spreadsheets import FORMATS, UploadRefused, content_type, read_table
from core.text import polish_slugify
from volunteers.models import AccessAction, Beneficiary
from volunteers.services import access_log
from volunteers.transfer import beneficiaries as exchange
from volunteers.transfer.admin import PREVIEW_ROWS, forget, keep, take
from volunteers.transfer.forms import ConfirmImportForm
from volunteers.viewsets.beneficiaries import NAMESPACE, staff_centres
from volunteers.viewsets.beneficiaries_forms import BeneficiaryImportForm

EXPORT = "volunteers.view_beneficiary"
IMPORT = "volunteers.add_beneficiary"


class TransferMixin(WagtailAdminTemplateMixin):
    header_icon = "download"
    page_title = gettext_lazy("Import and export of beneficiaries")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(EXPORT):
            raise PermissionDenied
        self.centres = staff_centres(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        index = {"url": reverse(f"{NAMESPACE}:index"), "label": _("Beneficiaries")}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]

    def render_report(self, centre, check, file_name, token):
        self.template_name = "volunteers/admin/beneficiaries/import_report.html"
        return self.render_to_response(
            self.get_context_data(
                centre=centre,
                check=check,
                file_name=file_name,
                confirm_form=ConfirmImportForm(initial={"token": token}) if token else None,
                preview=check.candidates[:PREVIEW_ROWS],
                rows=sum(max(len(c.needs), 1) for c in check.candidates) + check.bad_rows,
            )
        )


class BeneficiaryTransferView(TransferMixin, TemplateView):
    """The export links and the upload form (GET); the dry run of an upload (POST)."""

    template_name = "volunteers/admin/beneficiaries/transfer.html"

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT):
            raise PermissionDenied
        form = BeneficiaryImportForm(request.POST, request.FILES, centres=self.centres)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        centre, check = form.cleaned_data["centre"], form.check
        token = keep(request, form.content, centre) if check.is_clean else None
        if not check.is_clean:
            forget(request)
        return self.render_report(centre, check, form.cleaned_data["file"].name, token)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        may_import = self.request.user.has_perm(IMPORT)
        if may_import:
            context.setdefault("form", BeneficiaryImportForm(centres=self.centres))
        context.update(
            may_import=may_import,
            exports=[
                (centre, {fmt: reverse(f"{NAMESPACE}:export", args=[centre.pk, fmt]) for fmt in FORMATS})
                for centre in self.centres
            ],
            columns=exchange.COLUMNS,
        )
        return context


class ConfirmBeneficiaryImportView(TransferMixin, TemplateView):
    """Import the file checked a moment ago in this session, checking it once more first."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT):
            raise PermissionDenied
        form = ConfirmImportForm(request.POST)
        pending = take(request, form.data.get("token", "")) if form.is_valid() else None
        if pending is None:
            messages.error(request, _("The checked file is no longer available. Upload it again."))
            return redirect(f"{NAMESPACE}:transfer")
        content, centre_id, file_name = pending
        centre = get_object_or_404(self.centres, pk=centre_id)
        try:
            check = exchange.check_beneficiaries(read_table(content), centre)
        except UploadRefused as refused:
            forget(request)
            messages.error(request, refused.message)
            return redirect(f"{NAMESPACE}:transfer")
        forget(request)
        if not check.is_clean:
            return self.render_report(centre, check, file_name, None)
        count = exchange.import_beneficiaries(check, centre, request.user)
        messages.success(
            request,
            ngettext(
                "Imported %(count)s beneficiary into %(centre)s.",
                "Imported %(count)s beneficiaries into %(centre)s.",
                count,
            )
            % {"count": count, "centre": centre},
        )
        return redirect(f"{NAMESPACE}:index")


class BeneficiaryExportView(TransferMixin, View):
    """One centre's beneficiaries and needs as a download, logged for every record in it."""

    http_method_names = ["get"]

    def get(self, request, centre_id, fmt):
        if fmt not in FORMATS:
            raise Http404
        centre = get_object_or_404(self.centres, pk=centre_id)
        content = exchange.export_beneficiaries(request.user, centre, fmt)
        exported = Beneficiary.objects.visible_to(request.user).filter(centre=centre)
        access_log.record_many(request.user, exported, AccessAction.EXPORTED, fmt.upper())
        name = f"podopieczni-{polish_slugify(centre.display_name)}-{timezone.localdate().isoformat()}.{fmt}"
        response = HttpResponse(content, content_type=content_type(fmt))
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response
