"""The "Data exchange" screen of the admin: spreadsheets of a centre's volunteers, applications
and hours, and the import of volunteers from the centre's own records.

Only coordinators and supervisors get in (the model permissions of `accounts.roles`), and only
for their own centres (`centres_for`): another centre's export is simply not there (404).

An import is checked first and imports nothing; when every row is clean the report offers
"Confirm import". The checked file stays on the server (a private temporary folder, named by a
random token kept in the person's session, with its SHA-256), so the confirmation imports the
very file that was checked — the browser never sends the rows back.
"""

import hashlib
import os
import secrets
import tempfile
import time
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from accounts.permissions import centres_for
from core.spreadsheets import FORMATS, UploadRefused, content_type, read_table
from core.text import polish_slugify
from volunteers import services
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.transfer import resources
from volunteers.transfer.forms import ConfirmImportForm, ImportForm
from volunteers.transfer.importing import COLUMNS, check_volunteers

EXPORT = "volunteers.view_volunteerprofile"
IMPORT = "volunteers.add_volunteerprofile"
SESSION_KEY = "volunteer_import"
KEEP_SECONDS = 2 * 60 * 60
PREVIEW_ROWS = 20
COLUMN_HINTS = {
    "first_name": gettext_lazy("First name."),
    "last_name": gettext_lazy("Surname."),
    "email": gettext_lazy("Must not belong to an existing account: such people apply for tasks themselves."),
    "phone": gettext_lazy("For example 600 100 200 or +48 600 100 200."),
    "birth_date": gettext_lazy("For example 31.12.1990 or 1990-12-31; not younger than the centre's minimum age."),
    "address": gettext_lazy("Street, number, postal code and town."),
    "skills": gettext_lazy("Names from the skills list, separated by semicolons."),
    "districts": gettext_lazy("Names of the centre's districts, separated by semicolons."),
    "languages": gettext_lazy("Names from the languages list, separated by semicolons."),
    "driving_licence": gettext_lazy("“tak” or “nie”."),
    "has_car": gettext_lazy("“tak” or “nie”."),
    "disability_experience": gettext_lazy("Names from the kinds of disability list, separated by semicolons."),
    "matching_note": gettext_lazy("Other languages and experience, in free text."),
    "gender": gettext_lazy("“kobieta”, “mężczyzna”, “wolę nie podawać” or empty."),
    "regular_help": gettext_lazy("“tak” or “nie”: wants to help one person or family regularly."),
}


def may_use(user):
    return user.has_perm(EXPORT) or user.has_perm(IMPORT)


class TransferAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_use(request.user):
            raise PermissionDenied
        self.centres = centres_for(request.user, *VOLUNTEERING_STAFF).order_by("short_name", "pk")
        return super().dispatch(request, *args, **kwargs)


class ReportMixin:
    """Both the upload and the confirmation answer with the report of the check."""

    report_template = "volunteers/admin/transfer/report.html"

    def render_report(self, centre, check, file_name, token):
        self.template_name, self.page_title = self.report_template, ConfirmImportView.page_title
        return self.render_to_response(
            self.get_context_data(
                centre=centre,
                check=check,
                file_name=file_name,
                confirm_form=ConfirmImportForm(initial={"token": token}) if token else None,
                preview=check.candidates[:PREVIEW_ROWS],
                rows=len(check.candidates) + check.bad_rows,
            )
        )


class TransferView(TransferAccessMixin, ReportMixin, WagtailAdminTemplateMixin, TemplateView):
    """The screen itself (GET) and the dry run of an upload (POST), which shows the report."""

    template_name = "volunteers/admin/transfer/index.html"
    page_title = gettext_lazy("Data exchange")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        if self.template_name == self.report_template:
            transfer = {"url": reverse("volunteer_transfer:index"), "label": TransferView.page_title}
            return [*self.breadcrumbs_items, transfer, {"url": "", "label": self.page_title}]
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT):
            raise PermissionDenied
        form = ImportForm(request.POST, request.FILES, centres=self.centres)
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
            context.setdefault("form", ImportForm(centres=self.centres))
        context.update(
            may_import=may_import,
            exports=export_links(self.request.user, self.centres),
            columns=[(column, COLUMN_HINTS[column.key]) for column in COLUMNS],
        )
        return context


def export_links(user, centres):
    """[(centre, [(label, {format: url})])] of the spreadsheets the user may download."""
    labels = {
        "wolontariusze": _("Volunteers"),
        "zgloszenia": _("Applications"),
        "godziny": _("Hours"),
    }
    kinds = [kind for kind, (_resource, permission) in resources.KINDS.items() if user.has_perm(permission)]
    return [
        (
            centre,
            [
                (
                    labels[kind],
                    {fmt: reverse("volunteer_transfer:export", args=[centre.pk, kind, fmt]) for fmt in FORMATS},
                )
                for kind in kinds
            ],
        )
        for centre in centres
    ]


