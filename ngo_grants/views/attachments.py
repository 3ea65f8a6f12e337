"""Attachments of an offer: the list against the call's required ones, upload, removal and
the permission-checked download. Files are never behind a public media URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.downloads import private_download
from core.uploads import CONTENT_TYPES, UploadRefused
from ngo_grants.attachment_forms import AttachmentForm
from ngo_grants.models import Offer
from ngo_grants.permissions import can_edit_section, can_write_offers
from ngo_grants.services.attachments import (
    MAX_OFFER_BYTES,
    SubmittedFileKept,
    add_attachment,
    remove_attachment,
    submitted_files,
)
from ngo_grants.services.offers import OfferLocked
from ngo_grants.workflow import OfferStatus


def readable_offer(request, pk):
    """The offer if `request.user` may read it (its members, the centre's grants staff); else 404."""
    return get_object_or_404(Offer.objects.for_user(request.user).select_related("call", "task", "organisation"), pk=pk)


def writers_offer(request, pk):
    """The offer if `request.user` writes for its organisation; 404 for anyone outside it, 403
    for a member who may not write."""
    offers = Offer.objects.of_member(request.user).select_related("call", "task", "organisation")
    offer = get_object_or_404(offers, pk=pk)
    if not can_write_offers(request.user, offer.organisation):
        raise PermissionDenied
    return offer


def attachments_url(offer):
    return reverse("ngo_grants:attachments", args=[offer.pk])


def locked_message(offer):
    if offer.status == OfferStatus.CORRECTION:
        return _("The correction request did not reopen the attachments, so they cannot change.")
    return _("The offer is no longer a draft, so its attachments cannot change.")


@login_required
def attachments(request, pk):
    """GET: what the call requires and what is attached; POST: add a file (writers of a draft)."""
    offer = readable_offer(request, pk)
    may_change = can_edit_section(request.user, offer, "attachments")
    if request.method == "POST" and not may_change:
        if offer.section_editable("attachments"):
            raise PermissionDenied
        messages.error(request, locked_message(offer))
        return redirect(attachments_url(offer))
    form = None
    if may_change:
        # Bound on every POST, also an empty one: it is refused, not shown as a fresh form.
        bound = (request.POST, request.FILES) if request.method == "POST" else ()
        form = AttachmentForm(*bound, call=offer.call)
    if form is not None and form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            attachment = add_attachment(
                offer,
                user=request.user,
                data=form.upload.data,
                kind=form.upload.kind,
                name=data["file"].name,
                required=data["required"],
                description=data["description"].strip(),
            )
        except UploadRefused as refused:
            form.add_error("file", refused.message)
        except OfferLocked:
            messages.error(request, locked_message(offer))
            return redirect(attachments_url(offer))
        else:
            messages.success(request, _("The attachment “%(name)s” was added.") % {"name": attachment.original_name})
            return redirect(attachments_url(offer))
    return render(request, "ngo_grants/attachments.html", {**listing(offer), "form": form, "may_change": may_change})


def listing(offer):
    files = list(offer.attachments.select_related("required"))
    # During a correction the files of the submitted version stay (services.attachments).
    kept = submitted_files(offer) if offer.status == OfferStatus.CORRECTION else set()
    for file in files:
        file.removable = file.sha256 not in kept
    required = [
        {"required": item, "files": [file for file in files if file.required_id == item.pk]}
        for item in offer.call.required_attachments.all()
    ]
    used = offer.attachments.aggregate(total=Sum("size"))["total"] or 0
    return {
        "offer": offer,
        "required": required,
        "additional": [file for file in files if file.required_id is None],
        "used": used,
        "free": filesizeformat(max(MAX_OFFER_BYTES - used, 0)),
    }


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    offer = readable_offer(request, pk)
    attachment = get_object_or_404(offer.attachments, pk=attachment_pk)
    try:
        remove_attachment(attachment, user=request.user)
    except SubmittedFileKept:
        messages.error(
            request,
            _(
                "A file sent with the submitted offer stays on record; add the corrected file beside it and "
                "say in its description what it replaces."
            ),
        )
    except OfferLocked:
        messages.error(request, locked_message(offer))
    else:
        messages.success(request, _("The attachment “%(name)s” was removed.") % {"name": attachment.original_name})
    return redirect(attachments_url(offer))


@login_required
def attachment_download(request, pk, attachment_pk):
    offer = readable_offer(request, pk)
    attachment = get_object_or_404(offer.attachments, pk=attachment_pk)
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = CONTENT_TYPES.get(attachment.kind, "application/octet-stream")
    return private_download(file, attachment.original_name, content_type)


urlpatterns = [
    path("oferty/<int:pk>/zalaczniki/", attachments, name="attachments"),
    path("oferty/<int:pk>/zalaczniki/<int:attachment_pk>/", attachment_download, name="attachment"),
    path("oferty/<int:pk>/zalaczniki/<int:attachment_pk>/usun/", attachment_delete, name="attachment_delete"),
]
