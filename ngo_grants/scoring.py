"""The committee's arithmetic, on plain values so that it can be proved on fixed data and with
hypothesis: per-criterion averages, an offer's result (the sum or the mean of its members'
totals, as the call sets), the disagreement flag and the ranking per task against its funds.

Points are whole numbers; averages and means are `Decimal` to 0.01 rounded half up, as people
round them in a protocol, and only ever computed from the scores that count (the caller leaves
out conflicted members and advisory experts).
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

HUNDREDTH = Decimal("0.01")
ZERO = Decimal("0")


def mean(values):
    values = list(values)
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MemberPoints:
    """One member's submitted points for one offer: criterion id → points."""

    member: int
    points: dict

    @property
    def total(self):
        return sum(self.points.values())


def criterion_means(scores):
    """Criterion id → the mean of the members' points for it."""
    criteria = {criterion for score in scores for criterion in score.points}
    return {
        criterion: mean(score.points[criterion] for score in scores if criterion in score.points)
        for criterion in sorted(criteria)
    }


def result(scores, method):
    """The offer's result: the sum of its members' totals ("sum") or their mean ("mean");
    None while no score counts."""
    if not scores:
        return None
    totals = [score.total for score in scores]
    if method == "sum":
        return Decimal(sum(totals)).quantize(HUNDREDTH)
    return mean(totals)


def spread(scores):
    """The gap between the highest and the lowest member's total (0 with fewer than two)."""
    totals = [score.total for score in scores]
    return max(totals) - min(totals) if len(totals) > 1 else 0


def disagrees(scores, threshold):
    """Whether the members' totals differ by more than `threshold` points: the chair looks
    at such an offer before the committee adopts its opinion."""
    return spread(scores) > threshold


@dataclass
class Ranked:
    """An offer's place in its task's ranking."""

    key: object
    result: Decimal | None
    requested: Decimal
    position: int | None = None
    # Requested amounts of this offer and every offer above it.
    cumulative: Decimal = ZERO
    within_funds: bool = False
    tied: bool = False
    extra: dict = field(default_factory=dict)


def rank(entries, funds):
    """`entries` (Ranked with key, result and requested) in order of result, the best first;
    offers without a result come last, unranked. Equal results share a position (and are
    marked `tied`, for the chair to decide between them); `within_funds` says whether the
    requested amounts down to this offer fit in the task's `funds`."""
    scored = sorted((entry for entry in entries if entry.result is not None), key=lambda entry: -entry.result)
    unscored = [entry for entry in entries if entry.result is None]
    cumulative = ZERO
    previous = None
    for index, entry in enumerate(scored, start=1):
        entry.position = previous.position if previous and previous.result == entry.result else index
        if previous and previous.result == entry.result:
            entry.tied = previous.tied = True
        cumulative += entry.requested
        entry.cumulative = cumulative
        entry.within_funds = cumulative <= funds
        previous = entry
    for entry in unscored:
        entry.position, entry.cumulative, entry.within_funds = None, ZERO, False
    return scored + unscored


def mean_amount(amounts):
    """The mean of złoty amounts to the grosz, or None."""
    amounts = list(amounts)
    if not amounts:
        return None
    return (sum(amounts, ZERO) / len(amounts)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
