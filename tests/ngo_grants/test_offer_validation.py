"""Every rule of the offer, one by one: the error stands at its field (or its row set) and the
draft's problem list names it, in Polish; the complete draft passes; budget arithmetic is exact
in Decimal (hypothesis)."""

import copy
import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from core.models import Centre
from ngo_grants.budget import Budget, budget_of, money, running_totals
from ngo_grants.models import Offer
from ngo_grants.offer_forms import DECLARATIONS
from ngo_grants.sections import MAX_ROWS, SECTIONS_BY_KEY, bind, raw_from_post, validate_draft
from tests.ngo_grants import complete_draft, make_call, make_call_index, make_organisation

pytestmark = pytest.mark.django_db

PARTNER = {"name": "Fundacja Razem", "krs": "0000654321", "address": "ul. Sucha 1, Jasło", "role": "Dowozy"}
REQUIRED = [
    ("basic", "title"),
    ("offeror", "contact_name"),
    ("offeror", "contact_phone"),
    ("offeror", "contact_email"),
    ("task", "starts_on"),
    ("task", "ends_on"),
    ("task", "synopsis"),
    ("task", "results_description"),
    ("resources", "experience"),
    ("resources", "resources"),
    *[("financing", name) for name in SECTIONS_BY_KEY["financing"].form.base_fields],
]
REQUIRED_IN_ROWS = [
    *[("offeror", "partners", name) for name in PARTNER],
    *[("task", "actions", name) for name in ("name", "description", "target_group", "period")],
    *[("task", "results", name) for name in ("name", "target", "measure")],
    *[
        ("costs", "lines", name)
        for name in ("category", "name", "quantity", "unit", "unit_cost", "total", "from_grant", "from_other")
    ],
]


@pytest.fixture
def offer(jaslo):
    call = make_call(make_call_index(jaslo))
    task = call.tasks.get()
    return Offer.objects.create(
        call=call,
        task=task,
        organisation=make_organisation(),
        centre=Centre.for_site(jaslo),
        draft=complete_draft(task),
    )


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


def errors(offer, key):
    """[(field id, message)] of section `key` of the offer's draft."""
    bound = bind(SECTIONS_BY_KEY[key], offer.draft[key], offer)
    bound.is_valid()
    return bound.errors()


def messages_at(offer, key, anchor):
    return [message for where, message in errors(offer, key) if where == anchor]


def problems(offer):
    content, found = validate_draft(offer)
    assert content is None, "the draft was expected to fail"
    return found


def set_line(offer, index=0, **values):
    offer.draft["costs"]["lines"][index].update(values)


def test_the_complete_draft_passes_every_rule(offer):
    content, found = validate_draft(offer)
    assert found == []
    assert content["budget"]["total"] == "10000.00"


@pytest.mark.parametrize(("key", "name"), REQUIRED)
def test_each_required_field_left_empty_is_an_error_at_it(offer, key, name):
    offer.draft[key][name] = ""
    anchor = f"id_{key}-{name}"
    assert any("wymagane" in message for message in messages_at(offer, key, anchor))
    assert any(problem.anchor == anchor and problem.section == key for problem in problems(offer))


@pytest.mark.parametrize("name", list(DECLARATIONS))
def test_each_declaration_not_ticked_is_an_error_at_it(offer, name):
    del offer.draft["declarations"][name]
    assert messages_at(offer, "declarations", f"id_declarations-{name}")
    assert [problem.section for problem in problems(offer)] == ["declarations"]


@pytest.mark.parametrize(("key", "rows", "name"), REQUIRED_IN_ROWS)
def test_each_required_field_of_a_row_left_empty_is_an_error_at_it(offer, key, rows, name):
    offer.draft["offeror"]["partners"] = [dict(PARTNER)]
    offer.draft[key][rows][0][name] = ""
    anchor = f"id_{key}-{rows}-0-{name}"
    found = messages_at(offer, key, anchor)
    assert found and "wiersz 1" in found[0]
    assert any(problem.anchor == anchor for problem in problems(offer))


@pytest.mark.parametrize(("key", "rows"), [("task", "actions"), ("task", "results"), ("costs", "lines")])
def test_a_row_set_needs_its_minimum_of_rows(offer, key, rows):
    offer.draft[key][rows] = []
    found = messages_at(offer, key, f"{key}-{rows}-rows")
    assert len(found) == 1 and "co najmniej 1" in found[0].lower()
    assert any(problem.anchor == f"{key}-{rows}-rows" for problem in problems(offer))


