"""Measure the site search: index rebuild time and queries per second for N pages.

    .venv/bin/python bench/search.py [--pages 1000] [--rounds 20]

Builds a throw-away SQLite database (or uses DATABASE_URL when it points at PostgreSQL, whose
database is then left with the pages in it) with one centre and `--pages` published pages of
Polish text, times `rebuild_search_entries`, then runs a set of queries — with and without
Polish letters, one to four words, hits and misses — through the search view and prints
queries per second. Nothing is asserted: these are figures to compare between commits.
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCES = [
    "Ośrodek Pomocy Społecznej przyjmuje wnioski o zasiłek okresowy.",
    "Pracownicy socjalni pomagają rodzinom w trudnej sytuacji życiowej.",
    "Wolontariusze odwiedzają seniorów i osoby z niepełnosprawnościami.",
    "Karta Dużej Rodziny daje zniżki rodzinom wielodzietnym.",
    "Dożywianie dzieci w szkołach finansuje program rządowy.",
    "Asystent rodziny wspiera rodziców w opiece nad dziećmi.",
    "Klub młodzieżowy zaprasza na zajęcia w każdy piątek.",
    "Pomoc sąsiedzka to zakupy, spacer i rozmowa z samotnymi.",
    "Mieszkania chronione przygotowują do samodzielnego życia.",
    "Świadczenia wypłacamy do dziesiątego dnia każdego miesiąca.",
    "Wycieczka do Łodzi odbyła się dzięki wsparciu sponsorów.",
    "Źródła finansowania projektu to budżet miasta i środki unijne.",
]

HOST = "szukaj.localhost"

QUERIES = [
    "pomoc spoleczna",
    "pomocy społecznej",
    "osrodek",
    "lodz",
    "karta duzej rodziny",
    "wolontariusz senior",
    "zasilek okresowy wniosek",
    "niepelnosprawnosci",
    "hipopotam",
    "swiadczenia rodzinne dzieci szkola",
]


def setup_django(db_path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    import logging

    logging.disable(logging.INFO)


def build(pages):
    from django.core.management import call_command

    from home.models import StandardPage
    from tests.factories import make_centre

    call_command("migrate", verbosity=0)
    site = make_centre(hostname=HOST)
    rng = random.Random(2026)
    start = time.perf_counter()
    for n in range(pages):
        page = StandardPage(
            title=f"{rng.choice(SENTENCES).split(' ', 3)[-1].rstrip('.')} ({n})",
            slug=f"strona-{n}",
            lead=rng.choice(SENTENCES),
            body=[("paragraph", "<p>" + " ".join(rng.sample(SENTENCES, 6)) + "</p>") for _ in range(3)],
        )
        site.root_page.add_child(instance=page)
        page.save_revision().publish()
    return time.perf_counter() - start


def rebuild_seconds():
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("rebuild_search_entries", stdout=io.StringIO())
    return time.perf_counter() - start


def queries_per_second(rounds):
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    rates = {}
    for query in QUERIES:
        client.get("/szukaj/", {"q": query})  # warm-up: the lemmatiser's caches fill once per word
        start = time.perf_counter()
        for _ in range(rounds):
            response = client.get("/szukaj/", {"q": query})
            assert response.status_code == 200, (query, response.status_code)
        rates[query] = rounds / (time.perf_counter() - start)
    return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="published pages to index (default 1000)")
    parser.add_argument("--rounds", type=int, default=20, help="requests per query (default 20)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.db import connection

        from search.models import SearchTerm

        seconds = build(args.pages)
        print(f"{args.pages} pages published (and indexed) in {seconds:.1f} s on {connection.vendor}")
        seconds = rebuild_seconds()
        terms = SearchTerm.objects.count()
        print(f"index rebuilt in {seconds:.1f} s ({args.pages / seconds:.0f} pages/s, {terms} term rows)")
        print(f"\n{'query':<40}{'queries/s':>10}   (search view, one process)")
        for query, rate in queries_per_second(args.rounds).items():
            print(f"{query:<40}{rate:>10.1f}")


if __name__ == "__main__":
    main()
