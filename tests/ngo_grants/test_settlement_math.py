"""The arithmetic of a report (ngo_grants.settlement) on fixed figures and with hypothesis:
the allowed overrun per line, the grant used as agreed and the grant to return."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ngo_grants import settlement
from ngo_grants.settlement import LineCheck

D = Decimal
TEN = D("10")


def test_a_line_may_grow_by_the_allowed_percentage_and_no_grosz_more():
    check = LineCheck(D("1000"), D("1000"), D("1100"), D("1100"), TEN)
    assert check.allowed_total == D("1100.00") and not check.over
    over = LineCheck(D("1000"), D("1000"), D("1100.01"), D("1100.01"), TEN)
    assert over.over
    # The limit is cut, never rounded up: 333.33 × 1.10 = 366.663 allows 366.66.
    assert LineCheck(D("333.33"), D("0"), D("366.67"), D("0"), TEN).over


def test_the_grant_beyond_the_limit_goes_back_with_the_grant_not_used():
    # Agreed 6 000 + 3 000 from a grant of 9 000; the first line overran by 20% on the grant.
    lines = [
        LineCheck(D("6000"), D("6000"), D("7200"), D("7200"), TEN),
        LineCheck(D("3000"), D("3000"), D("1500"), D("1500"), TEN),
    ]
    # First line: 6 600 counts (6 000 + 10%); second: 1 500. Used 8 100, back 900.
    assert settlement.grant_used(D("9000"), lines) == D("8100.00")
    assert settlement.to_return(D("9000"), lines) == D("900.00")


def test_spending_as_agreed_returns_nothing_and_never_more_than_the_grant_counts():
    exact = [LineCheck(D("9000"), D("9000"), D("9000"), D("9000"), TEN)]
    assert settlement.to_return(D("9000"), exact) == 0
    shifted = [
        LineCheck(D("5000"), D("5000"), D("5500"), D("5500"), TEN),
        LineCheck(D("4000"), D("4000"), D("4000"), D("4000"), TEN),
    ]
    assert settlement.grant_used(D("9000"), shifted) == D("9000")
    assert settlement.to_return(D("9000"), shifted) == 0


money = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
percent = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def reports(draw):
    count = draw(st.integers(min_value=1, max_value=6))
    rate = draw(percent)
    lines = []
    for _ in range(count):
        agreed_total, actual_total = draw(money), draw(money)
        agreed_grant = draw(st.decimals(min_value=0, max_value=agreed_total, places=2))
        actual_grant = draw(st.decimals(min_value=0, max_value=actual_total, places=2))
        lines.append(LineCheck(agreed_total, agreed_grant, actual_total, actual_grant, rate))
    grant = sum((line.agreed_grant for line in lines), D("0"))
    return grant, lines


@given(reports())
def test_what_goes_back_is_between_nothing_and_the_whole_grant(report):
    grant, lines = report
    back = settlement.to_return(grant, lines)
    assert D("0") <= back <= grant
    assert settlement.grant_used(grant, lines) + back == grant


@given(reports())
def test_a_line_within_its_limit_counts_in_full_and_one_over_never_counts_more_than_its_limit(report):
    _grant, lines = report
    for line in lines:
        if line.over:
            assert line.grant_used <= settlement.limit(line.agreed_grant, line.percent)
            assert line.actual_total > line.allowed_total
        else:
            assert line.grant_used == line.actual_grant


@given(reports(), st.randoms())
def test_the_order_of_the_lines_changes_nothing(report, random):
    grant, lines = report
    shuffled = list(lines)
    random.shuffle(shuffled)
    assert settlement.to_return(grant, shuffled) == settlement.to_return(grant, lines)
