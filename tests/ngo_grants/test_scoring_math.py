"""The committee's arithmetic (ngo_grants.scoring) on fixed data and with hypothesis: means,
results by sum and by mean, the disagreement flag and the ranking against a task's funds."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ngo_grants import scoring
from ngo_grants.scoring import MemberPoints, Ranked

CRITERIA = (1, 2, 3)
member_scores = st.lists(
    st.fixed_dictionaries({criterion: st.integers(0, 100) for criterion in CRITERIA}), min_size=1, max_size=9
).map(lambda rows: [MemberPoints(member=index, points=row) for index, row in enumerate(rows)])


def test_fixed_scores_give_the_protocols_figures():
    scores = [
        MemberPoints(1, {1: 10, 2: 5, 3: 8}),  # 23
        MemberPoints(2, {1: 7, 2: 4, 3: 8}),  # 19
        MemberPoints(3, {1: 8, 2: 5, 3: 1}),  # 14
    ]
    assert scoring.criterion_means(scores) == {1: Decimal("8.33"), 2: Decimal("4.67"), 3: Decimal("5.67")}
    assert scoring.result(scores, "sum") == Decimal("56.00")
    assert scoring.result(scores, "mean") == Decimal("18.67")
    assert scoring.spread(scores) == 9
    assert scoring.disagrees(scores, 8) is True
    assert scoring.disagrees(scores, 9) is False  # "more than" the threshold


def test_a_half_rounds_up_as_in_a_protocol():
    assert scoring.mean([1, 2]) == Decimal("1.50")
    assert scoring.mean([0, 0, 1]) == Decimal("0.33")
    assert scoring.mean([0, 1, 1]) == Decimal("0.67")
    assert scoring.mean_amount([Decimal("0.01"), Decimal("0.02")]) == Decimal("0.02")


def test_nothing_counted_gives_no_result_and_no_flag():
    assert scoring.result([], "mean") is None
    assert scoring.result([], "sum") is None
    assert scoring.criterion_means([]) == {}
    assert scoring.disagrees([MemberPoints(1, {1: 0})], 0) is False


def test_ranking_against_the_funds_with_a_tie_and_an_unscored_offer():
    entries = [
        Ranked("A", Decimal("70"), Decimal("20000")),
        Ranked("B", Decimal("85"), Decimal("30000")),
        Ranked("C", None, Decimal("5000")),
        Ranked("D", Decimal("70"), Decimal("10000")),
    ]
    ranked = scoring.rank(entries, Decimal("55000"))
    assert [(entry.key, entry.position, entry.within_funds, entry.tied) for entry in ranked] == [
        ("B", 1, True, False),
        ("A", 2, True, True),
        ("D", 2, False, True),
        ("C", None, False, False),
    ]
    assert [entry.cumulative for entry in ranked[:3]] == [Decimal("30000"), Decimal("50000"), Decimal("60000")]


@given(member_scores)
def test_a_mean_lies_between_the_lowest_and_the_highest(scores):
    for criterion, value in scoring.criterion_means(scores).items():
        given_points = [score.points[criterion] for score in scores]
        assert min(given_points) <= value <= max(given_points)
    totals = [score.total for score in scores]
    assert min(totals) <= scoring.result(scores, "mean") <= max(totals)


@given(member_scores)
def test_the_sum_is_the_mean_times_the_number_of_members_within_rounding(scores):
    total = scoring.result(scores, "sum")
    assert total == sum(score.total for score in scores)
    assert abs(scoring.result(scores, "mean") * len(scores) - total) <= Decimal("0.005") * len(scores)


@given(member_scores, st.integers(0, 300))
def test_the_flag_is_raised_exactly_when_the_spread_passes_the_threshold(scores, threshold):
    totals = [score.total for score in scores]
    assert scoring.disagrees(scores, threshold) == (max(totals) - min(totals) > threshold)
    # The order in which members scored changes nothing.
    assert scoring.disagrees(list(reversed(scores)), threshold) == scoring.disagrees(scores, threshold)
    assert scoring.criterion_means(list(reversed(scores))) == scoring.criterion_means(scores)


entries = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(0, 300).map(Decimal)),
        st.integers(1, 10_000_000).map(lambda grosze: Decimal(grosze) / 100),
    ),
    max_size=12,
)


@given(entries, st.integers(0, 50_000_000).map(lambda grosze: Decimal(grosze) / 100))
def test_a_ranking_is_ordered_and_the_funds_run_out_once(rows, funds):
    ranked = scoring.rank([Ranked(index, result, requested) for index, (result, requested) in enumerate(rows)], funds)
    assert sorted(entry.key for entry in ranked) == list(range(len(rows)))
    scored = [entry for entry in ranked if entry.result is not None]
    assert [entry.result for entry in scored] == sorted((entry.result for entry in scored), reverse=True)
    assert all(entry.position is None for entry in ranked[len(scored) :])
    # Places: 1 for the best, equal results share one, the next after a tie skips.
    for index, entry in enumerate(scored):
        if index and scored[index - 1].result == entry.result:
            assert entry.position == scored[index - 1].position and entry.tied
        else:
            assert entry.position == index + 1
    # Once an offer no longer fits, no offer below it does.
    fits = [entry.within_funds for entry in scored]
    assert fits == sorted(fits, reverse=True)
    assert all(entry.cumulative <= funds for entry in scored if entry.within_funds)
