"""Attachments of an offer: added and removed while it is a draft, copied into a new draft.

Files come through the one upload check (core.uploads) and are kept in the private storage
under a random name; what the organisation called the file is kept beside it for downloads.
During a correction that reopens them, files can be added, and only those added during the
correction removed. Adding and removing lock the offer's row, like saving a section, so an attachment racing the
submission is either in the frozen version or refused (`OfferLocked`), never left dangling.
"""

import contextlib
import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import HIDDEN
from core.uploads import DOCX, EXTENSIONS, JPEG, ODT, PDF, PNG, UploadRefused, read_upload
from ngo_grants.models import Attachment, Offer
from ngo_grants.models.offers import private_storage
from ngo_grants.permissions import can_write_offers
from ngo_grants.services.offers import OfferLocked
from ngo_grants.workflow import OfferStatus

KINDS = (PDF, ODT, DOCX, JPEG, PNG)


class SubmittedFileKept(OfferLocked):
    """A correction adds files; those sent with a submitted version stay on record."""


MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_OFFER_BYTES = 50 * 1024 * 1024
NAME_LENGTH = Attachment._meta.get_field("original_name").max_length


def read_attachment(upload):
    """(bytes, kind) of an uploaded attachment through the one upload check; `UploadRefused`."""
    return read_upload(
        upload,
        max_bytes=MAX_FILE_BYTES,
        kinds=KINDS,
        too_large=_("The file is larger than 10 MB. Reduce it (e.g. scan at a lower resolution) or split it."),
        wrong_kind=_(
            "This file is not a PDF, ODT, DOCX, JPG or PNG document (judged by its content, not its name). "
            "Save it in one of these formats and upload it again."
        ),
    )


def clean_name(name):
    """What the organisation called the file, without folders and characters that do not show."""
    name = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable() and not HIDDEN.match(char)).strip()
    return name[-NAME_LENGTH:] or "plik"


def _locked_draft(offer, user):
    offer = Offer.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=offer.pk)
    if not offer.section_editable("attachments"):
        raise OfferLocked
    if not can_write_offers(user, offer.organisation):
        raise PermissionDenied
    return offer


def add_attachment(offer, *, user, data, kind, name, required=None, description=""):
    """Keep `data` (checked by `read_attachment`) as an attachment of the draft `offer`; refuses
    (`UploadRefused`) when the offer's attachments would pass 50 MB together."""
    with files_removed_on_failure() as saved, transaction.atomic():
        offer = _locked_draft(offer, user)
        used = offer.attachments.aggregate(total=Sum("size"))["total"] or 0
        if used + len(data) > MAX_OFFER_BYTES:
            raise UploadRefused(
                _("All attachments of one offer may take 50 MB together; %(left)s is still free.")
                % {"left": filesizeformat(max(MAX_OFFER_BYTES - used, 0))}
            )
        attachment = Attachment(
            offer=offer,
            required=required,
            description=description,
            original_name=clean_name(name),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            kind=kind,
            uploaded_by=user,
        )
        _store(attachment, data, saved)
        offer.updated_at = timezone.now()
        offer.save(update_fields=["updated_at"])
    return attachment


@contextlib.contextmanager
def files_removed_on_failure():
    """Files saved inside the block are removed again if the block fails: storage is not
    transactional, and a rolled-back row must not leave its file behind."""
    saved = []
    try:
        yield saved
    except BaseException:
        for name in saved:
            private_storage().delete(name)
        raise


def _store(attachment, data, saved):
    """Save the file under an unguessable name, then the row."""
    attachment.file.save(f"{secrets.token_urlsafe(24)}.{EXTENSIONS[attachment.kind]}", ContentFile(data), save=False)
    saved.append(attachment.file.name)
    attachment.save()
    return attachment


def submitted_files(offer):
    """The SHA-256 of every file a submitted version of `offer` names."""
    hashes = set()
    for content in offer.versions.values_list("content", flat=True):
        hashes.update(item["sha256"] for item in content.get("attachments", []))
    return hashes


def remove_attachment(attachment, *, user):
    """Remove an attachment of a draft; its file goes once the removal is committed. During a
    correction a file that came with a submitted version stays: the version names it."""
    with transaction.atomic():
        offer = _locked_draft(attachment.offer, user)
        if offer.status != OfferStatus.DRAFT and attachment.sha256 in submitted_files(offer):
            raise SubmittedFileKept
        storage, name = attachment.file.storage, attachment.file.name
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(name))


def copy_attachments(source, target, saved):
    """Copies of `source`'s attachments (new rows, new files) for the new draft `target`, made
    inside `files_removed_on_failure` and the transaction that made `target`."""
    for attachment in source.attachments.all():
        with attachment.file.open("rb") as file:
            data = file.read()
        copy = Attachment(
            offer=target,
            required=attachment.required,
            description=attachment.description,
            original_name=attachment.original_name,
            size=attachment.size,
            sha256=attachment.sha256,
            kind=attachment.kind,
            uploaded_by=attachment.uploaded_by,
            uploaded_at=attachment.uploaded_at,
        )
        _store(copy, data, saved)
