"""Unusual hours, flagged to the coordinator rather than refused: each may be true (a long
day at a summer camp, a paper list typed in weeks later, help given on the day a coordinator
accepted the application in the evening), so the coordinator looks before approving.

The flags are computed on every listing, not stored. Each depends on rows other than the
entry itself — the volunteer's other entries of that day (logged, taken back or rejected
later) and the application's acceptance — so a stored flag would go stale whenever one of
those changes, and every writer of those rows would have to remember to refresh it.
As annotations, they cost one query with the listing and can be filtered on.
"""

import datetime
from decimal import Decimal

from django.db import models
from django.db.models import BooleanField, DecimalField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from volunteers.models import Application, ApplicationStatus, HoursEntry, HoursStatus

# More than this on one day is possible (a camp, a night shift) but worth a look.
LONG_DAY_HOURS = Decimal("12")
# Logged more than this many days after the day: memory fades, the coordinator may ask.
LATE_AFTER_DAYS = 14


class HoursFlag(models.TextChoices):
    LONG_DAY = "long_day", _("over 12 hours on that day")
    LATE = "late", _("logged more than 14 days later")
    BEFORE_ACCEPTANCE = "before_acceptance", _("a day before the application was accepted")


ANY_FLAG = "any"


def with_flags(entries):
    """`entries` annotated with `day_total` (the volunteer's hours that day, rejected ones
    left out) and a boolean `flag_<name>` for each `HoursFlag`."""
    day_total = (
        HoursEntry.objects.filter(volunteer=OuterRef("volunteer"), date=OuterRef("date"))
        .exclude(status=HoursStatus.REJECTED)
        .order_by()
        .values("volunteer")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    accepted_later = Application.objects.filter(
        task=OuterRef("task"),
        volunteer=OuterRef("volunteer"),
        status=ApplicationStatus.ACCEPTED,
        decided_at__date__gt=OuterRef("date"),
    )
    return entries.annotate(
        day_total=Subquery(day_total, output_field=DecimalField(max_digits=6, decimal_places=2)),
        logged_on=TruncDate("created_at"),
    ).annotate(
        flag_long_day=ExpressionWrapper(Q(day_total__gt=LONG_DAY_HOURS), output_field=BooleanField()),
        flag_late=ExpressionWrapper(
            Q(logged_on__gt=F("date") + datetime.timedelta(days=LATE_AFTER_DAYS)), output_field=BooleanField()
        ),
        flag_before_acceptance=Exists(accepted_later),
    )


def flagged(entries, flag):
    """The entries of `with_flags(entries)` raising `flag` (a `HoursFlag` value or "any")."""
    if flag == ANY_FLAG:
        condition = Q()
        for name in HoursFlag.values:
            condition |= Q(**{f"flag_{name}": True})
        return entries.filter(condition)
    return entries.filter(**{f"flag_{flag}": True})


def flag_reasons(entry):
    """The reasons an entry of `with_flags` is unusual, in words."""
    return [label for value, label in HoursFlag.choices if getattr(entry, f"flag_{value}", False)]
