"""The matching screens' forms survive hostile input (see tests/security/hostile.py): ending
and cancelling a match, proposing from a need's candidates, from the plan and as a
replacement, and the matches listing's filters. Nothing a person typed is lost on an error,
and whatever arrives, the database holds only what the services allow."""

import pytest

from accounts.models import Role
from tests.accounts.helpers import make_staff
from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers.matching_helpers import make_beneficiary, make_need, pool_volunteer
from volunteers import services
from volunteers.models import Match, MatchOutcome, MatchStatus, Need, NeedStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(jaslo):
    return make_staff("koordynatorka@example.org", jaslo, Role.COORDINATOR)


@pytest.fixture
def admin(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def need(jaslo):
    return make_need(make_beneficiary(jaslo), times=("0-afternoon",))


@pytest.fixture
def volunteer(jaslo):
    return pool_volunteer(jaslo, "pomocna@example.org")


@pytest.fixture
def match(need, volunteer, staff):
    return services.matches.propose(need, volunteer, staff, score=40)


def restore(match, status):
    """Put the match (and its need) back the way the form expects it before each attempt."""

    def again():
        Match.objects.filter(replaces=match).delete()
        Match.objects.filter(pk=match.pk).update(
            status=status, outcome="", outcome_note="", cancel_reason="", ended_at=None, ended_by=None
        )
        Need.objects.filter(pk=match.need_id).update(status=NeedStatus.MATCHED)

    return again


def test_end_form_survives_hostile_input(admin, match):
    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/dopasowania/{match.pk}/",
        fields={"outcome": MatchOutcome.GOOD, "note": "Pomoc się sprawdziła.", "reopen": "on"},
        fixed_data={"action": "end"},
        form_context_name="end_form",
        prepare=restore(match, MatchStatus.ACTIVE),
    )

    assert report["redirected"] > 0 and report["refused"] > 0
    match.refresh_from_db()
    assert match.outcome in ("", *MatchOutcome.values)
    assert len(match.outcome_note) <= 1000 and "\x00" not in match.outcome_note


def test_cancel_form_survives_hostile_input(admin, match):
    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/dopasowania/{match.pk}/",
        fields={"reason": "Rodzina wyprowadziła się z miasta."},
        fixed_data={"action": "cancel"},
        form_context_name="cancel_form",
        prepare=restore(match, MatchStatus.PROPOSED),
    )

    assert report["redirected"] > 0 and report["refused"] > 0
    match.refresh_from_db()
    assert len(match.cancel_reason) <= 1000 and "\x00" not in match.cancel_reason


def test_replacement_proposal_survives_hostile_input(admin, match, jaslo):
    other = pool_volunteer(jaslo, "zastepstwo@example.org")

    def cancelled_and_open():
        Match.objects.filter(replaces=match).delete()
        Match.objects.filter(pk=match.pk).update(status=MatchStatus.CANCELLED, cancel_reason="Wyjazd")
        Need.objects.filter(pk=match.need_id).update(status=NeedStatus.OPEN)

    report = assert_form_survives_hostile_input(
        admin,
        f"/admin/dopasowania/{match.pk}/",
        fields={"volunteer": str(other.pk)},
        fixed_data={"action": "propose"},
        prepare=cancelled_and_open,
    )

    assert report["redirected"] > 0
    assert set(Match.objects.exclude(pk=match.pk).values_list("volunteer", flat=True)) <= {other.pk}


def test_proposing_from_a_need_survives_hostile_input(admin, need, volunteer):
    def open_again():
        Match.objects.all().delete()
        Need.objects.filter(pk=need.pk).update(status=NeedStatus.OPEN)

    report = assert_form_survives_hostile_input(
        admin, f"/admin/dopasowania/potrzeby/{need.pk}/", fields={"volunteer": str(volunteer.pk)}, prepare=open_again
    )

    assert report["redirected"] > 0
    assert set(Match.objects.values_list("volunteer", flat=True)) <= {volunteer.pk}


def test_confirming_the_plan_survives_hostile_input(admin, need, volunteer):
    def open_again():
        Match.objects.all().delete()
        Need.objects.filter(pk=need.pk).update(status=NeedStatus.OPEN)

    report = assert_form_survives_hostile_input(
        admin,
        "/admin/dopasowania/plan/",
        fields={"proposal": f"{need.pk}-{volunteer.pk}"},
        prepare=open_again,
    )

    assert report["redirected"] > 0
    assert set(Match.objects.values_list("need", "volunteer")) <= {(need.pk, volunteer.pk)}


def test_match_filters_survive_hostile_input(admin, match):
    report = assert_form_survives_hostile_input(
        admin,
        "/admin/dopasowania/",
        method="get",
        fields={"status": MatchStatus.PROPOSED, "need": str(match.need_id), "volunteer": str(match.volunteer_id)},
    )

    assert report["accepted"] > 0 and report["refused"] > 0
