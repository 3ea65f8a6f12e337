"""Every exclusion, score contribution and unmatched-need explanation, and its Polish."""

import datetime

import pytest

from volunteers.matching import History, Need, Volunteer, rank_for_need, render_pl, solve_plan
from volunteers.matching.constraints import exclusions
from volunteers.matching.reasons import Reason
from volunteers.matching.scoring import WEIGHTS, HistoryIndex, score

START = datetime.date(2027, 3, 1)
MON_WED = frozenset({(0, "afternoon"), (2, "afternoon")})


def volunteer(**changes):
    fields = {"id": 1, "age": 30, "districts": frozenset({"Podzamcze"}), "slots": MON_WED, "capacity": 1}
    return Volunteer(**(fields | changes))


def need(**changes):
    fields = {
        "id": 10,
        "household_id": 100,
        "district": "Podzamcze",
        "slots": MON_WED,
        "hours_per_week": 6,
        "start": START,
    }
    return Need(**(fields | changes))


def test_a_volunteer_who_meets_everything_is_not_excluded():
    assert exclusions(volunteer(), need()) == ()


@pytest.mark.parametrize(
    ("volunteer_changes", "need_changes", "reason", "polish"),
    [
        (
            {},
            {"district": "Śródmieście"},
            Reason("district", ("Śródmieście",)),
            "dzielnica Śródmieście poza dzielnicami wolontariusza",
        ),
        ({}, {"slots": frozenset({(4, "evening")})}, Reason("no_overlap"), "brak wspólnych terminów"),
        ({"capacity": 0}, {}, Reason("capacity"), "brak wolnych miejsc: osiągnięty limit wsparć"),
        (
            {"clearance_valid_until": START - datetime.timedelta(1)},
            {"child_involved": True},
            Reason("clearance", (START,)),
            "brak ważnych zaświadczeń do pracy z dziećmi na dzień 01.03.2027",
        ),
        (
            {},
            {"child_involved": True},
            Reason("clearance", (START,)),
            "brak ważnych zaświadczeń do pracy z dziećmi na dzień 01.03.2027",
        ),
        ({"age": 17}, {}, Reason("age", (18,)), "wiek poniżej 18 lat"),
        ({"gender": None}, {"preferred_gender": "female"}, Reason("gender", ("female",)), "oczekiwana płeć: kobieta"),
        (
            {"languages": frozenset({"en"})},
            {"language": "uk"},
            Reason("language", ("uk",)),
            "brak wymaganego języka: ukraiński",
        ),
        ({}, {"disability": "autism"}, Reason("disability", ("autism",)), "brak doświadczenia: autyzm"),
        ({"has_car": True}, {"needs_licence": True}, Reason("licence"), "brak prawa jazdy"),
        ({"has_licence": True}, {"needs_car": True}, Reason("car"), "brak samochodu"),
    ],
)
def test_each_hard_constraint_excludes_with_its_reason(volunteer_changes, need_changes, reason, polish):
    assert exclusions(volunteer(**volunteer_changes), need(**need_changes)) == (reason,)
    assert render_pl(reason, {"uk": "ukraiński", "autism": "autyzm"}) == polish


def test_a_clearance_valid_on_the_start_day_is_enough():
    assert exclusions(volunteer(clearance_valid_until=START), need(child_involved=True)) == ()


def test_the_one_need_view_ranks_candidates_and_lists_the_excluded_with_all_reasons():
    best = volunteer(id=2, skills=frozenset({"walks"}))
    plain = volunteer(id=1)
    away = volunteer(id=3, districts=frozenset({"Śródmieście"}), age=16)
    ranked, excluded = rank_for_need(need(skills=frozenset({"walks"})), [away, plain, best])
    assert [p.volunteer_id for p in ranked] == [2, 1]
    assert excluded == [(3, (Reason("district", ("Podzamcze",)), Reason("age", (18,))))]


def contributions(v, n, history=()):
    points, reasons = score(v, n, HistoryIndex.build(history))
    return points, {r.code: r for r in reasons}


def test_the_plain_candidate_scores_the_district_and_the_hours_they_cover():
    points, reasons = contributions(volunteer(), need())
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"]
    assert render_pl(reasons["same_district"]) == "ta sama dzielnica"
    assert render_pl(reasons["hours"]) == "dostępność pokrywa się: pon. i śr. popołudnia, ok. 6 h/tydz."


