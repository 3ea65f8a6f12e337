"""200 organisations submit their offers in the last seconds before the deadline: count what landed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/deadline_surge.py \
        [--organisations 200] [--spread 20] [--late 2] [--double 0.1] [--workers 4] [--threads 4] [--keep]

On the PostgreSQL server DATABASE_URL names, it creates a throw-away database (dropped at the
end unless --keep), migrates it and builds one centre with an open call and `--organisations`
verified organisations, each with a complete offer (its required attachment stored) and a
signed-in member (a session made directly in the database). It serves the site with gunicorn
on a free loopback port; every member first opens the check page (GET, for the CSRF cookie),
then the call's deadline is set a few seconds ahead and each member presses "Submit" at a
random moment in the last `--spread` seconds, some up to `--late` seconds after the deadline;
a `--double` share of them click twice. It prints:

- accepted: offers whose member was sent on to the offer (302) and which the database holds
  as submitted, with a number and one version;
- refused: offers whose member saw the deadline message, and which stayed drafts;
- lost (must be 0): an accepted answer whose offer is not submitted, or a submitted offer whose
  member saw a refusal or an error;
- duplicated (must be 0): offers with more than one version, numbers given twice or a gap in
  the numbers;
- errors: answers other than 302 or the check page (5xx, timeouts);
- the latency of the submissions, p50 and p99.

Exits with status 1 when anything was lost, duplicated or answered with an error. Traffic goes
to 127.0.0.1 only.
"""

import argparse
import datetime
import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# bench/volunteers.py shares its name with the Django app: keep this folder off the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from bench.pages import free_port, stop, wait_until_up  # noqa: E402

HOST = "localhost"
DATABASE = "pomost_deadline_surge"
DEADLINE_MESSAGE = "Termin składania ofert minął"


def server_url(url, database):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


