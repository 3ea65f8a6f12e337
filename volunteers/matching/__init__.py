"""The matching engine: plain data in, proposals out, no Django.

Staff record needs, volunteers opt into regular help, and this package proposes who should
help whom. It is kept free of Django (and of every project app) so it can be tested by
exhaustive and random search in milliseconds, benchmarked on plain data, and reused by the
admin screens, the demo loader and the bench without a database.

- `data` holds the frozen inputs: `Volunteer`, `Need`, `History`.
- `constraints` drops a pair for a hard reason (district, times, capacity, clearance, age,
  gender, language, disability experience, licence, car).
- `scoring` ranks the pairs left with named, documented `WEIGHTS`.
- `pairs` applies the same constraints and scores to whole NumPy columns of volunteers, so
  10,000 volunteers × 2,000 needs take a fraction of a second.
- `plan` finds the plan of maximal total score exactly (min-cost flow), explains every need
  it leaves open, and ranks the candidates of one need; `greedy_plan` is the bench's baseline.

Reasons are not strings. Every exclusion, score contribution and unmatched-need explanation
is a `Reason` (a code and its parameters), and `reasons.render_pl` turns one into Polish.
The package cannot call gettext without importing Django, so the Django layer renders a
`Reason` through its own translated templates keyed by the same codes; `render_pl` is the
reference wording for that layer and what the bench and tests read.
"""

from volunteers.matching.data import History, Need, Volunteer
from volunteers.matching.plan import Plan, Proposal, greedy_plan, rank_for_need, solve_plan
from volunteers.matching.reasons import Reason, render_pl

__all__ = [
    "History",
    "Need",
    "Plan",
    "Proposal",
    "Reason",
    "Volunteer",
    "greedy_plan",
    "rank_for_need",
    "render_pl",
    "solve_plan",
]