def test_a_joint_offer_needs_no_partners(offer):
    offer.draft["offeror"]["partners"] = []
    assert errors(offer, "offeror") == []


@pytest.mark.parametrize(
    ("key", "rows"), [("offeror", "partners"), ("task", "actions"), ("task", "results"), ("costs", "lines")]
)
def test_a_row_set_takes_at_most_its_maximum_of_rows(offer, key, rows):
    row = PARTNER if rows == "partners" else offer.draft[key][rows][0]
    post = {}
    for index in range(MAX_ROWS[rows] + 1):
        post.update({f"{key}-{rows}-{index}-{name}": value for name, value in row.items()})
    raw = raw_from_post(SECTIONS_BY_KEY[key], post)
    assert len(raw[rows]) == MAX_ROWS[rows]
    offer.draft[key] = {**offer.draft[key], **raw}
    found = messages_at(offer, key, f"{key}-{rows}-rows")
    assert len(found) == 1 and f"{MAX_ROWS[rows]}" in found[0] and "najwyżej" in found[0]


def test_a_line_total_must_be_quantity_times_unit_cost(offer):
    set_line(offer, total="9 100,00", from_grant="9100")
    found = messages_at(offer, "costs", "id_costs-lines-0-total")
    assert len(found) == 1
    assert "9\u00a0000,00\u00a0zł" in found[0] and "9\u00a0100,00\u00a0zł" in found[0]


def test_a_line_total_is_rounded_half_up_to_the_grosz(offer):
    set_line(offer, quantity="3", unit_cost="33,335", total="100,01", from_grant="100,01")
    assert messages_at(offer, "costs", "id_costs-lines-0-unit_cost")  # three decimals are refused at the field
    set_line(offer, quantity="0,5", unit_cost="0,01", total="0,01", from_grant="0,01")
    assert messages_at(offer, "costs", "id_costs-lines-0-total") == []


def test_grant_and_other_sources_must_add_up_to_the_line_total(offer):
    set_line(offer, from_grant="8000", from_other="500")
    found = messages_at(offer, "costs", "id_costs-lines-0-from_other")
    assert len(found) == 1 and "8\u00a0500,00\u00a0zł" in found[0] and "9\u00a0000,00\u00a0zł" in found[0]


def test_sources_of_financing_must_equal_the_other_sources_column(offer):
    offer.draft["financing"]["own_funds"] = "600"
    offer.draft["financing"]["personal"] = "300"
    found = messages_at(offer, "financing", "")
    assert len(found) == 1 and "900,00\u00a0zł" in found[0] and "1\u00a0000,00\u00a0zł" in found[0]
    assert [problem.section for problem in problems(offer)] == ["financing"]


def test_sources_wait_for_valid_cost_lines_before_they_are_compared(offer):
    set_line(offer, quantity="dużo")
    offer.draft["financing"]["own_funds"] = "1"
    assert errors(offer, "financing") == []


def test_the_grant_may_not_exceed_the_tasks_funds(offer):
    offer.task.funds = Decimal("8999.99")
    found = messages_at(offer, "costs", "costs-lines-rows")
    assert len(found) == 1 and "8\u00a0999,99\u00a0zł" in found[0] and "9\u00a0000,00\u00a0zł" in found[0]


def test_the_grant_may_equal_the_tasks_funds(offer):
    offer.task.funds = Decimal("9000.00")
    assert errors(offer, "costs") == []


def test_own_contribution_exactly_at_the_minimum_passes(offer):
    assert offer.task.min_own_contribution == 10
    assert validate_draft(offer)[1] == []


def test_own_contribution_one_grosz_below_the_minimum_is_refused_though_it_rounds_to_it(offer):
    # 999.99 of 10 000.00 is 9.9999%, which rounds to 10.00%; the rule compares exactly.
    set_line(offer, 0, quantity="1", unit_cost="9000,01", total="9000,01", from_grant="9000,01", from_other="0")
    set_line(offer, 1, quantity="1", unit_cost="999,99", total="999,99", from_grant="0", from_other="999,99")
    offer.draft["financing"]["own_funds"] = "999,99"
    found = messages_at(offer, "costs", "costs-lines-rows")
    assert len(found) == 1
    assert "9,99%" in found[0] and "co najmniej 10%" in found[0] and "1\u00a0000,00\u00a0zł" in found[0]


