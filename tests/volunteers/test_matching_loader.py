"""From the database to the engine: `services.matching` builds the engine's plain data right
(districts, slots, capacity across centres, checks, history) and explains open needs; and
every reason the engine can give is worded in the catalogue exactly as its reference Polish."""

import datetime

import pytest
from django.utils import timezone, translation

from tests.volunteers.matching_helpers import clear, district, make_beneficiary, make_need, pool_volunteer
from volunteers import reasons as wording
from volunteers.matching import Reason, render_pl
from volunteers.matching.reasons import _TEXTS
from volunteers.models import (
    Clearance,
    ClearanceKind,
    ClearanceResult,
    Match,
    MatchOutcome,
    MatchStatus,
    Need,
    NeedStatus,
)
from volunteers.services import matching

pytestmark = pytest.mark.django_db


def engine_volunteer(pool, profile):
    [volunteer] = [v for v in pool.volunteers if v.id == profile.pk]
    return volunteer


def test_the_pool_holds_the_volunteers_of_the_centres_districts_with_their_slots(jaslo, pulawy):
    here = pool_volunteer(jaslo, "tu@example.org", districts=("Śródmieście", "Zatorze"), slots=(("0", "morning"),))
    pool_volunteer(pulawy, "tam@example.org")
    occasional = pool_volunteer(jaslo, "okazjonalnie@example.org")
    occasional.regular_help = False
    occasional.save()

    pool = matching.load_pool(here.districts.first().centre)

    assert [v.id for v in pool.volunteers] == [here.pk]
    volunteer = engine_volunteer(pool, here)
    assert volunteer.districts == {matching.district_code(district(jaslo, n).pk) for n in ("Śródmieście", "Zatorze")}
    assert volunteer.slots == {(0, "morning")}
    assert pool.labels[matching.district_code(district(jaslo, "Zatorze").pk)] == "Zatorze"
    assert pool.profiles[here.pk] == here


def test_capacity_counts_live_matches_in_every_centre(jaslo, pulawy):
    profile = pool_volunteer(jaslo, "zajeta@example.org", max_concurrent=3, districts=("Śródmieście",))
    profile.districts.add(district(pulawy, "Włostowice"))
    elsewhere = make_need(make_beneficiary(pulawy, district_name="Włostowice"))
    here = make_need(make_beneficiary(jaslo, name="Kowalscy"))
    ended = make_need(make_beneficiary(jaslo, name="Zielińscy"))
    for need, status in ((elsewhere, MatchStatus.ACTIVE), (here, MatchStatus.PROPOSED), (ended, MatchStatus.ENDED)):
        Match.objects.create(need=need, volunteer=profile, centre=need.beneficiary.centre, status=status)

    [volunteer] = matching.load_pool(here.beneficiary.centre).volunteers

    assert volunteer.capacity == 1


def test_checks_are_valid_until_the_earliest_expiry_and_the_latest_check_of_a_kind_decides(jaslo):
    profile = pool_volunteer(jaslo, "sprawdzona@example.org")
    clear(profile, jaslo, days_valid=100)
    centre = make_beneficiary(jaslo).centre
    today = timezone.localdate()
    Clearance.objects.filter(profile=profile, kind=ClearanceKind.CRIMINAL_RECORD).update(
        expires_on=today + datetime.timedelta(days=30)
    )
    assert engine_volunteer(matching.load_pool(centre), profile).clearance_valid_until == today + datetime.timedelta(
        days=30
    )

    Clearance.objects.create(
        profile=profile,
        centre=centre,
        kind=ClearanceKind.SEX_OFFENDERS_REGISTER,
        checked_on=today,
        result=ClearanceResult.ENTRY_FOUND,
        expires_on=today + datetime.timedelta(days=365),
    )
    assert engine_volunteer(matching.load_pool(centre), profile).clearance_valid_until is None


def test_history_counts_ended_matches_with_their_outcome(jaslo):
    profile = pool_volunteer(jaslo, "doswiadczona@example.org")
    family = make_beneficiary(jaslo)
    for outcome in (MatchOutcome.GOOD, MatchOutcome.NOT_CONTINUED):
        need = make_need(family, status=NeedStatus.CLOSED)
        Match.objects.create(need=need, volunteer=profile, centre=family.centre, status=MatchStatus.ENDED,
                             outcome=outcome)  # fmt: skip

    history = matching.load_pool(family.centre).history

    assert sorted((h.volunteer_id, h.household_id, h.good_outcome) for h in history) == [
        (profile.pk, family.pk, False),
        (profile.pk, family.pk, True),
    ]


