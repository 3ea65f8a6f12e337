"""The arithmetic of an offer's budget and the rules a public task sets for it.

Everything is `Decimal` to the grosz: sums are exact, and a share is compared exactly
(`other × 100 < minimum × total`), never through a rounded percentage, so an offer one grosz
short of the minimum own contribution is refused even when its share rounds to the minimum.
The messages name the amounts as people in Poland write them ("9 000,00 zł").
"""

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.forms import MoneyField
from ngo_grants.money import format_zloty

GROSZ = Decimal("0.01")
ZERO = Decimal("0")


def money(value):
    """`value` to the grosz, half up, as Polish accounting rounds."""
    return Decimal(value).quantize(GROSZ, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Budget:
    total: Decimal
    grant: Decimal
    other: Decimal

    @property
    def own_share(self):
        """The own contribution (all but the grant) as a percentage of the total, to 0.01%, for
        people to read; the rule itself compares exactly (`below_minimum`)."""
        if not self.total:
            return ZERO
        return (self.other * 100 / self.total).quantize(GROSZ, rounding=ROUND_HALF_UP)

    @property
    def own_share_floor(self):
        """The share cut (not rounded) to 0.01%, for messages: 9.9999% reads "9.99%", never
        the minimum it falls short of."""
        if not self.total:
            return ZERO
        return (self.other * 100 / self.total).quantize(GROSZ, rounding=ROUND_DOWN)

    def needed_own(self, minimum):
        """The least own contribution that meets `minimum` percent, rounded up to the grosz."""
        return (self.total * minimum / 100).quantize(GROSZ, rounding=ROUND_CEILING)

    def below_minimum(self, minimum):
        return bool(self.total) and self.other * 100 < minimum * self.total


def budget_of(lines):
    """Sums of cleaned cost lines (dicts with Decimal "total", "from_grant", "from_other")."""
    return Budget(
        total=sum((line["total"] for line in lines), ZERO),
        grant=sum((line["from_grant"] for line in lines), ZERO),
        other=sum((line["from_other"] for line in lines), ZERO),
    )


def line_total_problem(quantity, unit_cost, total):
    expected = money(quantity * unit_cost)
    if expected == total:
        return None
    message = _("Quantity × unit cost is %(expected)s, not %(total)s. Correct the quantity, unit cost or total.")
    return message % {
        "expected": format_zloty(expected),
        "total": format_zloty(total),
    }


def line_split_problem(total, grant, other):
    if grant + other == total:
        return None
    return _(
        "From the grant (%(grant)s) and from other sources (%(other)s) add up to %(sum)s, "
        "not to the line's total of %(total)s."
    ) % {
        "grant": format_zloty(grant),
        "other": format_zloty(other),
        "sum": format_zloty(grant + other),
        "total": format_zloty(total),
    }


def task_problems(task, budget):
    """What the public task's limits say about `budget`: the funds available for the grant and
    the minimum own contribution."""
    problems = []
    if budget.grant > task.funds:
        problems.append(
            _("The grant requested, %(grant)s, is more than the %(funds)s available for this task.")
            % {"grant": format_zloty(budget.grant), "funds": format_zloty(task.funds)}
        )
    if budget.below_minimum(task.min_own_contribution):
        problems.append(
            _(
                "The own contribution (from other sources) is %(other)s, that is %(share)s%% of the total cost "
                "of %(total)s; this task needs at least %(minimum)s%%, that is at least %(needed)s."
            )
            % {
                "other": format_zloty(budget.other),
                "share": _percent(budget.own_share_floor),
                "total": format_zloty(budget.total),
                "minimum": _percent(task.min_own_contribution),
                "needed": format_zloty(budget.needed_own(task.min_own_contribution)),
            }
        )
    return problems


def sources_problem(sources, other):
    """The sources of financing (V.B) must account for exactly what the cost lines take from
    other sources (V.A)."""
    if sources == other:
        return None
    return _(
        "The sources of financing other than the grant add up to %(sources)s, but the cost calculation "
        "takes %(other)s from other sources. The two amounts must be equal."
    ) % {"sources": format_zloty(sources), "other": format_zloty(other)}


def _percent(value):
    """10.00 → "10", 12.50 → "12,5": a percentage as Poles write it."""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def running_totals(lines):
    """Sums of a draft's cost lines as typed (dicts of strings), counting each amount that reads
    as one: the page shows them while the lines are still being written."""
    field = MoneyField(required=False)
    sums = {"total": ZERO, "from_grant": ZERO, "from_other": ZERO}
    for line in lines:
        for name in sums:
            try:
                value = field.clean(line.get(name, ""))
            except ValidationError:
                continue
            sums[name] += value or ZERO
    return Budget(total=sums["total"], grant=sums["from_grant"], other=sums["from_other"])
