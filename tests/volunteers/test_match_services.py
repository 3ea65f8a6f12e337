"""The match lifecycle as services: who may do what, in which state, and what it changes."""

import datetime

import pytest
from django.utils import timezone

from tests.support import mails_to
from tests.volunteers.matching_helpers import (
    clear,
    coordinator,
    make_beneficiary,
    make_need,
    pool_volunteer,
)
from volunteers import services
from volunteers.matching import Reason
from volunteers.models import Match, MatchOutcome, MatchStatus, NeedStatus
from volunteers.services.matches import MatchRefused

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(jaslo):
    return make_need(make_beneficiary(jaslo))


@pytest.fixture
def staff(jaslo):
    return coordinator(jaslo)


@pytest.fixture
def volunteer(jaslo):
    return pool_volunteer(jaslo, "pomocna@example.org")


def test_proposing_holds_the_need_and_tells_the_volunteer_without_naming_anyone(need, staff, volunteer):
    reasons = (Reason("same_district"), Reason("hours", (((0, "afternoon"),), 3)))
    match = services.matches.propose(need, volunteer, staff, score=50, reasons=reasons)

    need.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED and need.status == NeedStatus.MATCHED
    assert match.reasons == [["same_district", []], ["hours", [[[0, "afternoon"]], 3]]]
    [mail] = mails_to("pomocna@example.org")
    assert "Korepetycje" in mail.subject or "Śródmieście" in mail.subject
    assert "Nowakowie" not in mail.body and "Słoneczna" not in mail.body and "600 200 300" not in mail.body


def test_staff_of_another_centre_cannot_propose(need, volunteer, pulawy):
    outsider = coordinator(pulawy, "obca@example.org")
    with pytest.raises(MatchRefused):
        services.matches.propose(need, volunteer, outsider)
    assert not Match.objects.exists()


def test_a_need_gets_one_live_match(jaslo, need, staff, volunteer):
    services.matches.propose(need, volunteer, staff)
    other = pool_volunteer(jaslo, "druga@example.org")
    need.status = NeedStatus.OPEN  # even if the status were wrong, the live match stops it
    need.save()
    with pytest.raises(MatchRefused, match="ma już zaproponowanego albo pomagającego"):
        services.matches.propose(need, other, staff)


def test_a_volunteer_at_capacity_is_refused_with_the_reason(jaslo, staff, volunteer):
    first = make_need(make_beneficiary(jaslo, "Kowalscy"))
    second = make_need(make_beneficiary(jaslo, "Wiśniewscy"))
    services.matches.propose(first, volunteer, staff)
    with pytest.raises(MatchRefused) as refused:
        services.matches.propose(second, volunteer, staff)
    assert "limit" in refused.value.message
    second.refresh_from_db()
    assert second.status == NeedStatus.OPEN


def test_the_constraints_are_checked_again_when_confirming(jaslo, staff, volunteer):
    """A plan made before a check expired cannot assign the volunteer to a child's need."""
    child_need = make_need(make_beneficiary(jaslo), child_involved=True)
    with pytest.raises(MatchRefused) as refused:
        services.matches.propose(child_need, volunteer, staff)
    assert "dzieć" in refused.value.message or "dzieci" in refused.value.message
    clear(volunteer, jaslo)
    assert services.matches.propose(child_need, volunteer, staff).status == MatchStatus.PROPOSED


def test_a_volunteer_outside_the_pool_is_refused(jaslo, need, staff, volunteer):
    volunteer.regular_help = False
    volunteer.save()
    with pytest.raises(MatchRefused):
        services.matches.propose(need, volunteer, staff)


def test_accepting_activates_and_reveals_only_the_permitted_contact(need, staff, volunteer):
    match = services.matches.propose(need, volunteer, staff)
    assert match.permitted_contact is None
    match = services.matches.accept(match, volunteer)
    assert match.status == MatchStatus.ACTIVE and match.answered_at is not None
    assert match.permitted_contact == {
        "first_name": "Anna",
        "place": "ul. Słoneczna 4, 38-200 Jasło",
        "phone": "600 200 300",
    }
    assert mails_to("koordynatorka@example.org"), "the coordinator hears of the answer"


def test_the_meeting_place_replaces_the_address(jaslo, staff, volunteer):
    need = make_need(make_beneficiary(jaslo, meeting_place="Świetlica przy ul. Kościuszki 2"))
    match = services.matches.accept(services.matches.propose(need, volunteer, staff), volunteer)
    assert match.permitted_contact["place"] == "Świetlica przy ul. Kościuszki 2"


def test_only_the_volunteer_asked_answers(jaslo, need, staff, volunteer):
    match = services.matches.propose(need, volunteer, staff)
    other = pool_volunteer(jaslo, "inna@example.org")
    with pytest.raises(MatchRefused):
        services.matches.accept(match, other)
    with pytest.raises(MatchRefused):
        services.matches.decline(match, other, "nie")


