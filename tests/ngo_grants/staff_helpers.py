"""Submitted offers for the tests of the grants staff's screens (and the access matrix).

An offer reaches staff only once submitted, so these go through the real submission service:
a complete draft, the call's required attachment saved in the private storage, then
`submit_offer` by the organisation's administrator.
"""

import hashlib

from django.core.files.base import ContentFile

from ngo_grants.models import Attachment, MemberRole, Offer
from ngo_grants.services.submission import submit_offer
from tests.ngo_grants import complete_draft

PDF = b"%PDF-1.4\n% statut organizacji\n%%EOF\n"


def attach_required(offer, content=PDF, name="statut.pdf"):
    attachment = Attachment(
        offer=offer,
        required=offer.call.required_attachments.filter(mandatory=True).first(),
        original_name=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        kind="pdf",
    )
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()
    return attachment


def submitted_offer(call, organisation, *, title="Razem raźniej", task=None, changes=None, now=None):
    """An offer of `organisation` to `call` (its first task unless given), submitted.

    `changes` replaces parts of the complete draft: {"section": {"field": value}}."""
    task = task or call.tasks.first()
    draft = complete_draft(task)
    draft["basic"]["title"] = title
    for section, values in (changes or {}).items():
        draft[section] = {**draft[section], **values}
    centre = organisation_centre(call)
    offer = Offer.objects.create(call=call, task=task, organisation=organisation, centre=centre, draft=draft)
    attach_required(offer)
    admin = organisation.memberships.filter(role=MemberRole.ADMIN).first().user
    return submit_offer(offer, user=admin, now=now)


def organisation_centre(call):
    from core.models import Centre

    return Centre.for_site(call.get_site())
