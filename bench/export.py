"""Measure the grants officer's exports: 5,000 offers of one call with their committee's scores
to XLSX (and CSV), as the admin's "Eksport" links make them.

    .venv/bin/python bench/export.py [--offers 5000] [--members 3]

Builds a throw-away SQLite database with the demo centres and their calls, then adds, with
bulk inserts, `--offers` submitted offers (each with a frozen version holding a two-line
budget) to Jasło's current call, a committee of `--members` voting members and one submitted
score per member and offer on every criterion of the call. It prints, per export, the rows,
the seconds, the SQL queries and the peak memory Python allocated (tracemalloc) while making
it. Timing is this script's business; the tests assert only that the queries do not grow with
the offers (tests/ngo_grants/test_step_exports.py).
"""

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folder holds bench/volunteers.py, which shares its name with the Django app.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.pages import build, setup_django  # noqa: E402


def make_offers(count, members):
    """`count` submitted offers to Jasło's current call, scored by `members` members."""
    from decimal import Decimal

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from core.models import Centre
    from ngo_grants.demo.calls import CURRENT
    from ngo_grants.models import (
        CallPage,
        CommitteeMember,
        CriterionScore,
        MemberKind,
        Offer,
        OfferVersion,
        Organisation,
        Score,
    )
    from ngo_grants.services.committee import committee_of
    from ngo_grants.workflow import OfferStatus

    centre = Centre.objects.get(site__hostname="localhost")
    call = CallPage.objects.filter(slug__contains="2027").first() or CallPage.objects.order_by("-year").first()
    task = call.tasks.first()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Stowarzyszenie nr {n}", legal_form="association", nip=f"99{n:08d}", regon=f"99{n:07d}",
            street="ul. Kościuszki 26", postcode="38-200", city="Jasło", email=f"biuro{n}@bench.example",
            phone="13 446 22 10", iban="PL61109010140000071219812874",
        )
        for n in range(20)
    )  # fmt: skip
    now = timezone.now()
    year = call.year
    lines = [
        {"category": "action", "name": "Wynagrodzenie opiekunki", "quantity": "200", "unit": "godzina",
         "unit_cost": "45.00", "total": "9000.00", "from_grant": "9000.00", "from_other": "0.00"},
        {"category": "admin", "name": "Księgowość", "quantity": "10", "unit": "miesiąc", "unit_cost": "100.00",
         "total": "1000.00", "from_grant": "0.00", "from_other": "1000.00"},
    ]  # fmt: skip
    offers = Offer.objects.bulk_create(
        Offer(
            call=call,
            task=task,
            organisation=organisations[n % len(organisations)],
            centre=centre,
            status=OfferStatus.FORMALLY_ACCEPTED,
            title=f"Oferta {n}",
            number=f"{year}/{CURRENT[:2]}/{n + 1:05d}",
            submitted_at=now,
            total_cost=Decimal("10000.00"),
            grant_requested=Decimal("9000.00"),
            own_contribution=Decimal("1000.00"),
        )
        for n in range(count)
    )
    OfferVersion.objects.bulk_create(
        OfferVersion(
            offer=offer,
            number=1,
            checksum="0" * 64,
            content={
                "organisation": {"name": offer.organisation.name, "nip": offer.organisation.nip, "krs": ""},
                "sections": {
                    "task": {"starts_on": f"{year}-02-01", "ends_on": f"{year}-11-30"},
                    "costs": {"lines": lines},
                },
                "budget": {"total": "10000.00", "grant": "9000.00", "other": "1000.00", "own_share": "10.00"},
            },  # fmt: skip
        )
        for offer in offers
    )
    committee = committee_of(call)
    people = [
        get_user_model().objects.create(email=f"czlonek{n}@bench.example", first_name="Członek", last_name=str(n))
        for n in range(members)
    ]
    seats = CommitteeMember.objects.bulk_create(
        CommitteeMember(committee=committee, user=person, kind=MemberKind.STAFF) for person in people
    )
    criteria = list(call.criteria.all())
    scores = Score.objects.bulk_create(
        Score(member=seat, offer=offer, proposed_amount=Decimal("9000.00"), submitted_at=now)
        for offer in offers
        for seat in seats
    )
    CriterionScore.objects.bulk_create(
        (
            CriterionScore(
                score=score,
                criterion=criterion,
                criterion_name=criterion.name,
                max_points=criterion.max_points,
                points=criterion.max_points // 2,
            )
            for score in scores
            for criterion in criteria
        ),
        batch_size=5000,
    )
    return call, len(criteria)


def measure(call, what, fmt):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ngo_grants.models import Offer
    from ngo_grants.resources import spreadsheet
    from ngo_grants.viewsets.offer_files import EXPORTS

    resource, title, _label = EXPORTS[what]
    offers = Offer.objects.filter(call=call)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        data = spreadsheet(resource, offers, fmt, title)
    seconds = time.perf_counter() - started
    # A second run for the memory: tracemalloc slows Python down several times.
    tracemalloc.start()
    spreadsheet(resource, offers, fmt, title)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, len(queries), peak, len(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=5000)
    parser.add_argument("--members", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        build(0)
        started = time.perf_counter()
        call, criteria = make_offers(args.offers, args.members)
        print(f"built {args.offers} offers, {args.offers * args.members} scores on {criteria} criteria "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        rows = {"oferty": args.offers, "oceny": args.offers * args.members * criteria}
        for what in ("oferty", "oceny"):
            for fmt in ("xlsx", "csv"):
                seconds, queries, peak, size = measure(call, what, fmt)
                print(f"{what:7} {fmt:4} {rows[what]:>7} rows  {seconds:6.1f} s  {queries:3} queries  "
                      f"peak {peak / 2**20:6.1f} MiB  file {size / 2**20:5.1f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
