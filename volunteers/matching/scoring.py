"""How well an admissible volunteer fits a need, in whole points.

Scores are integers so the min-cost flow works on them unchanged and the plan's total is
exact. Every weight is the most a criterion can add; each contribution carries its reason.
"""

from collections import Counter
from dataclasses import dataclass

from volunteers.matching.data import HOURS_PER_SLOT, Need, Volunteer
from volunteers.matching.reasons import Reason

WEIGHTS = {
    # Covering the hours the household asked for matters most: help at the wrong times is no
    # help. Full points when the shared slots give at least the requested hours per week.
    "hours": 40,
    # Share of the skills the need asks for that the volunteer has.
    "skills": 30,
    # The same person again for a household they already helped well: trust is not rebuilt.
    "continuity": 25,
    # Experience with the need's disability (the requirement itself is a hard constraint;
    # this also rewards it when the need only names the disability without requiring it).
    "experience": 20,
    # Earlier ended matches with a good outcome, anywhere; capped at three.
    "good_history": 5,
    # A shared language eases every visit.
    "shared_language": 10,
    # Every candidate is in the need's district (a hard constraint); the points make any
    # candidate better than leaving the need open, so the plan prefers matching to not.
    "same_district": 5,
}
GOOD_HISTORY_CAP = 3


@dataclass(frozen=True)
class HistoryIndex:
    good_matches: Counter
    helped: frozenset

    @classmethod
    def build(cls, history):
        good = [h for h in history if h.good_outcome]
        return cls(
            good_matches=Counter(h.volunteer_id for h in good),
            helped=frozenset((h.volunteer_id, h.household_id) for h in good),
        )


def score(volunteer: Volunteer, need: Need, history: HistoryIndex) -> tuple[int, tuple[Reason, ...]]:
    points = WEIGHTS["same_district"]
    reasons = [Reason("same_district")]
    shared = volunteer.slots & need.slots
    hours = min(need.hours_per_week, HOURS_PER_SLOT * len(shared))
    if hours:
        points += WEIGHTS["hours"] * hours // max(need.hours_per_week, 1)
        reasons.append(Reason("hours", (tuple(sorted(shared)), hours)))
    skills = volunteer.skills & need.skills
    if skills:
        points += WEIGHTS["skills"] * len(skills) // len(need.skills)
        reasons.append(Reason("skills", (tuple(sorted(skills)),)))
    if need.disability and need.disability in volunteer.disability_experience:
        points += WEIGHTS["experience"]
        reasons.append(Reason("experience", (need.disability,)))
    if need.language and need.language in volunteer.languages:
        points += WEIGHTS["shared_language"]
        reasons.append(Reason("shared_language", (need.language,)))
    good = min(history.good_matches.get(volunteer.id, 0), GOOD_HISTORY_CAP)
    if good:
        points += WEIGHTS["good_history"] * good
        reasons.append(Reason("good_history", (good,)))
    if (volunteer.id, need.household_id) in history.helped:
        points += WEIGHTS["continuity"]
        reasons.append(Reason("continuity"))
    return points, tuple(reasons)
