"""Child-protection checks recorded by a centre's staff (art. 21 of the Act of 13 May 2016).

Only the date, the result and who checked are stored, never a copy of the document: RODO
art. 10 allows processing data on convictions only under official authority, so the centre
keeps the fact of the check, not the certificate. Each check expires after the centre's
validity period (`Centre.clearance_valid_months`).
"""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import centres_for
from volunteers.models import Clearance, ClearanceKind, ClearanceResult
from volunteers.permissions import profiles_of_centre
from volunteers.roles import VOLUNTEERING_STAFF
from volunteers.services import decisions
from volunteers.services.applications import ApplicationRefused


def add_months(day, months):
    """`day` moved by whole calendar months; the day of the month is clamped to the target
    month's length (31 January + 1 month = 28 or 29 February), so a check never outlives
    the period the centre set."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def clearance_expiry(centre, checked_on):
    return add_months(checked_on, centre.clearance_valid_months)


def record_clearance(profile, centre, actor, kind, checked_on, result):
    """Record one check of `profile` made by `centre`'s coordinator or supervisor `actor`.

    A newer check of the same kind supersedes the older one (see `clearance_state`); older
    ones stay as the history of what was known when.
    """
    if not centres_for(actor, *VOLUNTEERING_STAFF).filter(pk=centre.pk).exists():
        raise ApplicationRefused(_("Only the coordinators of the centre can record its child-protection checks."))
    if not profiles_of_centre(actor, centre).filter(pk=profile.pk).exists():
        raise ApplicationRefused(_("This volunteer has not applied to any of the centre's tasks."))
    if kind not in ClearanceKind.values or result not in ClearanceResult.values:
        raise ApplicationRefused(_("Choose the check and its result from the list."))
    if checked_on > timezone.localdate():
        raise ApplicationRefused(_("The date of the check cannot be in the future."))
    with transaction.atomic():
        clearance = Clearance.objects.create(
            profile=profile,
            centre=centre,
            kind=kind,
            checked_on=checked_on,
            result=result,
            checked_by=actor,
            expires_on=clearance_expiry(centre, checked_on),
        )
        decisions.clearance_recorded(clearance, actor)
    return clearance
