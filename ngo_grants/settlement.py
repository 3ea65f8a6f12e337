"""The arithmetic of a report: each cost line's actual costs against the agreed ones, the
overrun the agreement allows, and the grant to return. Plain Decimals, no database, so the
rules are proved on their own (tests/ngo_grants/test_settlement_math.py).

The rules are those of the framework agreement of 2018 (§ 10): a cost line may grow by the
percentage the agreement allows without an annex. Beyond it, the grant spent on the line over
the allowed growth is not grant used as agreed, even with an explanation: the explanation lets
the officer judge the report, the money beyond the limit still goes back. The grant used as
agreed can never be more than the grant itself; what the organisation did not use as agreed it
returns (unused funds and funds spent beyond the limits alike).
"""

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

GROSZ = Decimal("0.01")
ZERO = Decimal("0")


def limit(agreed, percent):
    """The most `agreed` may grow to, `percent` more, cut (never rounded up) to the grosz."""
    return (agreed * (100 + percent) / 100).quantize(GROSZ, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class LineCheck:
    agreed_total: Decimal
    agreed_grant: Decimal
    actual_total: Decimal
    actual_grant: Decimal
    percent: Decimal

    @property
    def allowed_total(self):
        return limit(self.agreed_total, self.percent)

    @property
    def over(self):
        """The line cost more than the agreement allows: it must be explained."""
        return self.actual_total > self.allowed_total

    @property
    def grant_used(self):
        """The grant this line used as agreed: all of it within the limit; on a line over the
        limit, only up to the line's grant grown by the allowed percentage."""
        if not self.over:
            return self.actual_grant
        return min(self.actual_grant, limit(self.agreed_grant, self.percent))


def grant_used(grant, checks):
    """The grant used as agreed over every line, never more than `grant`."""
    return min(grant, sum((check.grant_used for check in checks), ZERO))


def to_return(grant, checks):
    """What goes back to the centre: the grant less what was used as agreed."""
    return grant - grant_used(grant, checks)
