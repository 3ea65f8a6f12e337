"""The agreements of last year's call in Jasło, through the services the pages use: the offer
granted less than it asked for first sends an updated budget (its first cost line reduced by
the cut), which the grants officer accepts; then every granted offer gets its agreement, in two
instalments, with 10% overrun allowed per cost line. An offer that has its agreement is left
as it is.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from accounts.demo.staff import staff_email
from accounts.models import Role
from ngo_grants.demo.calls import LAST_YEAR, find_call
from ngo_grants.models import MemberRole, Offer
from ngo_grants.services import agreements
from ngo_grants.workflow import OfferStatus

SCHEDULE = (
    "Zajęcia świetlicowe od lutego do grudnia, cztery dni w tygodniu zamiast pięciu; wyjazd wakacyjny "
    "skrócony do jednego dnia. Pozostałe działania bez zmian."
)
AFTER_DECISION = datetime.timedelta(days=6)


def build(builder):
    if not builder.with_users:
        return
    call = find_call(builder, LAST_YEAR)
    officer = get_user_model().objects.filter(email=staff_email("jaslo", Role.GRANTS_OFFICER)).first()
    if call is None or officer is None or not hasattr(call, "decision"):
        return
    when = call.decision.published_at + AFTER_DECISION
    for offer in Offer.objects.filter(call=call, status=OfferStatus.GRANTED).order_by("number"):
        if agreements.needs_update(offer) and agreements.accepted_update(offer) is None:
            _update(offer, officer, when)
        start, end = agreements.period_of(offer)
        amount = agreements.grant_of(offer).amount
        first = (amount * Decimal("0.6")).quantize(Decimal("1"))
        agreements.prepare_agreement(
            offer,
            user=officer,
            number=f"ZSS.526.{offer.number.split('/')[-1].lstrip('0')}.{call.year}",
            instalments=[(start, first), (start + (end - start) / 2, amount - first)],
            overrun_percent=Decimal("10"),
            partial_report_on=start + (end - start) / 2 + datetime.timedelta(days=14),
            now=when,
        )
        builder.created["agreement"] += 1


def _update(offer, officer, when):
    """Take the cut from the first line that draws on the grant, keeping the rest as offered."""
    writer = offer.organisation.memberships.filter(role=MemberRole.ADMIN).first().user
    cut = (offer.grant_requested or Decimal("0")) - agreements.grant_of(offer).amount
    amounts = []
    for line in agreements.submitted_lines(offer):
        total, grant, other = line["total"], line["from_grant"], line["from_other"]
        if cut and grant >= cut:
            total, grant, cut = total - cut, grant - cut, Decimal("0")
        amounts.append((total, grant, other))
    update = agreements.submit_update(offer, user=writer, amounts=amounts, schedule=SCHEDULE, now=when)
    agreements.decide_update(update, user=officer, accepted=True, now=when + datetime.timedelta(days=1))
