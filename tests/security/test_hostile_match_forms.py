"""The volunteer's match forms survive hostile input (see tests/security/hostile.py): the
reason for declining a proposal and the reason for ending active help."""

import pytest
from django.utils import timezone

from tests.security.hostile import assert_form_survives_hostile_input
from tests.volunteers.matching_helpers import coordinator, make_beneficiary, make_need, pool_volunteer
from volunteers import services
from volunteers.models import HoursEntry, Match, MatchStatus, Need, NeedStatus


@pytest.fixture
def volunteer(jaslo):
    return pool_volunteer(jaslo, "pomocna@example.org")


@pytest.fixture
def match(jaslo, volunteer):
    return services.matches.propose(make_need(make_beneficiary(jaslo)), volunteer, coordinator(jaslo))


def back_to(match, status):
    """The match in `status` again before each request, so every case meets the same form."""

    def prepare():
        Match.objects.filter(pk=match.pk).update(
            status=status, decline_reason="", outcome="", outcome_note="", ended_at=None
        )
        Need.objects.filter(pk=match.need_id).update(status=NeedStatus.MATCHED)

    return prepare


@pytest.mark.django_db
def test_decline_reason_form_survives_hostile_input(client, volunteer, match):
    client.force_login(volunteer.user)

    report = assert_form_survives_hostile_input(
        client,
        f"/wolontariat/moje/stala-pomoc/{match.pk}/odmow/",
        fields={"reason": "Nie mam czasu w poniedziałki."},
        form_context_name="decline_form",
        prepare=back_to(match, MatchStatus.PROPOSED),
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    match.refresh_from_db()
    assert match.status in (MatchStatus.PROPOSED, MatchStatus.DECLINED)
    assert len(match.decline_reason) <= 1000 and "\x00" not in match.decline_reason


@pytest.mark.django_db
def test_leave_reason_form_survives_hostile_input(client, volunteer, match):
    services.matches.accept(match, volunteer)
    client.force_login(volunteer.user)

    report = assert_form_survives_hostile_input(
        client,
        f"/wolontariat/moje/stala-pomoc/{match.pk}/zakoncz/",
        fields={"reason": "Przeprowadzam się."},
        prepare=back_to(match, MatchStatus.ACTIVE),
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    match.refresh_from_db()
    assert match.status in (MatchStatus.ACTIVE, MatchStatus.ENDED)
    assert len(match.outcome_note) <= 1000


@pytest.mark.django_db
def test_log_hours_on_a_match_survives_hostile_input(client, volunteer, match):
    match = services.matches.accept(match, volunteer)
    client.force_login(volunteer.user)

    report = assert_form_survives_hostile_input(
        client,
        "/wolontariat/moje/godziny/",
        fields={"task": f"stala-{match.pk}", "date": timezone.localdate().isoformat(), "hours": "2", "note": ""},
        # Each case on an empty day: the day's limit would refuse the rest.
        prepare=lambda: HoursEntry.objects.all().delete(),
        max_examples=20,
    )

    assert report["redirected"] > 0
    assert report["refused"] > 0
    for entry in HoursEntry.objects.all():
        assert entry.match == match and entry.task is None and entry.volunteer == volunteer
        assert services.hours.MIN_HOURS <= entry.hours <= services.hours.MAX_HOURS