def recreate_database(url, *, drop_only=False):
    import psycopg

    with psycopg.connect(server_url(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')


def setup_django(database_url, private_root):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev", DATABASE_URL=database_url, PRIVATE_MEDIA_ROOT=private_root
    )
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(count):
    """The centre, its open call and `count` organisations with complete offers and sessions."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail.models import Page, Site

    from core.models import Centre
    from ngo_grants.models import MemberRole, Membership, Offer, Organisation, Representative, Verification
    from tests.factories import make_centre
    from tests.ngo_grants import complete_draft, make_call, make_call_index
    from tests.ngo_grants.submitting import attach_statute, valid_nips

    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    site = make_centre(hostname=HOST, port=80, default=True)
    centre = Centre.for_site(site)
    call = make_call(make_call_index(site), "Otwarty konkurs ofert – pomiar")
    task = call.tasks.get()
    clients = []
    for number, nip in zip(range(count), valid_nips(), strict=False):
        user = get_user_model().objects.create_user(f"ngo{number}@bench.example", first_name="Maria")
        organisation = Organisation.objects.create(
            name=f"Stowarzyszenie nr {number}",
            legal_form="association",
            krs=f"{number + 500000:010d}",
            nip=nip,
            regon="600467400",
            street="ul. Kościuszki 26",
            postcode="38-200",
            city="Jasło",
            email=f"biuro{number}@bench.example",
            phone="13 446 22 10",
            iban="PL61109010140000071219812874",
            created_by=user,
        )
        Representative.objects.create(organisation=organisation, name="Maria Nowak", function="prezes zarządu")
        Membership.objects.create(organisation=organisation, user=user, role=MemberRole.ADMIN)
        Verification.objects.create(organisation=organisation, centre=centre)
        offer = Offer.objects.create(
            call=call, task=task, organisation=organisation, centre=centre, draft=complete_draft(task)
        )
        attach_statute(offer)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        clients.append(Client(offer.pk, session.session_key))
    return call, clients


class Client:
    """One member of an organisation: their offer, session, CSRF token and what they saw."""

    def __init__(self, offer_id, session_key):
        self.offer_id, self.session_key = offer_id, session_key
        self.path = f"/oferty/{offer_id}/zloz/"
        self.token = ""
        self.answers = []  # (outcome, seconds)
        self.pressed = []  # when each click left the client (epoch seconds)

    def headers(self):
        cookie = f"sessionid={self.session_key}" + (f"; csrftoken={self.token}" if self.token else "")
        return {"Host": HOST, "Cookie": cookie}

    def open_check_page(self, port):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.request("GET", self.path, headers=self.headers())
            response = conn.getresponse()
            response.read()
            self.token = SimpleCookie(response.getheader("Set-Cookie", ""))["csrftoken"].value
        finally:
            conn.close()

    def submit(self, port):
        began = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            headers = {**self.headers(), "Content-Type": "application/x-www-form-urlencoded"}
            conn.request("POST", self.path, body=urlencode({"csrfmiddlewaretoken": self.token}), headers=headers)
            response = conn.getresponse()
            body = response.read().decode(errors="replace")
            if response.status == 302:
                outcome = "accepted"
            elif response.status == 200 and DEADLINE_MESSAGE in body:
                outcome = "refused"
            else:
                outcome = f"HTTP {response.status}"
        except Exception as error:  # noqa: BLE001 - a failed connection is one of the outcomes counted
            outcome = type(error).__name__
        finally:
            conn.close()
        self.answers.append((outcome, time.perf_counter() - began))


def surge(port, clients, deadline, spread, late, double):
    """Every client presses Submit at a random moment of the last `spread` seconds (a few up to
    `late` seconds after the deadline); some press twice, 50 ms apart."""
    rnd = random.Random(1)
    threads = []
    for client in clients:
        moment = deadline - spread + rnd.uniform(0, spread + late)
        presses = [moment, moment + 0.05] if rnd.random() < double else [moment]
        for at in presses:
            threads.append(threading.Thread(target=press, args=(client, port, at)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def press(client, port, at):
    time.sleep(max(at - time.time(), 0))
    client.pressed.append(time.time())
    client.submit(port)


def tally(call, clients):
    from django.db.models import Count

    from ngo_grants.models import Offer
    from ngo_grants.workflow import OfferStatus

    offers = {offer.pk: offer for offer in Offer.objects.filter(call=call).annotate(version_count=Count("versions"))}
    counts = {"accepted": 0, "refused": 0, "lost": 0, "duplicated": 0, "errors": 0}
    for client in clients:
        offer = offers[client.offer_id]
        seen = {outcome for outcome, _seconds in client.answers}
        submitted = offer.status == OfferStatus.SUBMITTED and offer.number and offer.version_count == 1
        counts["errors"] += len(seen - {"accepted", "refused"})
        if "accepted" in seen:
            counts["accepted" if submitted else "lost"] += 1
        elif offer.status == OfferStatus.SUBMITTED:
            counts["lost"] += 1  # submitted, but its member was told otherwise
        elif "refused" in seen and not offer.number and not offer.version_count:
            counts["refused"] += 1
        counts["duplicated"] += max(offer.version_count - 1, 0)
    numbers = sorted(int(offer.number.rsplit("/", 1)[1]) for offer in offers.values() if offer.number)
    counts["duplicated"] += len(numbers) - len(set(numbers))
    counts["gaps"] = sum(1 for expected, got in enumerate(numbers, start=1) if expected != got)
    latencies = sorted(seconds for client in clients for _outcome, seconds in client.answers)
    return counts, latencies


def percentile(values, share):
    return values[min(len(values) - 1, int(len(values) * share))] if values else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=200)
    parser.add_argument("--spread", type=float, default=20, help="seconds before the deadline the clicks spread over")
    parser.add_argument("--late", type=float, default=2, help="seconds after the deadline some clicks still come")
    parser.add_argument("--double", type=float, default=0.1, help="share of members who click twice")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away database")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("needs DATABASE_URL=postgres://… (a PostgreSQL server where the bench may create a database)")

    recreate_database(url)
    database_url = server_url(url, DATABASE)
    with tempfile.TemporaryDirectory() as private_root:
        try:
            result = run(args, database_url, private_root)
        finally:
            from django.db import connections

            connections.close_all()
            if not args.keep:
                recreate_database(url, drop_only=True)
    sys.exit(result)


def run(args, database_url, private_root):
    began = time.perf_counter()
    setup_django(database_url, private_root)
    call, clients = build(args.organisations)
    built = time.perf_counter() - began
    from django.db import connection

    connection.close()
    port = free_port()
    env = dict(os.environ, LOG_LEVEL="ERROR", DJANGO_LOG_LEVEL="ERROR")
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{port}"]
    gunicorn += ["-w", str(args.workers), "--threads", str(args.threads), "--log-level", "warning", "--timeout", "120"]
    # The dev settings print every confirmation e-mail to the console: not wanted here.
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        if not wait_until_up(port, HOST):
            sys.exit("gunicorn did not start")
        pages = [threading.Thread(target=client.open_check_page, args=(port,)) for client in clients]
        for thread in pages:
            thread.start()
        for thread in pages:
            thread.join()
        deadline = time.time() + 3
        from ngo_grants.models import CallPage

        closes_at = datetime.datetime.fromtimestamp(deadline + args.spread, tz=datetime.UTC)
        CallPage.objects.filter(pk=call.pk).update(closes_at=closes_at)
        connection.close()
        surge(port, clients, closes_at.timestamp(), args.spread, args.late, args.double)
    finally:
        stop(server)

    counts, latencies = tally(call, clients)
    clicks = sum(len(client.answers) for client in clients)
    late = sum(1 for client in clients if min(client.pressed) >= closes_at.timestamp())
    print(f"{args.organisations} organisations, {clicks} clicks in the last {args.spread:g} s (+{args.late:g} s late)")
    print(f"gunicorn: {args.workers} workers × {args.threads} threads, PostgreSQL; data built in {built:.0f} s")
    print(f"submissions accepted: {counts['accepted']}")
    print(f"refused after the deadline: {counts['refused']} ({late} members clicked after it; the others")
    print("  waited for a free worker past it: the time that counts is when the server takes the request)")
    print(f"lost: {counts['lost']}")
    print(f"duplicated: {counts['duplicated']} (gaps in the numbers: {counts['gaps']})")
    print(f"errors: {counts['errors']}")
    print(f"latency of a submission: p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")  # fmt: skip
    unaccounted = args.organisations - counts["accepted"] - counts["refused"] - counts["lost"]
    if unaccounted:
        print(f"offers neither accepted nor refused: {unaccounted}")
    failed = counts["lost"] or counts["duplicated"] or counts["gaps"] or counts["errors"] or unaccounted
    return 1 if failed else 0


if __name__ == "__main__":
    main()
