"""Measure the matching engine on realistic instances, from plain data, without a database.

    .venv/bin/python bench/matching.py [--huge] [--seed 1]

For 1,000 volunteers × 200 open needs and 10,000 × 2,000 (and 50,000 × 10,000 with
`--huge`) it prints the candidate pairs, the seconds to build them, the seconds for the exact
plan (min-cost flow) and its total, and the same for the greedy baseline. The exact total is
never below greedy's; the script exits with status 1 if it were. Instances follow a large
city: 18 districts of uneven popularity, volunteers free in a few parts of the week (evenings
and weekends most), one to three districts each, capacities 1–3.
"""

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/volunteers.py shares its name with the Django app: keep this folder off the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from volunteers.matching import Need, Volunteer  # noqa: E402
from volunteers.matching.data import PARTS_OF_DAY  # noqa: E402
from volunteers.matching.plan import Candidates, greedy_plan, solve_candidates  # noqa: E402

DISTRICTS = [f"Dzielnica {n}" for n in range(1, 19)]
DISTRICT_WEIGHTS = [18 - n // 2 for n in range(18)]
SLOTS = [(day, part) for day in range(7) for part in PARTS_OF_DAY]
SLOT_WEIGHTS = [(3 if part == "evening" else 1) + (2 if day >= 5 else 0) for day, part in SLOTS]
SKILLS = ["shopping", "walks", "homework", "reading", "transport", "paperwork", "computer",
          "cooking", "repairs", "company", "music", "sport"]  # fmt: skip
DISABILITIES = ["mobility", "blindness", "deafness", "intellectual", "autism", "mental_health", "dementia"]
LANGUAGES = ["en", "uk", "ru", "de", "pjm"]
START = datetime.date(2027, 3, 1)


def picks(rnd, population, weights, k):
    chosen = set()
    while len(chosen) < k:
        chosen.add(rnd.choices(population, weights)[0])
    return frozenset(chosen)


def volunteer(rnd, volunteer_id):
    return Volunteer(
        id=volunteer_id,
        age=rnd.choice([17, 19, 22, 25, 30, 35, 42, 50, 58, 65, 70]),
        districts=picks(rnd, DISTRICTS, DISTRICT_WEIGHTS, rnd.choices([1, 2, 3], [50, 35, 15])[0]),
        slots=picks(rnd, SLOTS, SLOT_WEIGHTS, rnd.randint(2, 6)),
        capacity=rnd.choices([1, 2, 3], [60, 30, 10])[0],
        skills=frozenset(rnd.sample(SKILLS, rnd.randint(1, 4))),
        languages=frozenset(rnd.sample(LANGUAGES, rnd.choices([0, 1, 2], [55, 35, 10])[0])),
        disability_experience=frozenset(rnd.sample(DISABILITIES, rnd.choices([0, 1, 2], [70, 22, 8])[0])),
        gender=rnd.choice(["female", "female", "male", None]),
        has_licence=rnd.random() < 0.5,
        has_car=rnd.random() < 0.3,
        clearance_valid_until=START + datetime.timedelta(days=200) if rnd.random() < 0.4 else None,
    )


def need(rnd, need_id):
    return Need(
        id=need_id,
        household_id=need_id // 2,
        district=rnd.choices(DISTRICTS, DISTRICT_WEIGHTS)[0],
        slots=picks(rnd, SLOTS, SLOT_WEIGHTS, rnd.randint(2, 5)),
        hours_per_week=rnd.randint(2, 8),
        start=START,
        skills=frozenset(rnd.sample(SKILLS, rnd.randint(1, 2))),
        child_involved=rnd.random() < 0.35,
        preferred_gender="female" if rnd.random() < 0.15 else None,
        language=rnd.choice(LANGUAGES) if rnd.random() < 0.1 else None,
        disability=rnd.choice(DISABILITIES) if rnd.random() < 0.3 else None,
        needs_licence=rnd.random() < 0.1,
        needs_car=rnd.random() < 0.05,
    )


def measure(volunteer_count, need_count, seed):
    rnd = random.Random(seed)
    people = [volunteer(rnd, i) for i in range(volunteer_count)]
    wanted = [need(rnd, i) for i in range(need_count)]
    started = time.perf_counter()
    candidates = Candidates(people, wanted)
    built = time.perf_counter() - started
    started = time.perf_counter()
    exact = solve_candidates(candidates)
    solved = time.perf_counter() - started
    started = time.perf_counter()
    greedy = greedy_plan(people, wanted)
    greedy_seconds = time.perf_counter() - started
    print(
        f"{volunteer_count:>6} × {need_count:<6} pairs {len(candidates.need_of):>9,}  build {built:6.2f} s"
        f"  exact {solved:6.2f} s total {exact.total:>8,} matched {len(exact.proposals):>6,}"
        f"  greedy {greedy_seconds:6.2f} s (with build) total {greedy.total:>8,}"
        f" matched {len(greedy.proposals):>6,}"
    )
    return exact.total >= greedy.total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huge", action="store_true", help="also 50,000 volunteers × 10,000 needs")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = [(1_000, 200), (10_000, 2_000)] + ([(50_000, 10_000)] if args.huge else [])
    # Every size is measured even after one fails, so the figures are complete.
    results = [measure(v, n, args.seed) for v, n in sizes]
    if not all(results):
        print("the exact plan scored below greedy")
        sys.exit(1)


if __name__ == "__main__":
    main()
