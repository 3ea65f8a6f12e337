"""From the database to the matching engine and back: the pool, the needs, the plan.

The engine (`volunteers.matching`) works on plain frozen data. This module reads one
centre's open needs and its matching pool (volunteers who opted into regular help in one of
the centre's districts) in a fixed number of queries, whatever their size, and hands them
over. Vocabulary words travel as codes ("skill:4", "district:2"), and `labels` maps every
code to the name staff gave it, for the wording of the reasons.

Capacity is counted across all centres: a volunteer helping a family in another centre has
one place fewer here, though this centre never sees that family.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from volunteers import matching
from volunteers.matching.constraints import exclusions
from volunteers.matching.scoring import HistoryIndex, score
from volunteers.models import (
    LIVE_STATES,
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    DisabilityKind,
    District,
    Language,
    Match,
    MatchOutcome,
    MatchStatus,
    Need,
    NeedStatus,
    Skill,
    VolunteerProfile,
)


def district_code(pk):
    return f"district:{pk}"


def skill_code(pk):
    return f"skill:{pk}"


def language_code(pk):
    return f"language:{pk}"


def disability_code(pk):
    return f"disability:{pk}"


@dataclass
class Pool:
    """One centre's matching input: engine data plus what the screens need to show it."""

    volunteers: list
    needs: list
    history: list
    labels: dict
    profiles: dict  # engine volunteer id → VolunteerProfile
    need_rows: dict  # engine need id → Need


def pool_profiles(centre):
    """Volunteers in the centre's matching pool: opted into regular help, in one of its districts."""
    return (
        VolunteerProfile.objects.filter(regular_help=True, districts__centre=centre, user__is_active=True)
        .distinct()
        .select_related("user")
    )


def _clearance_until(owners, profile_ids, centre):
    """For each profile, the last day on which every check in `centre` is valid (None: never).

    The latest check of each kind decides, as on the profile page: an old clear result does
    not hide a newer entry. `owners` is the profiles' queryset (a subquery, not a list of ids).
    """
    latest = {}
    rows = (
        Clearance.objects.filter(profile__in=owners, centre=centre)
        .order_by("profile_id", "kind", "-checked_on", "-pk")
        .values_list("profile_id", "kind", "result", "expires_on")
    )
    for profile_id, kind, result, expires_on in rows:
        latest.setdefault((profile_id, kind), (result, expires_on))
    valid_results = {ClearanceResult.CLEAR, ClearanceResult.NOT_APPLICABLE}
    kinds = ClearanceKind.values
    until = {}
    for profile_id in profile_ids:
        days = []
        for kind in kinds:
            result, expires_on = latest.get((profile_id, kind), (None, None))
            days.append(expires_on if result in valid_results else None)
        until[profile_id] = None if None in days else min(days)
    return until


def _related(model, field_name, owners):
    """{id of a `model` row: set of ids on the other side of its many-to-many `field_name`},
    read from the join table alone, in one query; `owners` is a queryset of the rows' ids."""
    field = model._meta.get_field(field_name)
    rows = field.remote_field.through.objects.filter(**{f"{field.m2m_column_name()}__in": owners}).values_list(
        field.m2m_column_name(), field.m2m_reverse_name()
    )
    return _many(rows)


def _many(through_rows):
    found = defaultdict(set)
    for owner, value in through_rows:
        found[owner].add(value)
    return found


def _age(birth_date, day):
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def load_volunteers(profiles, centre, today=None):
    """Engine volunteers for `profiles` (a queryset), with their remaining capacity.

    The related rows are read with `profiles` as a subquery rather than a list of ids: with
    10,000 volunteers a list makes every query carry 10,000 parameters, which the driver
    spends longer preparing than PostgreSQL spends answering.
    """
    today = today or timezone.localdate()
    rows = list(
        profiles.annotate(live=Count("matches", filter=Q(matches__status__in=LIVE_STATES), distinct=True)).values_list(
            "pk", "birth_date", "gender", "driving_licence", "has_car", "max_concurrent", "live"
        )
    )
    ids = [row[0] for row in rows]
    owners = profiles.values("pk")
    districts = _related(VolunteerProfile, "districts", owners)
    skills = _related(VolunteerProfile, "skills", owners)
    languages = _related(VolunteerProfile, "languages", owners)
    experience = _related(VolunteerProfile, "disability_experience", owners)
    slots = _many(
        (profile_id, (weekday, part))
        for profile_id, weekday, part in Availability.objects.filter(profile__in=owners).values_list(
            "profile_id", "weekday", "part"
        )
    )
    clearances = _clearance_until(owners, ids, centre)
    volunteers = []
    for pk, birth_date, gender, licence, car, max_concurrent, live in rows:
        volunteers.append(
            matching.Volunteer(
                id=pk,
                age=_age(birth_date, today),
                districts=frozenset(district_code(d) for d in districts[pk]),
                slots=frozenset(slots[pk]),
                capacity=max(max_concurrent - live, 0),
                skills=frozenset(skill_code(s) for s in skills[pk]),
                languages=frozenset(language_code(s) for s in languages[pk]),
                disability_experience=frozenset(disability_code(s) for s in experience[pk]),
                gender=gender or None,
                has_licence=licence,
                has_car=car,
                clearance_valid_until=clearances[pk],
            )
        )
    return volunteers


