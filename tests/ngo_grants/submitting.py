"""An offer ready to submit, with its required attachment stored as a real private file; for
the tests of attachments, submission and the confirmation."""

from core.models import Centre
from core.uploads import kind_of
from ngo_grants.models import Offer
from ngo_grants.services.attachments import add_attachment
from tests.ngo_grants import complete_draft, make_call, make_call_index, make_organisation
from tests.upload_samples import pdf_bytes


def ready_offer(site, *, call=None, organisation=None, number=0, attach=True, **call_fields):
    """A complete draft of a verified organisation to `site`'s call (a new one unless given)."""
    centre = Centre.for_site(site)
    call = call or make_call(make_call_index(site, slug=f"konkursy-{number}"), slug=f"konkurs-{number}", **call_fields)
    task = call.tasks.first()
    organisation = organisation or make_organisation(
        name=f"Stowarzyszenie nr {number}", number=number % 6, centres=[centre]
    )
    offer = Offer.objects.create(
        call=call, task=task, organisation=organisation, centre=centre, draft=complete_draft(task)
    )
    if attach:
        attach_statute(offer)
    return offer


def writer_of(offer):
    return offer.organisation.memberships.get(role="admin").user


def attach_statute(offer, data=None, name="Statut stowarzyszenia.pdf"):
    data = data or pdf_bytes()
    return add_attachment(
        offer,
        user=writer_of(offer),
        data=data,
        kind=kind_of(data),
        name=name,
        required=offer.call.required_attachments.get(),
    )
