"""Real, small PDF files for the demo: a call's regulations as a Wagtail document, and the
attachments organisations add to their offers (statute, list of staff), kept in private storage.

They are rendered by the site's one PDF renderer, so they open in any reader and pass the upload
check an NGO's own file would go through.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from core.pdf import render_pdf
from core.uploads import PDF, check_kind
from ngo_grants.models import Attachment


def render_document(*, issuer, title, sections, subtitle=""):
    """The PDF of a short text: `sections` is a list of (heading, [paragraph, …])."""
    data = render_pdf(
        "ngo_grants/demo/document.html",
        {"issuer": issuer, "title": title, "subtitle": subtitle, "sections": sections},
    )
    check_kind(data, [PDF])
    return data


def wagtail_document(builder, collection, *, title, filename, data):
    """The centre's document with this title, or a new one holding `data`."""
    model = get_document_model()
    existing = model.objects.filter(collection=collection, title=title).first()
    if existing:
        return existing
    document = model(title=title, collection=collection)
    document.file = ContentFile(data, name=filename)
    document.file_size = len(data)
    document.file_hash = hash_filelike(io.BytesIO(data))
    document.save()
    builder.created["document"] += 1
    return document


def attach(offer, *, required, filename, data, user, at=None):
    """An attachment of `offer` with its bytes stored privately, as an upload would leave it."""
    attachment = Attachment(
        offer=offer,
        required=required,
        original_name=filename,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        kind=check_kind(data, [PDF]),
        uploaded_by=user,
        uploaded_at=at or timezone.now(),
    )
    attachment.file.save(filename, ContentFile(data), save=False)
    attachment.save()
    return attachment


def amount(value):
    """`value` (Decimal) as Poles write money: "12 345,50"."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",")
