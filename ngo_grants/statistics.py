"""The figures of a year's open calls, per public task: offers received, organisations that
made them, the grant requested and the grants awarded. They are public (the call index's archive
for the year shows them) and are the data of the yearly report on the programme of cooperation
(art. 5a ust. 3 of the Act), downloadable as CSV. Withdrawn offers and drafts never count."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum

from ngo_grants.budget import money
from ngo_grants.models import Grant, Offer

ZERO = Decimal("0")


@dataclass
class TaskFigures:
    call: object
    task: object
    offers: int = 0
    organisations: int = 0
    requested: Decimal = ZERO
    granted: Decimal = ZERO
    grants: int = 0


def money_of(value):
    return money(value or ZERO)


def year_statistics(calls):
    """(rows per task in the order of the calls and their tasks, totals) for `calls`."""
    calls = list(calls.prefetch_related("tasks"))
    received = Offer.objects.filter(call__in=[call.pk for call in calls]).received()
    per_task = {
        row["task"]: row
        for row in received.values("task").annotate(
            offers=Count("pk"), organisations=Count("organisation", distinct=True), requested=Sum("grant_requested")
        )
    }
    awarded = {
        row["offer__task"]: row
        for row in Grant.objects.filter(offer__in=received, amount__gt=0)
        .values("offer__task")
        .annotate(granted=Sum("amount"), grants=Count("pk"))
    }
    rows = []
    for call in calls:
        for task in call.tasks.all():
            counts, money = per_task.get(task.pk, {}), awarded.get(task.pk, {})
            rows.append(
                TaskFigures(
                    call=call,
                    task=task,
                    offers=counts.get("offers", 0),
                    organisations=counts.get("organisations", 0),
                    # SQLite's sums lose the scale of a decimal column: back to the grosz.
                    requested=money_of(counts.get("requested")),
                    granted=money_of(money.get("granted")),
                    grants=money.get("grants", 0),
                )
            )
    totals = {
        "calls": len(calls),
        "offers": sum(row.offers for row in rows),
        "organisations": received.aggregate(count=Count("organisation", distinct=True))["count"],
        "requested": sum((row.requested for row in rows), ZERO),
        "granted": sum((row.granted for row in rows), ZERO),
        "grants": sum(row.grants for row in rows),
        "funds": sum((row.task.funds for row in rows), ZERO),
        "annulled": sum(1 for call in calls if call.progress == "annulled"),
    }
    return rows, totals