def test_hours_count_only_as_far_as_the_shared_slots_reach():
    points, reasons = contributions(volunteer(slots=frozenset({(0, "afternoon"), (5, "morning")})), need())
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"] * 3 // 6
    assert render_pl(reasons["hours"]) == "dostępność pokrywa się: pon. popołudnia, ok. 3 h/tydz."


def test_skills_score_by_the_share_of_those_asked_for():
    points, reasons = contributions(
        volunteer(skills=frozenset({"walks", "chess"})), need(skills=frozenset({"walks", "shopping"}))
    )
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"] + WEIGHTS["skills"] // 2
    assert render_pl(reasons["skills"], {"walks": "spacery"}) == "umiejętności: spacery"


def test_experience_with_the_disability_scores_and_says_which():
    points, reasons = contributions(volunteer(disability_experience=frozenset({"autism"})), need(disability="autism"))
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"] + WEIGHTS["experience"]
    assert render_pl(reasons["experience"], {"autism": "autyzm"}) == "doświadczenie: autyzm"


def test_a_shared_language_scores():
    points, reasons = contributions(volunteer(languages=frozenset({"uk"})), need(language="uk"))
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"] + WEIGHTS["shared_language"]
    assert render_pl(reasons["shared_language"], {"uk": "ukraiński"}) == "wspólny język: ukraiński"


def test_good_earlier_outcomes_score_up_to_a_cap_and_bad_ones_not_at_all():
    history = [History(1, h) for h in (201, 202, 203, 204)] + [History(1, 205, good_outcome=False)]
    points, reasons = contributions(volunteer(), need(), history)
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"] + 3 * WEIGHTS["good_history"]
    assert render_pl(reasons["good_history"]) == "udane wcześniejsze wsparcia: 3"
    assert contributions(volunteer(), need(), [History(1, 201, good_outcome=False)])[1].keys() == {
        "same_district",
        "hours",
    }


def test_continuity_scores_a_volunteer_who_already_helped_the_household():
    points, reasons = contributions(volunteer(), need(), [History(1, 100)])
    assert points == WEIGHTS["same_district"] + WEIGHTS["hours"] + WEIGHTS["good_history"] + WEIGHTS["continuity"]
    assert render_pl(reasons["continuity"]) == "już pomagał(a) tej rodzinie"


def unmatched_reason(people, wanted):
    return dict(solve_plan(people, wanted).unmatched)


def test_a_need_where_nobody_helps_in_the_district_says_so():
    reason = unmatched_reason([volunteer()], [need(district="Śródmieście")])[10]
    assert render_pl(reason) == "nikt nie pomaga w dzielnicy Śródmieście"


def test_a_need_at_times_nobody_in_the_district_is_free_says_so():
    reason = unmatched_reason([volunteer()], [need(slots=frozenset({(6, "evening")}))])[10]
    assert render_pl(reason) == "nikt z dzielnicy nie jest dostępny w tych terminach"


def test_a_need_whose_candidates_are_all_at_capacity_says_so():
    reason = unmatched_reason([volunteer(capacity=0)], [need()])[10]
    assert render_pl(reason) == "wszyscy pasujący wolontariusze mają komplet wsparć"


def test_a_need_whose_requirements_nobody_free_meets_lists_them():
    people = [volunteer(id=1, age=17), volunteer(id=2, has_licence=True)]
    reason = unmatched_reason(people, [need(needs_licence=True, needs_car=True)])[10]
    assert reason == Reason("requirements_unmet", ((Reason("age", (18,)), Reason("licence"), Reason("car")),))
    assert (
        render_pl(reason) == "nikt dostępny nie spełnia wymagań: wiek poniżej 18 lat; brak prawa jazdy; brak samochodu"
    )


def test_a_need_whose_only_candidate_serves_a_better_fit_says_so():
    only = volunteer(skills=frozenset({"walks"}))
    reasons = unmatched_reason([only], [need(id=10), need(id=11, skills=frozenset({"walks"}))])
    assert list(reasons) == [10]
    assert render_pl(reasons[10]) == "wszyscy pasujący wolontariusze są lepiej dopasowani do innych potrzeb"
