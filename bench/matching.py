"""Measure the matching engine on realistic instances, from plain data, without a database.

    .venv/bin/python bench/matching.py [--huge] [--seed 1]
    DATABASE_URL=postgres://… .venv/bin/python bench/matching.py --database [--keep]

For 1,000 volunteers × 200 open needs and 10,000 × 2,000 (and 50,000 × 10,000 with
`--huge`) it prints the candidate pairs, the seconds to build them, the seconds for the exact
plan (min-cost flow) and its total, and the same for the greedy baseline. The exact total is
never below greedy's; the script exits with status 1 if it were. Instances follow a large
city: 18 districts of uneven popularity, volunteers free in a few parts of the week (evenings
and weekends most), one to three districts each, capacities 1–3.

`--database` measures "propose a plan from the database" instead: on the PostgreSQL database
that DATABASE_URL names (migrated first), it adds a centre with 10,000 pool volunteers and
2,000 open needs drawn from the same distributions (bulk inserts), then times
`services.matching.centre_plan(centre)` and the admin's plan page over the test client, and
counts the page's queries. The bench's rows are deleted afterwards unless `--keep` is given.
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


# --- Propose a plan from the database -------------------------------------------------------

BENCH_DOMAIN = "plan.bench.example"
BENCH_HOST = "plan-bench.localhost"


def setup_postgres():
    import os

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("--database needs DATABASE_URL=postgres://… (a PostgreSQL database the bench may fill)")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def remove_bench_rows():
    """Everything an earlier run left: its site (with the centre, districts and needs) and people."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from wagtail.models import Site

    from core.models import Centre
    from volunteers.models import Beneficiary, Match, Need

    with transaction.atomic():
        for site in Site.objects.filter(hostname=BENCH_HOST):
            centre = Centre.for_site(site)
            Match.objects.filter(centre=centre).delete()
            Need.objects.filter(beneficiary__centre=centre).delete()
            Beneficiary.objects.filter(centre=centre).delete()
            home = site.root_page
            site.delete()
            home.delete()
        get_user_model().objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()


def vocabulary(model, names):
    return {name: model.objects.get_or_create(name=name)[0].pk for name in names}