def test_declining_needs_a_reason_and_reopens_the_need(need, staff, volunteer):
    match = services.matches.propose(need, volunteer, staff)
    with pytest.raises(MatchRefused):
        services.matches.decline(match, volunteer, "   ")
    match = services.matches.decline(match, volunteer, "Zmieniłam pracę.")
    need.refresh_from_db()
    assert match.status == MatchStatus.DECLINED and need.status == NeedStatus.OPEN
    assert "Zmieniłam pracę." in mails_to("koordynatorka@example.org")[-1].body
    with pytest.raises(MatchRefused):
        services.matches.accept(match, volunteer)


def test_ending_with_an_outcome_closes_or_reopens_the_need(jaslo, staff, volunteer):
    need = make_need(make_beneficiary(jaslo))
    match = services.matches.accept(services.matches.propose(need, volunteer, staff), volunteer)
    with pytest.raises(MatchRefused):
        services.matches.end(match, staff, "")
    services.matches.end(match, staff, MatchOutcome.GOOD, "Dzieci zdały do następnej klasy.")
    need.refresh_from_db()
    assert need.status == NeedStatus.CLOSED

    other = make_need(make_beneficiary(jaslo, "Zielińscy"))
    match = services.matches.accept(services.matches.propose(other, volunteer, staff), volunteer)
    services.matches.end(match, staff, MatchOutcome.NOT_CONTINUED, reopen=True)
    other.refresh_from_db()
    assert other.status == NeedStatus.OPEN


def test_a_volunteer_who_leaves_reopens_the_need_and_frees_their_place(need, staff, volunteer):
    match = services.matches.accept(services.matches.propose(need, volunteer, staff), volunteer)
    assert services.matches.free_places(volunteer) == 0
    services.matches.leave(match, volunteer, "Przeprowadzam się.")
    need.refresh_from_db()
    match.refresh_from_db()
    assert need.status == NeedStatus.OPEN
    assert match.status == MatchStatus.ENDED and match.outcome == MatchOutcome.NOT_CONTINUED
    assert services.matches.free_places(volunteer) == 1
    assert "Przeprowadzam się." in mails_to("koordynatorka@example.org")[-1].body


def test_cancelling_needs_a_reason_and_tells_the_volunteer(need, staff, volunteer):
    match = services.matches.propose(need, volunteer, staff)
    with pytest.raises(MatchRefused):
        services.matches.cancel(match, staff, "")
    services.matches.cancel(match, staff, "Rodzina wyjechała.")
    match.refresh_from_db()
    need.refresh_from_db()
    assert match.status == MatchStatus.CANCELLED and need.status == NeedStatus.OPEN
    assert "Rodzina wyjechała." in mails_to("pomocna@example.org")[-1].body
    with pytest.raises(MatchRefused):
        services.matches.cancel(match, staff, "jeszcze raz")


def test_a_paused_need_stays_paused_when_its_proposal_is_declined(need, staff, volunteer):
    match = services.matches.propose(need, volunteer, staff)
    need.status = NeedStatus.PAUSED
    need.save()
    services.matches.decline(match, volunteer, "Nie dam rady.")
    need.refresh_from_db()
    assert need.status == NeedStatus.PAUSED


def test_replacement_candidates_leave_out_who_left_and_favour_earlier_helpers(jaslo, staff):
    beneficiary = make_beneficiary(jaslo)
    earlier_need = make_need(beneficiary, category="seniors")
    helper = pool_volunteer(jaslo, "dawna@example.org", max_concurrent=2)
    services.matches.end(
        services.matches.accept(services.matches.propose(earlier_need, helper, staff), helper),
        staff,
        MatchOutcome.GOOD,
    )
    need = make_need(beneficiary)
    leaving = pool_volunteer(jaslo, "odchodzi@example.org")
    newcomer = pool_volunteer(jaslo, "nowa@example.org")
    match = services.matches.accept(services.matches.propose(need, leaving, staff), leaving)
    services.matches.leave(match, leaving, "Brak czasu.")

    ranked, _excluded, _pool = services.matches.replacement_candidates(match)

    assert [p.volunteer_id for p in ranked] == [helper.pk, newcomer.pk]
    assert Reason("continuity") in ranked[0].reasons


def test_a_mail_server_down_never_loses_a_proposal(need, staff, volunteer, smtp_down):
    match = services.matches.propose(need, volunteer, staff)
    assert Match.objects.get(pk=match.pk).status == MatchStatus.PROPOSED
    assert not mails_to("pomocna@example.org")
    smtp_down.restore()
    smtp_down.run_retries()
    assert mails_to("pomocna@example.org")


def test_a_start_date_in_the_future_is_when_checks_must_be_valid(jaslo, staff, volunteer):
    clear(volunteer, jaslo, days_valid=10)
    later = timezone.localdate() + datetime.timedelta(days=30)
    need = make_need(make_beneficiary(jaslo), child_involved=True, start_date=later)
    with pytest.raises(MatchRefused):
        services.matches.propose(need, volunteer, staff)
