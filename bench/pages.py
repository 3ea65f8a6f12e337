"""Measure the public pages: SQL queries per page and requests per second under local load.

    .venv/bin/python bench/pages.py [--news 1000] [--requests 400] [--concurrency 4]

Builds a throw-away SQLite database with the demo centres plus `--news` extra news items,
prints the number of SQL queries each public page costs (at the demo size and after adding
the extra news, so growth shows), then serves the site with gunicorn on a free loopback port
and prints requests per second for each page. Nothing is asserted: these are figures to
compare between commits. Traffic goes to 127.0.0.1 only and the load is bounded.
"""

import argparse
import datetime
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("home", "/"),
    ("news index", "/aktualnosci/"),
    ("news index, filtered", "/aktualnosci/?category=awards&year=2014"),
    ("news item", None),
    ("search", "/szukaj/?q=osrodek+pomocy"),
    ("RSS feed", "/kanal/rss/"),
    ("sitemap", "/sitemap.xml"),
]


def setup_django(db_path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    settings.LOGGING_CONFIG = None
    import logging

    logging.disable(logging.INFO)


def build(extra_news):
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--no-demo-users", stdout=open(os.devnull, "w"))  # noqa: SIM115


def add_news(count):
    from home.models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.get(slug="aktualnosci", depth=3, url_path__startswith="/mops-jaslo")
    start = time.perf_counter()
    for n in range(count):
        page = NewsPage(
            title=f"Komunikat ośrodka nr {n}",
            slug=f"komunikat-{n}",
            date=datetime.date(2015, 1, 1) + datetime.timedelta(days=n % 3000),
            category=["news", "awards", "projects"][n % 3],
            lead="Informacja dla mieszkańców o pomocy społecznej i wolontariacie.",
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return time.perf_counter() - start


def query_counts():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from home.models import NewsPage

    client = Client(HTTP_HOST="localhost:8000")
    news_url = NewsPage.objects.live().filter(url_path__startswith="/mops-jaslo").first().url
    counts = {}
    for name, url in PAGES:
        url = url or news_url
        client.get(url)  # warm-up: per-process caches (sites, content types) are filled once
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts, news_url


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port, host):
    """Wait until gunicorn on `port` answers /healthz (at most 30 s); False if it never did."""
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers={"Host": host})
            conn.getresponse().read()
            conn.close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(server):
    """Stop gunicorn, giving its workers time to finish what they are answering."""
    server.terminate()
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()


def load(port, url, total, concurrency, deadline):
    def worker(n):
        done = 0
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for _ in range(n):
            if time.monotonic() > deadline:
                break
            conn.request("GET", url, headers={"Host": "localhost:8000"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{url}: HTTP {response.status}")
            done += 1
        conn.close()
        return done

    per_worker = total // concurrency
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        done = sum(pool.map(worker, [per_worker] * concurrency))
    return done / (time.perf_counter() - start)


def serve_and_measure(db_path, urls, total, concurrency, workers):
    port = free_port()
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.dev", DATABASE_URL=f"sqlite:///{db_path}")
    env["LOG_LEVEL"] = env["DJANGO_LOG_LEVEL"] = "WARNING"
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        results = {}
        for name, url in urls:
            load(port, url, concurrency * 5, concurrency, time.monotonic() + 30)  # warm-up
            results[name] = load(port, url, total, concurrency, time.monotonic() + 60)
        return results
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=1000, help="extra news items to add (default 1000)")
    parser.add_argument("--requests", type=int, default=400, help="requests per page (default 400)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2, one per core)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite3"
        setup_django(db_path)
        start = time.perf_counter()
        build(args.news)
        print(f"demo content loaded in {time.perf_counter() - start:.1f} s")
        small, _ = query_counts()
        seconds = add_news(args.news)
        print(f"{args.news} extra news items published in {seconds:.1f} s ({args.news / seconds:.0f} per second)")
        large, news_url = query_counts()

        print(f"\n{'page':<24}{'queries (demo)':>16}{f'queries (+{args.news} news)':>24}")
        for name, _ in PAGES:
            print(f"{name:<24}{small[name]:>16}{large[name]:>24}")

        urls = [(name, url or news_url) for name, url in PAGES]
        rates = serve_and_measure(db_path, urls, args.requests, args.concurrency, args.workers)
        print(
            f"\n{'page':<24}{'requests/s':>12}   (gunicorn, {args.workers} workers, {args.concurrency} clients, SQLite)"
        )
        for name, rate in rates.items():
            print(f"{name:<24}{rate:>12.1f}")


if __name__ == "__main__":
    main()