def build_centre(rnd, volunteer_count, need_count):
    """A centre with `volunteer_count` pool volunteers and `need_count` open needs, inserted in bulk."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page, Site

    from core.models import Centre
    from home.models import HomePage
    from volunteers.models import (
        Availability,
        Beneficiary,
        Clearance,
        ClearanceKind,
        DisabilityKind,
        District,
        Language,
        Match,
        Need,
        NeedStatus,
        Skill,
        VolunteerProfile,
    )

    today = timezone.localdate()
    with transaction.atomic():
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Bench", slug="plan-bench"))
        site = Site.objects.create(hostname=BENCH_HOST, port=80, root_page=home, site_name="Bench")
        centre = Centre.for_site(site)
        centre.short_name = "Bench"
        centre.save()
        districts = {name: District.objects.create(centre=centre, name=name).pk for name in DISTRICTS}
        skills = vocabulary(Skill, SKILLS)
        languages = vocabulary(Language, LANGUAGES)
        disabilities = vocabulary(DisabilityKind, DISABILITIES)
        plain = [volunteer(rnd, i) for i in range(volunteer_count)]
        wanted = [need(rnd, i) for i in range(need_count)]

        password = make_password("bench-password")
        users = get_user_model().objects.bulk_create(
            [get_user_model()(email=f"v{v.id}@{BENCH_DOMAIN}", password=password, first_name="Wolontariusz",
                              last_name=str(v.id)) for v in plain],
            batch_size=2000,
        )  # fmt: skip
        genders = {"female": "woman", "male": "man", None: ""}
        profiles = VolunteerProfile.objects.bulk_create(
            [
                VolunteerProfile(
                    user=user,
                    birth_date=today.replace(year=today.year - v.age - 1),
                    phone="600 100 200",
                    regular_help=True,
                    max_concurrent=v.capacity,
                    gender=genders[v.gender],
                    driving_licence=v.has_licence,
                    has_car=v.has_car,
                )
                for user, v in zip(users, plain, strict=True)
            ],
            batch_size=2000,
        )
        ids = {v.id: p.pk for v, p in zip(plain, profiles, strict=True)}

        def links(field, rows):
            through = VolunteerProfile._meta.get_field(field).remote_field.through
            column, other = (VolunteerProfile._meta.get_field(field).m2m_column_name(),
                             VolunteerProfile._meta.get_field(field).m2m_reverse_name())  # fmt: skip
            through.objects.bulk_create([through(**{column: a, other: b}) for a, b in rows], batch_size=5000)

        links("districts", [(ids[v.id], districts[d]) for v in plain for d in v.districts])
        links("skills", [(ids[v.id], skills[s]) for v in plain for s in v.skills])
        links("languages", [(ids[v.id], languages[s]) for v in plain for s in v.languages])
        links("disability_experience", [(ids[v.id], disabilities[s]) for v in plain for s in v.disability_experience])
        Availability.objects.bulk_create(
            [Availability(profile_id=ids[v.id], weekday=day, part=part) for v in plain for day, part in v.slots],
            batch_size=5000,
        )
        Clearance.objects.bulk_create(
            [
                Clearance(profile_id=ids[v.id], centre=centre, kind=kind, checked_on=today, result="clear",
                          expires_on=today + datetime.timedelta(days=200))
                for v in plain if v.clearance_valid_until for kind in ClearanceKind.values
            ],
            batch_size=5000,
        )  # fmt: skip
        households = Beneficiary.objects.bulk_create(
            [
                Beneficiary(centre=centre, kind="family", name=f"Rodzina {n}", first_name="Anna",
                            address="ul. Długa 1", district_id=districts[n_need.district])
                for n, n_need in enumerate(wanted)
            ],
            batch_size=2000,
        )  # fmt: skip
        rows = Need.objects.bulk_create(
            [
                Need(beneficiary=household, category="seniors", times=[f"{d}-{p}" for d, p in sorted(n.slots)],
                     hours_per_week=n.hours_per_week, child_involved=n.child_involved,
                     preferred_gender={"female": "woman"}.get(n.preferred_gender, ""),
                     language_id=languages.get(n.language), disability_id=disabilities.get(n.disability),
                     needs_licence=n.needs_licence, needs_car=n.needs_car, start_date=today, status=NeedStatus.OPEN)
                for household, n in zip(households, wanted, strict=True)
            ],
            batch_size=2000,
        )  # fmt: skip
        Need.skills.through.objects.bulk_create(
            [Need.skills.through(need_id=row.pk, skill_id=skills[s]) for row, n in zip(rows, wanted, strict=True)
             for s in n.skills],
            batch_size=5000,
        )  # fmt: skip
        # Earlier help: one household in ten was helped before, most of it went well.
        closed = Need.objects.bulk_create(
            [Need(beneficiary=household, category="seniors", times=["0-morning"], start_date=today,
                  status=NeedStatus.CLOSED) for household in households[::10]],
            batch_size=2000,
        )  # fmt: skip
        Match.objects.bulk_create(
            [Match(need=row, volunteer_id=profiles[rnd.randrange(len(profiles))].pk, centre=centre,
                   status="ended", outcome="good" if rnd.random() < 0.8 else "not_continued")
             for row in closed],
            batch_size=2000,
        )  # fmt: skip
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return centre


def staff_client(centre):
    """A coordinator of the bench centre with an authenticator app, signed in to a test client."""
    from django.test import Client

    from accounts.mfa import set_up_totp
    from accounts.models import Role
    from accounts.roles import grant_role
    from tests.accounts.helpers import make_person

    user = make_person(f"koordynator@{BENCH_DOMAIN}", mfa=False)
    set_up_totp(user)
    grant_role(user, centre, Role.COORDINATOR)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def timed(label, function, runs=3):
    """The best of `runs`: the first warms the caches the way a second visit would."""
    best, result = None, None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    print(f"{label}: {best:.2f} s (best of {runs})", flush=True)
    return best, result


def measure_database(seed, keep=False, volunteer_count=10_000, need_count=2_000, target=5.0):
    setup_postgres()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from volunteers.services import matching as services_matching

    remove_bench_rows()
    started = time.perf_counter()
    centre = build_centre(random.Random(seed), volunteer_count, need_count)
    print(f"built {volunteer_count:,} pool volunteers × {need_count:,} open needs in "
          f"{time.perf_counter() - started:.1f} s", flush=True)  # fmt: skip
    try:
        _seconds, (plan, pool) = timed("centre_plan(centre)", lambda: services_matching.centre_plan(centre))
        started = time.perf_counter()
        services_matching.load_pool(centre, with_profiles=False)
        print(f"  of which loading the pool: {time.perf_counter() - started:.2f} s")
        print(f"  pairs {plan.candidate_pairs:,}, proposals {len(plan.proposals):,}, total {plan.total:,}, "
              f"unmatched {len(plan.unmatched):,}")  # fmt: skip
        client = staff_client(centre)
        page_seconds, response = timed("plan page (GET /admin/dopasowania/plan/)",
                                       lambda: client.get("/admin/dopasowania/plan/"))  # fmt: skip
        with CaptureQueriesContext(connection) as queries:
            client.get("/admin/dopasowania/plan/")
        print(f"  status {response.status_code}, {len(response.content) / 1e6:.1f} MB, "
              f"{len(queries)} SQL queries")  # fmt: skip
        return response.status_code == 200 and page_seconds < target
    finally:
        if not keep:
            remove_bench_rows()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huge", action="store_true", help="also 50,000 volunteers × 10,000 needs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", action="store_true", help="propose a plan from the PostgreSQL database")
    parser.add_argument("--keep", action="store_true", help="with --database: keep the bench's centre")
    args = parser.parse_args()
    if args.database:
        sys.exit(0 if measure_database(args.seed, keep=args.keep) else 1)
    sizes = [(1_000, 200), (10_000, 2_000)] + ([(50_000, 10_000)] if args.huge else [])
    # Every size is measured even after one fails, so the figures are complete.
    results = [measure(v, n, args.seed) for v, n in sizes]
    if not all(results):
        print("the exact plan scored below greedy")
        sys.exit(1)


if __name__ == "__main__":
    main()
