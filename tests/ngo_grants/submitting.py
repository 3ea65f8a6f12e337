"""An offer ready to submit, with its required attachment stored as a real private file; for
the tests of attachments, submission and the confirmation."""

import itertools

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
    # The first administrator: other rows of the access matrix may have promoted another member.
    return offer.organisation.memberships.filter(role="admin").order_by("pk").first().user


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


NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def valid_nips(start=526_000_000):
    """NIPs whose check digit holds, as many as needed (a base whose check would be 10 has none)."""
    from stdnum.pl import nip

    for base in itertools.count(start):
        digits = zip(NIP_WEIGHTS, str(base), strict=True)
        check = sum(weight * int(digit) for weight, digit in digits) % 11
        if check < 10 and nip.is_valid(f"{base}{check}"):
            yield f"{base}{check}"


def many_offers(site, count):
    """`count` complete offers of as many verified organisations to one new call of `site`."""
    from ngo_grants.models import MemberRole, Membership, Organisation, Verification
    from tests.factories import UserFactory

    centre = Centre.for_site(site)
    first = ready_offer(site)
    offers = [first]
    template = Organisation.objects.values().get(pk=first.organisation_id)
    for number, nip in zip(range(1, count), valid_nips(), strict=False):
        fields = {key: value for key, value in template.items() if key not in ("id", "nip", "krs", "name")}
        organisation = Organisation.objects.create(
            **fields, name=f"Fundacja nr {number}", nip=nip, krs=f"{number + 700000:010d}"
        )
        Membership.objects.create(organisation=organisation, user=UserFactory(), role=MemberRole.ADMIN)
        Verification.objects.create(organisation=organisation, centre=centre)
        offers.append(ready_offer(site, call=first.call, organisation=organisation))
    return offers
