"""The plan against exhaustive search on small random instances."""

import datetime
import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from volunteers.matching import History, Need, Volunteer, greedy_plan, solve_plan
from volunteers.matching.constraints import exclusions
from volunteers.matching.data import PARTS_OF_DAY
from volunteers.matching.plan import Candidates
from volunteers.matching.scoring import HistoryIndex, score

START = datetime.date(2027, 3, 1)
DISTRICTS = ("Śródmieście", "Podzamcze")
SLOTS = [(day, part) for day in range(3) for part in PARTS_OF_DAY[:2]]
SKILLS = ("shopping", "homework", "walks")


def subset(values, min_size=0):
    return st.frozensets(st.sampled_from(values), min_size=min_size)


@st.composite
def volunteers(draw, volunteer_id):
    return Volunteer(
        id=volunteer_id,
        age=draw(st.sampled_from([17, 18, 40])),
        districts=draw(subset(DISTRICTS)),
        slots=draw(subset(SLOTS)),
        capacity=draw(st.integers(0, 3)),
        skills=draw(subset(SKILLS)),
        languages=draw(subset(("uk", "en"))),
        disability_experience=draw(subset(("autism", "blindness"))),
        gender=draw(st.sampled_from([None, "female", "male"])),
        has_licence=draw(st.booleans()),
        has_car=draw(st.booleans()),
        clearance_valid_until=draw(st.sampled_from([None, START, START - datetime.timedelta(1)])),
    )


@st.composite
def needs(draw, need_id):
    return Need(
        id=need_id,
        household_id=draw(st.integers(1, 3)),
        district=draw(st.sampled_from(DISTRICTS)),
        slots=draw(subset(SLOTS, min_size=1)),
        hours_per_week=draw(st.integers(1, 9)),
        start=START,
        skills=draw(subset(SKILLS)),
        child_involved=draw(st.booleans()),
        preferred_gender=draw(st.sampled_from([None, None, "female"])),
        language=draw(st.sampled_from([None, None, "uk"])),
        disability=draw(st.sampled_from([None, "autism"])),
        needs_licence=draw(st.booleans()),
        needs_car=draw(st.sampled_from([False, False, True])),
    )


@st.composite
def instances(draw):
    volunteer_ids = draw(st.lists(st.integers(1, 50), max_size=5, unique=True))
    need_ids = draw(st.lists(st.integers(1, 50), max_size=5, unique=True))
    people = [draw(volunteers(i)) for i in volunteer_ids]
    wanted = [draw(needs(i)) for i in need_ids]
    history = draw(
        st.lists(
            st.builds(History, st.sampled_from(volunteer_ids or [1]), st.integers(1, 3), st.booleans()),
            max_size=4,
        )
    )
    return people, wanted, history


def brute_force_optimum(people, wanted, history):
    index = HistoryIndex.build(history)
    options = []
    for need in wanted:
        fits = [(v.id, score(v, need, index)[0]) for v in people if not exclusions(v, need)]
        options.append([None, *fits])
    capacity = {v.id: v.capacity for v in people}
    best = 0
    for choice in itertools.product(*options):
        used = [c[0] for c in choice if c]
        if all(used.count(v) <= capacity[v] for v in set(used)):
            best = max(best, sum(c[1] for c in choice if c))
    return best


FAST = settings(max_examples=100, deadline=None)


@FAST
@given(instances())
def test_the_plan_total_is_the_brute_force_optimum(instance):
    assert solve_plan(*instance).total == brute_force_optimum(*instance)


@FAST
@given(instances())
def test_the_plan_breaks_no_hard_constraint_and_no_capacity(instance):
    people, wanted, history = instance
    plan = solve_plan(people, wanted, history)
    by_id = {v.id: v for v in people}
    needs_by_id = {n.id: n for n in wanted}
    for proposal in plan.proposals:
        assert exclusions(by_id[proposal.volunteer_id], needs_by_id[proposal.need_id]) == ()
    assigned = [p.volunteer_id for p in plan.proposals]
    assert all(assigned.count(v) <= by_id[v].capacity for v in assigned)
    assert len({p.need_id for p in plan.proposals}) == len(plan.proposals)
    assert {p.need_id for p in plan.proposals} | {n for n, _ in plan.unmatched} == set(needs_by_id)


@FAST
@given(instances(), st.randoms(use_true_random=False))
def test_the_same_input_in_any_order_gives_the_same_plan(instance, rnd):
    people, wanted, history = instance
    first = solve_plan(people, wanted, history)
    shuffled = [list(people), list(wanted), list(history)]
    for part in shuffled:
        rnd.shuffle(part)
    assert solve_plan(*shuffled) == first
    assert solve_plan(people, wanted, history) == first


@FAST
@given(instances())
def test_the_plan_never_scores_below_greedy(instance):
    assert solve_plan(*instance).total >= greedy_plan(*instance).total


def test_the_plan_beats_greedy_where_the_best_pair_blocks_two_others():
    # Greedy takes the single best pair (volunteer 1, need 1) and leaves need 2 open, as only
    # volunteer 1 can drive; the exact plan gives need 1 to volunteer 2 instead.
    monday = frozenset({(0, "morning")})
    driver = Volunteer(1, 30, frozenset({"A"}), monday, 1, skills=frozenset({"walks"}), has_licence=True)
    walker = Volunteer(2, 30, frozenset({"A"}), monday, 1)
    walks = Need(1, 1, "A", monday, 3, START, skills=frozenset({"walks"}))
    lifts = Need(2, 2, "A", monday, 3, START, needs_licence=True)
    greedy = greedy_plan([driver, walker], [walks, lifts])
    exact = solve_plan([driver, walker], [walks, lifts])
    assert [(p.need_id, p.volunteer_id) for p in greedy.proposals] == [(1, 1)]
    assert [(p.need_id, p.volunteer_id) for p in exact.proposals] == [(1, 2), (2, 1)]
    assert exact.total > greedy.total


def test_a_random_order_of_a_larger_instance_gives_the_same_plan():
    rnd = random.Random(7)
    people = [Volunteer(i, 30, frozenset({"A"}), frozenset(rnd.sample(SLOTS, 2)), rnd.randint(1, 2)) for i in range(40)]
    wanted = [Need(i, i, "A", frozenset(rnd.sample(SLOTS, 2)), 3, START) for i in range(60)]
    first = solve_plan(people, wanted)
    rnd.shuffle(people)
    rnd.shuffle(wanted)
    assert solve_plan(people, wanted) == first


@FAST
@given(instances())
def test_the_column_pairs_are_exactly_the_admissible_pairs_with_their_scores(instance):
    people, wanted, history = instance
    candidates = Candidates(people, wanted, history)
    found = {
        (candidates.needs[n].id, candidates.volunteers[v].id): int(points)
        for n, v, points in zip(candidates.need_of, candidates.volunteer_of, candidates.points, strict=True)
    }
    index = HistoryIndex.build(history)
    expected = {(n.id, v.id): score(v, n, index)[0] for n in wanted for v in people if not exclusions(v, n)}
    assert found == expected


def test_the_column_score_of_many_hours_is_the_same_as_one_pair_at_a_time():
    # Three shared slots give 8 hours: 40 × 8 does not fit in a byte.
    slots = frozenset({(0, "morning"), (1, "morning"), (2, "morning")})
    helper = Volunteer(1, 30, frozenset({"A"}), slots, 1)
    wanted = Need(1, 1, "A", slots, 8, START)
    candidates = Candidates([helper], [wanted])
    assert candidates.points.tolist() == [score(helper, wanted, HistoryIndex.build(()))[0]]