class ConfirmImportView(TransferAccessMixin, ReportMixin, WagtailAdminTemplateMixin, TemplateView):
    """Import the file the person checked a moment ago, checking it once more first: an
    address may have got an account meanwhile."""

    http_method_names = ["post"]
    page_title = gettext_lazy("Checked file")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        transfer = {"url": reverse("volunteer_transfer:index"), "label": TransferView.page_title}
        return [*self.breadcrumbs_items, transfer, {"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT):
            raise PermissionDenied
        form = ConfirmImportForm(request.POST)
        pending = take(request, form.data.get("token", "")) if form.is_valid() else None
        if pending is None:
            messages.error(request, _("The checked file is no longer available. Upload it again."))
            return redirect("volunteer_transfer:index")
        content, centre_id, file_name = pending
        centre = get_object_or_404(self.centres, pk=centre_id)
        try:
            check = check_volunteers(read_table(content), centre)
        except UploadRefused as refused:
            forget(request)
            messages.error(request, refused.message)
            return redirect("volunteer_transfer:index")
        if not check.is_clean:
            forget(request)
            return self.render_report(centre, check, file_name, None)
        try:
            count = services.transfer.import_volunteers(check, centre, request.user)
        except IntegrityError:
            messages.error(
                request, _("Someone created an account with one of the addresses meanwhile. Check the file again.")
            )
            return redirect("volunteer_transfer:index")
        finally:
            forget(request)
        messages.success(
            request,
            ngettext(
                "Imported %(count)s volunteer into %(centre)s.", "Imported %(count)s volunteers into %(centre)s.", count
            )
            % {"count": count, "centre": centre},
        )
        return redirect("volunteer_transfer:index")


class ExportView(TransferAccessMixin, View):
    """One spreadsheet as a download; the centre must be one of the person's own."""

    http_method_names = ["get"]

    def get(self, request, centre_id, kind, fmt):
        if kind not in resources.KINDS or fmt not in FORMATS:
            raise Http404
        if not request.user.has_perm(resources.KINDS[kind][1]):
            raise PermissionDenied
        centre = get_object_or_404(self.centres, pk=centre_id)
        content = resources.export(kind, request.user, centre, fmt)
        name = f"{kind}-{polish_slugify(centre.display_name)}-{timezone.localdate().isoformat()}.{fmt}"
        response = HttpResponse(content, content_type=content_type(fmt))
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response


# --- The checked file, kept between the check and the confirmation ---------------------


def _folder():
    folder = Path(tempfile.gettempdir()) / "pomost-volunteer-imports"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def keep(request, content, centre):
    """Store `content` under a new random token, remembered in the session with its digest."""
    forget(request)
    _sweep()
    token = secrets.token_urlsafe(32)
    descriptor = os.open(_folder() / token, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(content)
    request.session[SESSION_KEY] = {
        "token": token,
        "user": request.user.pk,
        "centre": centre.pk,
        "digest": hashlib.sha256(content).hexdigest(),
        "at": time.time(),
        "name": request.FILES["file"].name[:200],
    }
    return token


def take(request, token):
    """(content, centre id, file name) of the file checked in this session under `token`, or None."""
    pending = request.session.get(SESSION_KEY)
    if not pending or not constant_time_compare(pending["token"], token) or pending["user"] != request.user.pk:
        return None
    if time.time() - pending["at"] > KEEP_SECONDS:
        forget(request)
        return None
    try:
        content = (_folder() / pending["token"]).read_bytes()
    except OSError:
        return None
    if not constant_time_compare(hashlib.sha256(content).hexdigest(), pending["digest"]):
        forget(request)
        return None
    return content, pending["centre"], pending["name"]


def forget(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        (_folder() / pending["token"]).unlink(missing_ok=True)


def _sweep():
    """Remove files of checks nobody confirmed (a closed tab, an expired session)."""
    limit = time.time() - KEEP_SECONDS
    for stale in _folder().iterdir():
        try:
            if stale.stat().st_mtime < limit:
                stale.unlink()
        except OSError:
            continue


class TransferViewSet(ViewSet):
    name = "volunteer_transfer"
    url_prefix = "wymiana-danych"
    icon = "download"
    menu_label = gettext_lazy("Data exchange")

    def get_urlpatterns(self):
        return [
            path("", TransferView.as_view(), name="index"),
            path("zatwierdz/", ConfirmImportView.as_view(), name="confirm"),
            path("eksport/<int:centre_id>/<slug:kind>/<slug:fmt>/", ExportView.as_view(), name="export"),
        ]

    @cached_property
    def menu_item_class(self):
        return type("TransferMenuItem", (MenuItem,), {"is_shown": lambda item, request: may_use(request.user)})
