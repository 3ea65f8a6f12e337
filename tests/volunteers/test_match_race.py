"""Two coordinators confirm at the same moment: the row locks give one match, never two."""

import threading

import pytest
from django.db import connection

from tests.volunteers.matching_helpers import coordinator, make_beneficiary, make_need, pool_volunteer
from volunteers import services
from volunteers.models import Match, MatchStatus
from volunteers.services.matches import MatchRefused

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(calls):
    """Run each (function, args) at once in its own thread and connection; say how each ended."""
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(function, args):
        try:
            barrier.wait()
            function(*args)
            outcomes.append("done")
        except MatchRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_the_same_volunteers_last_place_is_given_once(jaslo):
    volunteer = pool_volunteer(jaslo, "ostatnie.miejsce@example.org", max_concurrent=1)
    needs = [make_need(make_beneficiary(jaslo, name)) for name in ("Nowakowie", "Kowalscy")]
    staff = [coordinator(jaslo, f"koordynator{i}@example.org") for i in range(2)]

    outcomes = race(
        [(services.matches.propose, (need, volunteer, person)) for need, person in zip(needs, staff, strict=True)]
    )

    assert outcomes == ["done", "refused"]
    assert Match.objects.filter(volunteer=volunteer, status=MatchStatus.PROPOSED).count() == 1


def test_the_same_need_is_given_to_one_volunteer(jaslo):
    need = make_need(make_beneficiary(jaslo))
    volunteers = [pool_volunteer(jaslo, f"chetna{i}@example.org") for i in range(2)]
    staff = [coordinator(jaslo, f"koordynator{i}@example.org") for i in range(2)]

    outcomes = race(
        [(services.matches.propose, (need, v, person)) for v, person in zip(volunteers, staff, strict=True)]
    )

    assert outcomes == ["done", "refused"]
    assert Match.objects.filter(need=need).count() == 1