def engine_need(need, minimum_age, skills=None):
    """The engine's view of one `Need` row; `skills` are its skill ids when already fetched."""
    if skills is None:
        skills = need.skills.values_list("pk", flat=True)
    return matching.Need(
        id=need.pk,
        household_id=need.beneficiary_id,
        district=district_code(need.beneficiary.district_id),
        slots=frozenset(need.slots),
        hours_per_week=need.hours_per_week,
        start=max(need.start_date, timezone.localdate()),
        category=need.category,
        skills=frozenset(skill_code(s) for s in skills),
        child_involved=need.child_involved,
        preferred_gender=need.preferred_gender or None,
        language=language_code(need.language_id) if need.language_id else None,
        disability=disability_code(need.disability_id) if need.disability_id else None,
        needs_licence=need.needs_licence,
        needs_car=need.needs_car,
        minimum_age=minimum_age,
    )


def load_needs(needs, centre):
    """Engine needs for `needs` (a queryset of one centre's needs)."""
    rows = list(needs.select_related("beneficiary"))
    skills = _many(Need.skills.through.objects.filter(need__in=needs.values("pk")).values_list("need_id", "skill_id"))
    return rows, [engine_need(need, centre.min_matching_age, skills[need.pk]) for need in rows]


def load_history(profiles):
    """Ended matches of these volunteers (ids or a queryset of them), in any centre: good
    outcomes count for them."""
    rows = Match.objects.filter(volunteer__in=profiles, status=MatchStatus.ENDED).values_list(
        "volunteer_id", "need__beneficiary_id", "outcome"
    )
    return [matching.History(v, household, outcome == MatchOutcome.GOOD) for v, household, outcome in rows]


def load_labels(centre):
    """Every code the reasons may name, with the name staff gave it."""
    labels = {}
    labels.update(
        {district_code(pk): name for pk, name in District.objects.filter(centre=centre).values_list("pk", "name")}
    )
    labels.update({skill_code(pk): name for pk, name in Skill.objects.values_list("pk", "name")})
    labels.update({language_code(pk): name for pk, name in Language.objects.values_list("pk", "name")})
    labels.update({disability_code(pk): name for pk, name in DisabilityKind.objects.values_list("pk", "name")})
    return labels


def load_profiles(ids):
    """{id: VolunteerProfile} with the user, for naming volunteers on the screens; `ids` a
    list or a queryset of them."""
    return {p.pk: p for p in VolunteerProfile.objects.select_related("user").filter(pk__in=ids)}


def load_pool(centre, needs=None, today=None, with_profiles=True):
    """The centre's open needs (or `needs`) and its matching pool, ready for the engine.

    `with_profiles=False` leaves `profiles` empty, for callers that name only some of the
    volunteers afterwards (`centre_plan` names the proposed ones).
    """
    if needs is None:
        needs = Need.objects.for_centre(centre).filter(status=NeedStatus.OPEN)
    need_rows, engine_needs = load_needs(needs, centre)
    profiles = pool_profiles(centre)
    volunteers = load_volunteers(profiles, centre, today)
    return Pool(
        volunteers=volunteers,
        needs=engine_needs,
        history=load_history(profiles.values("pk")),
        labels=load_labels(centre),
        profiles=load_profiles(profiles.values("pk")) if with_profiles else {},
        need_rows={n.pk: n for n in need_rows},
    )


def centre_plan(centre, today=None):
    """The exact plan for all the centre's open needs, and the pool it was made from; the
    pool's `profiles` are the proposed volunteers only (10,000 people need not be named to
    show 2,000 proposals)."""
    pool = load_pool(centre, today=today, with_profiles=False)
    plan = matching.solve_plan(pool.volunteers, pool.needs, pool.history)
    pool.profiles = load_profiles([proposal.volunteer_id for proposal in plan.proposals])
    return plan, pool


def candidates_for(need, today=None):
    """For one need: ranked candidates and the excluded ones with why, and the pool."""
    pool = load_pool(need.beneficiary.centre, needs=Need.objects.filter(pk=need.pk), today=today)
    ranked, excluded = matching.rank_for_need(pool.needs[0], pool.volunteers, pool.history)
    return ranked, excluded, pool


def check_pair(need, profile, today=None):
    """The hard constraints `profile` fails for `need` right now (empty: it may be proposed).

    The services call this under the row locks, so a plan computed a minute ago cannot
    assign a volunteer whose check has since expired or whose last place was just taken.
    """
    centre = need.beneficiary.centre
    [volunteer] = load_volunteers(VolunteerProfile.objects.filter(pk=profile.pk), centre, today)
    if not profile.regular_help or not any(d.centre_id == centre.pk for d in profile.districts.all()):
        volunteer = matching.Volunteer(**{**volunteer.__dict__, "districts": frozenset()})
    return exclusions(volunteer, engine_need(need, centre.min_matching_age))


def pair_scores(centre, pairs, today=None):
    """{(need id, profile id): (score, reasons)} for the admissible `pairs` of `centre`.

    What staff confirm on the plan or a need's page is scored again from the database, for
    those pairs only: a plan computed a minute ago may have changed since (another proposal
    took a place), and the score and reasons kept with the match must be today's. Pairs that
    a hard constraint now excludes are left out; `services.matches.propose` says why.
    """
    need_ids = {need_id for need_id, _profile_id in pairs}
    profile_ids = {profile_id for _need_id, profile_id in pairs}
    _rows, needs = load_needs(Need.objects.for_centre(centre).filter(pk__in=need_ids), centre)
    volunteers = load_volunteers(pool_profiles(centre).filter(pk__in=profile_ids), centre, today)
    needs, volunteers = {n.id: n for n in needs}, {v.id: v for v in volunteers}
    history = HistoryIndex.build(load_history(list(volunteers)))
    scores = {}
    for need_id, profile_id in pairs:
        need, volunteer = needs.get(need_id), volunteers.get(profile_id)
        if need is not None and volunteer is not None and not exclusions(volunteer, need):
            scores[need_id, profile_id] = score(volunteer, need, history)
    return scores
