"""The limits of a small grant (art. 19a of the Act on public benefit activity and volunteering)
as dated rule sets: the set in force on the day an offer is filed applies to it.

The amendment in force from 1 September 2026 raised the limits; an offer filed before that day
keeps the earlier ones (the transitional rule). The next amendment is a new row here, with the
day it comes into force, and no other code changes.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class RuleSet:
    # The first day (Polish time) on which an offer filed falls under these limits.
    since: datetime.date
    # The most one task may get.
    per_task: Decimal
    # The most one organisation may get from this local government in a calendar year.
    per_organisation_year: Decimal
    # Small grants in a year may take at most this percentage of the year's planned grant funds.
    share_of_plan: Decimal
    # The longest a task may last, in days (None: the Act sets no limit).
    max_days: int | None
    # How the rule is cited on the pages.
    citation: str


RULE_SETS = (
    RuleSet(
        since=datetime.date(2010, 1, 1),
        per_task=Decimal("10000"),
        per_organisation_year=Decimal("20000"),
        share_of_plan=Decimal("20"),
        max_days=90,
        citation="art. 19a ustawy (przed nowelizacją z 2026 r.)",
    ),
    RuleSet(
        since=datetime.date(2026, 9, 1),
        per_task=Decimal("20000"),
        per_organisation_year=Decimal("40000"),
        share_of_plan=Decimal("30"),
        max_days=None,
        citation="art. 19a ustawy (w brzmieniu od 1 września 2026 r.)",
    ),
)


def rules_on(day):
    """The rule set for an offer filed on `day`: the latest one in force by then."""
    applicable = [rules for rules in RULE_SETS if rules.since <= day]
    if not applicable:
        raise ValueError(f"no small-grant rules in force on {day}")
    return max(applicable, key=lambda rules: rules.since)