def test_a_need_becomes_the_engines_need(jaslo):
    need = make_need(make_beneficiary(jaslo), times=("0-afternoon", "6-evening"), hours_per_week=5, child_involved=True)

    [engine] = matching.load_pool(need.beneficiary.centre).needs

    assert engine.id == need.pk and engine.household_id == need.beneficiary_id
    assert engine.slots == {(0, "afternoon"), (6, "evening")} and engine.hours_per_week == 5
    assert engine.child_involved and engine.minimum_age == need.beneficiary.centre.min_matching_age


def test_open_needs_are_explained_through_the_database(jaslo):
    nobody_there = make_need(make_beneficiary(jaslo, name="Daleko", district_name="Kolonia"))
    wrong_times = make_need(make_beneficiary(jaslo, name="Wieczorem"), times=("6-evening",))
    child = make_need(make_beneficiary(jaslo, name="Z dzieckiem"), child_involved=True)
    pool_volunteer(jaslo, "jedna@example.org", slots=(("0", "afternoon"),))

    plan, pool = matching.centre_plan(make_beneficiary(jaslo, name="Pusta").centre)

    why = dict(plan.unmatched)
    assert why[nobody_there.pk] == Reason(
        "nobody_in_district", (matching.district_code(district(jaslo, "Kolonia").pk),)
    )
    assert why[wrong_times.pk] == Reason("nobody_free")
    assert why[child.pk].code == "requirements_unmet"
    with translation.override("pl"):
        assert wording.describe(why[nobody_there.pk], pool.labels) == "nikt nie pomaga w dzielnicy Kolonia"
    assert Need.objects.filter(status=NeedStatus.OPEN).count() == 3, "a plan changes nothing"


def test_pair_scores_rescore_only_admissible_pairs(jaslo):
    fits = pool_volunteer(jaslo, "pasuje@example.org")
    away = pool_volunteer(jaslo, "daleko@example.org", districts=("Zatorze",))
    need = make_need(make_beneficiary(jaslo))

    scores = matching.pair_scores(need.beneficiary.centre, [(need.pk, fits.pk), (need.pk, away.pk)])

    assert list(scores) == [(need.pk, fits.pk)]
    points, reasons = scores[need.pk, fits.pk]
    assert points > 0 and Reason("same_district") in reasons


# One sample of every code the engine can produce, with parameters as the engine gives them.
SAMPLES = {
    "district": ("district:1",),
    "no_overlap": (),
    "capacity": (),
    "clearance": (datetime.date(2027, 3, 1),),
    "age": (18,),
    "gender": ("female",),
    "language": ("language:1",),
    "disability": ("disability:1",),
    "licence": (),
    "car": (),
    "same_district": (),
    "hours": (((0, "afternoon"), (2, "afternoon"), (5, "morning")), 6),
    "skills": (("skill:1", "skill:2"),),
    "experience": ("disability:1",),
    "shared_language": ("language:1",),
    "good_history": (2,),
    "continuity": (),
    "nobody_in_district": ("district:1",),
    "nobody_free": (),
    "requirements_unmet": ((Reason("clearance", (datetime.date(2027, 3, 1),)), Reason("car")),),
    "everyone_at_capacity": (),
    "candidates_taken": (),
}
LABELS = {
    "district:1": "Śródmieście",
    "language:1": "ukraiński",
    "disability:1": "autyzm",
    "skill:1": "korepetycje",
    "skill:2": "zakupy",
}


def test_every_engine_reason_has_a_sample_here():
    assert set(SAMPLES) == set(_TEXTS)


@pytest.mark.parametrize("code", sorted(_TEXTS))
def test_every_reason_is_worded_in_polish_as_the_engine_words_it(code):
    reason = Reason(code, SAMPLES[code])
    with translation.override("pl"):
        assert wording.describe(reason, LABELS) == render_pl(reason, LABELS)


def test_the_issues_examples_read_as_written():
    with translation.override("pl"):
        assert wording.describe(Reason("same_district")) == "ta sama dzielnica"
        assert wording.describe(Reason("experience", ("disability:1",)), LABELS) == "doświadczenie: autyzm"
        assert (
            wording.describe(Reason("hours", (((0, "afternoon"), (2, "afternoon")), 6)))
            == "dostępność pokrywa się: pon. i śr. popołudnia, ok. 6 h/tydz."
        )
