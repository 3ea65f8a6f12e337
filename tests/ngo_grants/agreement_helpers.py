"""A call decided with two grants (one cut, one in full) and their agreements, for the tests of
the agreement and of the reports under it."""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import Role
from ngo_grants.models import Agreement, MemberRole
from ngo_grants.services import agreements as service
from ngo_grants.services import results
from tests.accounts.helpers import make_staff
from tests.ngo_grants import in_days
from tests.ngo_grants.scoring_helpers import adopted, panel

# The offer's lines (tests.ngo_grants.complete_draft): 9 000 zł from the grant on the first,
# 1 000 zł own funds on the second; 8 000 zł is granted.
FITS = [(Decimal("8000"), Decimal("8000"), Decimal("0")), (Decimal("1000"), Decimal("0"), Decimal("1000"))]


def decide_two(call, officer, centre, jaslo):
    """(reduced, full): the first offer granted 8 000 zł of the 9 000 zł asked, the second all."""
    board = adopted(panel(call, officer, centre), officer)
    reduced, full = board.offers
    head = make_staff("dyrektor@example.org", jaslo, Role.SUPERVISOR)
    amounts = {reduced.pk: (Decimal("8000"), "Obniżono koszty."), full.pk: (Decimal("9000"), "")}
    results.decide(call, user=head, reference="Zarządzenie nr 12/2026", decided_on=in_days(0).date(), amounts=amounts)
    reduced.refresh_from_db(), full.refresh_from_db()
    return reduced, full


def writer(offer):
    return offer.organisation.memberships.get(role=MemberRole.ADMIN).user


def terms(offer, **overrides):
    start, end = service.period_of(offer)
    amount = service.grant_of(offer).amount
    half = (amount / 2).quantize(Decimal("0.01"))
    values = {
        "number": f"ZSS.526.{offer.pk}.2027",
        "instalments": [(start, half), (start + datetime.timedelta(days=120), amount - half)],
        "overrun_percent": Decimal("10"),
        "partial_report_on": start + datetime.timedelta(days=150),
    }
    return {**values, **overrides}


def ended(agreement, days_ago=1):
    """The agreement's task as if it ended `days_ago` days ago (and began a year earlier), so
    its final report can be filed now."""
    ends_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    Agreement.objects.filter(pk=agreement.pk).update(
        starts_on=ends_on - datetime.timedelta(days=300), ends_on=ends_on, partial_report_on=None
    )
    agreement.refresh_from_db()
    return agreement