def test_own_contribution_below_the_minimum_names_the_amount_needed(offer):
    offer.task.min_own_contribution = Decimal("12.5")
    found = messages_at(offer, "costs", "costs-lines-rows")
    assert len(found) == 1 and "12,5%" in found[0] and "1\u00a0250,00\u00a0zł" in found[0]


@pytest.mark.parametrize(("name", "day"), [("starts_on", "{year_before}-12-31"), ("ends_on", "{year_after}-01-01")])
def test_dates_outside_the_tasks_period_are_refused_at_the_date(offer, name, day):
    year = offer.task.starts_on.year
    offer.draft["task"][name] = day.format(year_before=year - 1, year_after=year + 1)
    found = messages_at(offer, "task", f"id_task-{name}")
    assert len(found) == 1 and f"1 stycznia {year}" in found[0] and f"31 grudnia {year}" in found[0]


def test_the_end_date_may_not_be_before_the_start(offer):
    year = offer.task.starts_on.year
    offer.draft["task"].update(starts_on=f"{year}-06-01", ends_on=f"{year}-05-31")
    found = messages_at(offer, "task", "id_task-ends_on")
    assert len(found) == 1 and "przed" in found[0]


def test_the_problem_list_names_a_few_errors_of_a_section_then_counts_the_rest(offer):
    offer.draft["costs"]["lines"] = [dict.fromkeys(offer.draft["costs"]["lines"][0], "x")] * 4
    costs = [problem for problem in problems(offer) if problem.section == "costs"]
    assert len(costs) == 6
    assert "więcej" in costs[-1].message


def test_a_section_never_saved_is_named_as_not_filled_in(offer):
    del offer.draft["resources"]
    found = problems(offer)
    assert len(found) == 1 and "IV" in found[0].message and found[0].anchor == ""


# --- Budget arithmetic ---------------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("99999.99"), places=2)
quantities = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)


@st.composite
def cost_lines(draw):
    lines = []
    for _ in range(draw(st.integers(1, 30))):
        quantity, unit_cost = draw(quantities), draw(amounts)
        total = money(quantity * unit_cost)
        grant = draw(st.decimals(min_value=Decimal("0"), max_value=total, places=2))
        lines.append({"quantity": quantity, "unit_cost": unit_cost, "total": total, "from_grant": grant,
                      "from_other": total - grant})  # fmt: skip
    return lines


@settings(max_examples=200, deadline=None)
@given(lines=cost_lines())
def test_budget_sums_are_exact_decimals_of_the_lines(lines):
    budget = budget_of(lines)
    assert budget.total == sum((line["total"] for line in lines), Decimal("0"))
    assert budget.grant + budget.other == budget.total
    for value in (budget.total, budget.grant, budget.other, budget.own_share):
        assert type(value) is Decimal
    assert budget.total.as_tuple().exponent >= -2


@settings(max_examples=200, deadline=None)
@given(lines=cost_lines())
def test_running_totals_of_typed_lines_equal_the_budget_of_cleaned_ones(lines):
    typed = [{name: f"{value:f}".replace(".", ",") for name, value in line.items()} for line in lines]
    assert running_totals(typed) == budget_of(lines)


@settings(max_examples=200, deadline=None)
@given(
    total=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2),
    minimum=st.decimals(min_value=Decimal("0"), max_value=Decimal("100"), places=2),
)
def test_the_amount_named_as_needed_meets_the_minimum_and_a_grosz_less_does_not(total, minimum):
    needed = Budget(total=total, grant=Decimal("0"), other=Decimal("0")).needed_own(minimum)
    assert not Budget(total=total, grant=total - needed, other=needed).below_minimum(minimum)
    if needed > 0:
        less = needed - Decimal("0.01")
        assert Budget(total=total, grant=total - less, other=less).below_minimum(minimum)


def test_quantity_times_unit_cost_is_never_computed_in_float():
    # 0.1 × 3 in float is 0.30000000000000004; to the grosz in Decimal it is 0.30.
    assert money(Decimal("0.1") * Decimal("3")) == Decimal("0.30")
    assert money(Decimal("1.005")) == Decimal("1.01")


def test_a_copy_of_the_draft_is_not_changed_by_validating(offer):
    before = copy.deepcopy(offer.draft)
    validate_draft(offer)
    assert offer.draft == before
    assert datetime.date.fromisoformat(offer.draft["task"]["starts_on"])
